package dev.homeport.ports.media;

import dev.homeport.domain.media.MediaFrame;
import java.util.concurrent.Flow;

/**
 * A camera's live video and audio, as frames.
 *
 * <p>{@link #frames(StreamOptions)} returns a publisher; the camera connection opens when its first
 * subscriber arrives and closes when its last one cancels, and every subscriber of one publisher
 * shares that one connection (ask for the publisher once and subscribe to it as often as needed:
 * many cameras allow only one viewer). Each subscriber:
 * <ul>
 *   <li>receives frames only as it requests them, from a bounded buffer of its own; what happens when
 *       that buffer is full is {@link StreamOptions#dropPolicy()};
 *   <li>starts at the next video key frame (which carries its SPS/PPS), never mid-picture;
 *   <li>sees the camera's timestamps in order, video and audio interleaved as the camera sent them;
 *   <li>after a dropped or stalled connection (reconnected by the adapter with back-off), resumes at
 *       the next key frame, which carries a {@link dev.homeport.domain.media.StreamGap} notice.
 * </ul>
 * The publisher ends a subscriber with {@code onError} only when watching cannot go on:
 * {@link dev.homeport.ports.ViewerLimitException} (someone else is watching),
 * {@link dev.homeport.ports.AuthenticationException}, a
 * {@link dev.homeport.ports.CertificateMismatchException}, or
 * {@link dev.homeport.ports.ClosedException} when the camera is closed; and with
 * {@link dev.homeport.ports.SubscriberOverflowException} under {@link FrameDropPolicy#FAIL_SUBSCRIPTION}.
 *
 * <p>Thread-safe. Signals to one subscriber are never concurrent.
 */
public interface CameraStream {

  /**
   * The live stream described by {@code options}; nothing is sent before the first subscription.
   *
   * @throws NullPointerException if {@code options} is null
   */
  Flow.Publisher<MediaFrame> frames(StreamOptions options);

  /** The live stream with {@link StreamOptions#defaults()}. */
  default Flow.Publisher<MediaFrame> frames() {
    return frames(StreamOptions.defaults());
  }
}
