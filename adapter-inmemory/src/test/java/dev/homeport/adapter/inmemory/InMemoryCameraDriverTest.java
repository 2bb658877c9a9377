package dev.homeport.adapter.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeport.domain.Secret;
import dev.homeport.domain.camera.GetCameraInfo;
import dev.homeport.domain.camera.GetPosition;
import dev.homeport.domain.camera.GetSetting;
import dev.homeport.domain.camera.Setting;
import dev.homeport.ports.RequestTimeoutException;
import dev.homeport.ports.camera.CameraEndpoint;
import dev.homeport.ports.camera.ImmutableCameraEndpoint;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InMemoryCameraDriverTest {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private final InMemoryCameraDriver driver = new InMemoryCameraDriver(Clock.fixed(NOW, ZoneOffset.UTC));

  private static CameraEndpoint endpoint(String brand, Map<String, String> options) {
    return ImmutableCameraEndpoint.builder()
        .name("garage")
        .brand(brand)
        .host("127.0.0.1")
        .username("me@example.com")
        .password(Secret.of("hunter2"))
        .putAllOptions(options)
        .build();
  }

  @Test
  void brand_isInmemory() {
    assertThat(driver.brand()).isEqualTo("inmemory");
  }

  @Test
  void connect_givesACameraNamedAfterTheEndpointOnTheDriverClock() {
    try (InMemoryCamera camera = driver.connect(endpoint("inmemory", Map.of()))) {
      assertThat(camera.name()).isEqualTo("garage");
      assertThat(camera.execute(GetSetting.of(Setting.CLOCK)).join()).isEqualTo(NOW);
    }
  }

  @Test
  void modelOption_isReportedInTheInfo() {
    try (InMemoryCamera camera = driver.connect(endpoint("inmemory", Map.of("model", "KC120(US)")))) {
      assertThat(camera.execute(new GetCameraInfo()).join().model()).isEqualTo("KC120(US)");
      assertThat(camera.execute(new GetCameraInfo()).join().alias()).isEqualTo("garage");
    }
  }

  @Test
  void latencyBeyondRequestTimeoutOptions_timeOut() throws Exception {
    try (InMemoryCamera camera =
        driver.connect(endpoint("inmemory", Map.of("latency", "PT1H", "request-timeout", "20ms")))) {
      assertThatThrownBy(() -> camera.execute(new GetPosition()).get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(RequestTimeoutException.class);
    }
  }

  @Test
  void otherBrand_isRefusedNamingBothBrands() {
    assertThatThrownBy(() -> driver.connect(endpoint("kasa", Map.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kasa")
        .hasMessageContaining("inmemory");
  }

  @Test
  void unknownOption_isRefusedListingTheAllowedOnes() {
    assertThatThrownBy(() -> driver.connect(endpoint("inmemory", Map.of("trust", "tofu"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("trust")
        .hasMessageContaining("latency, request-timeout, model");
  }

  @Test
  void malformedDuration_isRefusedNamingTheOptionAndForms() {
    assertThatThrownBy(() -> driver.connect(endpoint("inmemory", Map.of("latency", "soon"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("latency")
        .hasMessageContaining("500ms");
  }

  @Test
  void zeroRequestTimeout_isRefused() {
    assertThatThrownBy(() -> driver.connect(endpoint("inmemory", Map.of("request-timeout", "0ms"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("request-timeout")
        .hasMessageContaining("positive");
  }

  @Test
  void options_describeEveryOptionConnectAccepts() {
    assertThat(driver.options()).extracting(o -> o.name()).containsExactly("latency", "request-timeout", "model");
    try (InMemoryCamera camera = driver.connect(endpoint("inmemory", Map.of("latency", "0ms", "model", "KC1")))) {
      assertThat(camera.execute(new GetCameraInfo()).join().model()).isEqualTo("KC1");
    }
  }

  @Test
  void endpointPassword_neverShowsInTheCamera() {
    try (InMemoryCamera camera = driver.connect(endpoint("inmemory", Map.of()))) {
      assertThat(camera.toString()).doesNotContain("hunter2");
    }
  }
}
