package dev.homeport.ports.flow;

import dev.homeport.ports.SubscriberOverflowException;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A multi-subscriber {@link Flow.Publisher} that never blocks the producer and never grows without
 * bound: each subscriber has its own buffer of {@code bufferSize} items, filled by {@link #offer}
 * and drained on {@code executor} as the subscriber requests. When a buffer is full the
 * {@link OverflowPolicy} decides, for that subscriber alone.
 *
 * <p>Signals to each subscriber are serialized (never concurrent) and in offer order, as the
 * Reactive Streams rules require. With a direct executor ({@code Runnable::run}) items are delivered
 * on the offering thread, which makes tests deterministic.
 *
 * <p>Thread-safe: {@link #offer}, {@link #close} and subscriptions may be called from any thread.
 *
 * @param <T> the item type
 */
public final class BoundedPublisher<T> implements Flow.Publisher<T>, AutoCloseable {

  private final Executor executor;
  private final int bufferSize;
  private final OverflowPolicy policy;
  private final Set<Slot> slots = ConcurrentHashMap.newKeySet();
  private final AtomicLong dropped = new AtomicLong();
  private final Object terminalLock = new Object();
  private volatile boolean closed;
  private volatile Throwable closedWith;

  /**
   * @param executor runs delivery; a subscriber's items are never delivered concurrently
   * @param bufferSize items buffered per subscriber, at least 1
   * @param policy what to do when a subscriber's buffer is full
   * @throws IllegalArgumentException if {@code bufferSize} is below 1
   */
  public BoundedPublisher(Executor executor, int bufferSize, OverflowPolicy policy) {
    this.executor = Objects.requireNonNull(executor, "executor");
    if (bufferSize < 1) {
      throw new IllegalArgumentException("bufferSize must be at least 1, was " + bufferSize);
    }
    this.bufferSize = bufferSize;
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  @Override
  public void subscribe(Flow.Subscriber<? super T> subscriber) {
    subscribe(subscriber, item -> true);
  }

  /** A view of this publisher whose subscribers receive only the items {@code filter} accepts. */
  public Flow.Publisher<T> filtered(Predicate<? super T> filter) {
    Objects.requireNonNull(filter, "filter");
    return subscriber -> subscribe(subscriber, filter);
  }

  private void subscribe(Flow.Subscriber<? super T> subscriber, Predicate<? super T> filter) {
    Objects.requireNonNull(subscriber, "subscriber");
    Slot slot = new Slot(subscriber, filter);
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
   * @throws IllegalStateException if the publisher is closed
   */
  public void offer(T item) {
    Objects.requireNonNull(item, "item");
    if (closed) {
      throw new IllegalStateException("publisher is closed");
    }
    for (Slot slot : slots) {
      slot.offer(item);
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
    private final ArrayDeque<T> buffer = new ArrayDeque<>();
    private final AtomicInteger wip = new AtomicInteger();
    private long demand;
    private boolean started;
    private boolean terminated;
    private Throwable error;
    private boolean cancelled;

    Slot(Flow.Subscriber<? super T> subscriber, Predicate<? super T> filter) {
      this.subscriber = subscriber;
      this.filter = filter;
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
        if (buffer.size() >= bufferSize) {
          if (policy == OverflowPolicy.DROP_OLDEST) {
            buffer.poll();
            dropped.incrementAndGet();
          } else {
            buffer.clear();
            terminated = true;
            error =
                new SubscriberOverflowException(
                    "subscriber fell behind: its buffer of " + bufferSize
                        + " items overflowed; request faster, or use a larger buffer or the"
                        + " DROP_OLDEST policy");
            slots.remove(this);
            schedule();
            return;
          }
        }
        buffer.add(item);
      }
      schedule();
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
      while (true) {
        if (!started) {
          started = true;
          try {
            subscriber.onSubscribe(this);
          } catch (RuntimeException e) {
            cancel();
          }
        }
        drain();
        missed = wip.addAndGet(-missed);
        if (missed == 0) {
          return;
        }
      }
    }

    private void drain() {
      while (true) {
        T item = null;
        boolean finish = false;
        Throwable cause = null;
        synchronized (this) {
          if (cancelled) {
            return;
          }
          if (demand > 0 && !buffer.isEmpty()) {
            item = buffer.poll();
            demand--;
          } else if (terminated && buffer.isEmpty()) {
            finish = true;
            cause = error;
            cancelled = true;
          }
        }
        if (item != null) {
          try {
            subscriber.onNext(item);
          } catch (RuntimeException e) {
            // Rule 2.13 forbids throwing from onNext; a subscriber that does is cancelled.
            cancel();
            return;
          }
          continue;
        }
        if (finish) {
          slots.remove(this);
          if (cause == null) {
            subscriber.onComplete();
          } else {
            subscriber.onError(cause);
          }
        }
        return;
      }
    }
  }
}
