package dev.homeport.ports.flow;

import dev.homeport.ports.SubscriberOverflowException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
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

  /** Naps of {@code linger} a delivery task takes on an empty buffer before giving its thread back. */
  private static final int LINGER_NAPS = 4;

  private final Executor executor;
  private final int bufferSize;
  private final int resumeAt;
  private final int hardLimit;
  private final OverflowPolicy policy;
  private final long lingerNanos;
  private final Set<Slot> slots = ConcurrentHashMap.newKeySet();
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
        slots.add(slot);
      }
    }
    slot.schedule();
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
    return slots.size();
  }

  /** One subscriber: its buffer, its demand, and a work-in-progress counter serializing signals. */
  private final class Slot implements Flow.Subscription, Runnable {
    private final Flow.Subscriber<? super T> subscriber;
    private final Predicate<? super T> filter;
    private final OverflowPolicy slotPolicy;
    private final BatchingSubscriber<? super T> batching;
    private final ArrayDeque<T> buffer = new ArrayDeque<>();
    private final AtomicInteger wip = new AtomicInteger();
    private long demand;
    private boolean started;
    private boolean terminated;
    private Throwable error;
    private boolean cancelled;
    /** Counted in {@code full}: a backpressure buffer that filled and has not drained to half. */
    private boolean isFull;

    Slot(Flow.Subscriber<? super T> subscriber, Predicate<? super T> filter, OverflowPolicy slotPolicy) {
      this.subscriber = subscriber;
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
        if (cancelled || terminated) {
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
      buffer.clear();
      releaseFull();
      terminated = true;
      error = new SubscriberOverflowException("subscriber fell behind: " + why);
      slots.remove(this);
      schedule();
    }

    /** Under the slot's lock: no longer counted as full (drained, cancelled or ended). */
    private void releaseFull() {
      if (isFull) {
        isFull = false;
        full.decrementAndGet();
        roomMade();
      }
    }

    synchronized void terminate(Throwable cause) {
      if (!terminated) {
        terminated = true;
        error = cause;
      }
    }

    private void fail(Throwable cause) {
      synchronized (this) {
        buffer.clear();
        releaseFull();
        terminated = true;
        error = cause;
      }
      slots.remove(this);
      schedule();
    }

    @Override
    public void request(long n) {
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
    public void cancel() {
      synchronized (this) {
        cancelled = true;
        buffer.clear();
        releaseFull();
      }
      slots.remove(this);
    }

    void schedule() {
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

    @Override
    public void run() {
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
            if (isFull && buffer.size() <= resumeAt) {
              releaseFull();
            }
          } else if (terminated && buffer.isEmpty()) {
            finish = true;
            cause = error;
            cancelled = true;
            releaseFull();
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
          slots.remove(this);
          if (cause == null) {
            subscriber.onComplete();
          } else {
            subscriber.onError(cause);
          }
          return delivered;
        }
        if (delivered && batching != null) {
          try {
            batching.onBatchEnd();
          } catch (RuntimeException e) {
            cancel();
          }
        }
        return delivered;
      }
    }
  }
}
