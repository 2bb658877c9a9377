package dev.homeport.ports.flow;

/**
 * What happens when a subscriber's buffer is full and another item arrives. Chosen per
 * subscription (adapters take a default from their configuration).
 */
public enum OverflowPolicy {
  /**
   * Nothing is lost and memory stays bounded: when the subscriber's buffer is full the producer is
   * told to stop ({@link BoundedPublisher#offer} returns {@code false}) and waits in {@link
   * BoundedPublisher#awaitRoom} until the subscriber has drained half of it. A network adapter
   * stops reading its socket meanwhile, so TCP flow control holds the server.
   *
   * <p><b>What it does to the others:</b> the producer is shared, so while one backpressure
   * subscriber is full, every subscriber of the same source (the same session) receives nothing
   * new until it catches up; their buffered items still flow. Use {@link #DROP_OLDEST} or {@link
   * #FAIL} for a subscriber that must never slow the others. The default.
   */
  BACKPRESSURE,
  /**
   * The oldest buffered item is dropped to make room, and counted ({@link
   * BoundedPublisher#droppedCount()}); the subscription goes on. Never slows the producer or other
   * subscribers.
   */
  DROP_OLDEST,
  /**
   * The slow subscription fails at once with {@link dev.homeport.ports.SubscriberOverflowException}
   * (its buffered items are discarded); other subscribers are unaffected and the producer never
   * waits. A subscriber that cannot keep up learns it instead of silently missing events.
   */
  FAIL,
  /**
   * The same as {@link #FAIL} (its earlier name).
   *
   * @deprecated use {@link #FAIL}
   */
  @Deprecated
  FAIL_SUBSCRIPTION;

  /** Whether this policy ends the subscription on overflow ({@link #FAIL} or its old name). */
  public boolean fails() {
    return this == FAIL || this == FAIL_SUBSCRIPTION;
  }
}
