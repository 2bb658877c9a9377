package dev.homeport.ports.home;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.domain.home.Device;
import dev.homeport.domain.home.DeviceEvent;
import dev.homeport.domain.home.DeviceId;
import dev.homeport.domain.home.EventId;
import dev.homeport.domain.home.ImmutableDevice;
import dev.homeport.domain.home.ImmutableDeviceEvent;
import dev.homeport.domain.home.ImmutableLocation;
import dev.homeport.domain.home.ImmutableRoom;
import dev.homeport.domain.home.ImmutableUser;
import dev.homeport.domain.home.Location;
import dev.homeport.domain.home.LocationId;
import dev.homeport.domain.home.Room;
import dev.homeport.domain.home.RoomId;
import dev.homeport.domain.home.User;
import dev.homeport.domain.home.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConcurrentDeviceDirectoryTest {

  private static final LocationId HOME = LocationId.of("home");
  private static final LocationId CABIN = LocationId.of("cabin");

  private final ConcurrentDeviceDirectory directory = new ConcurrentDeviceDirectory();

  static Device device(String id, LocationId location) {
    return ImmutableDevice.builder().id(DeviceId.of(id)).locationId(location).name("Device " + id).build();
  }

  static DeviceEvent event(String deviceId) {
    return ImmutableDeviceEvent.builder()
        .eventId(EventId.of("e1"))
        .locationId(HOME)
        .deviceId(DeviceId.of(deviceId))
        .componentId("main")
        .capability("switch")
        .attribute("switch")
        .stateChange(true)
        .time(Instant.EPOCH)
        .build();
  }

  @Test
  void empty_knowsNothing() {
    assertThat(directory.user()).isEmpty();
    assertThat(directory.locations()).isEmpty();
    assertThat(directory.rooms(HOME)).isEmpty();
    assertThat(directory.devices(HOME)).isEmpty();
    assertThat(directory.device(DeviceId.of("x"))).isEmpty();
  }

  @Test
  void remembered_valuesAreReturned() {
    User user = ImmutableUser.builder().id(UserId.of("u1")).userName("me").build();
    Location home = ImmutableLocation.builder().id(HOME).name("Home").build();
    Room kitchen = ImmutableRoom.builder().id(RoomId.of("r1")).locationId(HOME).name("Kitchen").build();
    Device plug = device("plug", HOME);
    directory.rememberUser(user);
    directory.rememberLocations(List.of(home));
    directory.rememberRooms(HOME, List.of(kitchen));
    directory.rememberDevices(HOME, List.of(plug));

    assertThat(directory.user()).contains(user);
    assertThat(directory.locations()).containsExactly(home);
    assertThat(directory.rooms(HOME)).containsExactly(kitchen);
    assertThat(directory.rooms(CABIN)).isEmpty();
    assertThat(directory.devices(HOME)).containsExactly(plug);
    assertThat(directory.device(plug.id())).contains(plug);
  }

  @Test
  void rememberedLists_areCopies() {
    List<Device> devices = new ArrayList<>(List.of(device("a", HOME)));
    directory.rememberDevices(HOME, devices);
    devices.add(device("b", HOME));
    assertThat(directory.devices(HOME)).hasSize(1);
    assertThat(directory.device(DeviceId.of("b"))).isEmpty();
  }

  @Test
  void rememberDevices_replacesTheLocation_removedDevicesDisappear() {
    directory.rememberDevices(HOME, List.of(device("a", HOME), device("b", HOME)));
    directory.rememberDevices(CABIN, List.of(device("c", CABIN)));
    directory.rememberDevices(HOME, List.of(device("b", HOME)));

    assertThat(directory.device(DeviceId.of("a"))).isEmpty();
    assertThat(directory.device(DeviceId.of("b"))).isPresent();
    assertThat(directory.device(DeviceId.of("c"))).isPresent();
    assertThat(directory.devices(HOME)).extracting(Device::id).containsExactly(DeviceId.of("b"));
  }

  @Test
  void enrich_attachesTheKnownDevice() {
    Device plug = device("plug", HOME);
    directory.rememberDevices(HOME, List.of(plug));
    assertThat(directory.enrich(event("plug")).device()).contains(plug);
  }

  @Test
  void enrich_leavesUnknownDevicesAndAlreadyEnrichedEventsAlone() {
    DeviceEvent unknown = event("ghost");
    assertThat(directory.enrich(unknown)).isSameAs(unknown);

    Device stale = device("plug", HOME);
    DeviceEvent carried = event("plug").withDevice(stale);
    directory.rememberDevices(HOME, List.of(ImmutableDevice.copyOf(stale).withName("Renamed")));
    assertThat(directory.enrich(carried).device()).contains(stale);
  }

  @Test
  void concurrentRemembersAndReads_neverSeeAPartialLocation() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Device> first = List.of(device("a1", HOME), device("a2", HOME));
      List<Device> second = List.of(device("b1", HOME), device("b2", HOME), device("b3", HOME));
      List<CompletableFuture<Void>> work = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        List<Device> devices = i % 2 == 0 ? first : second;
        work.add(CompletableFuture.runAsync(() -> directory.rememberDevices(HOME, devices), pool));
        work.add(
            CompletableFuture.runAsync(
                () -> assertThat(directory.devices(HOME)).isIn(List.of(), first, second), pool));
      }
      CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
      List<Device> last = directory.devices(HOME);
      assertThat(last).isIn(first, second);
      for (Device device : last) {
        assertThat(directory.device(device.id())).contains(device);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
