package dev.homeport.benchmarks;

import dev.homeport.ports.home.LifecycleEvent;
import dev.homeport.ports.home.SessionState;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Receives a session's lifecycle events with the time ({@link System#nanoTime()}) each arrived. */
final class LifecycleWatch implements Flow.Subscriber<LifecycleEvent> {

  record Seen(SessionState state, long nanos, String detail) {}

  private final BlockingQueue<Seen> seen = new LinkedBlockingQueue<>();

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    subscription.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(LifecycleEvent item) {
    seen.add(new Seen(item.state(), System.nanoTime(), item.detail()));
  }

  @Override
  public void onError(Throwable throwable) {}

  @Override
  public void onComplete() {}

  /** The next lifecycle event in {@code state}, skipping others; null after {@code timeout}. */
  Seen awaitState(SessionState state, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return null;
      }
      Seen next = seen.poll(left, TimeUnit.NANOSECONDS);
      if (next == null) {
        return null;
      }
      if (next.state() == state) {
        return next;
      }
    }
  }

  void clear() {
    seen.clear();
  }
}
