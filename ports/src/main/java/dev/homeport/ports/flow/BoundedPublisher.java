package dev.homeport.ports.flow;

import dev.homeport.ports.SubscriberOverflowException;
import dev.homeport.ports.internal.SubscriberSlot;
import java.time.Duration;
import java.util.Objects;
import java.util.Arrays;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * A multi-subscriber {@link Flow.Publisher} that never grows without bound: each subscriber has
 * its own buffer of {@code bufferSize} items, filled by {@link #offer} and drained on {@code
 * executor} as the subscriber requests. When a buffer is full the subscription's {@link
 * OverflowPolicy} decides, for that subscriber: {@link OverflowPolicy#DROP_OLDEST} and {@link
 * OverflowPolicy#FAIL} act at once and never slow the producer or the other subscribers; under
 * {@link OverflowPolicy#BACKPRESSURE} nothing is dropped: {@link #offer} returns {@code false}
 * and the producer is expected to wait in {@link #awaitRoom} before offering more (a producer
 * that keeps offering anyway fails that subscription once its buffer holds {@code 2 x bufferSize}
 * items, so memory stays bounded whatever the producer does).
 *
 * <p>Signals to each subscriber are serialized (never concurrent) and in offer order, as the
 * Reactive Streams rules require. With a direct executor ({@code Runnable::run}) items are delivered
 * on the offering thread, which makes tests deterministic.
 *
 * <p><b>Batching.</b> With a positive {@code linger}, a delivery task that has emptied a buffer
 * keeps its thread for a few short naps of {@code linger} before it gives the thread back; items
 * offered meanwhile are picked up at the next nap instead of each waking a thread, so a busy
 * stream costs one wake-up per nap rather than one per item (at most {@code linger} of added
 * latency). Only for pool executors: it would hold a direct executor's caller. Subscribers that
 * implement {@link BatchingSubscriber} are told where each burst ends.
 *
 * <p>Thread-safe: {@link #offer}, {@link #awaitRoom}, {@link #close} and subscriptions may be
 * called from any thread.
 *
 * @param <T> the item type
 */
public final class BoundedPublisher<T> implements Flow.Publisher<T>, AutoCloseable {

  private final Executor executor;
  private final int bufferSize;
  private final int resumeAt;
  private final int hardLimit;
  private final OverflowPolicy policy;
  private final long lingerNanos;
  /**
   * The current subscribers, replaced as a whole when one comes or goes (under {@code slotsLock}):
   * {@link #offer} walks an array, so an item costs no iterator (the CLI runs C1 only, which does
   * not remove one by escape analysis).
   */
  private volatile Slot[] slots = newSlots(0);
  private final Object slotsLock = new Object();
  private final AtomicLong dropped = new AtomicLong();
  private final Object terminalLock = new Object();
  /** Backpressure subscribers whose buffer is full (not yet drained to half). */
  private final AtomicInteger full = new AtomicInteger();
  private final AtomicInteger waiters = new AtomicInteger();
  private final ReentrantLock roomLock = new ReentrantLock();
  private final Condition room = roomLock.newCondition();
  private volatile boolean closed;
  private volatile Throwable closedWith;

  /**
   * A publisher whose subscriptions use {@code policy} unless they choose another, delivering
   * without lingering.
   *
   * @param executor runs delivery; a subscriber's items are never delivered concurrently
   * @param bufferSize items buffered per subscriber, at least 1
   * @param policy the default for subscriptions that do not choose a policy
   * @throws IllegalArgumentException if {@code bufferSize} is below 1
   */
  public BoundedPublisher(Executor executor, int bufferSize, OverflowPolicy policy) {
    this(executor, bufferSize, policy, Duration.ZERO);
  }

  /**
   * A publisher whose delivery tasks linger on an empty buffer (see the class documentation).
   *
   * @param linger how long one nap of a delivery task lasts; zero for none (required for a direct
   *     executor)
   * @throws IllegalArgumentException if {@code bufferSize} is below 1 or {@code linger} negative
   */
  public BoundedPublisher(Executor executor, int bufferSize, OverflowPolicy policy, Duration linger) {
    this.executor = Objects.requireNonNull(executor, "executor");
    if (bufferSize < 1) {
      throw new IllegalArgumentException("bufferSize must be at least 1, was " + bufferSize);
    }
    if (linger.isNegative()) {
      throw new IllegalArgumentException("linger must be zero or positive, was " + linger);
    }
    this.bufferSize = bufferSize;
    this.resumeAt = bufferSize / 2;
    this.hardLimit = bufferSize > Integer.MAX_VALUE / 2 ? Integer.MAX_VALUE : 2 * bufferSize;
    this.policy = Objects.requireNonNull(policy, "policy");
    this.lingerNanos = linger.toNanos();
  }

  @Override
  public void subscribe(Flow.Subscriber<? super T> subscriber) {
    subscribe(subscriber, item -> true, policy);
  }

  /** A view of this publisher whose subscribers receive only the items {@code filter} accepts. */
  public Flow.Publisher<T> filtered(Predicate<? super T> filter) {
    return filtered(filter, policy);
  }

  /**
   * A view of this publisher whose subscribers receive only the items {@code filter} accepts, under
   * {@code overflowPolicy} instead of the publisher's default.
   */
  public Flow.Publisher<T> filtered(Predicate<? super T> filter, OverflowPolicy overflowPolicy) {
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(overflowPolicy, "overflowPolicy");
    return subscriber -> subscribe(subscriber, filter, overflowPolicy);
  }

  private void subscribe(Flow.Subscriber<? super T> subscriber, Predicate<? super T> filter, OverflowPolicy chosen) {
    Objects.requireNonNull(subscriber, "subscriber");
    Slot slot = new Slot(subscriber, filter, chosen);
    synchronized (terminalLock) {
      if (closed) {
        slot.terminate(closedWith);
      } else {
        addSlot(slot);
      }
    }
    slot.schedule();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Slot[] newSlots(int length) {
    return new BoundedPublisher.Slot[length];
  }

  private void addSlot(Slot slot) {
    synchronized (slotsLock) {
      Slot[] now = slots;
      Slot[] next = Arrays.copyOf(now, now.length + 1);
      next[now.length] = slot;
      slots = next;
    }
  }

  private void removeSlot(Slot slot) {
    synchronized (slotsLock) {
      Slot[] now = slots;
      for (int i = 0; i < now.length; i++) {
        if (now[i] == slot) {
          Slot[] next = newSlots(now.length - 1);
          System.arraycopy(now, 0, next, 0, i);
          System.arraycopy(now, i + 1, next, i, now.length - i - 1);
          slots = next;
          return;
        }
      }
    }
  }

  /**
   * Hands {@code item} to every current subscriber whose filter accepts it. Never blocks.
   *
   * @return {@code true} if the producer may go on; {@code false} when a {@link
   *     OverflowPolicy#BACKPRESSURE} subscriber's buffer is full: call {@link #awaitRoom} before
   *     the next offer (the item itself was accepted)
   * @throws IllegalStateException if the publisher is closed
   */
  public boolean offer(T item) {
    Objects.requireNonNull(item, "item");
    if (closed) {
      throw new IllegalStateException("publisher is closed");
    }
    for (Slot slot : slots) {
      slot.offer(item);
    }
    return full.get() == 0;
  }

  /** Whether no {@link OverflowPolicy#BACKPRESSURE} subscriber is full (the producer may offer). */
  public boolean hasRoom() {
    return full.get() == 0 || closed;
  }

  /**
   * Waits until no {@link OverflowPolicy#BACKPRESSURE} subscriber is full any more (each has
   * drained at least half of its buffer, cancelled, or ended), the publisher is closed, or {@code
   * timeout} has passed. Producers loop on it, checking their own reasons to stop in between.
   *
   * @return whether there is room now
   * @throws InterruptedException if the waiting thread is interrupted
   */
  public boolean awaitRoom(long timeout, TimeUnit unit) throws InterruptedException {
    if (hasRoom()) {
      return true;
    }
    long left = unit.toNanos(timeout);
    waiters.incrementAndGet();
    roomLock.lock();
    try {
      while (!hasRoom()) {
        if (left <= 0) {
          return false;
        }
        left = room.awaitNanos(left);
      }
      return true;
    } finally {
      roomLock.unlock();
      waiters.decrementAndGet();
    }
  }

  /** Wakes producers waiting in {@link #awaitRoom} (e.g. when their own reason to stop came up). */
  public void wakeWaiters() {
    roomLock.lock();
    try {
      room.signalAll();
    } finally {
      roomLock.unlock();
    }
  }

  private void roomMade() {
    if (waiters.get() > 0) {
      wakeWaiters();
    }
  }

  /** Completes every subscriber after its buffered items; later subscribers complete at once. Idempotent. */
  @Override
  public void close() {
    terminate(null);
  }

  /** Ends every subscriber with {@code error} after its buffered items. Idempotent (the first close wins). */
  public void closeExceptionally(Throwable error) {
    terminate(Objects.requireNonNull(error, "error"));
  }

  private void terminate(Throwable error) {
    synchronized (terminalLock) {
      if (closed) {
        return;
      }
      closedWith = error;
      closed = true;
    }
    for (Slot slot : slots) {
      slot.terminate(error);
      slot.schedule();
    }
    wakeWaiters();
  }

  /** Whether the publisher was completed or failed; later subscribers get the terminal signal at once. */
  public boolean isClosed() {
    return closed;
  }

  /** Items dropped so far under {@link OverflowPolicy#DROP_OLDEST}, over all subscribers. */
  public long droppedCount() {
    return dropped.get();
  }

  /** Subscribers currently subscribed (not cancelled, failed or completed). */
  public int subscriberCount() {
    return slots.length;
  }

  /** One subscriber: its filter and policy, and whether it counts as full (the rest is the base's). */
  private final class Slot extends SubscriberSlot<T> {
    private final Predicate<? super T> filter;
    private final OverflowPolicy slotPolicy;
    private final BatchingSubscriber<? super T> batching;
    /** Counted in {@code full}: a backpressure buffer that filled and has not drained to half. */
    private boolean isFull;

    Slot(Flow.Subscriber<? super T> subscriber, Predicate<? super T> filter, OverflowPolicy slotPolicy) {
      super(subscriber, executor, lingerNanos);
      this.filter = filter;
      this.slotPolicy = slotPolicy;
      this.batching = subscriber instanceof BatchingSubscriber ? (BatchingSubscriber<? super T>) subscriber : null;
    }

    void offer(T item) {
      boolean accepted;
      try {
        accepted = filter.test(item);
      } catch (RuntimeException e) {
        fail(e);
        return;
      }
      if (!accepted) {
        return;
      }
      synchronized (this) {
        if (ended()) {
          return;
        }
        int size = buffer.size();
        if (size >= bufferSize) {
          if (slotPolicy == OverflowPolicy.BACKPRESSURE) {
            if (size >= hardLimit) {
              overflowed("its buffer of " + bufferSize + " items stayed full while the producer ignored backpressure");
              return;
            }
          } else if (slotPolicy == OverflowPolicy.DROP_OLDEST) {
            buffer.poll();
            dropped.incrementAndGet();
          } else {
            overflowed("its buffer of " + bufferSize + " items overflowed; request faster, or use a larger buffer or"
                + " the DROP_OLDEST or BACKPRESSURE policy");
            return;
          }
        }
        buffer.add(item);
        if (slotPolicy == OverflowPolicy.BACKPRESSURE && !isFull && buffer.size() >= bufferSize) {
          isFull = true;
          full.incrementAndGet();
        }
      }
      schedule();
    }

    /** Under the slot's lock: ends it with an overflow error, delivered at once. */
    private void overflowed(String why) {
      endNow(new SubscriberOverflowException("subscriber fell behind: " + why));
      removeSlot(this);
      schedule();
    }

    @Override
    protected void polled(T item) {
      if (isFull && buffer.size() <= resumeAt) {
        releaseFull();
      }
    }

    @Override
    protected void cleared() {
      releaseFull();
    }

    /** Under the slot's lock: no longer counted as full (drained, cancelled or ended). */
    private void releaseFull() {
      if (isFull) {
        isFull = false;
        full.decrementAndGet();
        roomMade();
      }
    }

    @Override
    protected void burstDelivered() {
      if (batching != null) {
        batching.onBatchEnd();
      }
    }

    @Override
    protected void removed() {
      removeSlot(this);
    }
  }
}
