package dev.homeport.ports.flow;

import java.util.concurrent.Flow;

/**
 * A {@link Flow.Subscriber} that also wants to know where a burst ends, e.g. to flush a buffered
 * output once per burst instead of once per item. {@link BoundedPublisher} calls {@link
 * #onBatchEnd()} on the delivery thread, serialized with the other signals, after one or more
 * {@code onNext} calls when it has nothing more to deliver at that moment (its buffer is empty or
 * the demand is used up).
 *
 * @param <T> the item type
 */
public interface BatchingSubscriber<T> extends Flow.Subscriber<T> {

  /** No more items are deliverable right now; more may follow later. Must not throw. */
  void onBatchEnd();
}
