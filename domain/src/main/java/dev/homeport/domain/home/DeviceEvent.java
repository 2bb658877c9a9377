package dev.homeport.domain.home;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A device reported an attribute value. Build with {@code ImmutableDeviceEvent.builder()};
 * immutable and thread-safe.
 */
@Value.Immutable
public sealed interface DeviceEvent extends PushedMessage permits ImmutableDeviceEvent {

  /** The event's id; the same event may be delivered twice by the service, with the same id. */
  EventId eventId();

  /** The location of the device. */
  LocationId locationId();

  /** The device that reported; see {@link #device()} for the device itself, when known. */
  DeviceId deviceId();

  /** The component, e.g. {@code main}. */
  String componentId();

  /** The capability, e.g. {@code powerMeter}. */
  String capability();

  /** The attribute, e.g. {@code power}. */
  String attribute();

  /** The reported value, absent when the device reported none. */
  Optional<AttributeValue> value();

  /** The unit, e.g. {@code W}, when the value has one. */
  Optional<String> unit();

  /** {@code false} when the event repeats the current value (a refresh) rather than changing it. */
  boolean stateChange();

  /** When the device reported it. */
  Instant time();

  /** The subscription that delivered it, when known. */
  Optional<SubscriptionId> subscriptionId();

  /** The device, when the directory knew it at delivery time. */
  Optional<Device> device();

  /** A copy carrying {@code device}. */
  default DeviceEvent withDevice(Device device) {
    return ImmutableDeviceEvent.copyOf(this).withDevice(device);
  }
}
