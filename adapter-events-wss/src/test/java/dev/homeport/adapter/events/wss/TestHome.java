package dev.homeport.adapter.events.wss;

import dev.homeport.adapter.inmemory.InMemorySmartHome;
import dev.homeport.domain.home.AttributeValue;
import dev.homeport.domain.home.Device;
import dev.homeport.domain.home.DeviceEvent;
import dev.homeport.domain.home.DeviceId;
import dev.homeport.domain.home.EventId;
import dev.homeport.domain.home.ImmutableDevice;
import dev.homeport.domain.home.ImmutableDeviceEvent;
import dev.homeport.domain.home.ImmutableDeviceState;
import dev.homeport.domain.home.ImmutableLocation;
import dev.homeport.domain.home.ImmutableRoom;
import dev.homeport.domain.home.ImmutableUser;
import dev.homeport.domain.home.Location;
import dev.homeport.domain.home.LocationId;
import dev.homeport.domain.home.PushedMessage;
import dev.homeport.domain.home.Room;
import dev.homeport.domain.home.RoomId;
import dev.homeport.domain.home.User;
import dev.homeport.domain.home.UserId;
import dev.homeport.ports.home.SmartHomeGateway;
import dev.homeport.ports.home.SmartHomeSession;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/** The backend of the wire tests: an in-memory smart home with one user, location, room and device. */
final class TestHome implements SmartHomeGateway {

  static final LocationId HOME = LocationId.of("loc-1");
  static final DeviceId PLUG = DeviceId.of("dev-plug");

  final User user =
      ImmutableUser.builder().id(UserId.of("user-1")).userName("alice@example.com").fullName("Alice").addScopes("r:devices").build();
  final Location location = ImmutableLocation.builder().id(HOME).name("Home").parentType("ACCOUNT").parentId("acc-1").build();
  final Room room =
      ImmutableRoom.builder().id(RoomId.of("room-1")).locationId(HOME).name("Kitchen").created(Instant.parse("2021-01-01T00:00:00Z")).build();
  final Device plug =
      ImmutableDevice.builder()
          .id(PLUG)
          .locationId(HOME)
          .roomId(RoomId.of("room-1"))
          .componentId("main")
          .name("Kettle plug")
          .type("ZIGBEE")
          .addStates(
              ImmutableDeviceState.builder()
                  .componentId("main")
                  .capability("powerMeter")
                  .attribute("power")
                  .value(AttributeValue.NumberValue.of(9.2))
                  .build())
          .build();
  final InMemorySmartHome backend =
      InMemorySmartHome.builder().user(user).bufferSize(20_000).build().addLocation(location).addRoom(room).addDevice(plug);

  static DeviceEvent event(String id, double power) {
    return ImmutableDeviceEvent.builder()
        .eventId(EventId.of(id))
        .locationId(HOME)
        .deviceId(PLUG)
        .componentId("main")
        .capability("powerMeter")
        .attribute("power")
        .value(AttributeValue.NumberValue.of(power))
        .unit("W")
        .stateChange(true)
        .time(Instant.parse("2021-06-09T04:16:03.854Z"))
        .build();
  }

  void publish(PushedMessage message) {
    backend.publish(message);
  }

  @Override
  public CompletableFuture<SmartHomeSession> connect() {
    return backend.connect();
  }
}
