package dev.homeport.ports.home;

import java.time.Instant;
import java.util.Objects;

/**
 * A change in a session's life.
 *
 * @param state the new state
 * @param time when it happened
 * @param detail a human explanation (never containing secrets), possibly empty
 * @param eventsMayBeMissing true when events pushed during an outage were not delivered (the
 *     service does not replay them): set on the {@link SessionState#AUTHENTICATED} event that ends a
 *     reconnect
 */
public record LifecycleEvent(SessionState state, Instant time, String detail, boolean eventsMayBeMissing) {

  public LifecycleEvent {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(detail, "detail");
  }

  /** An event without gap notice. */
  public static LifecycleEvent of(SessionState state, Instant time, String detail) {
    return new LifecycleEvent(state, time, detail, false);
  }
}
