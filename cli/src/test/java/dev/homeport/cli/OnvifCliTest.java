package dev.homeport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.homeport.adapter.inmemory.InMemoryCamera;
import dev.homeport.cli.CliRunner.Run;
import dev.homeport.domain.camera.GetCameraInfo;
import dev.homeport.domain.camera.GetSetting;
import dev.homeport.domain.camera.GetSnapshot;
import dev.homeport.domain.camera.GetPosition;
import dev.homeport.domain.camera.GetStreamUri;
import dev.homeport.domain.camera.GoToPreset;
import dev.homeport.domain.camera.ListPresets;
import dev.homeport.domain.camera.Position;
import dev.homeport.domain.camera.Preset;
import dev.homeport.domain.camera.SavePreset;
import dev.homeport.domain.camera.SetPosition;
import dev.homeport.domain.camera.Setting;
import dev.homeport.ports.camera.CameraCapabilities;
import dev.homeport.simulators.onvif.OnvifCameraSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** camera --brand onvif: info, preset save, snapshot --output, stream and events, through the real driver and simulator. */
class OnvifCliTest {

  @TempDir Path dir;
  private InMemoryCamera backend;
  private OnvifCameraSimulator sim;
  private CliRunner cli;

  @BeforeEach
  void start() {
    backend = InMemoryCamera.builder().name("garden")
        .capabilities(CameraCapabilities.of(Set.of(GetCameraInfo.class, GetSetting.class, GetStreamUri.class,
            GetSnapshot.class, SetPosition.class, GetPosition.class, ListPresets.class, GoToPreset.class,
            SavePreset.class), Set.of(Setting.NIGHT_VISION))).build();
    sim = OnvifCameraSimulator.builder().backend(backend).start();
    cli = new CliRunner().env("HOMEPORT_CAMERA_PASSWORD", sim.password());
  }

  @AfterEach
  void stop() {
    sim.close();
    backend.close();
  }

  private String[] target(String... command) {
    List<String> args = new ArrayList<>(List.of("camera", "--brand", "onvif", "--host", sim.host(), "--port",
        Integer.toString(sim.port()), "--username", sim.username()));
    args.addAll(List.of(command));
    return args.toArray(String[]::new);
  }

  @Test
  void infoStreamAndNightVision_workFromTheCommandLine() throws Exception {
    Run info = cli.run(target("--json", "info"));
    assertThat(info.code()).as(info.toString()).isZero();
    JsonNode node = new ObjectMapper().readTree(info.out());
    assertThat(node.toString()).contains("InMemory(EU)");
    Run stream = cli.run(target("stream"));
    assertThat(stream.code()).as(stream.toString()).isZero();
    assertThat(stream.out()).contains("rtsp://streams.inmemory.invalid/garden/stream1");
    Run night = cli.run(target("get", "night-vision"));
    assertThat(night.out()).contains("auto");
  }

  @Test
  void presetSave_printsTheCamerasToken_whichPresetsListAndPresetReaches() throws Exception {
    assertThat(cli.run(target("position", "1234", "8765")).code()).isZero();

    Run saved = cli.run(target("--json", "preset", "save", "Front door"));

    assertThat(saved.code()).as(saved.toString()).isZero();
    JsonNode node = new ObjectMapper().readTree(saved.out());
    String token = node.get("preset").asText();
    assertThat(node.get("action").asText()).isEqualTo("preset-save");
    assertThat(node.get("name").asText()).isEqualTo("Front door");
    assertThat(backend.execute(new ListPresets()).join()).contains(new Preset(token, "Front door"));
    Run list = cli.run(target("presets"));
    assertThat(list.out()).contains("Front door");
    assertThat(cli.run(target("position", "0", "0")).code()).isZero();
    Run go = cli.run(target("preset", token));
    assertThat(go.code()).as(go.toString()).isZero();
    assertThat(backend.peekPosition()).isEqualTo(new Position(1234, 8765));
    Run unnamed = cli.run(target("preset", "save"));
    assertThat(unnamed.code()).as(unnamed.toString()).isZero();
    assertThat(unnamed.out().strip()).matches("saved preset \\S+").isNotEqualTo("saved preset " + token);
  }

  @Test
  void presetSave_printsANameThatReordersText_escaped() {
    // a right-to-left override passes the domain's control-character check but must not reach the terminal raw
    Run saved = cli.run(target("preset", "save", "Gate\u202egnp.exe"));

    assertThat(saved.code()).as(saved.toString()).isZero();
    assertThat(saved.out()).contains("(Gate\\u202egnp.exe)").doesNotContain("\u202e");
  }

  @Test
  void presetSave_withTwoNamesOrABlankName_isAUsageErrorBeforeIo() {
    int before = backend.executedCommands().size();
    Run two = cli.run(target("preset", "save", "Front", "door"));
    Run blank = cli.run(target("preset", "save", " "));
    assertThat(two.code()).as(two.toString()).isEqualTo(2);
    assertThat(two.err()).contains("at most one NAME");
    assertThat(blank.code()).as(blank.toString()).isEqualTo(2);
    assertThat(blank.err()).contains("preset name must be empty or 1..64 characters");
    assertThat(backend.executedCommands()).hasSize(before);
  }

  @Test
  void snapshotOutput_writesTheJpeg() throws Exception {
    Path file = dir.resolve("garden.jpg");
    Run run = cli.run(target("snapshot", "--output", file.toString()));
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(Files.readAllBytes(file)).isEqualTo(backend.execute(new GetSnapshot()).join().bytes());
    assertThat(run.out()).contains("wrote").contains("image/jpeg");
  }

  @Test
  void events_printMotionAsJsonLines_andStopAtTheCount() throws Exception {
    sim.motionEvery(java.time.Duration.ofMillis(300));
    Run run = cli.run(target("--json", "events", "--count", "2", "--duration", "20s"));
    assertThat(run.code()).as(run.toString()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(2);
    JsonNode first = new ObjectMapper().readTree(lines.get(0));
    JsonNode second = new ObjectMapper().readTree(lines.get(1));
    assertThat(second.get("kind").asText()).isEqualTo("motion");
    assertThat(second.get("camera").asText()).isEqualTo(sim.host());
    assertThat(second.get("topic").asText()).isEqualTo("tns1:RuleEngine/CellMotionDetector/Motion");
    assertThat(second.get("active").asBoolean()).as("a state change").isNotEqualTo(first.get("active").asBoolean());
  }

  @Test
  void wrongPassword_exitsWithTheAuthenticationCode_andNeverPrintsIt() {
    Run run = new CliRunner().env("HOMEPORT_CAMERA_PASSWORD", "nope-not-it").run(target("info"));
    assertThat(run.code()).as(run.toString()).isEqualTo(3);
    assertThat(run.err()).contains("not authorised").doesNotContain("nope-not-it");
  }
}
