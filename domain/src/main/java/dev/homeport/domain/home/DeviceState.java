package dev.homeport.domain.home;

import dev.homeport.domain.FieldMap;
import java.util.Optional;
import org.immutables.value.Value;

/** One attribute of a device's current state. Build with {@code ImmutableDeviceState.builder()}. */
@Value.Immutable
public interface DeviceState {

  /** The component, e.g. {@code main}. */
  String componentId();

  /** The capability, e.g. {@code switch}. */
  String capability();

  /** The attribute, e.g. {@code switch}. */
  String attribute();

  /** The current value, absent when the device has not reported one. */
  Optional<AttributeValue> value();

  /** Every other field (label, icon, arguments...). */
  @Value.Default
  default FieldMap otherFields() {
    return FieldMap.empty();
  }
}
