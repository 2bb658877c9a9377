package dev.homeport.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.homeport.adapter.inmemory.InMemoryCamera;
import dev.homeport.adapter.inmemory.InMemorySmartHome;
import dev.homeport.domain.camera.GoToPreset;
import dev.homeport.domain.camera.NightVisionMode;
import dev.homeport.domain.camera.Position;
import dev.homeport.domain.camera.Setting;
import dev.homeport.domain.home.AttributeValue;
import dev.homeport.domain.home.DeviceEvent;
import dev.homeport.domain.home.DeviceId;
import dev.homeport.domain.home.EventId;
import dev.homeport.domain.home.ImmutableDevice;
import dev.homeport.domain.home.ImmutableDeviceEvent;
import dev.homeport.domain.home.ImmutableDeviceState;
import dev.homeport.domain.home.ImmutableLocation;
import dev.homeport.domain.home.ImmutableUser;
import dev.homeport.domain.home.LocationId;
import dev.homeport.domain.home.UserId;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bridge end to end on a real broker (the embedded Moquette on loopback), with a real MQTT
 * client subscribing, an in-memory camera and an in-memory smart home behind it.
 */
class MqttBridgeTest {

  static final LocationId HOME = LocationId.of("loc-1");
  static final DeviceId DOOR = DeviceId.of("dev-door");
  static final DeviceId THERMO = DeviceId.of("dev-thermo");
  static final AtomicLong EVENTS = new AtomicLong();

  EmbeddedBroker broker;
  InMemoryCamera camera;
  InMemorySmartHome home;
  MqttProbe probe;
  MqttBridge bridge;
  final List<AutoCloseable> extra = new ArrayList<>();

  @BeforeEach
  void setUp() {
    broker = EmbeddedBroker.start();
    camera = InMemoryCamera.builder().name("porch").preset(2, "Driveway", new Position(7500, 4000)).build();
    home = home();
    probe = new MqttProbe(broker.uri());
  }

  @AfterEach
  void tearDown() throws Exception {
    if (bridge != null) {
      bridge.close();
    }
    probe.close();
    for (AutoCloseable closeable : extra) {
      closeable.close();
    }
    camera.close();
    closeInBackground(broker);
  }

  /**
   * Stops {@code broker} without waiting for it: Moquette's stop waits out Netty's graceful-shutdown
   * quiet period (2 s, not configurable), which was most of each test's time. Nothing a test checks
   * happens after its teardown, and a test that stops the broker itself does so in the foreground.
   */
  static void closeInBackground(EmbeddedBroker broker) {
    Thread stopper = new Thread(broker::close, "test-broker-stop");
    stopper.setDaemon(true);
    stopper.start();
  }

  static InMemorySmartHome home() {
    InMemorySmartHome home =
        InMemorySmartHome.builder()
            .user(ImmutableUser.builder().id(UserId.of("u-1")).userName("me@example.com").fullName("Me").email("me@example.com").countryCode("FR").build())
            .build();
    home.addLocation(ImmutableLocation.builder().id(HOME).name("Maison").build());
    home.addDevice(
        ImmutableDevice.builder().id(DOOR).locationId(HOME).componentId("main").name("Front door").type("sensor")
            .addStates(ImmutableDeviceState.builder().componentId("main").capability("contactSensor").attribute("contact")
                .value(new AttributeValue.TextValue("closed")).build())
            .build());
    home.addDevice(
        ImmutableDevice.builder().id(THERMO).locationId(HOME).componentId("main").name("Salon thermomètre").type("sensor")
            .addStates(ImmutableDeviceState.builder().componentId("main").capability("temperatureMeasurement").attribute("temperature")
                .value(new AttributeValue.NumberValue(new BigDecimal("20.5"))).build())
            .build());
    return home;
  }

  static DeviceEvent contact(String value) {
    return event(DOOR, "contactSensor", "contact", new AttributeValue.TextValue(value), Optional.empty());
  }

