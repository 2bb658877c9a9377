package dev.homeport.benchmarks;

import dev.homeport.domain.home.DeviceEvent;
import java.util.BitSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.locks.LockSupport;

/**
 * A subscriber that counts device events by their number ({@code ev-<n>}), so loss and duplicates
 * are exact; optionally slow (a fixed pause per event). Requests everything up front.
 */
final class EventCounter implements Flow.Subscriber<DeviceEvent> {

  private final BitSet seen = new BitSet();
  private final long pauseNanos;
  private volatile long received;
  private volatile long duplicates;
  private volatile long lastArrival;
  final CompletableFuture<Flow.Subscription> subscribed = new CompletableFuture<>();
  final CompletableFuture<Throwable> ended = new CompletableFuture<>();

  EventCounter(long pauseNanos) {
    this.pauseNanos = pauseNanos;
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    subscription.request(Long.MAX_VALUE);
    subscribed.complete(subscription);
  }

  @Override
  public void onNext(DeviceEvent event) {
    long n = Fixtures.eventNumber(event);
    synchronized (seen) {
      if (n >= 0 && n <= Integer.MAX_VALUE) {
        if (seen.get((int) n)) {
          duplicates++;
        } else {
          seen.set((int) n);
        }
      }
      received++;
    }
    lastArrival = System.nanoTime();
    if (pauseNanos > 0) {
      LockSupport.parkNanos(pauseNanos);
    }
  }

  @Override
  public void onError(Throwable throwable) {
    ended.complete(throwable);
  }

  @Override
  public void onComplete() {
    ended.complete(null);
  }

  long received() {
    return received;
  }

  long duplicates() {
    return duplicates;
  }

  long lastArrival() {
    return lastArrival;
  }

  /** Distinct events numbered {@code first .. first+count-1} received. */
  long distinctIn(long first, long count) {
    synchronized (seen) {
      return seen.get((int) first, (int) (first + count)).cardinality();
    }
  }
}
