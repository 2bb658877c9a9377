package dev.homeport.domain.camera;

import dev.homeport.domain.FieldMap;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Something the camera detected and recorded, kept whole: real firmware does not publish the
 * fields of its detection list, so every element is accepted, its times and kind taken where
 * present and everything else kept in {@link #otherFields()}. Build with
 * {@code ImmutableDetectionEvent.builder()}; immutable and thread-safe.
 */
@Value.Immutable
public interface DetectionEvent {

  /** When the detection started, when the camera says. */
  Optional<Instant> start();

  /** When it ended, when the camera says. */
  Optional<Instant> end();

  /** What was detected, e.g. {@code motion}, {@code person}, {@code sound}, when the camera says. */
  Optional<String> kind();

  /** Every other field the camera reported for this element. */
  @Value.Default
  default FieldMap otherFields() {
    return FieldMap.empty();
  }

  @Value.Check
  default void check() {
    if (start().isPresent() && end().isPresent() && end().get().isBefore(start().get())) {
      throw new IllegalArgumentException(
          "detection end must not be before start, was start " + start().get() + " and end " + end().get());
    }
  }
}
