package dev.homeport.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.homeport.adapter.inmemory.InMemorySmartHome;
import dev.homeport.domain.FieldMap;
import dev.homeport.domain.home.AlertMessage;
import dev.homeport.domain.home.AttributeValue;
import dev.homeport.domain.home.AttributeValue.BooleanValue;
import dev.homeport.domain.home.AttributeValue.NumberValue;
import dev.homeport.domain.home.AttributeValue.StructuredValue;
import dev.homeport.domain.home.AttributeValue.TextValue;
import dev.homeport.domain.home.ControlMessage;
import dev.homeport.domain.home.Device;
import dev.homeport.domain.home.DeviceEvent;
import dev.homeport.domain.home.DeviceId;
import dev.homeport.domain.home.DeviceState;
import dev.homeport.domain.home.EventFilter;
import dev.homeport.domain.home.EventId;
import dev.homeport.domain.home.ImmutableDevice;
import dev.homeport.domain.home.ImmutableDeviceEvent;
import dev.homeport.domain.home.ImmutableDeviceState;
import dev.homeport.domain.home.ImmutableEventFilter;
import dev.homeport.domain.home.ImmutableLocation;
import dev.homeport.domain.home.ImmutableRoom;
import dev.homeport.domain.home.Location;
import dev.homeport.domain.home.LocationId;
import dev.homeport.domain.home.PushedMessage;
import dev.homeport.domain.home.Room;
import dev.homeport.domain.home.RoomId;
import dev.homeport.domain.home.SessionInfo;
import dev.homeport.domain.home.SubscriptionId;
import dev.homeport.domain.home.SubscriptionStateChange;
import dev.homeport.domain.home.UnknownMessage;
import dev.homeport.domain.home.User;
import dev.homeport.ports.AuthenticationException;
import dev.homeport.ports.ClosedException;
import dev.homeport.ports.HomeportException;
import dev.homeport.ports.ServiceCallException;
import dev.homeport.ports.home.LifecycleEvent;
import dev.homeport.ports.home.SessionState;
import dev.homeport.ports.home.SmartHomeGateway;
import dev.homeport.ports.home.SmartHomeSession;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link SmartHomeGateway} adapter passes: connecting, queries, the device
 * directory, device events (typed values, enrichment, filters, demand, cancel), the other pushed
 * kinds, the session lifecycle (expiry, reconnect) and close.
 *
 * <p>Extend it and implement {@link #createFixture()} (a fresh gateway and its
 * {@link InMemorySmartHome} backend for every test). Before each test the contract fills the backend
 * with two locations, rooms and devices. Events are published on the backend and awaited with a
 * bound: for a networked adapter they arrive asynchronously, and the service subscription is made
 * asynchronously too, so the contract first waits until a witness subscriber receives probe events
 * (published on a device the backend does not hold, capability {@value #CONTRACT_CAPABILITY}) and
 * synchronises on marker events rather than sleeping.
 *
 * <p>Requirements beyond the port's Javadoc that the contract makes explicit: a new
 * {@code lifecycle()} subscriber first receives the session's current state; query answers fill
 * {@code directory()}; events of a device known to the directory carry it.
 */
public abstract class SmartHomeContract {

  /** The bound of every wait. */
  protected static final Duration WAIT = Duration.ofSeconds(10);

  /** The capability of the contract's probe and marker events. */
  protected static final String CONTRACT_CAPABILITY = "homeportContract";

  // The account the contract puts into the backend before every test: HOME (rooms KITCHEN, LIVING;
  // devices PLUG in the kitchen and LAMP without a room) and CABIN (room PORCH; device SENSOR).

  /** The first location. */
  protected static final LocationId HOME = LocationId.of("loc-home");
  /** The second location. */
  protected static final LocationId CABIN = LocationId.of("loc-cabin");
  protected static final RoomId KITCHEN = RoomId.of("room-kitchen");
  protected static final RoomId LIVING = RoomId.of("room-living");
  protected static final RoomId PORCH = RoomId.of("room-porch");
  protected static final DeviceId PLUG = DeviceId.of("dev-plug");
  protected static final DeviceId LAMP = DeviceId.of("dev-lamp");
  protected static final DeviceId SENSOR = DeviceId.of("dev-sensor");
  /** The device of probes and markers; the backend does not hold it. */
  protected static final DeviceId PROBE = DeviceId.of("dev-contract-probe");

  private static final Instant TIME = Instant.parse("2021-06-09T04:16:03.854Z");

  private SmartHomeFixture fixture;
  /** The gateway under test. */
  protected SmartHomeGateway gateway;
  /** The account behind it. */
  protected InMemorySmartHome backend;

  private final List<SmartHomeSession> opened = new CopyOnWriteArrayList<>();
  private final AtomicInteger sequence = new AtomicInteger();

  /** A new gateway and backend for one test. Called before every test; closed after it. */
  protected abstract SmartHomeFixture createFixture();

  @BeforeEach
  void openFixture() {
    fixture = createFixture();
    assertThat(fixture).as("createFixture()").isNotNull();
    gateway = fixture.gateway();
    backend = fixture.backend();
    assertThat(gateway).as("fixture.gateway()").isNotNull();
    assertThat(backend).as("fixture.backend()").isNotNull();
    fillBackend();
  }

  @AfterEach
  void closeFixture() throws Exception {
    for (SmartHomeSession session : opened) {
      session.close();
    }
    if (fixture != null) {
      fixture.close();
    }
  }

  // ------------------------------------------------------------------------------------ data

  /** The home: parent, unknown fields. */
  protected static Location homeLocation() {
    return ImmutableLocation.builder()
        .id(HOME)
        .name("Home")
        .parentType("ACCOUNT")
        .parentId("acct-1")
        .otherFields(FieldMap.of("countryCode", "USA", "timeZoneId", "America/New_York"))
        .build();
  }

  /** The cabin: no parent, a non-ASCII name. */
  protected static Location cabinLocation() {
    return ImmutableLocation.builder().id(CABIN).name("Caban\u00e9 \u2014 lake").build();
  }

  /** The rooms of the home: the kitchen with every optional field, the living room with none. */
  protected static List<Room> homeRooms() {
    return List.of(
        ImmutableRoom.builder()
            .id(KITCHEN)
            .locationId(HOME)
            .name("Kitchen")
            .backgroundImage("https://images.example/kitchen.png")
            .created(Instant.parse("2020-01-02T03:04:05.678Z"))
            .lastModified(Instant.parse("2021-02-03T04:05:06.789Z"))
            .build(),
        ImmutableRoom.builder().id(LIVING).locationId(HOME).name("Living room").build());
  }

  /** The plug: in the kitchen, two states (text and number), unknown fields including a nested one. */
  protected static Device plug() {
    Map<String, Object> plugin = new LinkedHashMap<>();
    plugin.put("uri", "wwst://com.samsung.one.plugin.stplugin");
    Map<String, Object> other = new LinkedHashMap<>();
    other.put("icon", "st.switches.switch");
    other.put("plugin", plugin);
    other.put("favorite", true);
    return ImmutableDevice.builder()
        .id(PLUG)
        .locationId(HOME)
        .roomId(KITCHEN)
        .componentId("main")
        .name("Coffee plug")
        .type("ZWAVE")
        .addStates(
            ImmutableDeviceState.builder()
                .componentId("main")
                .capability("switch")
                .attribute("switch")
                .value(new TextValue("on"))
                .otherFields(FieldMap.of("label", "Switch"))
                .build(),
            ImmutableDeviceState.builder()
                .componentId("main")
                .capability("powerMeter")
                .attribute("power")
                .value(NumberValue.of(9.2))
                .build())
        .otherFields(FieldMap.of(other))
        .build();
  }

  /** The lamp: no room, no component, one numeric state. */
  protected static Device lamp() {
    return ImmutableDevice.builder()
        .id(LAMP)
        .locationId(HOME)
        .name("Hall lamp")
        .addStates(
            ImmutableDeviceState.builder()
                .componentId("main")
                .capability("switchLevel")
                .attribute("level")
                .value(new NumberValue(new java.math.BigDecimal("75")))
                .build())
        .build();
  }

  /** The sensor of the cabin. */
  protected static Device sensor() {
    return ImmutableDevice.builder()
        .id(SENSOR)
        .locationId(CABIN)
        .roomId(PORCH)
        .componentId("main")
        .name("Door sensor")
        .addStates(
            ImmutableDeviceState.builder()
                .componentId("main")
                .capability("contactSensor")
                .attribute("contact")
                .value(new TextValue("closed"))
                .build())
        .build();
  }

  private void fillBackend() {
    backend.addLocation(homeLocation());
    backend.addLocation(cabinLocation());
    homeRooms().forEach(backend::addRoom);
    backend.addRoom(ImmutableRoom.builder().id(PORCH).locationId(CABIN).name("Porch").build());
    backend.addDevice(plug());
    backend.addDevice(lamp());
    backend.addDevice(sensor());
  }

  // --------------------------------------------------------------------------------- helpers

  /** Connects a session through the gateway under test (closed after the test). */
  protected SmartHomeSession connect() {
    SmartHomeSession session = result(gateway.connect(), "connect()");
    assertThat(session).as("session").isNotNull();
    opened.add(session);
    return session;
  }

  /** A session of the backend itself: what the session under test should report. */
  protected SmartHomeSession truthSession() {
    SmartHomeSession session = result(backend.connect(), "backend.connect()");
    opened.add(session);
    return session;
  }

  /** The value of {@code future}, failing the test on failure or after {@link #WAIT}. */
  protected static <T> T result(CompletableFuture<T> future, Object what) {
    assertThat(future).as("future of %s", what).isNotNull();
    try {
      return future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError(what + " failed: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new AssertionError(what + " did not complete within " + WAIT, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** Waits (bounded) for {@code future} to fail; returns the cause, which must be a {@link HomeportException}. */
  protected static HomeportException failureOf(CompletableFuture<?> future) {
    assertThat(future).as("future").isNotNull();
    try {
      Object value = future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      throw new AssertionError("expected a failure, but the call succeeded with " + value);
    } catch (ExecutionException e) {
      assertThat(e.getCause()).as("failure cause").isInstanceOf(HomeportException.class);
      return (HomeportException) e.getCause();
    } catch (TimeoutException e) {
      throw new AssertionError("expected a failure within " + WAIT + ", but the future is still pending", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** A device event with a fresh id. */
  protected DeviceEvent event(
      LocationId location, DeviceId device, String capability, String attribute, AttributeValue value) {
    return ImmutableDeviceEvent.builder()
        .eventId(EventId.of("evt-" + sequence.incrementAndGet()))
        .locationId(location)
        .deviceId(device)
        .componentId("main")
        .capability(capability)
        .attribute(attribute)
        .value(value)
        .stateChange(true)
        .time(TIME.plusMillis(sequence.get()))
        .build();
  }

  /** A marker event of {@code location}: the contract waits for it to know earlier events were delivered. */
  protected DeviceEvent marker(LocationId location) {
    return event(location, PROBE, CONTRACT_CAPABILITY, "marker", new TextValue("marker"));
  }

  private DeviceEvent probe(LocationId location) {
    return event(location, PROBE, CONTRACT_CAPABILITY, "probe", new TextValue("probe"));
  }

  /** Whether {@code message} is one of the contract's probes or markers. */
  protected static boolean isContractEvent(PushedMessage message) {
    return message instanceof DeviceEvent event && CONTRACT_CAPABILITY.equals(event.capability());
  }

  /** Whether two events have the same id. */
  protected static boolean sameEvent(DeviceEvent a, DeviceEvent b) {
    return a.eventId().equals(b.eventId());
  }

  /**
   * Subscribes a witness to every event of {@code location} and waits until events flow: probes
   * are published until one arrives, then a marker is awaited, so no probe is still in flight.
   */
  protected RecordingSubscriber<DeviceEvent> liveWitness(SmartHomeSession session, LocationId location) {
    RecordingSubscriber<DeviceEvent> witness = RecordingSubscriber.unbounded();
    session.subscribe(EventFilter.location(location)).subscribe(witness);
    witness.awaitSubscribed();
    await("events of " + location + " flowing to the session")
        .atMost(WAIT)
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              if (witness.terminated()) {
                throw new AssertionError("the witness subscription ended: " + witness);
              }
              backend.publish(probe(location));
              return !witness.items().isEmpty();
            });
    sync(witness, location);
    return witness;
  }

  /** Publishes a marker of {@code location} and waits until {@code witness} has it. */
  protected DeviceEvent sync(RecordingSubscriber<DeviceEvent> witness, LocationId location) {
    DeviceEvent marker = marker(location);
    backend.publish(marker);
    witness.awaitItem(e -> sameEvent(e, marker));
    return marker;
  }

  /** The test's own events among what {@code subscriber} received (probes and markers left out). */
  protected static <T extends PushedMessage> List<T> ownItems(RecordingSubscriber<T> subscriber) {
    return subscriber.items(item -> !isContractEvent(item));
  }

  /** The ids of {@code events}, in order. */
  protected static List<EventId> ids(List<DeviceEvent> events) {
    return events.stream().map(DeviceEvent::eventId).collect(Collectors.toList());
  }

  /** Asserts {@code actual} carries everything {@code expected} says (device and subscription aside). */
  protected static void assertSameEvent(DeviceEvent actual, DeviceEvent expected) {
    assertThat(actual.eventId()).isEqualTo(expected.eventId());
    assertThat(actual.locationId()).isEqualTo(expected.locationId());
    assertThat(actual.deviceId()).isEqualTo(expected.deviceId());
    assertThat(actual.componentId()).isEqualTo(expected.componentId());
    assertThat(actual.capability()).isEqualTo(expected.capability());
    assertThat(actual.attribute()).isEqualTo(expected.attribute());
    assertThat(actual.value().map(PlainValues::kind)).as("value kind").isEqualTo(expected.value().map(PlainValues::kind));
    assertThat(PlainValues.normalize(actual.value())).as("value").isEqualTo(PlainValues.normalize(expected.value()));
    assertThat(actual.unit()).as("unit").isEqualTo(expected.unit());
    assertThat(actual.stateChange()).as("stateChange").isEqualTo(expected.stateChange());
    assertThat(actual.time()).as("time").isEqualTo(expected.time());
  }

  /** Asserts every field of {@code expected} is in {@code actual} with an equal value (more fields may be). */
  protected static void assertFieldsKept(FieldMap actual, FieldMap expected) {
    @SuppressWarnings("unchecked")
    Map<String, Object> normalized = (Map<String, Object>) PlainValues.normalize(actual);
    @SuppressWarnings("unchecked")
    Map<String, Object> wanted = (Map<String, Object>) PlainValues.normalize(expected);
    assertThat(normalized).as("other fields").containsAllEntriesOf(wanted);
  }

  /** Asserts {@code actual} carries {@code expected}'s fields, states and unknown fields (more unknown fields may be). */
  protected static void assertSameDevice(Device actual, Device expected) {
    assertThat(actual.id()).isEqualTo(expected.id());
    assertThat(actual.locationId()).isEqualTo(expected.locationId());
    assertThat(actual.roomId()).as("roomId of %s", expected.id()).isEqualTo(expected.roomId());
    assertThat(actual.name()).isEqualTo(expected.name());
    expected.componentId().ifPresent(id -> assertThat(actual.componentId()).contains(id));
    expected.type().ifPresent(type -> assertThat(actual.type()).contains(type));
    assertThat(actual.states()).as("states of %s", expected.id()).hasSameSizeAs(expected.states());
    for (DeviceState want : expected.states()) {
      DeviceState got =
          actual.states().stream()
              .filter(s -> s.componentId().equals(want.componentId())
                  && s.capability().equals(want.capability())
                  && s.attribute().equals(want.attribute()))
              .findFirst()
              .orElseThrow(() -> new AssertionError("state " + want.capability() + "." + want.attribute()
                  + " missing from " + actual.states()));
      assertThat(PlainValues.normalize(got.value())).as("value of %s.%s", want.capability(), want.attribute())
          .isEqualTo(PlainValues.normalize(want.value()));
      assertFieldsKept(got.otherFields(), want.otherFields());
    }
    assertFieldsKept(actual.otherFields(), expected.otherFields());
  }

  // ---------------------------------------------------------------------------------- groups

  @Nested
  @DisplayName("connecting")
  class Connecting {

    @Test
    @DisplayName("connect gives an authenticated session with the account's session info")
    void connect_givesSessionInfo() {
      SmartHomeSession session = connect();
      SessionInfo expected = truthSession().sessionInfo();
      SessionInfo info = session.sessionInfo();
      assertThat(info).isNotNull();
      assertThat(info.userId()).isEqualTo(expected.userId());
      assertThat(info.sessionLength()).isEqualTo(expected.sessionLength());
      assertThat(info.stayLoggedIn()).isEqualTo(expected.stayLoggedIn());
    }

    @Test
    @DisplayName("rejected credentials fail connect with AuthenticationException")
    void rejectedCredentials_failWithAuthenticationException() {
      backend.rejectCredentials(true);
      HomeportException failure = failureOf(gateway.connect());
      assertThat(failure).isInstanceOf(AuthenticationException.class);
      assertThat(failure.retryable()).isFalse();
    }

    @Test
    @DisplayName("two sessions of one gateway are independent")
    void twoSessions_areIndependent() {
      SmartHomeSession first = connect();
      SmartHomeSession second = connect();
      first.close();
      assertThat(result(second.locations(), "locations()")).extracting(Location::id).contains(HOME, CABIN);
    }
  }

  @Nested
  @DisplayName("queries")
  class Queries {

    @Test
    @DisplayName("user answers the account holder")
    void user_answersTheAccountHolder() {
      User expected = result(truthSession().user(), "truth user");
      User user = result(connect().user(), "user()");
      assertThat(user.id()).isEqualTo(expected.id());
      assertThat(user.userName()).isEqualTo(expected.userName());
      assertThat(user.fullName()).isEqualTo(expected.fullName());
      assertThat(user.email()).isEqualTo(expected.email());
      assertThat(user.countryCode()).isEqualTo(expected.countryCode());
      assertThat(new HashSet<>(user.scopes())).isEqualTo(new HashSet<>(expected.scopes()));
      assertFieldsKept(user.otherFields(), expected.otherFields());
    }

    @Test
    @DisplayName("locations answer every location with its parent and unknown fields")
    void locations_answerEveryLocation() {
      List<Location> locations = result(connect().locations(), "locations()");
      assertThat(locations).extracting(Location::id).containsExactly(HOME, CABIN);
      Location home = locations.get(0);
      assertThat(home.name()).isEqualTo("Home");
      assertThat(home.parentType()).contains("ACCOUNT");
      assertThat(home.parentId()).contains("acct-1");
      assertFieldsKept(home.otherFields(), homeLocation().otherFields());
      assertThat(locations.get(1).name()).isEqualTo(cabinLocation().name());
    }

    @Test
    @DisplayName("rooms answer the rooms of a location with their optional fields")
    void rooms_answerTheRoomsOfALocation() {
      SmartHomeSession session = connect();
      List<Room> rooms = result(session.rooms(HOME), "rooms(HOME)");
      assertThat(rooms).extracting(Room::id).containsExactly(KITCHEN, LIVING);
      Room kitchen = rooms.get(0);
      Room expected = homeRooms().get(0);
      assertThat(kitchen.locationId()).isEqualTo(HOME);
      assertThat(kitchen.name()).isEqualTo(expected.name());
      assertThat(kitchen.backgroundImage()).isEqualTo(expected.backgroundImage());
      assertThat(kitchen.created()).isEqualTo(expected.created());
      assertThat(kitchen.lastModified()).isEqualTo(expected.lastModified());
      assertThat(rooms.get(1).backgroundImage()).isEmpty();
      assertThat(result(session.rooms(CABIN), "rooms(CABIN)")).extracting(Room::id).containsExactly(PORCH);
    }

    @Test
    @DisplayName("devices answer the devices of a location with their states and unknown fields kept")
    void devices_answerWithStatesAndOtherFields() {
      List<Device> devices = result(connect().devices(HOME), "devices(HOME)");
      assertThat(devices).extracting(Device::id).containsExactlyInAnyOrder(PLUG, LAMP);
      for (Device device : devices) {
        assertSameDevice(device, device.id().equals(PLUG) ? plug() : lamp());
      }
    }

    @Test
    @DisplayName("devices report the state last pushed for them")
    void devices_reportPushedState() {
      SmartHomeSession session = connect();
      backend.publish(event(HOME, PLUG, "powerMeter", "power", NumberValue.of(12.5)));
      Device plugNow =
          result(session.devices(HOME), "devices(HOME)").stream()
              .filter(d -> d.id().equals(PLUG))
              .findFirst()
              .orElseThrow();
      DeviceState power =
          plugNow.states().stream().filter(s -> s.attribute().equals("power")).findFirst().orElseThrow();
      assertThat(PlainValues.normalize(power.value())).isEqualTo(PlainValues.normalize(NumberValue.of(12.5).plain()));
    }

    @Test
    @DisplayName("an unknown location fails with ServiceCallException")
    void unknownLocation_failsWithServiceCallException() {
      SmartHomeSession session = connect();
      LocationId nowhere = LocationId.of("loc-nowhere");
      HomeportException rooms = failureOf(session.rooms(nowhere));
      assertThat(rooms).isInstanceOf(ServiceCallException.class);
      assertThat(((ServiceCallException) rooms).code()).isEqualTo(404);
      assertThat(failureOf(session.devices(nowhere))).isInstanceOf(ServiceCallException.class);
    }

    @Test
    @DisplayName("a call the service refuses fails with ServiceCallException carrying its code, and the next call works")
    void refusedCall_failsWithItsCode() {
      SmartHomeSession session = connect();
      backend.failNextCall(new ServiceCallException("TooManyRequests", 429, "slow down"));
      HomeportException failure = failureOf(session.locations());
      assertThat(failure).isInstanceOf(ServiceCallException.class);
      assertThat(((ServiceCallException) failure).code()).isEqualTo(429);
      assertThat(failure.retryable()).isTrue();
      assertThat(result(session.locations(), "locations() again")).hasSize(2);
    }
  }

  @Nested
  @DisplayName("directory")
  class Directory {

    @Test
    @DisplayName("the directory holds what the queries answered")
    void directory_isFilledByQueries() {
      SmartHomeSession session = connect();
      User user = result(session.user(), "user()");
      List<Location> locations = result(session.locations(), "locations()");
      List<Room> rooms = result(session.rooms(HOME), "rooms(HOME)");
      List<Device> devices = result(session.devices(HOME), "devices(HOME)");

      assertThat(session.directory().user()).contains(user);
      assertThat(session.directory().locations()).isEqualTo(locations);
      assertThat(session.directory().rooms(HOME)).isEqualTo(rooms);
      assertThat(session.directory().devices(HOME)).isEqualTo(devices);
      Device plug = devices.stream().filter(d -> d.id().equals(PLUG)).findFirst().orElseThrow();
      assertThat(session.directory().device(PLUG)).contains(plug);
      assertThat(session.directory().device(SENSOR)).as("not queried yet").isEmpty();

      List<Device> cabin = result(session.devices(CABIN), "devices(CABIN)");
      assertThat(session.directory().device(SENSOR)).contains(cabin.get(0));
      assertThat(session.directory().device(PLUG)).as("other locations kept").contains(plug);
    }
  }

  @Nested
  @DisplayName("events")
  class Events {

    private SmartHomeSession session;
    private RecordingSubscriber<DeviceEvent> witness;

    @BeforeEach
    void subscribeWitness() {
      session = connect();
      witness = liveWitness(session, HOME);
    }

    private RecordingSubscriber<DeviceEvent> subscribe(EventFilter filter, RecordingSubscriber<DeviceEvent> subscriber) {
      session.subscribe(filter).subscribe(subscriber);
      subscriber.awaitSubscribed();
      return subscriber;
    }

    @Test
    @DisplayName("a published event arrives typed: number with unit, text, boolean, structured map and list")
    void events_arriveTyped() {
      RecordingSubscriber<DeviceEvent> subscriber = subscribe(EventFilter.location(HOME), RecordingSubscriber.unbounded());
      Map<String, Object> color = new LinkedHashMap<>();
      color.put("hue", 120);
      color.put("saturation", 55.5);
      color.put("names", List.of("green", "vert"));
      List<DeviceEvent> published =
          List.of(
              ImmutableDeviceEvent.copyOf(event(HOME, PLUG, "powerMeter", "power", NumberValue.of(9.2))).withUnit("W"),
              ImmutableDeviceEvent.copyOf(event(HOME, PLUG, "switch", "switch", new TextValue("off")))
                  .withStateChange(false),
              event(HOME, LAMP, "motionSensor", "active", new BooleanValue(true)),
              event(HOME, LAMP, "colorControl", "color", new StructuredValue(color)),
              event(HOME, LAMP, "scenes", "list", new StructuredValue(List.of("morning", 2, true))),
              ImmutableDeviceEvent.copyOf(event(HOME, PLUG, "energyMeter", "energy", NumberValue.of(-0.125)))
                  .withUnit("kWh"));
      published.forEach(backend::publish);
      DeviceEvent marker = sync(witness, HOME);

      subscriber.awaitItem(e -> sameEvent(e, marker));
      List<DeviceEvent> received = ownItems(subscriber);
      assertThat(ids(received)).containsExactlyElementsOf(ids(published));
      for (int i = 0; i < published.size(); i++) {
        assertSameEvent(received.get(i), published.get(i));
      }
      subscriber.assertNoViolations();
    }

    @Test
    @DisplayName("an event of a device the directory knows carries the device")
    void events_areEnrichedAfterDevicesWereQueried() {
      result(session.devices(HOME), "devices(HOME)");
      RecordingSubscriber<DeviceEvent> subscriber = subscribe(EventFilter.location(HOME), RecordingSubscriber.unbounded());
      DeviceEvent sent = event(HOME, PLUG, "switch", "switch", new TextValue("on"));
      backend.publish(sent);
      DeviceEvent received = subscriber.awaitItem(e -> sameEvent(e, sent));
      assertThat(received.device()).as("device of the event").isPresent();
      assertThat(received.device().get().id()).isEqualTo(PLUG);
      assertThat(received.device().get().name()).isEqualTo("Coffee plug");
    }

    @Test
    @DisplayName("events arrive from the moment of subscription, not before")
    void events_arriveFromSubscriptionOn() {
      DeviceEvent before = event(HOME, PLUG, "switch", "switch", new TextValue("on"));
      backend.publish(before);
      sync(witness, HOME);
      RecordingSubscriber<DeviceEvent> subscriber = subscribe(EventFilter.location(HOME), RecordingSubscriber.unbounded());
      DeviceEvent after = event(HOME, PLUG, "switch", "switch", new TextValue("off"));
      backend.publish(after);
      DeviceEvent marker = sync(witness, HOME);
      subscriber.awaitItem(e -> sameEvent(e, marker));
      assertThat(ids(ownItems(subscriber))).containsExactly(after.eventId());
    }

    @Test
    @DisplayName("a location filter gets only that location's events")
    void locationFilter_getsOnlyItsLocation() {
      RecordingSubscriber<DeviceEvent> cabinWitness = liveWitness(session, CABIN);
      RecordingSubscriber<DeviceEvent> home = subscribe(EventFilter.location(HOME), RecordingSubscriber.unbounded());
      DeviceEvent atCabin = event(CABIN, SENSOR, "contactSensor", "contact", new TextValue("open"));
      DeviceEvent atHome = event(HOME, PLUG, "switch", "switch", new TextValue("off"));
      backend.publish(atCabin);
      backend.publish(atHome);
      cabinWitness.awaitItem(e -> sameEvent(e, atCabin));
      DeviceEvent marker = sync(witness, HOME);
      home.awaitItem(e -> sameEvent(e, marker));
      assertThat(ids(ownItems(home))).containsExactly(atHome.eventId());
      assertThat(ids(ownItems(cabinWitness))).containsExactly(atCabin.eventId());
    }

    @Test
    @DisplayName("a device filter gets only the named devices' events")
    void deviceFilter_getsOnlyItsDevices() {
      RecordingSubscriber<DeviceEvent> plugOnly =
          subscribe(ImmutableEventFilter.builder().locationId(HOME).addDeviceIds(PLUG).build(), RecordingSubscriber.unbounded());
      DeviceEvent ofLamp = event(HOME, LAMP, "switch", "switch", new TextValue("on"));
      DeviceEvent ofPlug = event(HOME, PLUG, "switch", "switch", new TextValue("on"));
      backend.publish(ofLamp);
      backend.publish(ofPlug);
      sync(witness, HOME);
      plugOnly.awaitItem(e -> sameEvent(e, ofPlug));
      assertThat(ids(plugOnly.items())).containsExactly(ofPlug.eventId());
    }

    @Test
    @DisplayName("a capability filter gets only the named capabilities' events")
    void capabilityFilter_getsOnlyItsCapabilities() {
      RecordingSubscriber<DeviceEvent> switches =
          subscribe(ImmutableEventFilter.builder().locationId(HOME).addCapabilities("switch").build(), RecordingSubscriber.unbounded());
      DeviceEvent power = event(HOME, PLUG, "powerMeter", "power", NumberValue.of(3));
      DeviceEvent onOff = event(HOME, LAMP, "switch", "switch", new TextValue("off"));
      backend.publish(power);
      backend.publish(onOff);
      sync(witness, HOME);
      switches.awaitItem(e -> sameEvent(e, onOff));
      assertThat(ids(switches.items())).containsExactly(onOff.eventId());
    }

    @Test
    @DisplayName("an attribute filter gets only the named attributes' events")
    void attributeFilter_getsOnlyItsAttributes() {
      RecordingSubscriber<DeviceEvent> energy =
          subscribe(ImmutableEventFilter.builder().locationId(HOME).addAttributes("energy").build(), RecordingSubscriber.unbounded());
      DeviceEvent power = event(HOME, PLUG, "powerMeter", "power", NumberValue.of(3));
      DeviceEvent kwh = event(HOME, PLUG, "energyMeter", "energy", NumberValue.of(1.5));
      backend.publish(power);
      backend.publish(kwh);
      sync(witness, HOME);
      energy.awaitItem(e -> sameEvent(e, kwh));
      assertThat(ids(energy.items())).containsExactly(kwh.eventId());
    }

    @Test
    @DisplayName("several subscribers each get every matching event")
    void severalSubscribers_eachGetEveryEvent() {
      RecordingSubscriber<DeviceEvent> first = subscribe(EventFilter.location(HOME), RecordingSubscriber.unbounded());
      RecordingSubscriber<DeviceEvent> second = subscribe(EventFilter.location(HOME), RecordingSubscriber.unbounded());
      DeviceEvent one = event(HOME, PLUG, "switch", "switch", new TextValue("on"));
      DeviceEvent two = event(HOME, LAMP, "switch", "switch", new TextValue("off"));
      backend.publish(one);
      backend.publish(two);
      DeviceEvent marker = sync(witness, HOME);
      for (RecordingSubscriber<DeviceEvent> subscriber : List.of(first, second)) {
        subscriber.awaitItem(e -> sameEvent(e, marker));
        assertThat(ids(ownItems(subscriber))).containsExactly(one.eventId(), two.eventId());
      }
    }

    @Test
    @DisplayName("demand is honoured: request(1) gets exactly one event until more is requested")
    void demand_isHonoured() {
      RecordingSubscriber<DeviceEvent> slow = subscribe(EventFilter.location(HOME), RecordingSubscriber.requesting(1));
      DeviceEvent one = event(HOME, PLUG, "switch", "switch", new TextValue("on"));
      DeviceEvent two = event(HOME, PLUG, "switch", "switch", new TextValue("off"));
      DeviceEvent three = event(HOME, PLUG, "switch", "switch", new TextValue("on"));
      backend.publish(one);
      backend.publish(two);
      backend.publish(three);
      DeviceEvent marker = sync(witness, HOME);

      slow.awaitItems(1);
      assertThat(ids(slow.items())).as("after request(1), once later events reached the session")
          .containsExactly(one.eventId());

      slow.request(1);
      slow.awaitItems(2);
      assertThat(ids(slow.items())).containsExactly(one.eventId(), two.eventId());

      slow.request(2);
      slow.awaitItem(e -> sameEvent(e, marker));
      assertThat(ids(slow.items())).containsExactly(one.eventId(), two.eventId(), three.eventId(), marker.eventId());
      slow.assertNoViolations();
    }

    @Test
    @DisplayName("cancel stops delivery")
    void cancel_stopsDelivery() {
      RecordingSubscriber<DeviceEvent> subscriber = subscribe(EventFilter.location(HOME), RecordingSubscriber.unbounded());
      DeviceEvent first = event(HOME, PLUG, "switch", "switch", new TextValue("on"));
      backend.publish(first);
      subscriber.awaitItem(e -> sameEvent(e, first));
      subscriber.cancel();
      backend.publish(event(HOME, PLUG, "switch", "switch", new TextValue("off")));
      sync(witness, HOME);
      assertThat(ids(subscriber.items())).containsExactly(first.eventId());
      assertThat(subscriber.terminated()).as("no terminal signal after cancel is required").isFalse();
    }

    @Test
    @DisplayName("messages() gets device events and the other kinds: subscription state, control, alert, unknown")
    void messages_getEveryKind() {
      RecordingSubscriber<PushedMessage> messages = RecordingSubscriber.unbounded();
      session.messages().subscribe(messages);
      messages.awaitSubscribed();
      SubscriptionId subscription = SubscriptionId.of("sub-contract");
      DeviceEvent device = event(HOME, PLUG, "switch", "switch", new TextValue("on"));
      List<PushedMessage> published =
          List.of(
              new SubscriptionStateChange(Optional.of(subscription), "SUBSCRIBED"),
              new ControlMessage(Optional.of(subscription), "control-data-17"),
              device,
              new AlertMessage("Hub went offline"),
              new UnknownMessage("homeport contract mystery", "{\"mystery\":[1,2,3]}", "published by the contract"));
      published.forEach(backend::publish);
      DeviceEvent marker = sync(witness, HOME);

      messages.awaitItem(m -> m instanceof DeviceEvent e && sameEvent(e, marker));
      List<PushedMessage> received = ownItems(messages);
      assertThat(received).hasSize(5);
      assertThat(received.get(0)).isInstanceOfSatisfying(
          SubscriptionStateChange.class, m -> assertThat(m.state()).isEqualTo("SUBSCRIBED"));
      assertThat(received.get(1)).isInstanceOfSatisfying(
          ControlMessage.class, m -> assertThat(m.data()).isEqualTo("control-data-17"));
      assertThat(received.get(2)).isInstanceOfSatisfying(DeviceEvent.class, e -> assertSameEvent(e, device));
      assertThat(received.get(3)).isInstanceOfSatisfying(
          AlertMessage.class, m -> assertThat(m.text()).isEqualTo("Hub went offline"));
      assertThat(received.get(4)).isInstanceOfSatisfying(
          UnknownMessage.class, m -> assertThat(m.payload()).contains("mystery"));
      messages.assertNoViolations();
    }
  }

  @Nested
  @DisplayName("overflow policies")
  class Overflow {

    /** More than any adapter's default buffer, so a subscriber that does not keep up overflows. */
    private static final int BURST = 3_000;

    private SmartHomeSession session;
    private RecordingSubscriber<DeviceEvent> witness;

    @BeforeEach
    void subscribeWitness() {
      session = connect();
      witness = liveWitness(session, HOME);
    }

    private List<DeviceEvent> burst() {
      List<DeviceEvent> events = new java.util.ArrayList<>(BURST);
      for (int i = 0; i < BURST; i++) {
        events.add(event(HOME, PLUG, "powerMeter", "power", new TextValue("v" + i)));
      }
      return events;
    }

    /** Publishes on a thread of its own: under backpressure publishing waits for the subscriber. */
    private CompletableFuture<Void> publishInBackground(List<DeviceEvent> events) {
      CompletableFuture<Void> done = new CompletableFuture<>();
      Thread publisher = new Thread(() -> {
        try {
          events.forEach(backend::publish);
          done.complete(null);
        } catch (RuntimeException | Error e) {
          done.completeExceptionally(e);
        }
      }, "contract-publisher");
      publisher.setDaemon(true);
      publisher.start();
      return done;
    }

    @Test
    @DisplayName("under BACKPRESSURE a subscriber slower than the burst gets every event, in order, none twice, and publishing completes")
    void backpressure_slowSubscriber_getsEveryEventInOrder() {
      SlowSubscriber slow = new SlowSubscriber();
      session.subscribe(EventFilter.location(HOME), dev.homeport.ports.flow.OverflowPolicy.BACKPRESSURE).subscribe(slow);
      await("the slow subscriber subscribed").atMost(WAIT).until(() -> slow.subscribed);
      List<DeviceEvent> events = burst();
      CompletableFuture<Void> published = publishInBackground(events);

      await("every event of the burst at the slow subscriber (" + BURST + ")")
          .atMost(WAIT.multipliedBy(3)).pollInterval(Duration.ofMillis(20))
          .until(() -> slow.count() >= BURST || slow.failure != null);
      assertThat(slow.failure).as("the slow subscription's error").isNull();
      result(published, "publishing the burst");
      assertThat(slow.ids()).as("events at the slow subscriber").containsExactlyElementsOf(ids(events));
    }

    @Test
    @DisplayName("under DROP_OLDEST a subscriber that requests nothing keeps its newest events and never holds a backpressure subscriber beside it")
    void dropOldest_stuckSubscriber_doesNotHoldTheOthers() {
      RecordingSubscriber<DeviceEvent> stuck = RecordingSubscriber.requesting(0);
      session.subscribe(EventFilter.location(HOME), dev.homeport.ports.flow.OverflowPolicy.DROP_OLDEST).subscribe(stuck);
      stuck.awaitSubscribed();
      RecordingSubscriber<DeviceEvent> other = RecordingSubscriber.unbounded();
      // The other one loses nothing whatever the delivery threads' pace: backpressure.
      session.subscribe(EventFilter.location(HOME), dev.homeport.ports.flow.OverflowPolicy.BACKPRESSURE).subscribe(other);
      other.awaitSubscribed();
      List<DeviceEvent> events = burst();
      events.forEach(backend::publish);
      DeviceEvent marker = sync(witness, HOME);

      other.awaitItem(e -> sameEvent(e, marker));
      assertThat(ids(ownItems(other))).as("events at the other subscriber").containsExactlyElementsOf(ids(events));
      assertThat(stuck.terminated()).as("the stuck subscription ended").isFalse();
      stuck.request(Long.MAX_VALUE);
      stuck.awaitItem(e -> sameEvent(e, marker));
      List<EventId> kept = ids(ownItems(stuck));
      assertThat(kept.size()).as("events the stuck subscriber kept").isPositive().isLessThan(BURST);
      assertThat(kept).as("kept events: the newest, in order, none twice").isSubsetOf(ids(events)).doesNotHaveDuplicates()
          .isSortedAccordingTo(java.util.Comparator.comparingInt(id -> Integer.parseInt(id.value().substring(4))))
          .endsWith(events.get(BURST - 1).eventId());
    }

    @Test
    @DisplayName("under FAIL a subscriber that requests nothing fails with SubscriberOverflowException and a backpressure subscriber beside it gets every event")
    void fail_stuckSubscriber_failsAlone() {
      RecordingSubscriber<DeviceEvent> stuck = RecordingSubscriber.requesting(0);
      session.subscribe(EventFilter.location(HOME), dev.homeport.ports.flow.OverflowPolicy.FAIL).subscribe(stuck);
      stuck.awaitSubscribed();
      RecordingSubscriber<DeviceEvent> other = RecordingSubscriber.unbounded();
      session.subscribe(EventFilter.location(HOME), dev.homeport.ports.flow.OverflowPolicy.BACKPRESSURE).subscribe(other);
      other.awaitSubscribed();
      List<DeviceEvent> events = burst();
      events.forEach(backend::publish);
      DeviceEvent marker = sync(witness, HOME);

      other.awaitItem(e -> sameEvent(e, marker));
      assertThat(ids(ownItems(other))).as("events at the other subscriber").containsExactlyElementsOf(ids(events));
      assertThat(stuck.awaitError()).isInstanceOf(dev.homeport.ports.SubscriberOverflowException.class);
      assertThat(stuck.items()).as("a failed subscription's buffered events are discarded").isEmpty();
    }
  }

  /** Takes one event at a time, with a little work per event (slower than a burst arrives). */
  private static final class SlowSubscriber implements java.util.concurrent.Flow.Subscriber<DeviceEvent> {
    private final List<EventId> received = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    private java.util.concurrent.Flow.Subscription subscription;
    volatile boolean subscribed;
    volatile Throwable failure;

    @Override
    public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
      subscription = s;
      subscribed = true;
      s.request(1);
    }

    @Override
    public void onNext(DeviceEvent item) {
      if (!isContractEvent(item)) {
        received.add(item.eventId());
        // Simulated work per event (not a wait for anything): slower than the burst arrives.
        java.util.concurrent.locks.LockSupport.parkNanos(100_000);
      }
      subscription.request(1);
    }

    @Override
    public void onError(Throwable error) {
      failure = error;
    }

    @Override
    public void onComplete() {}

    int count() {
      return received.size();
    }

    List<EventId> ids() {
      synchronized (received) {
        return List.copyOf(received);
      }
    }
  }

  @Nested
  @DisplayName("lifecycle")
  class Lifecycle {

    @Test
    @DisplayName("a lifecycle subscriber sees the session authenticated")
    void lifecycle_showsAuthenticated() {
      SmartHomeSession session = connect();
      RecordingSubscriber<LifecycleEvent> lifecycle = RecordingSubscriber.unbounded();
      session.lifecycle().subscribe(lifecycle);
      LifecycleEvent authenticated = lifecycle.awaitItem(e -> e.state() == SessionState.AUTHENTICATED);
      assertThat(authenticated.time()).isNotNull();
      assertThat(authenticated.eventsMayBeMissing()).isFalse();
    }

    @Test
    @DisplayName("an expired session shows SESSION_EXPIRED, ends event publishers with AuthenticationException and refuses calls")
    void expiry_endsTheSession() {
      SmartHomeSession session = connect();
      RecordingSubscriber<DeviceEvent> witness = liveWitness(session, HOME);
      RecordingSubscriber<LifecycleEvent> lifecycle = RecordingSubscriber.unbounded();
      session.lifecycle().subscribe(lifecycle);
      lifecycle.awaitItem(e -> e.state() == SessionState.AUTHENTICATED);

      backend.expireSession();

      lifecycle.awaitItem(e -> e.state() == SessionState.SESSION_EXPIRED);
      assertThat(witness.awaitError()).isInstanceOf(AuthenticationException.class);
      assertThat(failureOf(session.locations())).isInstanceOf(AuthenticationException.class);
      witness.assertNoViolations();
    }

    @Test
    @DisplayName("a dropped connection shows RECONNECTING, then AUTHENTICATED with a gap notice, and events flow again")
    void disconnect_reconnectsWithGapNotice() {
      SmartHomeSession session = connect();
      RecordingSubscriber<DeviceEvent> witness = liveWitness(session, HOME);
      RecordingSubscriber<LifecycleEvent> lifecycle = RecordingSubscriber.unbounded();
      session.lifecycle().subscribe(lifecycle);
      lifecycle.awaitItem(e -> e.state() == SessionState.AUTHENTICATED);
      int before = lifecycle.items().size();
      DeviceEvent lost = event(HOME, PLUG, "switch", "switch", new TextValue("lost"));

      backend.simulateDisconnect(() -> backend.publish(lost));

      LifecycleEvent back = lifecycle.awaitItem(e -> e.state() == SessionState.AUTHENTICATED && e.eventsMayBeMissing());
      List<LifecycleEvent> after = lifecycle.items().subList(before, lifecycle.items().size());
      assertThat(after).extracting(LifecycleEvent::state).contains(SessionState.RECONNECTING);
      assertThat(after.indexOf(back)).isGreaterThan(
          after.stream().map(LifecycleEvent::state).collect(Collectors.toList()).indexOf(SessionState.RECONNECTING));

      DeviceEvent afterReconnect = event(HOME, PLUG, "switch", "switch", new TextValue("on"));
      await("events flowing again after the reconnect")
          .atMost(WAIT)
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(50))
          .until(() -> {
            backend.publish(afterReconnect);
            return witness.items().stream().anyMatch(e -> sameEvent(e, afterReconnect));
          });
      assertThat(witness.items()).noneMatch(e -> sameEvent(e, lost));
      assertThat(witness.terminated()).isFalse();
    }
  }

  @Nested
  @DisplayName("close")
  class Close {

    @Test
    @DisplayName("close completes every publisher, shows CLOSED, and later calls fail with ClosedException")
    void close_completesPublishersAndRefusesCalls() {
      SmartHomeSession session = connect();
      RecordingSubscriber<DeviceEvent> events = liveWitness(session, HOME);
      RecordingSubscriber<PushedMessage> messages = RecordingSubscriber.unbounded();
      session.messages().subscribe(messages);
      RecordingSubscriber<LifecycleEvent> lifecycle = RecordingSubscriber.unbounded();
      session.lifecycle().subscribe(lifecycle);
      lifecycle.awaitItem(e -> e.state() == SessionState.AUTHENTICATED);
      messages.awaitSubscribed();

      session.close();

      events.awaitCompletion();
      messages.awaitCompletion();
      lifecycle.awaitCompletion();
      assertThat(lifecycle.items()).last().extracting(LifecycleEvent::state).isEqualTo(SessionState.CLOSED);
      assertThat(failureOf(session.locations())).isInstanceOf(ClosedException.class);
      assertThat(failureOf(session.devices(HOME))).isInstanceOf(ClosedException.class);
      events.assertNoViolations();
      messages.assertNoViolations();
      lifecycle.assertNoViolations();
    }

    @Test
    @DisplayName("close is idempotent, and subscribing after close completes at once")
    void close_isIdempotent_lateSubscribersComplete() {
      SmartHomeSession session = connect();
      session.close();
      session.close();
      RecordingSubscriber<DeviceEvent> late = RecordingSubscriber.unbounded();
      session.subscribe(EventFilter.location(HOME)).subscribe(late);
      late.awaitCompletion();
      assertThat(failureOf(session.user())).isInstanceOf(ClosedException.class);
      late.assertNoViolations();
    }
  }
}
