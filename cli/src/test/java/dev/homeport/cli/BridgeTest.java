package dev.homeport.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import dev.homeport.bridge.EmbeddedBroker;
import dev.homeport.cli.CliRunner.Background;
import dev.homeport.cli.CliRunner.Run;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code homeport bridge}: end to end on a real broker, and every bad input refused before any I/O. */
class BridgeTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path dir;

  /** Subscribes to everything; keeps the latest payload per topic. */
  static final class Probe implements AutoCloseable {
    final Map<String, String> latest = new ConcurrentHashMap<>();
    final Mqtt3BlockingClient client;

    Probe(int port) {
      client = MqttClient.builder().useMqttVersion3().identifier("cli-probe-" + UUID.randomUUID().toString().substring(0, 6))
          .serverHost("127.0.0.1").serverPort(port).buildBlocking();
      client.connect();
      client.toAsync().subscribeWith().topicFilter("#").qos(MqttQos.AT_LEAST_ONCE)
          .callback(p -> latest.put(p.getTopic().toString(), new String(p.getPayloadAsBytes(), StandardCharsets.UTF_8)))
          .send().join();
    }

    JsonNode json(String topic) throws IOException {
      return CliRunner.JSON.readTree(latest.get(topic));
    }

    boolean jsonHas(String topic, String key, String value) {
      String payload = latest.get(topic);
      if (payload == null) {
        return false;
      }
      try {
        return CliRunner.JSON.readTree(payload).path(key).asText().equals(value);
      } catch (IOException e) {
        return false;
      }
    }

    void publish(String topic, String payload) {
      client.publishWith().topic(topic).payload(payload.getBytes(StandardCharsets.UTF_8)).qos(MqttQos.AT_LEAST_ONCE).send();
    }

    @Override
    public void close() {
      try {
        client.disconnect();
      } catch (RuntimeException e) {
        // the broker (the bridge's embedded one) is already gone
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void demo_putsTheSimulatedKasaCameraAndHomeOnTheEmbeddedBroker_andSetsRoundTripThroughTheRealAdapter() throws Exception {
    int port = freePort();
    CompletableFuture<Void> stop = new CompletableFuture<>();
    Background bridge = new CliRunner().stopSignal(stop).start("bridge", "--demo", "--broker-port", Integer.toString(port), "--health-interval", "1s");
    await().atMost(WAIT).until(() -> bridge.outSoFar().contains("Ctrl-C") || bridge.done().isDone());
    assertThat(bridge.outSoFar()).contains("tcp://127.0.0.1:" + port);
    try (Probe probe = new Probe(port)) {
      await().atMost(WAIT).until(() -> probe.latest.containsKey("homeassistant/select/homeport_porch/night_vision/config"));
      await().atMost(WAIT).until(() -> probe.jsonHas("homeport/porch/state", "night_vision", "auto"));
      probe.publish("homeport/porch/set", "{\"night_vision\":\"night\",\"motion_sensitivity\":\"high\"}");
      await().atMost(WAIT).until(() -> probe.jsonHas("homeport/porch/state", "night_vision", "night"));
      assertThat(probe.json("homeport/porch/state").get("motion_sensitivity").asText()).isEqualTo("high");
      assertThat(probe.json("homeassistant/button/homeport_porch/preset_2/config").get("name").asText()).isEqualTo("Preset 2: Allée");
      // the demo home's events and the demo rule (motion -> an alert)
      await().atMost(WAIT).until(() -> probe.latest.containsKey("homeport/events/maison/capteur_entree"));
      await().atMost(WAIT).until(() -> probe.latest.containsKey("homeport/alerts/motion"));
      assertThat(probe.latest.get("homeport/home/availability")).isEqualTo("online");
      await().atMost(WAIT).until(() -> bridge.outSoFar().matches("(?s).*/health uptime=.*rules_fired=[1-9].*"));
      stop.complete(null);
      Run run = bridge.done().get(30, TimeUnit.SECONDS);
      assertThat(run.code()).as(run.toString()).isZero();
      assertThat(run.out() + run.err()).contains("bridge stopped").doesNotContain("Exception");
    }
  }

  @Test
  void configFile_withAnExternalBroker_rulesAndABridgeSection() throws Exception {
    try (EmbeddedBroker broker = EmbeddedBroker.start(); Probe probe = new Probe(broker.port())) {
      Path file = dir.resolve("homeport.yaml");
      Files.writeString(file, String.join("\n",
          "cameras:",
          "  hall:",
          "    brand: inmemory",
          "events:",
          "  source: inmemory",
          "bridge:",
          "  base-topic: house",
          "  discovery-prefix: ha",
          "  poll: 5s",
          "rules:",
          "  - name: hall-on-motion",
          "    when: {device: Capteur entrée, capability: motionSensor, attribute: motion, value: active}",
          "    then: {camera: hall, command: {preset: 3}}",
          "    debounce: 1s",
          ""));
      CompletableFuture<Void> stop = new CompletableFuture<>();
      Background bridge = new CliRunner().stopSignal(stop).start("bridge", "--config", file.toString(), "--mqtt", broker.uri().toString());
      await().atMost(WAIT).until(() -> probe.latest.containsKey("ha/switch/house_hall/power/config") || bridge.done().isDone());
      assertThat(bridge.done().isDone()).as(bridge.outSoFar()).isFalse();
      await().atMost(WAIT).until(() -> "online".equals(probe.latest.get("house/hall/availability")));
      assertThat(probe.latest.get("house/bridge/state")).isEqualTo("online");
      probe.publish("house/bridge/request/camera/command", "{\"camera\":\"hall\",\"command\":{\"preset\":9},\"transaction\":\"x\"}");
      await().atMost(WAIT).until(() -> probe.jsonHas("house/bridge/response/camera/command", "transaction", "x"));
      assertThat(probe.json("house/bridge/response/camera/command").get("error").asText()).contains("preset");
      stop.complete(null);
      assertThat(bridge.done().get(30, TimeUnit.SECONDS).code()).isZero();
      await().atMost(WAIT).until(() -> "offline".equals(probe.latest.get("house/bridge/state")));
    }
  }

  @Test
  void badInput_isRefusedWithExitCode2_namingTheFieldBeforeAnyIo() throws Exception {
    Path file = dir.resolve("bad.yaml");
    for (Map.Entry<String, String> bad : List.of(
        Map.entry("cameras: {hall: {brand: inmemory}}\nrules:\n  - name: r\n    when: {device: x}\n    then: {camera: garage, command: {preset: 1}}\nevents: {source: inmemory}\n", "garage"),
        Map.entry("cameras: {hall: {brand: inmemory}}\nrules:\n  - name: r\n    when: {device: x}\n    then: {camera: hall, command: {preset: \"\"}}\nevents: {source: inmemory}\n", "preset"),
        Map.entry("cameras: {hall: {brand: inmemory}}\nrules:\n  - name: r\n    when: {device: x}\n    then: {camera: hall, command: {preset: 1}}\n", "no event source"),
        Map.entry("cameras: {hall: {brand: inmemory}}\nrules:\n  - name: r\n    when: {device: x}\n    then: {camera: hall, command: {preset: 1}}\n    every: 3s\nevents: {source: inmemory}\n", "unknown key 'every'"),
        Map.entry("cameras: {hall: {brand: inmemory}}\nbridge: {password: hunter2}\n", "credential"),
        Map.entry("cameras: {hall: {brand: inmemory}}\nbridge: {base-topic: 'a/#'}\n", "base topic"),
        Map.entry("cameras: {bridge: {brand: inmemory}}\n", "reserved"))) {
      Files.writeString(file, bad.getKey());
      Run run = new CliRunner().run("bridge", "--config", file.toString(), "--mqtt", "tcp://127.0.0.1:1");
      assertThat(run.code()).as(run.toString()).isEqualTo(ExitCode.USAGE);
      assertThat(run.err()).as(bad.getKey()).contains(bad.getValue()).doesNotContain("hunter2");
    }
    Files.writeString(file, "cameras: {hall: {brand: inmemory}}\n");
    assertThat(new CliRunner().run("bridge", "--config", file.toString(), "--mqtt", "http://broker:1883").err()).contains("tcp://");
    assertThat(new CliRunner().run("bridge", "--config", file.toString(), "--mqtt", "tcp://u:p@broker:1883").err()).contains("credentials");
    assertThat(new CliRunner().run("bridge", "--config", file.toString(), "--mqtt", "tcp://b:1883", "--mqtt-version", "4").err()).contains("3 or 5");
    assertThat(new CliRunner().env("HOMEPORT_MQTT_PASSWORD", "s3cret").run("bridge", "--config", file.toString(), "--mqtt", "tcp://b:1883").err())
        .contains("HOMEPORT_MQTT_USERNAME").doesNotContain("s3cret");
    assertThat(new CliRunner().run("bridge", "--demo", "--config", file.toString()).code()).isEqualTo(ExitCode.USAGE);
    assertThat(new CliRunner().run("bridge").err()).contains("--config");
    assertThat(new CliRunner().run("bridge", "--help").out()).contains("--mqtt").contains("--discovery-prefix").contains("--base-topic").contains("--demo");
    assertThat(Optional.of(file)).isPresent();
  }
}