  static DeviceEvent event(DeviceId device, String capability, String attribute, AttributeValue value, Optional<String> unit) {
    return ImmutableDeviceEvent.builder()
        .eventId(EventId.of("evt-" + EVENTS.incrementAndGet()))
        .locationId(HOME).deviceId(device).componentId("main")
        .capability(capability).attribute(attribute).value(value).unit(unit)
        .stateChange(true).time(Instant.parse("2026-12-02T05:00:00Z")).build();
  }

  ImmutableBridgeConfig.Builder config() {
    return config(Duration.ofMinutes(10));
  }

  ImmutableBridgeConfig.Builder config(Duration poll) {
    return ImmutableBridgeConfig.builder()
        .pollInterval(poll)
        .healthInterval(Duration.ofMillis(300))
        .retryInitialDelay(Duration.ofMillis(50))
        .retryMaxDelay(Duration.ofMillis(200))
        .softwareVersion("test");
  }

  static MqttSettings mqtt(URI uri) {
    return ImmutableMqttSettings.builder().uri(uri).clientId("bridge-under-test")
        .reconnectInitialDelay(Duration.ofMillis(50)).reconnectMaxDelay(Duration.ofMillis(300)).build();
  }

  MqttBridge start(BridgeConfig config) {
    return start(config, broker.uri());
  }

  MqttBridge start(BridgeConfig config, URI uri) {
    bridge = MqttBridge.builder().config(config).mqtt(mqtt(uri)).camera(camera).smartHome(home).build();
    bridge.start();
    return bridge;
  }

  @Test
  void start_announcesEveryEntityRetained_andEachPayloadFollowsTheDiscoveryRules() {
    start(config().build());
    probe.awaitLast("homeport/porch/state", m -> m.json().has("night_vision"));
    probe.await("homeassistant/sensor/homeport_st_dev-thermo/temperatureMeasurement_temperature/config");
    List<String> expected =
        List.of(
            "homeassistant/switch/homeport_porch/power/config",
            "homeassistant/switch/homeport_porch/motion_detection/config",
            "homeassistant/select/homeport_porch/night_vision/config",
            "homeassistant/select/homeport_porch/resolution/config",
            "homeassistant/number/homeport_porch/motion_trigger_time_day_ms/config",
            "homeassistant/number/homeport_porch/position_x/config",
            "homeassistant/button/homeport_porch/preset_2/config",
            "homeassistant/button/homeport_porch/stop/config",
            "homeassistant/button/homeport_porch/reboot/config",
            "homeassistant/sensor/homeport_porch/sd_card/config",
            "homeassistant/sensor/homeport_porch/firmware/config",
            "homeassistant/binary_sensor/homeport_st_dev-door/contactSensor_contact/config",
            "homeassistant/binary_sensor/homeport_bridge/connection_state/config");
    expected.forEach(topic -> probe.await(topic));

    JsonNode state = probe.last("homeport/porch/state").orElseThrow().json();
    List<MqttProbe.Message> configs = probe.messages().stream().filter(m -> m.topic().endsWith("/config") && !m.payload().isEmpty()).toList();
    assertThat(configs).hasSizeGreaterThan(30);
    for (MqttProbe.Message message : configs) {
      String component = HaDiscoveryRules.check(message.topic(), message.json());
      if (message.topic().contains("/homeport_porch/") && message.json().has("value_template")) {
        assertThat(state.has(HaDiscoveryRules.templateKey(message.json())))
            .as("%s reads a key the state has", message.topic()).isTrue();
      }
      if (!component.equals("binary_sensor") || !message.topic().contains("homeport_bridge")) {
        assertThat(message.json().path("availability").toString()).contains("homeport/bridge/state");
      }
    }
    JsonNode select = probe.last("homeassistant/select/homeport_porch/night_vision/config").orElseThrow().json();
    assertThat(select.get("options").toString()).isEqualTo("[\"auto\",\"day\",\"night\"]");
    JsonNode button = probe.last("homeassistant/button/homeport_porch/preset_2/config").orElseThrow().json();
    assertThat(button.get("name").asText()).isEqualTo("Preset 2: Driveway");
    JsonNode door = probe.last("homeassistant/binary_sensor/homeport_st_dev-door/contactSensor_contact/config").orElseThrow().json();
    assertThat(door.get("device_class").asText()).isEqualTo("door");
    assertThat(door.get("device").get("name").asText()).isEqualTo("Front door");
    assertThat(door.get("device").get("via_device").asText()).isEqualTo("homeport_bridge");
    assertThat(probe.last("homeport/porch/availability").orElseThrow().payload()).isEqualTo("online");
    assertThat(probe.awaitLast("homeport/bridge/state", m -> true).payload()).isEqualTo("online");
  }

