package dev.homeport.domain.camera;

import dev.homeport.domain.FieldMap;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * The SD card's state. Build with {@code ImmutableSdCardState.builder()}; immutable and thread-safe.
 *
 * <p>Sizes are the numbers the camera reports (an EC60 sends them as decimal strings, which the
 * adapter parses). The unit is not published for real firmware; the simulators and the in-memory
 * camera use bytes.
 */
@Value.Immutable
public interface SdCardState {

  /** The state words real firmware answers (EC60); other words are kept as they come. */
  List<String> KNOWN_STATES = List.of("ok", "no sdcard", "file system not support", "no partition",
      "read only", "insufficient space", "multi-partitions", "unmount", "io error",
      "capacity not support", "formatting");

  /** The card state word as the camera reports it, e.g. {@code ok}, {@code no sdcard}, {@code formatting}. */
  String status();

  /** Whether the card is usable ({@code ok}). */
  default boolean ready() {
    return "ok".equals(status());
  }

  /** The card detection state as the camera reports it ({@code detect_state} on an EC60). */
  Optional<String> detectState();

  /** Whether recordings on the card are encrypted, when the camera says so in a field homeport knows. */
  Optional<Boolean> encrypted();

  /**
   * The camera's SD card encryption configuration kept whole (Kasa: the answer of
   * {@code sdCard.get_sd_enc_config}, whose field names are not published); empty when the camera
   * did not answer it.
   */
  @Value.Default
  default FieldMap encryptionConfig() {
    return FieldMap.empty();
  }

  /** Card size ({@code total}), when the camera says. */
  OptionalLong totalBytes();

  /** Free space ({@code free}), when the camera says. */
  OptionalLong freeBytes();

  /** Used space ({@code used}), when the camera says. */
  OptionalLong usedBytes();

  /** Capacity the camera may record to ({@code sd_capacity}), when the camera says. */
  OptionalLong capacityBytes();

  /** Every other field the camera reported. */
  @Value.Default
  default FieldMap otherFields() {
    return FieldMap.empty();
  }
}
