package dev.homeport.adapter.events.wss;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;

/** A test subscriber that records what it gets; requests {@code initial} items at subscribe. */
class Collector<T> implements Flow.Subscriber<T> {
  final List<T> items = new CopyOnWriteArrayList<>();
  final CompletableFuture<Flow.Subscription> subscribed = new CompletableFuture<>();
  final CompletableFuture<Void> completed = new CompletableFuture<>();
  private final long initial;

  Collector() {
    this(Long.MAX_VALUE);
  }

  Collector(long initial) {
    this.initial = initial;
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    if (initial > 0) {
      subscription.request(initial);
    }
    subscribed.complete(subscription);
  }

  @Override
  public void onNext(T item) {
    items.add(item);
  }

  @Override
  public void onError(Throwable throwable) {
    completed.completeExceptionally(throwable);
  }

  @Override
  public void onComplete() {
    completed.complete(null);
  }
}