  @Test
  void state_isRetainedJsonOfEverySetting_readByALateSubscriber() throws Exception {
    start(config().build());
    probe.awaitLast("homeport/porch/state", m -> m.json().has("power"));
    try (MqttProbe late = new MqttProbe(broker.uri())) {
      // a late subscriber gets it: it was retained (Moquette 0.17 sets no retain flag on it)
      MqttProbe.Message state = late.await("homeport/porch/state");
      JsonNode json = state.json();
      assertThat(json.get("power").asText()).isEqualTo("ON");
      assertThat(json.get("night_vision").asText()).isEqualTo("auto");
      assertThat(json.get("resolution").asText()).isEqualTo("1920x1080");
      assertThat(json.get("motion_trigger_time_day_ms").asLong()).isEqualTo(1000);
      assertThat(json.get("position_x").asInt()).isEqualTo(5000);
      assertThat(json.get("sd_card").asText()).isEqualTo("ok");
      assertThat(late.await("homeport/porch/availability").payload()).isEqualTo("online");
      assertThat(late.await("homeport/devices/maison/salon_thermometre").json().get("temperatureMeasurement_temperature").decimalValue())
          .isEqualByComparingTo("20.5");
    }
  }

  @Test
  void set_changesSettingsAndMovesTheCamera_andTheStateFollows() {
    start(config().build());
    probe.awaitLast("homeport/porch/state", m -> m.json().has("night_vision"));
    probe.publish("homeport/porch/set", "{\"night_vision\":\"night\",\"status_led\":\"OFF\",\"preset\":2}");
    probe.awaitLast("homeport/porch/state", m -> m.json().path("night_vision").asText().equals("night"));
    assertThat(camera.peek(Setting.NIGHT_VISION)).isEqualTo(NightVisionMode.NIGHT);
    assertThat(camera.peek(Setting.STATUS_LED)).isFalse();
    assertThat(camera.peekPosition()).isEqualTo(new Position(7500, 4000));
    JsonNode state = probe.last("homeport/porch/state").orElseThrow().json();
    assertThat(state.get("status_led").asText()).isEqualTo("OFF");
    assertThat(state.get("position_x").asInt()).isEqualTo(7500);

    // a button press, exactly as Home Assistant sends it: the discovery's payload_press
    String press = probe.last("homeassistant/button/homeport_porch/preset_1/config").orElseThrow().json().get("payload_press").asText();
    probe.publish("homeport/porch/set", press);
    await().atMost(MqttProbe.WAIT).until(() -> camera.executedCommands().contains(new GoToPreset(1)));
    // a number, through its command template
    probe.publish("homeport/porch/set", "{\"motion_trigger_time_night_ms\":2500}");
    probe.awaitLast("homeport/porch/state", m -> m.json().path("motion_trigger_time_night_ms").asLong() == 2500);
    assertThat(camera.peek(Setting.MOTION_TRIGGER_TIME).day()).isEqualTo(Duration.ofMillis(1000));
  }

