package dev.homeport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.homeport.adapter.inmemory.InMemoryCamera;
import dev.homeport.adapter.inmemory.InMemorySmartHome;
import dev.homeport.cli.CliRunner.Run;
import dev.homeport.cli.internal.DemoData;
import dev.homeport.cli.internal.TerminalText;
import dev.homeport.domain.camera.ImmutableCameraInfo;
import dev.homeport.domain.home.AttributeValue;
import dev.homeport.domain.home.DeviceId;
import dev.homeport.domain.home.ImmutableDevice;
import dev.homeport.domain.home.ImmutableDeviceState;
import dev.homeport.simulators.kasa.KasaCameraSimulator;
import dev.homeport.simulators.smartthings.SmartThingsSimulator;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * Text a hostile camera or server sends (a title-setting OSC sequence, a forged line, a C1 CSI) is
 * printed escaped by the human views and unchanged, JSON-escaped, by {@code --json}.
 */
class RemoteTextEscapingTest {

  private static final String HOSTILE = "Evil\u001b]0;pwn\u0007\r\nFAKE LINE\u009b31m";

  private static void assertEscaped(String printed) {
    assertThat(printed)
        .contains("\\u001b]0;pwn\\u0007", "\\u009b31m")
        .doesNotContain("\u001b", "\u0007", "\u009b", "\rFAKE", "\nFAKE");
  }

  @Test
  void hostileCameraAlias_isEscapedInText_andIntactInJson() {
    InMemoryCamera backend = InMemoryCamera.builder().name("porch")
        .info(ImmutableCameraInfo.builder().alias(HOSTILE).model("KC120(EU)").type("IOT.IPCAMERA")
            .softwareVersion("2.3.6").hardwareVersion("1.0").mac("50-C7-BF-00-00-01").deviceId("80ABC").build())
        .build();
    try (KasaCameraSimulator simulator = KasaCameraSimulator.builder().backend(backend).start()) {
      CliRunner cli = new CliRunner().env("HOMEPORT_CAMERA_PASSWORD", simulator.password());
      String[] target = {"camera", "--host", simulator.host(), "--port", Integer.toString(simulator.port()),
          "--username", simulator.username(), "--trust", "sha256:" + simulator.fingerprint()};

      Run text = cli.run(concat(target, "info"));
      assertThat(text.code()).as(text.toString()).isZero();
      assertEscaped(text.out());
      assertThat(text.out()).contains("\\u000d\\u000aFAKE LINE");

      Run json = cli.run(concat(target, "info", "--json"));
      assertThat(json.code()).as(json.toString()).isZero();
      assertThat(json.out()).doesNotContain("\u001b", "\u0007", "\u009b");
      assertThat(json.json().get("alias").asText()).isEqualTo(HOSTILE);

      simulator.failMethod("smartlife.cam.ipcamera.ptz", "set_run_to_preset", -40409, "bad index " + HOSTILE);
      Run refused = cli.run(concat(target, "preset", "1"));
      assertThat(refused.code()).as(refused.toString()).isEqualTo(ExitCode.REFUSED);
      assertEscaped(refused.err());
      assertThat(refused.err().strip().lines()).hasSize(1);
    } finally {
      backend.close();
    }
  }

  @Test
  void hostileDeviceNameAndState_areEscapedInText_andIntactInJson() {
    InMemorySmartHome home = DemoData.home();
    home.addDevice(ImmutableDevice.builder()
        .id(DeviceId.of("d0000000-0000-4000-8000-00000000bad1")).locationId(DemoData.HOME).componentId("main")
        .name(HOSTILE).type("switch")
        .addStates(ImmutableDeviceState.builder().componentId("main").capability("switch").attribute("switch")
            .value(new AttributeValue.TextValue("on" + HOSTILE)).build())
        .build());
    try (SmartThingsSimulator simulator = SmartThingsSimulator.builder().backend(home).start()) {
      CliRunner cli = new CliRunner().env("HOMEPORT_CSRF_TOKEN", simulator.csrfToken())
          .env("HOMEPORT_COOKIE", simulator.cookie());
      String[] target = {"events", "--url", simulator.url().toString(),
          "--trust", "sha256:" + simulator.certificate().sha256Fingerprint()};

      Run text = cli.run(concat(target, "devices", "Maison"));
      assertThat(text.code()).as(text.toString()).isZero();
      assertEscaped(text.out());
      assertThat(text.out()).contains("switch=onEvil\\u001b");

      Run json = cli.run(concat(target, "devices", "Maison", "--json"));
      assertThat(json.code()).as(json.toString()).isZero();
      JsonNode device = StreamSupport.stream(json.json().spliterator(), false)
          .filter(node -> node.get("id").asText().endsWith("bad1")).findFirst().orElseThrow();
      assertThat(device.get("name").asText()).isEqualTo(HOSTILE);
      assertThat(device.get("states").get(0).get("value").asText()).isEqualTo("on" + HOSTILE);
    }
  }

  @Test
  void controlAndBidiCharacters_areShownAsCodes_ordinaryTextIsKept() {
    assertThat(TerminalText.escape("a\u007fb\u202ec\u2066d\te")).isEqualTo("a\\u007fb\\u202ec\\u2066d\\u0009e");
    assertThat(TerminalText.escape("Caméra Allée 漢字 😀")).isEqualTo("Caméra Allée 漢字 😀");
  }

  private static String[] concat(String[] head, String... tail) {
    String[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
    System.arraycopy(tail, 0, all, head.length, tail.length);
    return all;
  }
}
