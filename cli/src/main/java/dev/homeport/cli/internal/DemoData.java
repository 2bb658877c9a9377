package dev.homeport.cli.internal;

import dev.homeport.adapter.inmemory.InMemoryCamera;
import dev.homeport.adapter.inmemory.InMemorySmartHome;
import dev.homeport.domain.camera.ImmutableCameraInfo;
import dev.homeport.domain.camera.ImmutableDetectionEvent;
import dev.homeport.domain.camera.Position;
import dev.homeport.domain.home.AttributeValue;
import dev.homeport.domain.home.DeviceEvent;
import dev.homeport.domain.home.DeviceId;
import dev.homeport.domain.home.EventId;
import dev.homeport.domain.home.ImmutableDevice;
import dev.homeport.domain.home.ImmutableDeviceEvent;
import dev.homeport.domain.home.ImmutableDeviceState;
import dev.homeport.domain.home.ImmutableLocation;
import dev.homeport.domain.home.ImmutableRoom;
import dev.homeport.domain.home.ImmutableUser;
import dev.homeport.domain.home.LocationId;
import dev.homeport.domain.home.RoomId;
import dev.homeport.domain.home.UserId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The made-up camera and home of the demo and of {@code inmemory} deployments. */
public final class DemoData {

  /** The demo location's id. */
  public static final LocationId HOME = LocationId.of("9f0e6a43-1c4b-4c55-9e2d-5b0a6f3c7a11");
  static final RoomId LIVING = RoomId.of("c6a1d2f0-0001-4000-8000-000000000001");
  static final RoomId KITCHEN = RoomId.of("c6a1d2f0-0002-4000-8000-000000000002");
  static final DeviceId LAMP = DeviceId.of("d0000000-0000-4000-8000-00000000a001");
  static final DeviceId FRIDGE = DeviceId.of("d0000000-0000-4000-8000-00000000a002");
  static final DeviceId SENSOR = DeviceId.of("d0000000-0000-4000-8000-00000000a003");

  private DemoData() {}

  /** Gives an in-memory camera the demo's identity: a non-ASCII alias, named presets, a detection. */
  public static void camera(InMemoryCamera.Builder builder) {
    builder
        .info(
            ImmutableCameraInfo.builder()
                .alias("Caméra du porche")
                .model("KC120(EU)")
                .type("IOT.IPCAMERA")
                .softwareVersion("2.3.6 Build 20260101 rel.00001")
                .hardwareVersion("1.0")
                .mac("50-C7-BF-12-34-56")
                .deviceId("8012A3B4C5D6E7F8091A2B3C4D5E6F708192A3B4")
                .build())
        .preset(1, "Porte d'entrée", new Position(2500, 5000))
        .preset(2, "Allée", new Position(7500, 4000))
        .preset(3, "Garage", new Position(9000, 6000))
        .preset(4, "Jardin", new Position(1000, 3000));
  }

  /** A seeded in-memory home: a user, one location, two rooms, three devices with states. */
  public static InMemorySmartHome home() {
    InMemorySmartHome home =
        InMemorySmartHome.builder()
            .user(
                ImmutableUser.builder()
                    .id(UserId.of("b1e6c9a0-5d55-4a6a-9a55-0c2a8f1e0001"))
                    .userName("alex@example.com")
                    .fullName("Alex Martin")
                    .email("alex@example.com")
                    .countryCode("FR")
                    .addScopes("r:devices:*", "r:locations:*", "x:devices:*")
                    .build())
            .build();
    home.addLocation(ImmutableLocation.builder().id(HOME).name("Maison").parentType("ACCOUNT").parentId("acct-1").build());
    home.addRoom(ImmutableRoom.builder().id(LIVING).locationId(HOME).name("Salon").build());
    home.addRoom(ImmutableRoom.builder().id(KITCHEN).locationId(HOME).name("Cuisine").build());
    home.addDevice(
        ImmutableDevice.builder()
            .id(LAMP).locationId(HOME).roomId(LIVING).componentId("main").name("Lampe du salon").type("switch")
            .addStates(state("switch", "switch", new AttributeValue.TextValue("off")))
            .build());
    home.addDevice(
        ImmutableDevice.builder()
            .id(FRIDGE).locationId(HOME).roomId(KITCHEN).componentId("main").name("Prise frigo").type("plug")
            .addStates(state("switch", "switch", new AttributeValue.TextValue("on")))
            .addStates(state("powerMeter", "power", new AttributeValue.NumberValue(new BigDecimal("92.4"))))
            .build());
    home.addDevice(
        ImmutableDevice.builder()
            .id(SENSOR).locationId(HOME).roomId(LIVING).componentId("main").name("Capteur entrée").type("sensor")
            .addStates(state("motionSensor", "motion", new AttributeValue.TextValue("inactive")))
            .addStates(state("temperatureMeasurement", "temperature", new AttributeValue.NumberValue(new BigDecimal("20.5"))))
            .build());
    return home;
  }

  private static ImmutableDeviceState state(String capability, String attribute, AttributeValue value) {
    return ImmutableDeviceState.builder()
        .componentId("main")
        .capability(capability)
        .attribute(attribute)
        .value(value)
        .build();
  }

  /** The {@code n}-th event of a made-up, plausible stream of the demo home's devices. */
  public static DeviceEvent event(long n, Instant time) {
    ImmutableDeviceEvent.Builder event =
        ImmutableDeviceEvent.builder()
            .eventId(EventId.of(new UUID(0x5eedL, n).toString()))
            .locationId(HOME)
            .componentId("main")
            .time(time);
    switch ((int) (n % 4)) {
      case 0:
        BigDecimal watts = BigDecimal.valueOf(80 + (n * 37) % 40 + (n % 10) / 10.0).setScale(1, RoundingMode.HALF_UP);
        return event.deviceId(FRIDGE).capability("powerMeter").attribute("power")
            .value(new AttributeValue.NumberValue(watts)).unit("W").stateChange(true).build();
      case 1:
        return event.deviceId(LAMP).capability("switch").attribute("switch")
            .value(new AttributeValue.TextValue((n / 4) % 2 == 0 ? "on" : "off")).stateChange(true).build();
      case 2:
        BigDecimal celsius = BigDecimal.valueOf(195 + (n * 7) % 30, 1);
        return event.deviceId(SENSOR).capability("temperatureMeasurement").attribute("temperature")
            .value(new AttributeValue.NumberValue(celsius)).unit("C").stateChange(n % 3 != 0).build();
      default:
        return event.deviceId(SENSOR).capability("motionSensor").attribute("motion")
            .value(new AttributeValue.TextValue((n / 4) % 2 == 0 ? "active" : "inactive"))
            .unit(Optional.empty()).stateChange(true).build();
    }
  }

  /** The sequence number {@link #event} gave this event (-1 if it is not one of them). */
  public static long sequenceOf(DeviceEvent event) {
    try {
      UUID id = UUID.fromString(event.eventId().value());
      return id.getMostSignificantBits() == 0x5eedL ? id.getLeastSignificantBits() : -1;
    } catch (IllegalArgumentException e) {
      return -1;
    }
  }

  /** A detection for the demo camera's SD card. */
  static ImmutableDetectionEvent detection(Instant start, String kind) {
    return ImmutableDetectionEvent.builder().start(start).end(start.plusSeconds(12)).kind(kind).build();
  }
}
