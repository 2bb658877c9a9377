package dev.homeport.adapter.camera.http;

import static dev.homeport.adapter.camera.http.KasaTestSupport.await;
import static dev.homeport.adapter.camera.http.KasaTestSupport.backend;
import static dev.homeport.adapter.camera.http.KasaTestSupport.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.domain.camera.GetCameraInfo;
import dev.homeport.domain.camera.GetSetting;
import dev.homeport.domain.camera.Setting;
import dev.homeport.ports.ProtocolException;
import dev.homeport.ports.camera.Camera;
import dev.homeport.simulators.kasa.GarbageKind;
import dev.homeport.simulators.kasa.KasaCameraSimulator;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KasaGarbageTest {

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(GarbageKind.class)
  void garbageAnswer_failsWithNonRetryableProtocolException_andTheCameraRecovers(GarbageKind kind) {
    try (KasaCameraSimulator sim = KasaCameraSimulator.builder().backend(backend()).start();
        Camera camera = KasaTestSupport.connect(sim, dir)) {
      await(camera.execute(GetSetting.of(Setting.POWER)));
      sim.garbage(kind);
      Throwable single = failureOf(camera.execute(new GetCameraInfo()));
      assertThat(single).isInstanceOf(ProtocolException.class).hasMessageContaining("porch");
      assertThat(((ProtocolException) single).retryable()).isFalse();
      assertThat(failureOf(camera.executeAll(List.of(new GetCameraInfo(), GetSetting.of(Setting.POWER)))))
          .isInstanceOf(ProtocolException.class);

      sim.garbage(null);
      assertThat(await(camera.execute(GetSetting.of(Setting.POWER)))).isTrue();
    }
  }
}