  @Test
  void rebootButton_restartsTheCameraOncePerPress_andOnlyOnTrue() {
    start(config().build());
    probe.awaitLast("homeport/porch/state", m -> m.json().has("night_vision"));
    JsonNode button = probe.await("homeassistant/button/homeport_porch/reboot/config").json();
    HaDiscoveryRules.check("homeassistant/button/homeport_porch/reboot/config", button);
    assertThat(button.get("device_class").asText()).isEqualTo("restart");
    assertThat(button.get("entity_category").asText()).isEqualTo("config");
    assertThat(button.get("command_topic").asText()).isEqualTo("homeport/porch/set");

    probe.publish("homeport/porch/set", "{\"reboot\":false,\"transaction\":\"r0\"}");
    MqttProbe.Message refused = probe.await("homeport/bridge/response/camera/set", m -> m.json().path("transaction").asText().equals("r0"));
    assertThat(refused.json().get("error").asText()).contains("reboot must be true");
    assertThat(camera.reboots()).isZero();

    // the press exactly as Home Assistant sends it
    probe.publish("homeport/porch/set", button.get("payload_press").asText());
    await().atMost(MqttProbe.WAIT).until(() -> camera.reboots() == 1);
    probe.publish("homeport/bridge/request/camera/command", "{\"camera\":\"porch\",\"command\":{\"reboot\":true},\"transaction\":\"r1\"}");
    MqttProbe.Message ok = probe.await("homeport/bridge/response/camera/command", m -> m.json().path("transaction").asText().equals("r1"));
    assertThat(ok.json().get("status").asText()).isEqualTo("ok");
    assertThat(camera.reboots()).isEqualTo(2);
  }

  @Test
  void cameraWithoutReboot_announcesNoRebootButton_andRefusesTheCommand() {
    camera.close();
    camera = InMemoryCamera.builder().name("porch").withoutCommands(dev.homeport.domain.camera.Reboot.class).build();
    start(config().build());
    probe.awaitLast("homeport/porch/state", m -> m.json().has("night_vision"));
    probe.await("homeassistant/button/homeport_porch/stop/config");
    assertThat(probe.last("homeassistant/button/homeport_porch/reboot/config")).isEmpty();
    probe.publish("homeport/porch/set", "{\"reboot\":true,\"transaction\":\"r2\"}");
    MqttProbe.Message refused = probe.await("homeport/bridge/response/camera/set", m -> m.json().path("transaction").asText().equals("r2"));
    assertThat(refused.json().get("error").asText()).contains("does not support");
    assertThat(camera.reboots()).isZero();
  }

  @Test
  void badSet_isAnsweredWithAnErrorOnTheResponseTopic_andChangesNothing() {
    start(config().build());
    probe.awaitLast("homeport/porch/state", m -> m.json().has("night_vision"));
    probe.publish("homeport/porch/set", "{\"night_vision\":\"purple\",\"transaction\":\"t-9\"}");
    MqttProbe.Message answer = probe.await("homeport/bridge/response/camera/set");
    assertThat(answer.json().get("status").asText()).isEqualTo("error");
    assertThat(answer.json().get("transaction").asText()).isEqualTo("t-9");
    assertThat(answer.json().get("error").asText()).contains("night-vision").contains("auto, day, night");
    probe.publish("homeport/porch/set", "not json");
    probe.await("homeport/bridge/response/camera/set", m -> m.json().get("error").asText().contains("JSON"));
    assertThat(camera.peek(Setting.NIGHT_VISION)).isEqualTo(NightVisionMode.AUTO);
  }

