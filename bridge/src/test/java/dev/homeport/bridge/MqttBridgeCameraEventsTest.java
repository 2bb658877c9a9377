package dev.homeport.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.homeport.adapter.camera.onvif.OnvifCameraDriver;
import dev.homeport.adapter.inmemory.InMemoryCamera;
import dev.homeport.domain.Secret;
import dev.homeport.domain.camera.GetCameraInfo;
import dev.homeport.domain.camera.GetSetting;
import dev.homeport.domain.camera.GetSnapshot;
import dev.homeport.domain.camera.ListPresets;
import dev.homeport.domain.camera.GoToPreset;
import dev.homeport.domain.camera.SetSetting;
import dev.homeport.domain.camera.Setting;
import dev.homeport.domain.camera.Snapshot;
import dev.homeport.ports.camera.Camera;
import dev.homeport.ports.camera.CameraCapabilities;
import dev.homeport.ports.camera.ImmutableCameraEndpoint;
import dev.homeport.simulators.onvif.OnvifCameraSimulator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Camera detection events and snapshots through the bridge, end to end on real wires: a simulated
 * ONVIF camera on loopback (pull-point events, HTTP snapshot) behind the ONVIF driver, the bridge on
 * the embedded broker, and a real MQTT client subscribing.
 */
class MqttBridgeCameraEventsTest {

  static final CameraCapabilities ONVIF = CameraCapabilities.of(
      Set.of(GetCameraInfo.class, GetSetting.class, SetSetting.class, ListPresets.class, GoToPreset.class, GetSnapshot.class),
      Set.of(Setting.NIGHT_VISION));

  EmbeddedBroker broker;
  InMemoryCamera backend;
  OnvifCameraSimulator simulator;
  Camera camera;
  MqttProbe probe;
  MqttBridge bridge;

  @BeforeEach
  void setUp() {
    broker = EmbeddedBroker.start();
    backend = InMemoryCamera.builder().name("garden").capabilities(ONVIF).build();
    simulator = OnvifCameraSimulator.builder().backend(backend).start();
    simulator.setMaxPollWait(Duration.ofMillis(500));
    camera = new OnvifCameraDriver().connect(ImmutableCameraEndpoint.builder()
        .name("garden").brand("onvif").host(simulator.host()).port(simulator.port())
        .username(simulator.username()).password(Secret.of(simulator.password()))
        .putOptions("requestTimeout", "2s").putOptions("connectTimeout", "2s").putOptions("pullTimeout", "1s")
        .build());
    probe = new MqttProbe(broker.uri());
  }

  @AfterEach
  void tearDown() {
    if (bridge != null) {
      bridge.close();
    }
    probe.close();
    camera.close();
    simulator.close();
    backend.close();
    MqttBridgeTest.closeInBackground(broker);
  }

  ImmutableBridgeConfig.Builder config() {
    return ImmutableBridgeConfig.builder()
        .pollInterval(Duration.ofMinutes(10))
        .healthInterval(Duration.ofMillis(300))
        .retryInitialDelay(Duration.ofMillis(50))
        .detectionHold(Duration.ofMillis(300))
        .softwareVersion("test");
  }

  MqttBridge start(BridgeConfig config) {
    bridge = MqttBridge.builder().config(config).mqtt(MqttBridgeTest.mqtt(broker.uri())).camera(camera).build();
    bridge.start();
    return bridge;
  }

  @Test
  void motion_isABinarySensor_onWhileTheCameraSaysSo_andEachChangeIsAnEvent() {
    start(config().build());
    JsonNode motion = probe.await("homeassistant/binary_sensor/homeport_garden/motion/config").json();
    assertThat(HaDiscoveryRules.check("homeassistant/binary_sensor/homeport_garden/motion/config", motion)).isEqualTo("binary_sensor");
    assertThat(motion.get("device_class").asText()).isEqualTo("motion");
    assertThat(motion.get("state_topic").asText()).isEqualTo("homeport/garden/motion");
    assertThat(motion.get("availability").toString()).contains("homeport/garden/events/availability").contains("homeport/garden/availability");
    probe.awaitLast("homeport/garden/events/availability", m -> m.payload().equals("online"));

    simulator.motion(true);
    probe.awaitLast("homeport/garden/motion", m -> m.payload().equals("ON"));
    MqttProbe.Message event = probe.await("homeport/garden/event", m -> m.json().path("active").asBoolean());
    assertThat(event.json().get("kind").asText()).isEqualTo("motion");
    assertThat(event.json().get("topic").asText()).isEqualTo("tns1:RuleEngine/CellMotionDetector/Motion");
    assertThat(event.retained()).isFalse();
    simulator.motion(false);
    probe.awaitLast("homeport/garden/motion", m -> m.payload().equals("OFF"));

    // people: announced once the camera reports them, with their own device class
    simulator.person(true);
    JsonNode person = probe.await("homeassistant/binary_sensor/homeport_garden/person/config").json();
    HaDiscoveryRules.check("homeassistant/binary_sensor/homeport_garden/person/config", person);
    assertThat(person.get("device_class").asText()).isEqualTo("occupancy");
    probe.awaitLast("homeport/garden/person", m -> m.payload().equals("ON"));
    assertThat(bridge.health().counter("camera.events")).isGreaterThanOrEqualTo(3);
  }

