package dev.homeport.adapter.camera.onvif;

import dev.homeport.adapter.inmemory.InMemoryCamera;
import dev.homeport.domain.FieldMap;
import dev.homeport.domain.Secret;
import dev.homeport.domain.camera.CameraInfo;
import dev.homeport.domain.camera.ImmutableCameraInfo;
import dev.homeport.domain.camera.GetCameraInfo;
import dev.homeport.domain.camera.GetPosition;
import dev.homeport.domain.camera.GetSetting;
import dev.homeport.domain.camera.GetSnapshot;
import dev.homeport.domain.camera.GetStreamUri;
import dev.homeport.domain.camera.GoToPreset;
import dev.homeport.domain.camera.ListPresets;
import dev.homeport.domain.camera.Move;
import dev.homeport.domain.camera.SetPosition;
import dev.homeport.domain.camera.SetSetting;
import dev.homeport.domain.camera.Setting;
import dev.homeport.domain.camera.Stop;
import dev.homeport.ports.camera.Camera;
import dev.homeport.ports.camera.CameraCapabilities;
import dev.homeport.ports.camera.ImmutableCameraEndpoint;
import dev.homeport.simulators.onvif.OnvifCameraSimulator;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Shared set-up of the ONVIF tests: a backend with what ONVIF maps, a simulator, a camera. */
final class OnvifTestSupport {

  static final OnvifCameraDriver DRIVER = new OnvifCameraDriver();

  /** The capabilities the ONVIF mapping covers: the backend claims exactly these. */
  static final CameraCapabilities ONVIF = CameraCapabilities.of(
      Set.of(GetCameraInfo.class, GetSetting.class, SetSetting.class, Move.class, Stop.class, GetPosition.class,
          SetPosition.class, ListPresets.class, GoToPreset.class, dev.homeport.domain.camera.SavePreset.class,
          GetStreamUri.class, GetSnapshot.class,
          dev.homeport.domain.camera.Reboot.class),
      Set.of(Setting.NIGHT_VISION));

  /** What the camera says about itself; ONVIF reports the manufacturer as an extra field. */
  static final CameraInfo INFO = ImmutableCameraInfo.builder()
      .alias("Jardin d'hiver").model("C210").type("NetworkVideoTransmitter")
      .softwareVersion("1.3.14 Build 240513 Rel.54914n").hardwareVersion("2.0")
      .mac("3C-52-A1-00-00-2A").deviceId("22334455")
      .otherFields(FieldMap.of("manufacturer", "tp-link")).build();

  private OnvifTestSupport() {}

  static InMemoryCamera backend() {
    return InMemoryCamera.builder().name("garden").capabilities(ONVIF).info(INFO).build();
  }

  static Camera connect(OnvifCameraSimulator sim, Map<String, String> options) {
    return connect(sim, sim.password(), options);
  }

  static Camera connect(OnvifCameraSimulator sim, String password, Map<String, String> options) {
    ImmutableCameraEndpoint.Builder b = ImmutableCameraEndpoint.builder()
        .name("garden").brand("onvif").host(sim.host()).port(sim.port())
        .username(sim.username()).password(Secret.of(password))
        .putOptions("requestTimeout", "10s").putOptions("connectTimeout", "10s");
    b.putAllOptions(options);
    return DRIVER.connect(b.build());
  }

  static <T> T await(CompletableFuture<T> future) {
    try {
      return future.get(20, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new AssertionError("failed: " + e.getCause(), e.getCause());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static final Duration WAIT = Duration.ofSeconds(20);
}
