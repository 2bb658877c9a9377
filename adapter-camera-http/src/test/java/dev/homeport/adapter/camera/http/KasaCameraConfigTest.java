package dev.homeport.adapter.camera.http;

import dev.homeport.support.TrustMode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeport.domain.Secret;
import dev.homeport.ports.camera.CameraEndpoint;
import dev.homeport.ports.camera.ImmutableCameraEndpoint;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KasaCameraConfigTest {

  private static final String FP = "ab".repeat(32);

  private static ImmutableKasaCameraConfig.Builder base() {
    return ImmutableKasaCameraConfig.builder().name("porch").host("192.168.1.20")
        .username("me@example.com").password(Secret.of("pw"));
  }

  private static CameraEndpoint endpoint(Map<String, String> options) {
    return ImmutableCameraEndpoint.builder().name("porch").brand("kasa").host("192.168.1.20")
        .username("me@example.com").password(Secret.of("pw")).putAllOptions(options).build();
  }

  @Test
  void defaults_areThoseOfTheIssue() {
    KasaCameraConfig config = base().build();
    assertThat(config.port()).isEqualTo(10443);
    assertThat(config.authVariant()).isEqualTo(AuthVariant.AUTO);
    assertThat(config.trustMode()).isEqualTo(TrustMode.TOFU);
    assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(8));
    assertThat(config.knownHostsFile()).endsWithRaw(Path.of(".homeport", "known_hosts"));
    assertThat(config.toString()).contains("Secret[redacted]").doesNotContain("pw,");
  }

  @Test
  void invalidValues_areRefusedNamingTheField() {
    assertThatThrownBy(() -> base().port(70000).build()).hasMessageContaining("port must be 1..65535");
    assertThatThrownBy(() -> base().trustMode(TrustMode.PINNED).build())
        .hasMessageContaining("pinnedSha256 is required");
    assertThatThrownBy(() -> base().pinnedSha256(FP).build())
        .hasMessageContaining("pinnedSha256 is only allowed when trustMode is pinned");
    assertThatThrownBy(() -> base().trustMode(TrustMode.PINNED).pinnedSha256("xyz").build())
        .hasMessageContaining("pinnedSha256").hasMessageContaining("64 hex digits");
    assertThatThrownBy(() -> base().requestTimeout(Duration.ZERO).build())
        .hasMessageContaining("requestTimeout must be positive");
    assertThatThrownBy(() -> base().host("  ").build()).hasMessageContaining("host");
  }

  @Test
  void endpointOptions_areParsedIntoTheConfig() {
    KasaCameraConfig config = dev.homeport.adapter.camera.http.internal.EndpointOptions.toConfig(
        endpoint(Map.of("auth", "MD5", "fingerprint", FP.toUpperCase(), "connect-timeout", "500ms",
            "request-timeout", "PT12S", "known-hosts", "/tmp/kh")));
    assertThat(config.authVariant()).isEqualTo(AuthVariant.MD5);
    assertThat(config.trustMode()).isEqualTo(TrustMode.PINNED);
    assertThat(config.pinnedSha256()).contains(FP);
    assertThat(config.connectTimeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(12));
    assertThat(config.knownHostsFile()).isEqualTo(Path.of("/tmp/kh"));
    assertThat(config.port()).isEqualTo(10443);
  }

  @Test
  void badEndpointOptions_failBeforeAnyIoNamingOptionAndAllowedValues() {
    KasaCameraDriver driver = new KasaCameraDriver();
    assertThatThrownBy(() -> driver.connect(endpoint(Map.of("auth", "sha1"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("option 'auth'").hasMessageContaining("auto, base64, md5, plain");
    assertThatThrownBy(() -> driver.connect(endpoint(Map.of("trust", "maybe"))))
        .hasMessageContaining("option 'trust'").hasMessageContaining("tofu, pinned, insecure");
    assertThatThrownBy(() -> driver.connect(endpoint(Map.of("trust", "pinned"))))
        .hasMessageContaining("'fingerprint'").hasMessageContaining("required");
    assertThatThrownBy(() -> driver.connect(endpoint(Map.of("trust", "insecure", "fingerprint", FP))))
        .hasMessageContaining("'fingerprint' needs option 'trust' to be pinned");
    assertThatThrownBy(() -> driver.connect(endpoint(Map.of("connect-timeout", "soon"))))
        .hasMessageContaining("option 'connect-timeout'").hasMessageContaining("500ms, 5s");
    assertThatThrownBy(() -> driver.connect(endpoint(Map.of("colour", "red"))))
        .hasMessageContaining("unknown option 'colour'")
        .hasMessageContaining("auth, trust, fingerprint, known-hosts, timeout, connect-timeout, request-timeout");
    assertThatThrownBy(() -> driver.connect(endpoint(Map.of("timeout", "5s", "request-timeout", "2s"))))
        .hasMessageContaining("'timeout' sets both");
    assertThatThrownBy(() -> driver.connect(ImmutableCameraEndpoint.builder().name("porch")
        .brand("kasa").host("h").build()))
        .hasMessageContaining("needs a username");
    assertThatThrownBy(() -> driver.connect(ImmutableCameraEndpoint.builder().name("porch")
        .brand("inmemory").host("h").build()))
        .hasMessageContaining("brand 'inmemory'");
  }

  @Test
  void maxAnswerBytes_takesBytesOrKibOrMib_andRefusesOthersNamingTheOption() {
    assertThat(dev.homeport.adapter.camera.http.internal.EndpointOptions.toConfig(
        endpoint(Map.of("max-answer-bytes", "512KiB"))).maxAnswerBytes()).isEqualTo(512 * 1024);
    assertThat(dev.homeport.adapter.camera.http.internal.EndpointOptions.toConfig(
        endpoint(Map.of("max-answer-bytes", "2 MiB"))).maxAnswerBytes()).isEqualTo(2 * 1024 * 1024);
    assertThat(dev.homeport.adapter.camera.http.internal.EndpointOptions.toConfig(
        endpoint(Map.of("max-answer-bytes", "4096"))).maxAnswerBytes()).isEqualTo(4096);
    KasaCameraDriver driver = new KasaCameraDriver();
    for (String bad : new String[] {"1000", "65MiB", "1e9", "-5", "lots", ""}) {
      assertThatThrownBy(() -> driver.connect(endpoint(Map.of("max-answer-bytes", bad))))
          .as(bad).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("option 'max-answer-bytes'").hasMessageContaining("1024..67108864");
    }
    assertThatThrownBy(() -> base().maxAnswerBytes(100).build())
        .hasMessageContaining("maxAnswerBytes must be 1024..67108864");
  }

  @Test
  void trustSha256Spelling_pinsThatFingerprint_andTimeoutSetsBoth() {
    KasaCameraConfig config = dev.homeport.adapter.camera.http.internal.EndpointOptions.toConfig(
        endpoint(Map.of("trust", "sha256:" + FP, "timeout", "3s", "known-hosts", "~/kh")));
    assertThat(config.trustMode()).isEqualTo(TrustMode.PINNED);
    assertThat(config.pinnedSha256()).contains(FP);
    assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(config.knownHostsFile()).isEqualTo(Path.of(System.getProperty("user.home"), "kh"));
  }

  @Test
  void options_documentEveryOptionWithItsDefault() {
    var options = new KasaCameraDriver().options();
    assertThat(options).extracting(o -> o.name())
        .containsExactly("auth", "trust", "fingerprint", "known-hosts", "timeout", "connect-timeout", "request-timeout",
            "stream-port", "talk-port", "stream-stall-timeout", "user-agent", "stream-version", "tls-provider",
            "max-answer-bytes");
    assertThat(options.get(13).defaultValue()).contains("262144");
    assertThat(options.get(0).choices()).containsExactly("auto", "base64", "md5", "plain", "admin-md5", "admin-default");
    assertThat(options.get(12).choices()).containsExactly("auto", "jdk", "bouncy-castle");
    assertThat(options.get(12).defaultValue()).contains("auto");
    assertThat(options.get(0).defaultValue()).contains("auto");
    assertThat(options.get(6).defaultValue()).contains("8s");
    assertThat(options.get(7).defaultValue()).contains("19443");
    assertThat(options.get(8).defaultValue()).contains("18443");
    assertThat(options.get(9).defaultValue()).contains("10s");
  }

  @Test
  void mediaOptions_reachTheConfig_andBadOnesNameTheOption() {
    var config = dev.homeport.adapter.camera.http.internal.EndpointOptions.toConfig(
        endpoint(Map.of("stream-port", "29443", "talk-port", "28443", "stream-stall-timeout", "3s")));
    assertThat(config.streamPort()).isEqualTo(29443);
    assertThat(config.talkPort()).isEqualTo(28443);
    assertThat(config.streamStallTimeout()).isEqualTo(java.time.Duration.ofSeconds(3));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new KasaCameraDriver().connect(endpoint(Map.of("stream-port", "0"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stream-port").hasMessageContaining("1..65535");
  }

  @Test
  void endpointWithInsecureTrust_connectsWithoutIo() {
    try (var camera = new KasaCameraDriver().connect(endpoint(Map.of("trust", "insecure")))) {
      assertThat(camera.name()).isEqualTo("porch");
    }
  }
}