  @Test
  void aCameraEventRule_firesOnMotionStart_andCanMoveTheCameraOrPublish() {
    Rule toPreset = Rules.parse(List.of(Map.of("name", "garden-motion",
        "when", Map.of("camera", "garden", "event", "motion"),
        "then", Map.of("publish", Map.of("topic", "alerts/garden", "payload", "${event} at ${camera}"))))).get(0);
    start(config().addRules(toPreset).build());
    probe.awaitLast("homeport/garden/events/availability", m -> m.payload().equals("online"));
    simulator.motion(true);
    assertThat(probe.await("alerts/garden").payload()).isEqualTo("motion at garden");
    simulator.motion(false);
    probe.awaitLast("homeport/garden/motion", m -> m.payload().equals("OFF"));
    assertThat(probe.on("alerts/garden")).hasSize(1); // the end of motion does not fire it
    assertThat(bridge.health().counter("rules.garden-motion.fired")).isEqualTo(1);
  }

  @Test
  void aRebootLosesTheSubscription_theMotionEntityIsUnavailableDuringTheGap_andComesBack() {
    start(config().build());
    probe.awaitLast("homeport/garden/events/availability", m -> m.payload().equals("online"));
    probe.clear();
    simulator.reboot();
    probe.await("homeport/garden/events/availability", m -> m.payload().equals("offline"));
    probe.awaitLast("homeport/garden/events/availability", m -> m.payload().equals("online"));
    await().atMost(MqttProbe.WAIT).until(() -> bridge.health().counter("camera.events_gaps") == 1);
    simulator.motion(true);
    probe.awaitLast("homeport/garden/motion", m -> m.payload().equals("ON"));
  }

  @Test
  void snapshots_areACameraEntity_withTheJpegBytesRetainedOnItsTopic_takenAgainOnMotion() {
    byte[] jpeg = jpeg("first");
    backend.setSnapshot(new Snapshot("image/jpeg", jpeg));
    start(config().build());
    JsonNode entity = probe.await("homeassistant/camera/homeport_garden/snapshot/config").json();
    assertThat(HaDiscoveryRules.check("homeassistant/camera/homeport_garden/snapshot/config", entity)).isEqualTo("camera");
    assertThat(entity.get("topic").asText()).isEqualTo("homeport/garden/snapshot");
    await().atMost(MqttProbe.WAIT).until(() -> probe.last("homeport/garden/snapshot").isPresent());
    assertThat(probe.lastBytes("homeport/garden/snapshot")).isEqualTo(jpeg);
    try (MqttProbe late = new MqttProbe(broker.uri())) {
      late.await("homeport/garden/snapshot");
      assertThat(late.lastBytes("homeport/garden/snapshot")).isEqualTo(jpeg);
    }

    byte[] second = jpeg("second");
    backend.setSnapshot(new Snapshot("image/jpeg", second));
    probe.awaitLast("homeport/garden/events/availability", m -> m.payload().equals("online"));
    simulator.motion(true);
    await().atMost(MqttProbe.WAIT).until(() -> Arrays.equals(probe.lastBytes("homeport/garden/snapshot"), second));
    assertThat(bridge.health().counter("camera.snapshots")).isGreaterThanOrEqualTo(2);
  }

  @Test
  void aSnapshotLargerThanTheCap_isRefused_andNothingIsPublished() {
    backend.setSnapshot(new Snapshot("image/jpeg", jpeg("x".repeat(4000))));
    start(config().maxSnapshotBytes(1024).build());
    probe.await("homeassistant/camera/homeport_garden/snapshot/config");
    await().atMost(MqttProbe.WAIT).until(() -> bridge.health().counter("camera.snapshots_failed") >= 1);
    assertThat(probe.last("homeport/garden/snapshot")).isEmpty();
  }

  @Test
  void presets_areButtonsByTheCamerasOwnTokens_andAPressGoesThereOverOnvif() {
    start(config().build());
    JsonNode button = probe.await("homeassistant/button/homeport_garden/preset_2/config").json();
    HaDiscoveryRules.check("homeassistant/button/homeport_garden/preset_2/config", button);
    assertThat(button.get("payload_press").asText()).isEqualTo("{\"preset\":\"2\"}");
    probe.publish("homeport/garden/set", button.get("payload_press").asText());
    await().atMost(MqttProbe.WAIT).until(() -> backend.executedCommands().contains(new GoToPreset("2")));
    probe.publish("homeport/garden/set", "{\"preset\":\"Nowhere\",\"transaction\":\"p1\"}");
    MqttProbe.Message answer = probe.await("homeport/bridge/response/camera/set", m -> m.json().path("transaction").asText().equals("p1"));
    assertThat(answer.json().get("status").asText()).isEqualTo("error");
  }

  /** A minimal JPEG-framed image: SOI, a comment, EOI. */
  static byte[] jpeg(String text) {
    byte[] comment = text.getBytes(StandardCharsets.US_ASCII);
    byte[] jpeg = new byte[6 + comment.length + 2];
    jpeg[0] = (byte) 0xFF;
    jpeg[1] = (byte) 0xD8;
    jpeg[2] = (byte) 0xFF;
    jpeg[3] = (byte) 0xFE;
    jpeg[4] = (byte) ((comment.length + 2) >>> 8);
    jpeg[5] = (byte) (comment.length + 2);
    System.arraycopy(comment, 0, jpeg, 6, comment.length);
    jpeg[jpeg.length - 2] = (byte) 0xFF;
    jpeg[jpeg.length - 1] = (byte) 0xD9;
    return jpeg;
  }
}
