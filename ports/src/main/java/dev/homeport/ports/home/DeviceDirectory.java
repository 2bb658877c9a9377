package dev.homeport.ports.home;

import dev.homeport.domain.home.Device;
import dev.homeport.domain.home.DeviceEvent;
import dev.homeport.domain.home.DeviceId;
import dev.homeport.domain.home.Location;
import dev.homeport.domain.home.LocationId;
import dev.homeport.domain.home.Room;
import dev.homeport.domain.home.User;
import java.util.List;
import java.util.Optional;

/**
 * The last known user, locations, rooms and devices of a session, so an event can carry its device.
 * Reads are thread-safe and never block on I/O.
 */
public interface DeviceDirectory {

  /** The account holder, once a session has answered {@code user()}. */
  Optional<User> user();

  /** The locations last answered, or an empty list. */
  List<Location> locations();

  /** The rooms last answered for {@code locationId}, or an empty list. */
  List<Room> rooms(LocationId locationId);

  /** The devices last answered for {@code locationId}, or an empty list. */
  List<Device> devices(LocationId locationId);

  /** The device {@code deviceId} as last answered, when any location listed it. */
  Optional<Device> device(DeviceId deviceId);

  /** {@code event} with its device attached when known, otherwise unchanged. */
  default DeviceEvent enrich(DeviceEvent event) {
    if (event.device().isPresent()) {
      return event;
    }
    return device(event.deviceId()).map(event::withDevice).orElse(event);
  }
}
