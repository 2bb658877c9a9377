package dev.homeport.ports.media;

/** What a live stream does for a subscriber whose buffer is full (it requested too slowly). */
public enum FrameDropPolicy {
  /**
   * The default: every frame buffered for that subscriber is dropped, and so is every frame up to the
   * next video key frame, which then carries a {@link dev.homeport.domain.media.StreamGap} of reason
   * {@code SUBSCRIBER_BEHIND} with the count. The subscriber never receives a picture whose reference
   * picture it missed: what it gets is whole groups of pictures. Other subscribers are unaffected.
   */
  DROP_WHOLE_GOPS,
  /**
   * The subscription fails with {@link dev.homeport.ports.SubscriberOverflowException}; other
   * subscribers are unaffected.
   */
  FAIL_SUBSCRIPTION
}
