package dev.homeport.adapter.camera.http;

import static dev.homeport.adapter.camera.http.KasaTestSupport.await;
import static dev.homeport.adapter.camera.http.KasaTestSupport.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.adapter.camera.http.internal.KasaCamera;
import dev.homeport.adapter.camera.http.internal.LinkieTransport;
import dev.homeport.adapter.inmemory.InMemoryCamera;
import dev.homeport.domain.Secret;
import dev.homeport.domain.camera.Direction;
import dev.homeport.domain.camera.GetCameraInfo;
import dev.homeport.domain.camera.GetSetting;
import dev.homeport.domain.camera.Move;
import dev.homeport.domain.camera.RawCommand;
import dev.homeport.domain.camera.Resolution;
import dev.homeport.domain.camera.SetSetting;
import dev.homeport.domain.camera.Setting;
import dev.homeport.ports.AuthenticationException;
import dev.homeport.ports.RequestTimeoutException;
import dev.homeport.ports.UnsupportedCommandException;
import dev.homeport.ports.camera.Camera;
import dev.homeport.simulators.kasa.KasaCameraSimulator;
import dev.homeport.simulators.kasa.KasaFirmware;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What each firmware profile makes the adapter do, checked on the wire against the simulator. */
class KasaFirmwareProfilesTest {

  @TempDir Path dir;

  private static KasaCameraSimulator start(KasaFirmware firmware, InMemoryCamera backend) {
    return KasaCameraSimulator.builder().firmware(firmware).backend(backend).start();
  }

  @Test
  void kc115_wrongPassword_answeredWithHttp200AndMinus10007_failsAfterEveryForm() {
    try (InMemoryCamera backend = KasaFirmware.KC115.backend("porch").build();
        KasaCameraSimulator sim = start(KasaFirmware.KC115, backend);
        Camera camera = KasaTestSupport.DRIVER.connect(
            KasaTestSupport.config(sim, dir).build().withPassword(Secret.of("wrong")))) {
      assertThat(failureOf(camera.execute(GetSetting.of(Setting.NIGHT_VISION))))
          .isInstanceOf(AuthenticationException.class).hasMessageContaining("-10007");
      assertThat(sim.rejectedCredentials()).isEqualTo(5);
    }
  }

  @Test
  void kc115_plainPassword_isFound_andRecordingFallsBackToVod() {
    try (InMemoryCamera backend = KasaFirmware.KC115.backend("porch").build();
        KasaCameraSimulator sim = start(KasaFirmware.KC115, backend);
        Camera camera = KasaTestSupport.connect(sim, dir)) {
      await(camera.execute(SetSetting.of(Setting.RECORD_VIDEO, false)));
      assertThat(backend.peek(Setting.RECORD_VIDEO)).isFalse();
      assertThat(((KasaCamera) camera).transport().resolvedVariant()).contains(AuthVariant.PLAIN);
      assertThat(sim.receivedRequests()).last().satisfies(r -> assertThat(r.json()).contains("\"smartlife.cam.ipcamera.vod\""));
      int before = sim.receivedRequests().size();
      assertThat(await(camera.execute(GetSetting.of(Setting.RECORD_VIDEO)))).isFalse();
      assertThat(sim.receivedRequests()).hasSize(before + 1); // learned: straight to vod
    }
  }

  @Test
  void kc420ws_dropsAnAgentThatIsNotTheApps_andAnswersTheDefaultOne() {
    try (InMemoryCamera backend = KasaFirmware.KC420WS.backend("porch").build();
        KasaCameraSimulator sim = start(KasaFirmware.KC420WS, backend);
        Camera curl = KasaTestSupport.DRIVER.connect(KasaTestSupport.config(sim, dir).userAgent("curl/8.5.0").build()
            .withRequestTimeout(Duration.ofMillis(600)));
        Camera app = KasaTestSupport.connect(sim, dir)) {
      assertThat(failureOf(curl.execute(new GetCameraInfo()))).isInstanceOf(RequestTimeoutException.class);
      assertThat(await(app.execute(new GetCameraInfo())).model()).isEqualTo("KC420WS(US)");
      assertThat(((KasaCamera) app).transport().currentPath()).isEqualTo(LinkieTransport.LINKIE2);
      assertThat(((KasaCamera) app).transport().resolvedVariant()).contains(AuthVariant.MD5);
    }
  }

  @Test
  void ec60_unbound_takesAdminDefault_onLinkie2_andRefusesOtherKindsPerMethod() {
    try (InMemoryCamera backend = KasaFirmware.EC60.backend("porch").build();
        KasaCameraSimulator sim = start(KasaFirmware.EC60, backend);
        Camera camera = KasaTestSupport.connect(sim, dir)) {
      assertThat(await(camera.execute(GetSetting.of(Setting.RESOLUTION)))).isEqualTo(Resolution.HD1080);
      assertThat(((KasaCamera) camera).transport().resolvedVariant()).contains(AuthVariant.ADMIN_DEFAULT);
      assertThat(failureOf(camera.execute(RawCommand.of("smartlife.iot.dimmer.get_dimmer_parameters"))))
          .isInstanceOf(UnsupportedCommandException.class).hasMessageContaining("Unsupported API call.");
    }
  }

  @Test
  void kc410s_movesWithTheAppsWords() {
    try (InMemoryCamera backend = KasaFirmware.KC410S.backend("porch").build();
        KasaCameraSimulator sim = start(KasaFirmware.KC410S, backend);
        Camera camera = KasaTestSupport.connect(sim, dir)) {
      await(camera.execute(new Move(Direction.UP, 3)));
      await(camera.execute(new Move(Direction.DOWN_RIGHT, 3)));
      assertThat(sim.receivedRequests()).extracting(r -> r.json())
          .anySatisfy(json -> assertThat(json).contains("\"direction\":\"top\""))
          .anySatisfy(json -> assertThat(json).contains("\"direction\":\"bottom right\""));
      assertThat(((KasaCamera) camera).transport().resolvedVariant()).contains(AuthVariant.PLAIN);
    }
  }
}