  @Test
  void requests_areAnsweredOnTheResponseTopic_matchedByTransaction() {
    start(config().build());
    probe.awaitLast("homeport/porch/state", m -> m.json().has("night_vision"));
    probe.publish("homeport/bridge/request/camera/command", "{\"camera\":\"porch\",\"command\":{\"preset\":3},\"transaction\":\"a1\"}");
    MqttProbe.Message ok = probe.await("homeport/bridge/response/camera/command", m -> m.json().path("transaction").asText().equals("a1"));
    assertThat(ok.json().get("status").asText()).isEqualTo("ok");
    assertThat(camera.executedCommands()).contains(new GoToPreset(3));

    probe.publish("homeport/bridge/request/camera/command", "{\"camera\":\"garage\",\"command\":{\"preset\":1},\"transaction\":\"a2\"}");
    MqttProbe.Message unknown = probe.await("homeport/bridge/response/camera/command", m -> m.json().path("transaction").asText().equals("a2"));
    assertThat(unknown.json().get("status").asText()).isEqualTo("error");
    assertThat(unknown.json().get("error").asText()).contains("garage").contains("porch");

    probe.publish("homeport/bridge/request/camera/state", "{\"camera\":\"porch\",\"transaction\":\"a3\"}");
    MqttProbe.Message state = probe.await("homeport/bridge/response/camera/state", m -> m.json().path("transaction").asText().equals("a3"));
    assertThat(state.json().path("data").path("state").path("power").asText()).isEqualTo("ON");

    probe.publish("homeport/bridge/request/health", "{\"transaction\":\"a4\"}");
    MqttProbe.Message health = probe.await("homeport/bridge/response/health", m -> m.json().path("transaction").asText().equals("a4"));
    assertThat(health.json().path("data").path("mqtt_connected").asBoolean()).isTrue();

    probe.publish("homeport/bridge/request/reboot-the-world", "{\"transaction\":\"a5\"}");
    assertThat(probe.await("homeport/bridge/response/reboot-the-world").json().get("error").asText()).contains("allowed");
  }

  @Test
  void unreachableCamera_goesOffline_commandsFailOnTheResponseTopic_andItComesBackByItself() {
    start(config(Duration.ofMillis(200)).build());
    probe.awaitLast("homeport/porch/availability", m -> m.payload().equals("online"));
    camera.setUnreachable(true);
    probe.awaitLast("homeport/porch/availability", m -> m.payload().equals("offline"));
    probe.publish("homeport/bridge/request/camera/command", "{\"camera\":\"porch\",\"command\":{\"preset\":1},\"transaction\":\"u1\"}");
    MqttProbe.Message answer = probe.await("homeport/bridge/response/camera/command", m -> m.json().path("transaction").asText().equals("u1"));
    assertThat(answer.json().get("status").asText()).isEqualTo("error");
    camera.setUnreachable(false);
    probe.awaitLast("homeport/porch/availability", m -> m.payload().equals("online"));
    assertThat(bridge.health().counter("camera.went_offline")).isEqualTo(1);
  }

  @Test
  void deviceEvents_areRepublishedOnce_evenWhenTheServiceDeliversOneTwice() {
    start(config().build());
    probe.awaitLast("homeport/home/availability", m -> m.payload().equals("online"));
    await().atMost(MqttProbe.WAIT).until(() -> bridge.health().counter("home.sessions") == 1 && home.openSessions().size() == 1);
    probe.await("homeassistant/binary_sensor/homeport_st_dev-door/contactSensor_contact/config");
    DeviceEvent open = contact("open");
    awaitSubscribed();
    home.publish(open);
    home.publish(open);
    home.publish(event(THERMO, "temperatureMeasurement", "temperature", new AttributeValue.NumberValue(new BigDecimal("21.5")), Optional.of("C")));
    // (late copies of awaitSubscribed's 19.0 probes may arrive too)
    MqttProbe.Message thermo = probe.await("homeport/events/maison/salon_thermometre",
        m -> m.json().get("value").decimalValue().compareTo(new BigDecimal("21.5")) == 0);
    assertThat(thermo.json().get("unit").asText()).isEqualTo("C");
    List<MqttProbe.Message> door = probe.on("homeport/events/maison/front_door");
    assertThat(door).hasSize(1);
    assertThat(door.get(0).json().get("value").asText()).isEqualTo("open");
    assertThat(door.get(0).json().get("device").asText()).isEqualTo("Front door");
    assertThat(door.get(0).json().get("event_id").asText()).isEqualTo(open.eventId().value());
    assertThat(door.get(0).retained()).isFalse();
    probe.awaitLast("homeport/devices/maison/front_door", m -> m.json().path("contactSensor_contact").asText().equals("open"));
    // the temperature's unit arrived with the event: its entity is now a temperature in °C
    JsonNode sensor = probe.awaitLast("homeassistant/sensor/homeport_st_dev-thermo/temperatureMeasurement_temperature/config",
        m -> m.json().has("device_class")).json();
    assertThat(sensor.get("unit_of_measurement").asText()).isEqualTo("°C");
    HaDiscoveryRules.check("homeassistant/sensor/homeport_st_dev-thermo/temperatureMeasurement_temperature/config", sensor);
    assertThat(bridge.health().counter("events.duplicates_dropped")).isEqualTo(1);
  }

