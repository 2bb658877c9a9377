package dev.homeport.adapter.events.wss.internal;

import dev.homeport.ports.flow.BoundedPublisher;
import dev.homeport.ports.flow.OverflowPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;

/**
 * A publisher whose every new subscriber first receives the latest item (if any), then everything
 * offered after. Each subscriber has its own bounded buffer that drops the oldest item when full
 * (lifecycle events are few; the latest matters most). Thread-safe.
 */
public final class LatestReplayPublisher<T> implements Flow.Publisher<T> {

  private final Executor executor;
  private final int bufferSize;
  private final List<BoundedPublisher<T>> subscribers = new ArrayList<>();
  private T latest;
  private boolean closed;

  public LatestReplayPublisher(Executor executor, int bufferSize) {
    this.executor = executor;
    this.bufferSize = bufferSize;
  }

  @Override
  public void subscribe(Flow.Subscriber<? super T> subscriber) {
    BoundedPublisher<T> own = new BoundedPublisher<>(executor, bufferSize, OverflowPolicy.DROP_OLDEST);
    own.subscribe(subscriber);
    synchronized (this) {
      if (latest != null) {
        own.offer(latest);
      }
      if (closed) {
        own.close();
      } else {
        subscribers.removeIf(publisher -> publisher.subscriberCount() == 0 && publisher.isClosed());
        subscribers.add(own);
      }
    }
  }

  /** Hands {@code item} to every subscriber and keeps it for later ones; ignored after close. */
  public synchronized void offer(T item) {
    if (closed) {
      return;
    }
    latest = item;
    for (BoundedPublisher<T> publisher : subscribers) {
      publisher.offer(item);
    }
  }

  /** Completes every subscriber after its buffered items; later subscribers get the latest item, then complete. */
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    subscribers.forEach(BoundedPublisher::close);
    subscribers.clear();
  }
}
