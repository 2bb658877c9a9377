package dev.homeport.adapter.events.wss.internal;

import dev.homeport.ports.flow.BatchingSubscriber;
import java.util.Objects;
import java.util.concurrent.Flow;

/**
 * Holds a subscriber's {@code onSubscribe} until the service has answered its subscription, while
 * the subscriber's slot in the router already exists and buffers what arrives.
 *
 * <p>Why: the reader thread routes pushed events the moment it decodes them. If the slot were
 * attached only once the subscribing thread saw the answer, the events the reader decodes right
 * after the answer (or, should the service send them first, right before it) would reach no
 * subscriber and be lost. So the slot is attached before the subscription is asked for, and this
 * gate keeps {@code onSubscribe} (the promise that the service subscription is in place) until
 * {@link #open()}; items wait in the slot's bounded buffer meanwhile, since nothing requested them.
 *
 * <p>Thread safety: {@link #open()}, {@link #fail(Throwable)} and the upstream signals may come from
 * different threads (reader, subscribing thread, delivery pool); they are serialised on this object,
 * so the downstream subscriber sees {@code onSubscribe} exactly once and before any other signal.
 * A downstream {@link BatchingSubscriber} is still told where each burst ends.
 */
final class SubscriptionGate<T> implements BatchingSubscriber<T> {

  private static final Flow.Subscription NO_SUBSCRIPTION =
      new Flow.Subscription() {
        @Override
        public void request(long n) {}

        @Override
        public void cancel() {}
      };

  private final Flow.Subscriber<? super T> downstream;
  private final BatchingSubscriber<? super T> batching;
  private Flow.Subscription upstream;
  private boolean opened;
  private boolean forwarded;
  private boolean failed;

  SubscriptionGate(Flow.Subscriber<? super T> downstream) {
    this.downstream = Objects.requireNonNull(downstream, "downstream");
    this.batching = downstream instanceof BatchingSubscriber ? (BatchingSubscriber<? super T>) downstream : null;
  }

  /** The service subscription is in place: the subscriber gets its subscription (now, or once the slot has started). */
  synchronized void open() {
    if (failed || opened) {
      return;
    }
    opened = true;
    forwardIfReady();
  }

  /**
   * The service refused the subscription: the slot is cancelled and the subscriber gets an empty
   * subscription and {@code error}, unless it already has its subscription (then the slot's own
   * terminal signal stands).
   */
  synchronized void fail(Throwable error) {
    if (failed || forwarded) {
      return;
    }
    failed = true;
    if (upstream != null) {
      upstream.cancel();
    }
    forwarded = true;
    downstream.onSubscribe(NO_SUBSCRIPTION);
    downstream.onError(error);
  }

  @Override
  public synchronized void onSubscribe(Flow.Subscription subscription) {
    if (failed) {
      subscription.cancel();
      return;
    }
    upstream = subscription;
    forwardIfReady();
  }

  private void forwardIfReady() {
    if (opened && upstream != null && !forwarded) {
      forwarded = true;
      downstream.onSubscribe(upstream);
    }
  }

  @Override
  public void onNext(T item) {
    // Only after a request, which only the downstream subscriber can make once forwarded.
    downstream.onNext(item);
  }

  @Override
  public void onBatchEnd() {
    if (batching != null) {
      batching.onBatchEnd();
    }
  }

  @Override
  public void onError(Throwable error) {
    synchronized (this) {
      if (failed) {
        return;
      }
      forceForward();
    }
    downstream.onError(error);
  }

  @Override
  public void onComplete() {
    synchronized (this) {
      if (failed) {
        return;
      }
      forceForward();
    }
    downstream.onComplete();
  }

  /** The slot ended before the answer (the session closed): the subscription is over either way. */
  private void forceForward() {
    if (!forwarded) {
      forwarded = true;
      downstream.onSubscribe(upstream == null ? NO_SUBSCRIPTION : upstream);
    }
  }
}