  @Test
  void rule_whenTheDoorOpens_movesTheCameraToAPreset_onceWithinItsDebounce_loggedAndCounted() {
    Rule rule =
        Rules.parse(
                List.of(
                    Map.of("name", "porch-to-door",
                        "when", Map.of("device", "Front door", "capability", "contactSensor", "attribute", "contact", "value", "open"),
                        "then", Map.of("camera", "porch", "command", Map.of("preset", 2)),
                        "debounce", "1h"),
                    Map.of("name", "announce",
                        "when", Map.of("location", "Maison", "device", "dev-door", "value", "open"),
                        "then", Map.of("publish", Map.of("topic", "alerts/door", "payload", "${device} is ${value}")))))
            .get(0);
    Rule announce = Rules.parse(List.of(Map.of("name", "announce",
        "when", Map.of("location", "Maison", "device", "dev-door", "value", "open"),
        "then", Map.of("publish", Map.of("topic", "alerts/door", "payload", "${device} is ${value}"))))).get(0);
    start(config().addRules(rule, announce).build());
    probe.awaitLast("homeport/home/availability", m -> m.payload().equals("online"));
    awaitSubscribed();
    home.publish(contact("closed"));
    home.publish(contact("open"));
    home.publish(contact("closed"));
    home.publish(contact("open"));
    await().atMost(MqttProbe.WAIT).until(() -> camera.executedCommands().contains(new GoToPreset(2)));
    assertThat(probe.await("alerts/door").payload()).isEqualTo("Front door is open");
    await().atMost(MqttProbe.WAIT).until(() -> bridge.health().counter("rules.porch-to-door.debounced") == 1);
    assertThat(camera.executedCommands().stream().filter(c -> c.equals(new GoToPreset(2))).count()).isEqualTo(1);
    BridgeHealth health = bridge.health();
    assertThat(health.counter("rules.porch-to-door.fired")).isEqualTo(1);
    assertThat(health.counter("rules.announce.fired")).isEqualTo(2);
  }

  @Test
  void homeAssistantComingOnline_getsTheDiscoveryAgain() {
    start(config().build());
    String topic = "homeassistant/switch/homeport_porch/power/config";
    probe.await(topic);
    probe.clear();
    probe.publish("homeassistant/status", "online");
    assertThat(probe.await(topic).json().get("unique_id").asText()).isEqualTo("homeport_porch_power");
    probe.await("homeport/porch/state");
  }

  @Test
  void staleEntitiesUnderTheBridgesNodes_areClearedWithAnEmptyRetainedPayload_othersAreLeftAlone() {
    probe.publishRetained("homeassistant/switch/homeport_garage/power/config", "{\"name\":\"old\"}");
    probe.publishRetained("homeassistant/switch/zigbee_lamp/state/config", "{\"name\":\"not ours\"}");
    probe.await("homeassistant/switch/homeport_garage/power/config");
    probe.await("homeassistant/switch/zigbee_lamp/state/config");
    start(config().build());
    probe.await("homeassistant/switch/homeport_garage/power/config", m -> m.payload().isEmpty());
    probe.await("homeassistant/switch/homeport_porch/power/config");
    assertThat(probe.on("homeassistant/switch/zigbee_lamp/state/config")).noneMatch(m -> m.payload().isEmpty());
    assertThat(probe.on("homeassistant/switch/homeport_porch/power/config")).noneMatch(m -> m.payload().isEmpty());
  }

