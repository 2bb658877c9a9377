package dev.homeport.ports.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;

/**
 * A publisher that gives each new subscriber the latest item first, then every later item: one
 * {@link BoundedPublisher} per subscriber, so demand, buffering and the overflow policy are those of
 * {@code BoundedPublisher}. Thread-safe; items are offered under one lock, so every subscriber sees
 * the same order.
 *
 * @param <T> the item type
 */
public final class LatestReplayPublisher<T> implements Flow.Publisher<T> {

  private final Executor executor;
  private final int bufferSize;
  private final OverflowPolicy policy;
  private final List<BoundedPublisher<T>> outlets = new ArrayList<>();
  private T latest;
  private boolean closed;
  private Throwable closedWith;

  /** A publisher delivering on {@code executor}, buffering like {@link BoundedPublisher}. */
  public LatestReplayPublisher(Executor executor, int bufferSize, OverflowPolicy policy) {
    this.executor = Objects.requireNonNull(executor, "executor");
    this.bufferSize = bufferSize;
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  @Override
  public void subscribe(Flow.Subscriber<? super T> subscriber) {
    Objects.requireNonNull(subscriber, "subscriber");
    BoundedPublisher<T> outlet = new BoundedPublisher<>(executor, bufferSize, policy);
    synchronized (this) {
      outlet.subscribe(subscriber);
      if (latest != null) {
        outlet.offer(latest);
      }
      if (closed) {
        end(outlet, closedWith);
      } else {
        outlets.removeIf(existing -> existing.subscriberCount() == 0);
        outlets.add(outlet);
      }
    }
  }

  /** Remembers {@code item} as the latest and hands it to every subscriber; ignored once closed. */
  public synchronized void offer(T item) {
    Objects.requireNonNull(item, "item");
    if (closed) {
      return;
    }
    latest = item;
    // A snapshot: with a direct executor a subscriber may subscribe again from onNext (re-entering
    // this monitor on the same thread), which must not break the iteration.
    for (BoundedPublisher<T> outlet : List.copyOf(outlets)) {
      outlet.offer(item);
    }
  }

  /** Whether {@link #close()} or {@link #closeExceptionally(Throwable)} was called. */
  public synchronized boolean isClosed() {
    return closed;
  }

  /** Completes every subscriber after its buffered items; later subscribers get the latest item, then complete. */
  public void close() {
    terminate(null);
  }

  /** Ends every subscriber with {@code error} after its buffered items. */
  public void closeExceptionally(Throwable error) {
    terminate(Objects.requireNonNull(error, "error"));
  }

  private synchronized void terminate(Throwable error) {
    if (closed) {
      return;
    }
    closed = true;
    closedWith = error;
    List<BoundedPublisher<T>> open = List.copyOf(outlets);
    outlets.clear();
    for (BoundedPublisher<T> outlet : open) {
      end(outlet, error);
    }
  }

  private static void end(BoundedPublisher<?> outlet, Throwable error) {
    if (error == null) {
      outlet.close();
    } else {
      outlet.closeExceptionally(error);
    }
  }
}
