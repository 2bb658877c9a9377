package dev.homeport.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeport.domain.Secret;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MqttSettingsTest {

  @Test
  void password_neverAppearsInToString() {
    MqttSettings settings =
        ImmutableMqttSettings.builder().uri(URI.create("ssl://broker.lan:8883")).username("bridge").password(Secret.of("hunter2")).build();
    assertThat(settings.toString()).contains("bridge").doesNotContain("hunter2");
    assertThat(settings.tls()).isTrue();
    assertThat(ImmutableMqttSettings.builder().uri(URI.create("tcp://127.0.0.1:1883")).build().tls()).isFalse();
  }

  @Test
  void invalidSettings_areRefusedNamingTheField() {
    assertThatThrownBy(() -> ImmutableMqttSettings.builder().uri(URI.create("tcp://b:1")).version(4).build()).hasMessageContaining("3 (3.1.1) or 5");
    assertThatThrownBy(() -> ImmutableMqttSettings.builder().uri(URI.create("tcp://b:1")).clientId("has space").build()).hasMessageContaining("client id");
    assertThatThrownBy(() -> ImmutableMqttSettings.builder().uri(URI.create("tcp://b:1")).password(Secret.of("x")).build()).hasMessageContaining("user name");
    assertThatThrownBy(() -> ImmutableMqttSettings.builder().uri(URI.create("tcp://b:1/path")).build()).hasMessageContaining("no path");
    assertThatThrownBy(() -> ImmutableMqttSettings.builder().uri(URI.create("tcp://b:1")).reconnectInitialDelay(Duration.ofSeconds(5))
        .reconnectMaxDelay(Duration.ofSeconds(1)).build()).hasMessageContaining("maximum delay");
  }

  @Test
  void bridgeConfig_refusesBadTopicsAndBounds() {
    assertThatThrownBy(() -> ImmutableBridgeConfig.builder().discoveryPrefix("home assistant").build()).hasMessageContaining("discovery prefix");
    assertThatThrownBy(() -> ImmutableBridgeConfig.builder().pollInterval(Duration.ZERO).build()).hasMessageContaining("poll interval");
    assertThatThrownBy(() -> ImmutableBridgeConfig.builder().maxPendingCommands(0).build()).hasMessageContaining("queue bounds");
    assertThat(ImmutableBridgeConfig.builder().baseTopic("site/a").build().baseTopic()).isEqualTo("site/a");
  }
}