  @Test
  void abruptStop_theBrokerPublishesTheLastWill() throws Exception {
    CuttableProxy proxy = new CuttableProxy(broker.port());
    extra.add(proxy);
    start(config().build(), URI.create("tcp://127.0.0.1:" + proxy.port()));
    probe.awaitLast("homeport/bridge/state", m -> m.payload().equals("online"));
    proxy.cut();
    MqttProbe.Message will = probe.awaitLast("homeport/bridge/state", m -> m.payload().equals("offline"));
    assertThat(will.payload()).isEqualTo("offline");
    try (MqttProbe late = new MqttProbe(broker.uri())) {
      assertThat(late.await("homeport/bridge/state").payload()).as("the will is retained").isEqualTo("offline");
    }
  }

  @Test
  void brokerRestart_theBridgeReconnects_republishesRetainedState_andListensAgain() throws Exception {
    start(config().build());
    probe.awaitLast("homeport/porch/state", m -> m.json().has("night_vision"));
    int port = broker.port();
    probe.close();
    broker.close();
    await().atMost(MqttProbe.WAIT).until(() -> !bridge.health().mqttConnected());
    broker = EmbeddedBroker.start("127.0.0.1", port);
    await().atMost(MqttProbe.WAIT).until(() -> bridge.health().mqttConnected());
    probe = new MqttProbe(broker.uri());
    // the new broker knew nothing: all of it came from the bridge again
    assertThat(probe.await("homeassistant/select/homeport_porch/night_vision/config").json().get("options").size()).isEqualTo(3);
    assertThat(probe.await("homeport/porch/state").json().get("power").asText()).isEqualTo("ON");
    assertThat(probe.await("homeport/bridge/state").payload()).isEqualTo("online");
    probe.publish("homeport/porch/set", "{\"night_vision\":\"day\"}");
    await().atMost(MqttProbe.WAIT).until(() -> camera.peek(Setting.NIGHT_VISION) == NightVisionMode.DAY);
    assertThat(bridge.health().counter("mqtt.connects")).isEqualTo(2);
  }

  @Test
  void sessionExpiry_takesTheHomeOffline_andEndsTheBridgeWhenConfiguredTo() {
    start(config().exitOnSessionExpiry(true).build());
    probe.awaitLast("homeport/home/availability", m -> m.payload().equals("online"));
    home.expireSession();
    probe.awaitLast("homeport/home/availability", m -> m.payload().equals("offline"));
    assertThat(bridge.terminated()).succeedsWithin(MqttProbe.WAIT).asString().contains("expired");
    assertThat(bridge.health().counter("home.sessions_expired")).isEqualTo(1);
  }

  @Test
  void health_isPublishedWithCounters() {
    start(config().build());
    MqttProbe.Message health = probe.await("homeport/bridge/health", m -> m.json().path("cameras").has("porch"));
    assertThat(health.json().path("mqtt_connected").asBoolean()).isTrue();
    assertThat(health.json().path("counters").path("mqtt.connects").asLong()).isEqualTo(1);
    assertThat(health.json().path("cameras").path("porch").asText()).isEqualTo("online");
  }

  @Test
  void cleanClose_marksEverythingOffline_withoutTheWill() {
    start(config().build());
    probe.awaitLast("homeport/porch/availability", m -> m.payload().equals("online"));
    bridge.close();
    probe.awaitLast("homeport/porch/availability", m -> m.payload().equals("offline"));
    probe.awaitLast("homeport/bridge/state", m -> m.payload().equals("offline"));
    probe.awaitLast("homeport/home/availability", m -> m.payload().equals("offline"));
  }

