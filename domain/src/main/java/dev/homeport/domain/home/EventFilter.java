package dev.homeport.domain.home;

import java.util.Set;
import org.immutables.value.Value;

/**
 * Which device events a subscriber wants: all of one location, optionally narrowed to devices,
 * capabilities and attributes (an empty set means "any"). Build with
 * {@code EventFilter.location(id)} or {@code ImmutableEventFilter.builder()}; immutable and
 * thread-safe.
 */
@Value.Immutable
public interface EventFilter {

  /** The location whose events are wanted. */
  LocationId locationId();

  /** Only events of these devices; empty means any device. */
  Set<DeviceId> deviceIds();

  /** Only events of these capabilities; empty means any capability. */
  Set<String> capabilities();

  /** Only events of these attributes; empty means any attribute. */
  Set<String> attributes();

  /** Every event of {@code locationId}. */
  static EventFilter location(LocationId locationId) {
    return ImmutableEventFilter.builder().locationId(locationId).build();
  }

  /** Whether {@code event} passes this filter. */
  default boolean matches(DeviceEvent event) {
    return locationId().equals(event.locationId())
        && (deviceIds().isEmpty() || deviceIds().contains(event.deviceId()))
        && (capabilities().isEmpty() || capabilities().contains(event.capability()))
        && (attributes().isEmpty() || attributes().contains(event.attribute()));
  }
}
