package dev.homeport.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Watches the heap during a phase: the peak of the heap in use right after each collection (what
 * the program really retained) and the peak of the heap in use sampled every few milliseconds
 * (garbage not yet collected included).
 */
final class HeapWatch implements AutoCloseable {

  private final AtomicLong peakAfterGc = new AtomicLong();
  private final AtomicLong peakUsed = new AtomicLong();
  private final AtomicLong collections = new AtomicLong();
  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private final NotificationListener listener = this::onNotification;
  private final Thread sampler;
  private volatile boolean running = true;

  HeapWatch() {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter) {
        NotificationEmitter emitter = (NotificationEmitter) gc;
        emitter.addNotificationListener(listener, null, null);
        emitters.add(emitter);
      }
    }
    sampler = new Thread(() -> {
      while (running) {
        peakUsed.accumulateAndGet(Bench.heapUsed(), Math::max);
        java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
      }
    }, "bench-heap-sampler");
    sampler.setDaemon(true);
    sampler.start();
  }

  private void onNotification(Notification notification, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
    long used = 0;
    for (MemoryUsage usage : info.getGcInfo().getMemoryUsageAfterGc().values()) {
      used += usage.getUsed();
    }
    // Non-heap pools (metaspace, code cache) are reported too; count heap pools only.
    long heap = 0;
    for (var entry : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
      String pool = entry.getKey();
      if (pool.contains("Eden") || pool.contains("Survivor") || pool.contains("Old") || pool.contains("Tenured")) {
        heap += entry.getValue().getUsed();
      }
    }
    peakAfterGc.accumulateAndGet(heap > 0 ? heap : used, Math::max);
    collections.incrementAndGet();
  }

  long peakAfterGc() {
    return peakAfterGc.get();
  }

  long peakUsed() {
    return peakUsed.get();
  }

  long collections() {
    return collections.get();
  }

  @Override
  public void close() {
    running = false;
    for (NotificationEmitter emitter : emitters) {
      try {
        emitter.removeNotificationListener(listener);
      } catch (ListenerNotFoundException e) {
        // already gone
      }
    }
  }
}
