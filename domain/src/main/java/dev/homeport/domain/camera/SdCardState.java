package dev.homeport.domain.camera;

import dev.homeport.domain.FieldMap;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/** The SD card's state. Build with {@code ImmutableSdCardState.builder()}; immutable and thread-safe. */
@Value.Immutable
public interface SdCardState {

  /** The card state as the camera reports it, e.g. {@code ok}, {@code absent}, {@code error}. */
  String status();

  /** Whether recordings on the card are encrypted, when the camera says. */
  Optional<Boolean> encrypted();

  /** Card capacity in bytes, when the camera says. */
  OptionalLong totalBytes();

  /** Free space in bytes, when the camera says. */
  OptionalLong freeBytes();

  /** Every other field the camera reported. */
  @Value.Default
  default FieldMap otherFields() {
    return FieldMap.empty();
  }
}
