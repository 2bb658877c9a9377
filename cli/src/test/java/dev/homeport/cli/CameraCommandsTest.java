package dev.homeport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.homeport.adapter.inmemory.InMemoryCamera;
import dev.homeport.cli.CliRunner.Run;
import dev.homeport.domain.camera.ImmutableCameraInfo;
import dev.homeport.domain.camera.ImmutableDetectionEvent;
import dev.homeport.domain.camera.NightVisionMode;
import dev.homeport.domain.camera.Position;
import dev.homeport.domain.camera.Setting;
import dev.homeport.domain.camera.TriggerTime;
import dev.homeport.simulators.kasa.KasaCameraSimulator;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every camera command, in-process, through the real Kasa adapter against the Kasa simulator. */
class CameraCommandsTest {

  private InMemoryCamera backend;
  private KasaCameraSimulator simulator;
  private CliRunner cli;

  @TempDir Path dir;

  @BeforeEach
  void start() {
    backend =
        InMemoryCamera.builder()
            .name("porch")
            .info(
                ImmutableCameraInfo.builder()
                    .alias("Caméra")
                    .model("KC120(EU)")
                    .type("IOT.IPCAMERA")
                    .softwareVersion("2.3.6")
                    .hardwareVersion("1.0")
                    .mac("50-C7-BF-00-00-01")
                    .deviceId("80ABC")
                    .build())
            .preset(2, "Allée", new Position(7000, 3000))
            .build();
    simulator = KasaCameraSimulator.builder().backend(backend).start();
    cli = new CliRunner().env("HOMEPORT_CAMERA_PASSWORD", simulator.password());
  }

  @AfterEach
  void stop() {
    simulator.close();
    backend.close();
  }

