package dev.homeport.domain.home;

import dev.homeport.domain.FieldMap;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A device with its last known states. Fields this model does not name are kept in
 * {@link #otherFields()} rather than dropped. Build with {@code ImmutableDevice.builder()}; immutable
 * and thread-safe.
 */
@Value.Immutable
public interface Device {

  /** The device's id. */
  DeviceId id();

  /** The location the device belongs to. */
  LocationId locationId();

  /** The room the device is in, when it is in one. */
  Optional<RoomId> roomId();

  /** The main component, when reported. */
  Optional<String> componentId();

  /** The name given by the user. */
  String name();

  /** The device type, when reported. */
  Optional<String> type();

  /** Current states, one per component, capability and attribute. */
  List<DeviceState> states();

  /** Every other field the service reported. */
  @Value.Default
  default FieldMap otherFields() {
    return FieldMap.empty();
  }
}