  @Test
  void badConfiguration_isRefusedBeforeAnyIo() {
    Rule toGarage = new Rule("to-garage", new Rule.DeviceTrigger(Optional.empty(), "Front door", Optional.empty(), Optional.empty(), Optional.empty()),
        new Rule.CameraAction("garage", Map.of("preset", 1)), Duration.ZERO);
    assertThatThrownBy(() -> MqttBridge.builder().config(config().addRules(toGarage).build()).mqtt(mqtt(broker.uri())).camera(camera).smartHome(home).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("garage").hasMessageContaining("porch");
    Rule badPreset = new Rule("bad", new Rule.DeviceTrigger(Optional.empty(), "Front door", Optional.empty(), Optional.empty(), Optional.empty()),
        new Rule.CameraAction("porch", Map.of("preset", Map.of("x", 1))), Duration.ZERO);
    assertThatThrownBy(() -> MqttBridge.builder().config(config().addRules(badPreset).build()).mqtt(mqtt(broker.uri())).camera(camera).smartHome(home).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("preset");
    assertThatThrownBy(() -> MqttBridge.builder().config(config().addRules(toGarage).build()).mqtt(mqtt(broker.uri())).camera(camera).build())
        .hasMessageContaining("no event source");
    Rule onSound = new Rule("on-sound", new Rule.CameraTrigger("porch", "sound"), new Rule.CameraAction("porch", Map.of("stop", true)), Duration.ZERO);
    assertThatThrownBy(() -> MqttBridge.builder().config(config().addRules(onSound).build()).mqtt(mqtt(broker.uri())).camera(camera).build())
        .hasMessageContaining("motion, person or tamper").hasMessageContaining("sound");
    Rule onGarage = new Rule("on-garage", new Rule.CameraTrigger("garage", "motion"), new Rule.CameraAction("porch", Map.of("stop", true)), Duration.ZERO);
    assertThatThrownBy(() -> MqttBridge.builder().config(config().addRules(onGarage).build()).mqtt(mqtt(broker.uri())).camera(camera).build())
        .hasMessageContaining("no camera named 'garage'");
    InMemoryCamera reserved = InMemoryCamera.builder().name("bridge").build();
    extra.add(reserved);
    assertThatThrownBy(() -> MqttBridge.builder().mqtt(mqtt(broker.uri())).camera(reserved).build()).hasMessageContaining("reserved");
    assertThatThrownBy(() -> ImmutableMqttSettings.builder().uri(URI.create("http://x:1")).build()).hasMessageContaining("tcp://");
    assertThatThrownBy(() -> ImmutableMqttSettings.builder().uri(URI.create("tcp://me:pw@x:1")).build()).hasMessageContaining("credentials");
    assertThatThrownBy(() -> ImmutableBridgeConfig.builder().baseTopic("home/#").build()).hasMessageContaining("base topic");
  }

  /** Waits until the bridge's event subscription is open (events published before it are not delivered). */
  private void awaitSubscribed() {
    try {
      awaitSubscribedOnce();
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError("topics seen: " + probe.messages().stream().map(MqttProbe.Message::topic).distinct().toList()
          + " health " + bridge.health() + " sessions " + home.openSessions().size(), e);
    }
  }

  private void awaitSubscribedOnce() {
    java.util.Set<String> sent = java.util.concurrent.ConcurrentHashMap.newKeySet();
    await().atMost(MqttProbe.WAIT).until(() -> {
      DeviceEvent probeEvent = event(THERMO, "temperatureMeasurement", "temperature", new AttributeValue.NumberValue(new BigDecimal("19.0")), Optional.empty());
      sent.add(probeEvent.eventId().value());
      home.publish(probeEvent);
      return probe.on("homeport/events/maison/salon_thermometre").stream()
          .anyMatch(m -> sent.contains(m.json().path("event_id").asText()));
    });
    probe.clear();
  }

  static String unique() {
    return UUID.randomUUID().toString();
  }
}
