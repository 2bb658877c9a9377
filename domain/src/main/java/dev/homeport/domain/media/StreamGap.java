package dev.homeport.domain.media;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A notice that frames were missed just before the frame that carries it, and why. The frame that
 * carries a gap is always a video key frame (or, in an audio-only stream, the first audio frame), so a
 * decoder can start over cleanly from it.
 *
 * @param reason why frames were missed
 * @param lastTimestamp the camera timestamp of the last frame delivered before the gap, if any
 * @param reconnects how many times the stream has reconnected so far (0 when the gap is not a
 *     reconnect)
 * @param droppedFrames frames the subscriber did not receive because of this gap, when known (frames
 *     the camera sent while disconnected are not known and not counted)
 * @param detail a human explanation, never containing secrets, possibly empty
 */
public record StreamGap(
    Reason reason, Optional<Duration> lastTimestamp, int reconnects, long droppedFrames, String detail) {

  /** Why frames were missed. */
  public enum Reason {
    /** The connection dropped or stalled and was opened again: whatever the camera sent meanwhile is lost. */
    RECONNECTED,
    /** The subscriber requested too slowly: whole groups of pictures were dropped for it alone. */
    SUBSCRIBER_BEHIND,
    /**
     * The camera sent a part that could not be used (cut short, or not the length it announced): it
     * was dropped, and pictures until the next key frame with it, since they refer to it.
     */
    DAMAGED_PART
  }

  public StreamGap {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(lastTimestamp, "lastTimestamp");
    Objects.requireNonNull(detail, "detail");
    if (reconnects < 0) {
      throw new IllegalArgumentException("reconnects must be 0 or more, was " + reconnects);
    }
    if (droppedFrames < 0) {
      throw new IllegalArgumentException("droppedFrames must be 0 or more, was " + droppedFrames);
    }
  }
}
