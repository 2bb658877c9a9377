package dev.homeport.ports.camera;

import dev.homeport.domain.camera.CameraEvent;
import java.util.concurrent.Flow;

/**
 * One camera's detection events as they happen: motion, people and tampering starting and ending,
 * pushed (ONVIF pull points) or polled (Kasa), opened with {@link Camera#openEvents()}.
 *
 * <p>{@link #events()} honours demand: each subscriber has a bounded buffer, and one that falls
 * behind fails with {@link dev.homeport.ports.SubscriberOverflowException} rather than making
 * memory grow. {@link #lifecycle()} replays the latest notice to every new subscriber, then each
 * change: subscribed, resubscribing (after a fault, an unknown subscription or a camera reboot),
 * failed (will not retry: wrong credentials, events not supported), closed. A notice with
 * {@link CameraEventsNotice#eventsMayBeMissing()} says that changes during an outage may not have
 * been delivered (cameras do not replay them); read the current state again if it matters.
 *
 * <p>A stream that cannot go on (wrong credentials, no events service) says so with a
 * {@link CameraEventsNotice.State#FAILED} notice and ends {@link #events()} with {@code onError}
 * carrying the {@link dev.homeport.ports.AuthenticationException} or
 * {@link dev.homeport.ports.UnsupportedCommandException}.
 *
 * <p>Thread-safe. Closing ends both publishers ({@code onComplete}) and releases the camera-side
 * subscription; closing the camera closes its event streams.
 */
public interface CameraEvents extends AutoCloseable {

  /** The state changes, for any number of subscribers; each sees the changes after it subscribed. */
  Flow.Publisher<CameraEvent> events();

  /** The stream's life, latest notice first. */
  Flow.Publisher<CameraEventsNotice> lifecycle();

  /** Stops the stream. Idempotent; never throws. */
  @Override
  void close();
}
