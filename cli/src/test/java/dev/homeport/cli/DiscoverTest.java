package dev.homeport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.homeport.adapter.inmemory.InMemoryCamera;
import dev.homeport.cli.CliRunner.Run;
import dev.homeport.domain.FieldMap;
import dev.homeport.domain.camera.ImmutableCameraInfo;
import dev.homeport.simulators.kasa.KasaDiscoveryResponder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code homeport discover} through the driver's brand-neutral discovery, against the simulator's UDP responder. */
class DiscoverTest {

  private static InMemoryCamera garden() {
    return InMemoryCamera.builder().name("garden")
        .info(ImmutableCameraInfo.builder().alias("Jardin\u001b]0;owned\u0007").model("EC60(US)").type("IOT.IPCAMERA")
            .softwareVersion("2.3.22").hardwareVersion("4.0").mac("74:FE:CE:00:00:00")
            .deviceId("0123456789ABCDEF0123456789ABCDEF01234567")
            .otherFields(FieldMap.of(Map.of("stream_version", 2, "dev_name", "Kasa Spot")))
            .build())
        .build();
  }

  @Test
  void unicastTarget_listsTheCamera_withItsStreamVersion_asJson() {
    try (KasaDiscoveryResponder responder = KasaDiscoveryResponder.start(garden())) {
      Run run = new CliRunner().run("discover", "--target", "127.0.0.1:" + responder.port(), "--timeout", "2s", "--json");
      assertThat(run.code()).as(run.toString()).isZero();
      JsonNode camera = run.json().get(0);
      assertThat(camera.get("brand").asText()).isEqualTo("kasa");
      assertThat(camera.get("host").asText()).isEqualTo("127.0.0.1");
      assertThat(camera.get("model").asText()).isEqualTo("EC60(US)");
      assertThat(camera.get("streamVersion").asInt()).isEqualTo(2);
      assertThat(camera.get("protocol").asText()).isEqualTo("linkie");
    }
  }

  @Test
  void remoteAlias_isEscapedInTheTable() {
    try (KasaDiscoveryResponder responder = KasaDiscoveryResponder.start(garden())) {
      Run run = new CliRunner().run("discover", "--target", "127.0.0.1:" + responder.port(), "--timeout", "2s");
      assertThat(run.code()).as(run.toString()).isZero();
      assertThat(run.out()).contains("EC60(US)", "Jardin\\u001b]0;owned\\u0007").doesNotContain("\u001b");
    }
  }

  @Test
  void unknownBrandOrBadTarget_isAUsageError_beforeAnyProbe() {
    Run brand = new CliRunner().run("discover", "--brand", "nope");
    assertThat(brand.code()).isEqualTo(2);
    assertThat(brand.err()).contains("--brand must be one of", "kasa");

    Run noProbe = new CliRunner().run("discover", "--brand", "inmemory");
    assertThat(noProbe.code()).isEqualTo(2);
    assertThat(noProbe.err()).contains("has no discovery probe", "kasa");

    Run target = new CliRunner().run("discover", "--target", "127.0.0.1:70000", "--timeout", "1s");
    assertThat(target.code()).isEqualTo(2);
    assertThat(target.err()).contains("--target port must be 1..65535");
  }
}
