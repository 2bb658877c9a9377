package dev.homeport.domain.camera;

import java.time.Duration;

/**
 * How long motion must last before it triggers, in day mode and in night mode.
 *
 * @param day minimum trigger time in day mode, 0..600000 ms
 * @param night minimum trigger time in night mode, 0..600000 ms
 */
public record TriggerTime(Duration day, Duration night) {

  /** The largest trigger time accepted. */
  public static final Duration MAX = Duration.ofMinutes(10);

  public TriggerTime {
    check("day", day);
    check("night", night);
  }

  /** A trigger time from milliseconds. */
  public static TriggerTime ofMillis(long dayMillis, long nightMillis) {
    return new TriggerTime(Duration.ofMillis(dayMillis), Duration.ofMillis(nightMillis));
  }

  private static void check(String field, Duration value) {
    if (value == null) {
      throw new IllegalArgumentException("trigger time " + field + " is required");
    }
    if (value.isNegative() || value.compareTo(MAX) > 0) {
      throw new IllegalArgumentException(
          "trigger time " + field + " must be 0.." + MAX.toMillis() + " ms, was " + value.toMillis() + " ms");
    }
  }
}
