package dev.homeport.ports.flow;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** Records every signal; requests {@code initialDemand} on subscribe. Notices overlapping signals. */
final class RecordingSubscriber<T> implements Flow.Subscriber<T> {

  final List<T> items = new CopyOnWriteArrayList<>();
  final AtomicReference<Throwable> error = new AtomicReference<>();
  final AtomicInteger completions = new AtomicInteger();
  final AtomicInteger subscribes = new AtomicInteger();
  final AtomicBoolean overlapped = new AtomicBoolean();
  private final AtomicBoolean inSignal = new AtomicBoolean();
  private final long initialDemand;
  volatile Flow.Subscription subscription;

  RecordingSubscriber(long initialDemand) {
    this.initialDemand = initialDemand;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    enter();
    subscribes.incrementAndGet();
    subscription = s;
    if (initialDemand > 0) {
      s.request(initialDemand);
    }
    leave();
  }

  @Override
  public void onNext(T item) {
    enter();
    items.add(item);
    leave();
  }

  @Override
  public void onError(Throwable throwable) {
    enter();
    error.set(throwable);
    leave();
  }

  @Override
  public void onComplete() {
    enter();
    completions.incrementAndGet();
    leave();
  }

  boolean terminated() {
    return error.get() != null || completions.get() > 0;
  }

  void request(long n) {
    subscription.request(n);
  }

  private void enter() {
    if (!inSignal.compareAndSet(false, true)) {
      overlapped.set(true);
    }
  }

  private void leave() {
    inSignal.set(false);
  }
}
