package dev.homeport.domain.camera;

import dev.homeport.domain.FieldMap;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * What the camera last detected, as far as it tells. Build with
 * {@code ImmutableLatestActivity.builder()}; immutable and thread-safe.
 */
@Value.Immutable
public interface LatestActivity {

  /** When the camera last saw activity (Kasa: sysinfo {@code last_activity_timestamp}), if it says. */
  Optional<Instant> time();

  /**
   * The camera's code for the kind of that activity (Kasa: sysinfo {@code a_type}, an integer whose
   * meaning is not published), if it says.
   */
  OptionalLong kindCode();

  /**
   * Detection event states by source (Kasa: {@code motion} from
   * {@code motionDetect.get_detect_event_state}, {@code intelligence} from
   * {@code intelligence.get_detect_event_state}), each kept whole because their fields are not
   * published; a source the model lacks is absent.
   */
  Map<String, FieldMap> eventStates();

  /** Every other field the camera reported. */
  @Value.Default
  default FieldMap otherFields() {
    return FieldMap.empty();
  }
}
