package dev.homeport.domain.camera;

import dev.homeport.domain.FieldMap;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/** Something the camera detected and recorded. Build with {@code ImmutableDetectionEvent.builder()}. */
@Value.Immutable
public interface DetectionEvent {

  /** When the detection started. */
  Instant start();

  /** When it ended, when the camera says. */
  Optional<Instant> end();

  /** What was detected, e.g. {@code motion}, {@code person}, {@code sound}, {@code baby-cry}. */
  String kind();

  /** Every other field the camera reported. */
  @Value.Default
  default FieldMap otherFields() {
    return FieldMap.empty();
  }

  @Value.Check
  default void check() {
    if (end().isPresent() && end().get().isBefore(start())) {
      throw new IllegalArgumentException(
          "detection end must not be before start, was start " + start() + " and end " + end().get());
    }
  }
}
