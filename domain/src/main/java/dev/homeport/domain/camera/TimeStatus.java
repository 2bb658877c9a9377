package dev.homeport.domain.camera;

import dev.homeport.domain.FieldMap;
import java.time.Instant;
import org.immutables.value.Value;

/** The camera's clock and time zone. Build with {@code ImmutableTimeStatus.builder()}. */
@Value.Immutable
public interface TimeStatus {

  /** The camera's clock. */
  Instant time();

  /** The camera's time zone. */
  TimeZoneSetting timeZone();

  /** Every other field the camera reported (NTP state and the like). */
  @Value.Default
  default FieldMap otherFields() {
    return FieldMap.empty();
  }
}
