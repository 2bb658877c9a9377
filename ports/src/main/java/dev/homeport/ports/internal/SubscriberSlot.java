package dev.homeport.ports.internal;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * One subscriber of a bounded multi-subscriber publisher ({@code BoundedPublisher}, {@code
 * FrameFanout}): its buffer, its demand and the work-in-progress counter that serializes its
 * signals, with the Reactive Streams rules both keep: {@code onSubscribe} first, items only as
 * requested and in buffer order, a non-positive request fails the subscription (rule 3.9), a
 * subscriber that throws is cancelled (rule 2.13), the terminal signal comes after the buffered
 * items, and signals are never concurrent.
 *
 * <p>What an offer does to a full buffer is the publisher's own: a subclass adds to {@link
 * #buffer} under this object's monitor, checking {@link #ended()} first, and calls {@link
 * #schedule()} after. It is told, under the monitor, when an item leaves the buffer ({@link
 * #polled}) and when the buffer is emptied ({@link #cleared}), and, outside it, when the
 * subscription is over ({@link #removed}) so the publisher can forget it.
 *
 * <p>With a positive linger, a delivery task that has emptied the buffer naps a few times for
 * more items before giving its thread back (see {@code BoundedPublisher}). Thread-safe; the
 * buffer and the state are guarded by this object's monitor.
 *
 * @param <T> the item type
 */
public abstract class SubscriberSlot<T> implements Flow.Subscription, Runnable {

  /** Naps of {@code linger} a delivery task takes on an empty buffer before giving its thread back. */
  private static final int LINGER_NAPS = 4;

  /** The subscriber's items not yet delivered; guarded by this object's monitor. */
  protected final ArrayDeque<T> buffer = new ArrayDeque<>();
  private final Flow.Subscriber<? super T> subscriber;
  private final Executor executor;
  private final long lingerNanos;
  private final AtomicInteger wip = new AtomicInteger();
  private long demand;
  private boolean started;
  private boolean terminated;
  private Throwable error;
  private boolean cancelled;

  /**
   * @param subscriber who receives the items
   * @param executor runs delivery
   * @param lingerNanos one nap of a delivery task on an empty buffer; 0 for none
   */
  protected SubscriberSlot(Flow.Subscriber<? super T> subscriber, Executor executor, long lingerNanos) {
    this.subscriber = Objects.requireNonNull(subscriber, "subscriber");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.lingerNanos = lingerNanos;
  }

  /** Under the monitor: {@code item} left the buffer to be delivered. */
  protected void polled(T item) {}

  /** Under the monitor: the buffer was emptied (cancelled, failed or ended). */
  protected void cleared() {}

  /**
   * Outside the monitor, on the delivery thread: a run of deliveries ended with the buffer empty
   * or the demand spent (where a batching subscriber flushes). If it throws, the subscription is
   * cancelled, as for a throwing {@code onNext}.
   */
  protected void burstDelivered() {}

  /** Outside the monitor: the subscription is over (cancelled, failed or ended); forget it. */
  protected abstract void removed();

  /** Under the monitor: whether the subscription was cancelled or will take no more items. */
  protected final boolean ended() {
    return cancelled || terminated;
  }

  /**
   * Under the monitor: drops the buffered items and ends the subscription with {@code cause},
   * signalled at the next drain; the caller then forgets it and {@link #schedule()}s.
   */
  protected final void endNow(Throwable cause) {
    buffer.clear();
    cleared();
    terminated = true;
    error = cause;
  }

  /** Ends the subscription with {@code cause} now, dropping what is buffered. */
  protected final void fail(Throwable cause) {
    synchronized (this) {
      endNow(cause);
    }
    removed();
    schedule();
  }

  /**
   * Takes no more items: completes ({@code cause} null) or fails after the buffered ones. The
   * first end wins. The caller {@link #schedule()}s.
   */
  public final synchronized void terminate(Throwable cause) {
    if (!terminated) {
      terminated = true;
      error = cause;
    }
  }

  @Override
  public final void request(long n) {
    if (n <= 0) {
      fail(new IllegalArgumentException("request must be positive (rule 3.9), was " + n));
      return;
    }
    synchronized (this) {
      demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
    }
    schedule();
  }

  @Override
  public final void cancel() {
    synchronized (this) {
      cancelled = true;
      buffer.clear();
      cleared();
    }
    removed();
  }

  /** Makes sure a delivery task runs (at most one at a time). */
  public final void schedule() {
    if (wip.getAndIncrement() == 0) {
      try {
        executor.execute(this);
      } catch (RejectedExecutionException e) {
        // The adapter shut its executor down (it is closing): deliver on this thread instead, so
        // a late subscriber still gets onSubscribe and its terminal signal (rule 1.9).
        run();
      }
    }
  }

  /** The delivery task; runs only through {@link #schedule()}. */
  @Override
  public final void run() {
    int missed = 1;
    int naps = 0;
    while (true) {
      if (!started) {
        started = true;
        try {
          subscriber.onSubscribe(this);
        } catch (RuntimeException e) {
          cancel();
        }
      }
      if (drain()) {
        naps = 0;
      }
      if (lingerNanos > 0 && naps < LINGER_NAPS && lingering()) {
        naps++;
        // Keep this task's claim (wip stays at least 1): offers meanwhile only count, and are
        // picked up after the nap instead of each handing a task to the executor.
        int seen = wip.get();
        if (seen > 1) {
          wip.addAndGet(1 - seen);
        }
        missed = 1;
        LockSupport.parkNanos(lingerNanos);
        continue;
      }
      missed = wip.addAndGet(-missed);
      if (missed == 0) {
        return;
      }
    }
  }

  /** Whether it is worth waiting for more items: still live and wanting them. */
  private synchronized boolean lingering() {
    return !cancelled && !terminated && demand > 0;
  }

  /** Delivers what demand allows; whether anything was delivered. */
  private boolean drain() {
    boolean delivered = false;
    while (true) {
      T item = null;
      boolean finish = false;
      Throwable cause = null;
      synchronized (this) {
        if (cancelled) {
          return delivered;
        }
        if (demand > 0 && !buffer.isEmpty()) {
          item = buffer.poll();
          demand--;
          polled(item);
        } else if (terminated && buffer.isEmpty()) {
          finish = true;
          cause = error;
          cancelled = true;
          cleared();
        }
      }
      if (item != null) {
        try {
          subscriber.onNext(item);
        } catch (RuntimeException e) {
          // Rule 2.13 forbids throwing from onNext; a subscriber that does is cancelled.
          cancel();
          return true;
        }
        delivered = true;
        continue;
      }
      if (finish) {
        removed();
        if (cause == null) {
          subscriber.onComplete();
        } else {
          subscriber.onError(cause);
        }
        return delivered;
      }
      if (delivered) {
        try {
          burstDelivered();
        } catch (RuntimeException e) {
          cancel();
        }
      }
      return delivered;
    }
  }
}
