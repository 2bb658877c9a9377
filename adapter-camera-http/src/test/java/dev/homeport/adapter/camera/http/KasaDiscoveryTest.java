package dev.homeport.adapter.camera.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeport.adapter.inmemory.InMemoryCamera;
import dev.homeport.adapter.camera.http.internal.LinkieCodec;
import dev.homeport.domain.FieldMap;
import dev.homeport.domain.camera.ImmutableCameraInfo;
import dev.homeport.ports.ProtocolException;
import dev.homeport.simulators.kasa.KasaDiscoveryResponder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Discovery against the simulator's UDP responder on 127.0.0.1 only (never a broadcast in tests). */
class KasaDiscoveryTest {

  private static InMemoryCamera ec60() {
    return InMemoryCamera.builder().name("ec60")
        .info(ImmutableCameraInfo.builder().alias("Caméra du jardin").model("EC60(US)").type("IOT.IPCAMERA")
            .softwareVersion("2.3.22 Build 20230731 rel.69808").hardwareVersion("4.0")
            .mac("74:FE:CE:00:00:00").deviceId("0123456789ABCDEF0123456789ABCDEF01234567")
            .otherFields(FieldMap.of(Map.of("stream_version", 2, "dev_name", "Kasa Spot, 24/7 Recording",
                "mic_mac", "74FECE000000")))
            .build())
        .build();
  }

  @Test
  void unicastProbe_findsTheSimulatedCamera_withItsLinkieFields() {
    try (KasaDiscoveryResponder responder = KasaDiscoveryResponder.start(ec60())) {
      List<DiscoveredCamera> found = KasaDiscovery.builder()
          .target("127.0.0.1:" + responder.port())
          .timeout(Duration.ofSeconds(2))
          .build()
          .discover();

      assertThat(found).singleElement().satisfies(camera -> {
        assertThat(camera.host()).isEqualTo("127.0.0.1");
        assertThat(camera.model()).contains("EC60(US)");
        assertThat(camera.alias()).contains("Caméra du jardin");
        assertThat(camera.deviceId()).contains("0123456789ABCDEF0123456789ABCDEF01234567");
        assertThat(camera.deviceName()).contains("Kasa Spot, 24/7 Recording");
        assertThat(camera.streamVersion()).hasValue(2);
        assertThat(camera.protocol()).isEqualTo(DiscoveredCamera.Protocol.LINKIE);
        assertThat(camera.sysinfo().asMap()).containsEntry("mic_mac", "74FECE000000");
      });
      assertThat(responder.probesAnswered()).isEqualTo(1);
    }
  }

  @Test
  void noAnswer_withinTheTimeout_isAnEmptyList() {
    try (KasaDiscoveryResponder responder = KasaDiscoveryResponder.start(ec60())) {
      int port = responder.port();
      responder.close();
      assertThat(KasaDiscovery.builder().target("127.0.0.1:" + port).timeout(Duration.ofMillis(300))
          .build().discover()).isEmpty();
    }
  }

  @Test
  void smartIpCameraType_isTheTapoProtocol_andPlugAnswersWithoutNestingParse() {
    byte[] tapo = LinkieCodec.encrypt(
        "{\"system\":{\"get_sysinfo\":{\"err_code\":0,\"system\":{\"type\":\"SMART.IPCAMERA\",\"model\":\"C100\"}}}}"
            .getBytes(StandardCharsets.UTF_8));
    assertThat(KasaDiscovery.parse("10.0.0.2", tapo).protocol()).isEqualTo(DiscoveredCamera.Protocol.TAPO);
    byte[] plug = LinkieCodec.encrypt(
        "{\"system\":{\"get_sysinfo\":{\"type\":\"IOT.SMARTPLUGSWITCH\",\"alias\":\"Lamp\"}}}"
            .getBytes(StandardCharsets.UTF_8));
    DiscoveredCamera lamp = KasaDiscovery.parse("10.0.0.3", plug);
    assertThat(lamp.protocol()).isEqualTo(DiscoveredCamera.Protocol.OTHER);
    assertThat(lamp.alias()).contains("Lamp");
    assertThat(lamp.streamVersion()).isEmpty();
  }

  @Test
  void garbageAnswer_isAProtocolException() {
    assertThatThrownBy(() -> KasaDiscovery.parse("10.0.0.4", new byte[] {1, 2, 3}))
        .isInstanceOf(ProtocolException.class);
    byte[] other = LinkieCodec.encrypt("{\"hello\":1}".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> KasaDiscovery.parse("10.0.0.4", other))
        .isInstanceOf(ProtocolException.class).hasMessageContaining("system.get_sysinfo");
  }

  @Test
  void badTargetsAndTimeouts_areRefusedNamingTheField() {
    assertThatThrownBy(() -> KasaDiscovery.builder().target(" "))
        .hasMessageStartingWith("target must be a host name or IP address");
    assertThatThrownBy(() -> KasaDiscovery.builder().target("127.0.0.1:70000"))
        .hasMessageStartingWith("target port must be 1..65535");
    assertThatThrownBy(() -> KasaDiscovery.builder().timeout(Duration.ofMinutes(5)))
        .hasMessageStartingWith("timeout must be 1ms..60s");
  }
}