  private String[] target(String... rest) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "camera",
                "--host", simulator.host(),
                "--port", Integer.toString(simulator.port()),
                "--username", simulator.username(),
                "--trust", "sha256:" + simulator.fingerprint()));
    args.addAll(Arrays.asList(rest));
    return args.toArray(String[]::new);
  }

  private Run camera(String... rest) {
    return cli.run(target(rest));
  }

  private JsonNode json(String... rest) {
    String[] args = Arrays.copyOf(rest, rest.length + 1);
    args[rest.length] = "--json";
    Run run = camera(args);
    assertThat(run.code()).as(run.toString()).isZero();
    return run.json();
  }

  @Nested
  class Commands {

    @Test
    void info_printsNonAsciiAliasInTextAndJson() {
      Run run = camera("info");
      assertThat(run.code()).as(run.toString()).isZero();
      assertThat(run.out()).contains("Caméra", "KC120(EU)");
      JsonNode node = json("info");
      assertThat(node.get("alias").asText()).isEqualTo("Caméra");
      assertThat(node.get("mac").asText()).isEqualTo("50-C7-BF-00-00-01");
    }

    @Test
    void getAndSet_changeTheCameraState() {
      assertThat(json("get", "night-vision").get("value").asText()).isEqualTo("auto");
      JsonNode set = json("set", "night-vision", "night");
      assertThat(set.get("changed").asBoolean()).isTrue();
      assertThat(backend.peek(Setting.NIGHT_VISION)).isEqualTo(NightVisionMode.NIGHT);
      assertThat(camera("get", "night-vision").out()).isEqualTo("night-vision: night" + System.lineSeparator());
      json("set", "motion-trigger-time", "1500/2500");
      assertThat(backend.peek(Setting.MOTION_TRIGGER_TIME)).isEqualTo(TriggerTime.ofMillis(1500, 2500));
      assertThat(json("get", "time-zone").get("value").asText()).contains("/");
    }

    @Test
    void setToTheValueItHas_reportsUnchanged() {
      JsonNode first = json("set", "night-vision", "night");
      assertThat(first.get("changed").asBoolean()).isTrue();
      JsonNode again = json("set", "night-vision", "night");
      assertThat(again.get("changed").asBoolean()).as(again.toString()).isFalse();
      assertThat(camera("set", "night-vision", "night").out()).contains("already night", "unchanged");
      assertThat(backend.peek(Setting.NIGHT_VISION)).isEqualTo(NightVisionMode.NIGHT);
    }

    @Test
    void everySetting_canBeRead() {
      for (Setting<?> setting : Setting.all()) {
        JsonNode node = json("get", setting.id());
        assertThat(node.get("setting").asText()).isEqualTo(setting.id());
        assertThat(node.get("value").asText()).isNotBlank();
      }
    }

    @Test
    void presetAndPosition_move() {
      assertThat(json("preset", "2").get("preset").asInt()).isEqualTo(2);
      JsonNode position = json("position");
      assertThat(position.get("x").asInt()).isEqualTo(7000);
      assertThat(position.get("y").asInt()).isEqualTo(3000);
      json("position", "100", "200");
      assertThat(backend.peekPosition()).isEqualTo(new Position(100, 200));
    }

    @Test
    void moveAndStop_act() {
      JsonNode move = json("move", "right", "3");
      assertThat(move.get("direction").asText()).isEqualTo("right");
      assertThat(backend.peekPosition().x()).isGreaterThan(100);
      assertThat(json("stop").get("ok").asBoolean()).isTrue();
      assertThat(backend.isMoving()).isFalse();
    }

    @Test
    void presets_listsNames() {
      JsonNode presets = json("presets");
      assertThat(presets.isArray()).isTrue();
      assertThat(presets.findValuesAsText("name")).contains("Allée");
      assertThat(camera("presets").out()).contains("Allée");
    }

    @Test
    void statusQueries_answer() {
      assertThat(json("sd-card").get("status").asText()).isEqualTo("ok");
      assertThat(json("cloud").has("connected")).isTrue();
      JsonNode time = json("time");
      assertThat(time.get("epochSeconds").asLong()).isPositive();
      assertThat(time.get("utcOffset").asText()).startsWith("UTC");
      assertThat(json("snapshot").get("url").asText()).startsWith("http");
    }

    @Test
    void detections_listTheWindow() {
      Instant start = Instant.parse("2026-01-01T10:00:00Z");
      backend.addDetection(
          ImmutableDetectionEvent.builder().start(start).end(start.plusSeconds(5)).kind("person").build());
      JsonNode list =
          json("detections", Long.toString(start.getEpochSecond() - 60), Long.toString(start.getEpochSecond() + 60));
      assertThat(list).hasSize(1);
      assertThat(list.get(0).get("kind").asText()).isEqualTo("person");
    }

    @Test
    void formatSd_withYes_formats() {
      JsonNode node = json("format-sd", "--yes");
      assertThat(node.get("action").asText()).isEqualTo("format-sd");
      assertThat(backend.executedCommands()).anyMatch(c -> c instanceof dev.homeport.domain.camera.FormatSdCard);
    }

    @Test
    void raw_sendsModuleAndMethod() {
      backend.onRaw("smartlife.cam.ipcamera.led.get_status", params -> dev.homeport.domain.FieldMap.of("value", "on"));
      JsonNode node = json("raw", "smartlife.cam.ipcamera.led", "get_status", "{}");
      assertThat(node.get("result").get("value").asText()).isEqualTo("on");
    }

    @Test
    void trustOnFirstUse_saysOnceOnStderrWhatItRecordedAndWhere() {
      Path knownHosts = dir.resolve("kh/known_hosts");
      String[] args = {"camera", "--host", simulator.host(), "--port", Integer.toString(simulator.port()),
          "--username", simulator.username(), "--trust", "tofu", "--known-hosts", knownHosts.toString(),
          "get", "power"};
      Run first = cli.run(args);
      assertThat(first.code()).as(first.toString()).isZero();
      assertThat(first.err().lines().filter(l -> l.contains("recorded its certificate")))
          .singleElement().asString()
          .contains(dev.homeport.support.Fingerprints.normalize(simulator.fingerprint()), knownHosts.toString());
      Run second = cli.run(args);
      assertThat(second.code()).as(second.toString()).isZero();
      assertThat(second.err()).doesNotContain("recorded its certificate");
    }

    @Test
    void typedPassword_isUsedWhenTheVariableIsUnset() {
      Run run = new CliRunner().typedPassword(simulator.password()).interactive(true).run(target("get", "power"));
      assertThat(run.code()).as(run.toString()).isZero();
      assertThat(run.out()).contains("power: on");
      assertThat(run.err()).contains("Connecting").doesNotContain(simulator.password());
    }

    @Test
    void json_keepsProgressOffStdout() {
      Run run = new CliRunner().env("HOMEPORT_CAMERA_PASSWORD", simulator.password()).interactive(true)
          .run(target("info", "--json"));
      assertThat(run.code()).isZero();
      assertThat(run.json().get("alias").asText()).isEqualTo("Caméra");
      assertThat(run.out()).contains("\"alias\" : \"Caméra\"");
      assertThat(run.err()).doesNotContain("Connecting");
    }
  }

  @Nested
  class ConfigFile {

    @Test
    void namedCamera_isTakenFromTheFile() throws IOException {
      Path file = dir.resolve("homeport.yaml");
      Files.writeString(
          file,
          "cameras:\n"
              + "  porch:\n"
              + "    brand: kasa\n"
              + "    host: " + simulator.host() + "\n"
              + "    port: " + simulator.port() + "\n"
              + "    username: " + simulator.username() + "\n"
              + "    password-env: PORCH_PASSWORD\n"
              + "    trust: sha256:" + simulator.fingerprint() + "\n"
              + "  lab:\n"
              + "    brand: inmemory\n",
          StandardCharsets.UTF_8);
      Run run = new CliRunner().env("PORCH_PASSWORD", simulator.password())
          .run("camera", "--config", file.toString(), "porch", "info", "--json");
      assertThat(run.code()).as(run.toString()).isZero();
      assertThat(run.json().get("alias").asText()).isEqualTo("Caméra");

      Run lab = new CliRunner().run("camera", "--config", file.toString(), "lab", "get", "power");
      assertThat(lab.code()).as(lab.toString()).isZero();
      assertThat(lab.out()).contains("power: on");

      Run unknown = new CliRunner().run("camera", "--config", file.toString(), "garage", "info");
      assertThat(unknown.code()).isEqualTo(2);
      assertThat(unknown.err()).contains("no camera named 'garage'", "porch, lab");
    }

    @Test
    void secretInTheFile_isRefused() throws IOException {
      Path file = dir.resolve("bad.yaml");
      Files.writeString(file, "cameras:\n  porch:\n    brand: kasa\n    host: h\n    username: u\n    password: hunter2\n");
      Run run = cli.run("camera", "--config", file.toString(), "porch", "info");
      assertThat(run.code()).isEqualTo(2);
      assertThat(run.err()).contains("looks like a secret", "password-env").doesNotContain("hunter2");
    }

    @Test
    void unreadableFile_isAUsageError() {
      Run run = cli.run("camera", "--config", dir.resolve("missing.yaml").toString(), "porch", "info");
      assertThat(run.code()).isEqualTo(2);
      assertThat(run.err()).contains("does not exist");
    }
  }

  @Nested
  class Failures {

    @Test
    void wrongPassword_exits3_withoutShowingIt() {
      Run run = new CliRunner().env("HOMEPORT_CAMERA_PASSWORD", "not-the-password").run(target("--verbose", "info"));
      assertThat(run.code()).as(run.toString()).isEqualTo(ExitCode.AUTHENTICATION);
      assertThat(run.out()).isEmpty();
      assertThat(run.err()).contains("rejected").doesNotContain("not-the-password");
    }

    @Test
    void closedPort_exits4() throws IOException {
      int port;
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      Run run = cli.run("camera", "--host", "127.0.0.1", "--port", Integer.toString(port), "--username", "u",
          "--trust", "sha256:" + "ab".repeat(32), "info");
      assertThat(run.code()).as(run.toString()).isEqualTo(ExitCode.UNREACHABLE);
      assertThat(run.err().lines()).hasSize(1);
      assertThat(run.err()).doesNotContain("\tat ");
    }

    @Test
    void insecureTrust_works_butWarns() {
      Run run = cli.run("camera", "--host", simulator.host(), "--port", Integer.toString(simulator.port()),
          "--username", simulator.username(), "--trust", "insecure", "get", "power", "--json");
      assertThat(run.code()).as(run.toString()).isZero();
      assertThat(run.json().get("value").asText()).isEqualTo("on");
      assertThat(run.err()).contains("warning: --trust insecure");
    }

    @Test
    void slowCamera_exits4() {
      simulator.answerDelay(Duration.ofSeconds(3));
      Run run = camera("--timeout", "300ms", "info");
      assertThat(run.code()).as(run.toString()).isEqualTo(ExitCode.UNREACHABLE);
    }

    @Test
    void refusedCommand_exits5() {
      simulator.failMethod("smartlife.cam.ipcamera.ptz", "set_run_to_preset", -40409, "The parameter [index] values error");
      Run run = camera("preset", "1");
      assertThat(run.code()).as(run.toString()).isEqualTo(ExitCode.REFUSED);
      assertThat(run.err()).contains("-40409");
    }

    @Test
    void presetSave_onKasa_isRefusedAsUnsupported_exits5() {
      Run run = camera("preset", "save", "Porch");
      assertThat(run.code()).as(run.toString()).isEqualTo(ExitCode.REFUSED);
      assertThat(run.err()).contains("does not support SavePreset");
    }

    @Test
    void unsupportedModule_exits5() {
      Run run = camera("raw", "smartlife.cam.ipcamera.teleport", "go", "{}");
      assertThat(run.code()).as(run.toString()).isEqualTo(ExitCode.REFUSED);
    }

    @Test
    void wrongPin_exits6() {
      Run run = cli.run("camera", "--host", simulator.host(), "--port", Integer.toString(simulator.port()),
          "--username", simulator.username(), "--trust", "sha256:" + "ab".repeat(32), "info");
      assertThat(run.code()).as(run.toString()).isEqualTo(ExitCode.CERTIFICATE_MISMATCH);
      assertThat(run.err()).contains(simulator.fingerprint());
    }

    @Test
    void certificateChangedAfterFirstUse_exits6() throws IOException {
      Path knownHosts = dir.resolve("known_hosts");
      String[] tofu = {"camera", "--host", simulator.host(), "--port", Integer.toString(simulator.port()),
          "--username", simulator.username(), "--known-hosts", knownHosts.toString(), "get", "power"};
      Run first = cli.run(tofu);
      assertThat(first.code()).as(first.toString()).isZero();
      assertThat(Files.readString(knownHosts)).contains(simulator.fingerprint());
      String recorded = simulator.fingerprint();
      simulator.replaceCertificate(dev.homeport.simulators.tls.SelfSignedCertificate.create("impostor"));
      Run run = cli.run(tofu);
      assertThat(run.code()).as(run.toString()).isEqualTo(ExitCode.CERTIFICATE_MISMATCH);
      assertThat(run.err()).contains(recorded, simulator.fingerprint());
      assertThat(run.err().lines()).hasSize(1);
    }
  }
}
