package dev.homeport.ports.flow;

/** What happens when a subscriber's buffer is full and another item arrives. */
public enum OverflowPolicy {
  /**
   * The slow subscription fails at once with {@link dev.homeport.ports.SubscriberOverflowException}
   * (its buffered items are discarded); other subscribers are unaffected. The default: a subscriber
   * that cannot keep up learns it instead of silently missing events.
   */
  FAIL_SUBSCRIPTION,
  /** The oldest buffered item is dropped to make room, and counted; the subscription goes on. */
  DROP_OLDEST
}
