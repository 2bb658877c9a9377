package dev.homeport.examples.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeport.adapter.inmemory.InMemoryCamera;
import dev.homeport.domain.Secret;
import dev.homeport.domain.camera.GetSetting;
import dev.homeport.domain.camera.Setting;
import dev.homeport.examples.acme.simulator.AcmeSimulator;
import dev.homeport.ports.CertificateMismatchException;
import dev.homeport.ports.camera.Camera;
import dev.homeport.ports.camera.CameraDrivers;
import dev.homeport.ports.camera.CameraEndpoint;
import dev.homeport.ports.camera.ImmutableCameraEndpoint;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class AcmeCameraDriverTest {

  private static CameraEndpoint endpoint(AcmeSimulator sim, Map<String, String> options) {
    return ImmutableCameraEndpoint.builder().name("porch").brand("acme").host(sim.host()).port(sim.port())
        .username(sim.username()).password(Secret.of(sim.password())).putAllOptions(options).build();
  }

  @Test
  void driver_isFoundAtRunTime_byItsBrand() {
    assertThat(CameraDrivers.load().get("acme")).isInstanceOf(AcmeCameraDriver.class);
  }

  @Test
  void badOptions_areRefusedBeforeAnyIo_namingTheOption() {
    CameraEndpoint bare = ImmutableCameraEndpoint.builder().name("porch").brand("acme").host("h")
        .username("u").password(Secret.of("p")).build();
    AcmeCameraDriver driver = new AcmeCameraDriver();
    assertThatThrownBy(() -> driver.connect(ImmutableCameraEndpoint.copyOf(bare).withOptions(Map.of("scheme", "ftp"))))
        .hasMessage("acme camera 'porch': option 'scheme' must be one of http, https, was \"ftp\"");
    assertThatThrownBy(() -> driver.connect(ImmutableCameraEndpoint.copyOf(bare).withOptions(Map.of("scheme", "https"))))
        .hasMessageContaining("option 'fingerprint' is required");
    assertThatThrownBy(() -> driver.connect(ImmutableCameraEndpoint.copyOf(bare).withOptions(Map.of("request-timeout", "soon"))))
        .hasMessageContaining("option 'request-timeout' must be a positive duration");
    assertThatThrownBy(() -> driver.connect(ImmutableCameraEndpoint.copyOf(bare).withPassword(java.util.Optional.empty())))
        .hasMessage("acme camera 'porch' needs a password");
  }

  @Test
  void https_withThePinnedCertificate_works_andAnotherPinIsRefused() {
    InMemoryCamera backend = InMemoryCamera.builder().name("porch").build();
    try (AcmeSimulator sim = AcmeSimulator.start(backend, true)) {
      try (Camera camera = new AcmeCameraDriver().connect(endpoint(sim, Map.of("scheme", "https", "fingerprint", sim.fingerprint())))) {
        assertThat(camera.execute(GetSetting.of(Setting.POWER)).join()).isEqualTo(backend.peek(Setting.POWER));
      }
      String other = "00".repeat(32);
      try (Camera camera = new AcmeCameraDriver().connect(endpoint(sim, Map.of("scheme", "https", "fingerprint", other)))) {
        assertThatThrownBy(() -> camera.execute(GetSetting.of(Setting.POWER)).join())
            .isInstanceOf(CompletionException.class)
            .hasCauseInstanceOf(CertificateMismatchException.class);
      }
    } finally {
      backend.close();
    }
  }

  @Test
  void password_neverShowsInTheCamerasText() {
    InMemoryCamera backend = InMemoryCamera.builder().name("porch").build();
    try (AcmeSimulator sim = AcmeSimulator.start(backend);
        Camera camera = new AcmeCameraDriver().connect(endpoint(sim, Map.of()))) {
      assertThat(camera.toString()).doesNotContain(sim.password());
    } finally {
      backend.close();
    }
  }
}
