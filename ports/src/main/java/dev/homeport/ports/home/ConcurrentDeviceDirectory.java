package dev.homeport.ports.home;

import dev.homeport.domain.home.Device;
import dev.homeport.domain.home.DeviceId;
import dev.homeport.domain.home.Location;
import dev.homeport.domain.home.LocationId;
import dev.homeport.domain.home.Room;
import dev.homeport.domain.home.User;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A thread-safe {@link DeviceDirectory} that adapters fill from their query answers. Each
 * {@code remember} call replaces what was known for its scope (whole lists, not merges), so a
 * device removed from a location disappears on the next refresh.
 */
public final class ConcurrentDeviceDirectory implements DeviceDirectory {

  private final AtomicReference<User> user = new AtomicReference<>();
  private final AtomicReference<List<Location>> locations = new AtomicReference<>(List.of());
  private final Map<LocationId, List<Room>> rooms = new ConcurrentHashMap<>();
  private final Map<LocationId, List<Device>> devicesByLocation = new ConcurrentHashMap<>();
  private final Map<DeviceId, Device> devices = new ConcurrentHashMap<>();

  /** Replaces the known account holder. */
  public void rememberUser(User value) {
    user.set(value);
  }

  /** Replaces the known locations. */
  public void rememberLocations(List<Location> values) {
    locations.set(List.copyOf(values));
  }

  /** Replaces the rooms known for {@code locationId}. */
  public void rememberRooms(LocationId locationId, List<Room> values) {
    rooms.put(locationId, List.copyOf(values));
  }

  /** Replaces the devices known for {@code locationId}. */
  public void rememberDevices(LocationId locationId, List<Device> values) {
    List<Device> copy = List.copyOf(values);
    synchronized (devicesByLocation) {
      List<Device> previous = devicesByLocation.put(locationId, copy);
      if (previous != null) {
        previous.forEach(device -> devices.remove(device.id()));
      }
      copy.forEach(device -> devices.put(device.id(), device));
    }
  }

  @Override
  public Optional<User> user() {
    return Optional.ofNullable(user.get());
  }

  @Override
  public List<Location> locations() {
    return locations.get();
  }

  @Override
  public List<Room> rooms(LocationId locationId) {
    return rooms.getOrDefault(locationId, List.of());
  }

  @Override
  public List<Device> devices(LocationId locationId) {
    return devicesByLocation.getOrDefault(locationId, List.of());
  }

  @Override
  public Optional<Device> device(DeviceId deviceId) {
    return Optional.ofNullable(devices.get(deviceId));
  }
}
