package dev.homeport.adapter.inmemory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;

/** A test subscriber that records every signal; requests {@code initialDemand} on subscribe. */
final class RecordingSubscriber<T> implements Flow.Subscriber<T> {

  private final long initialDemand;
  final List<T> items = new ArrayList<>();
  volatile Flow.Subscription subscription;
  volatile Throwable error;
  volatile boolean completed;

  RecordingSubscriber(long initialDemand) {
    this.initialDemand = initialDemand;
  }

  static <T> RecordingSubscriber<T> unbounded() {
    return new RecordingSubscriber<>(Long.MAX_VALUE);
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    if (initialDemand > 0) {
      subscription.request(initialDemand);
    }
  }

  @Override
  public synchronized void onNext(T item) {
    items.add(item);
  }

  @Override
  public void onError(Throwable throwable) {
    error = throwable;
  }

  @Override
  public void onComplete() {
    completed = true;
  }

  synchronized List<T> items() {
    return List.copyOf(items);
  }

  void request(long n) {
    subscription.request(n);
  }
}
