package dev.homeport.testkit.inmemory;

import dev.homeport.adapter.inmemory.InMemoryCamera;
import dev.homeport.domain.camera.CameraCommand;
import dev.homeport.domain.camera.GetPosition;
import dev.homeport.domain.camera.GoToPreset;
import dev.homeport.domain.camera.ListPresets;
import dev.homeport.domain.camera.Move;
import dev.homeport.domain.camera.SetPosition;
import dev.homeport.domain.camera.Setting;
import dev.homeport.domain.camera.Stop;
import dev.homeport.ports.camera.CameraCapabilities;
import dev.homeport.ports.camera.ImmutableCameraCapabilities;
import dev.homeport.ports.camera.Camera;
import dev.homeport.testkit.CameraContract;
import dev.homeport.testkit.CameraFixture;
import java.time.Duration;
import java.util.Set;

/**
 * A fixed (no pan/tilt) in-memory camera passes the camera contract too: the PTZ commands and
 * settings are outside its capabilities, so the contract checks they fail with
 * {@code UnsupportedCommandException} and skips, visibly, what needs them.
 */
class InMemoryFixedCameraContractTest extends CameraContract {

  private static final Duration REQUEST_TIMEOUT = Duration.ofMillis(300);

  private static final Set<Class<?>> PAN_TILT =
      Set.of(GoToPreset.class, Move.class, Stop.class, GetPosition.class, SetPosition.class, ListPresets.class);

  static CameraCapabilities withoutPanTilt() {
    CameraCapabilities all = CameraCapabilities.all();
    ImmutableCameraCapabilities.Builder fixed = ImmutableCameraCapabilities.builder();
    for (Class<? extends CameraCommand<?>> type : all.commandTypes()) {
      if (!PAN_TILT.contains(type)) {
        fixed.addCommandTypes(type);
      }
    }
    for (Setting<?> setting : all.settings()) {
      if (setting != Setting.MOTION_TRACKING && setting != Setting.PATROL) {
        fixed.addSettings(setting);
      }
    }
    return fixed.build();
  }

  @Override
  protected CameraFixture createFixture() {
    InMemoryCamera camera =
        InMemoryCamera.builder()
            .name("fixed")
            .capabilities(withoutPanTilt())
            .requestTimeout(REQUEST_TIMEOUT)
            .build();
    return new CameraFixture() {
      @Override
      public Camera camera() {
        return camera;
      }

      @Override
      public InMemoryCamera backend() {
        return camera;
      }

      @Override
      public Duration requestTimeout() {
        return REQUEST_TIMEOUT;
      }

      @Override
      public void close() {
        camera.close();
      }
    };
  }
}
