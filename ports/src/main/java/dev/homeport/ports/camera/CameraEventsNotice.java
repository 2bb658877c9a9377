package dev.homeport.ports.camera;

import java.time.Instant;
import java.util.Objects;

/**
 * A change in the life of a {@link CameraEvents} stream.
 *
 * @param state the new state
 * @param time when it happened (local clock)
 * @param detail a human explanation, never containing secrets, possibly empty
 * @param eventsMayBeMissing true when detections during an outage were not delivered: set on the
 *     {@link State#SUBSCRIBED} notice that ends a resubscription
 */
public record CameraEventsNotice(State state, Instant time, String detail, boolean eventsMayBeMissing) {

  /** The states an event stream goes through. */
  public enum State {
    /** Subscribing for the first time. */
    STARTING,
    /** Subscribed: events flow. */
    SUBSCRIBED,
    /** The subscription was lost (fault, unknown address, reboot, unreachable); subscribing again. */
    RESUBSCRIBING,
    /** Stopped for good (see the detail): wrong credentials, or the camera has no events. */
    FAILED,
    /** Closed by the user. */
    CLOSED
  }

  public CameraEventsNotice {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(detail, "detail");
  }

  /** A notice without gap. */
  public static CameraEventsNotice of(State state, Instant time, String detail) {
    return new CameraEventsNotice(state, time, detail, false);
  }
}
