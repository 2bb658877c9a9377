package dev.homeport.testkit.inmemory;

import dev.homeport.adapter.inmemory.InMemoryCamera;
import dev.homeport.domain.camera.GetPosition;
import dev.homeport.domain.camera.GoToPreset;
import dev.homeport.domain.camera.ListPresets;
import dev.homeport.domain.camera.Move;
import dev.homeport.domain.camera.SetPosition;
import dev.homeport.domain.camera.Setting;
import dev.homeport.domain.camera.Stop;
import dev.homeport.testkit.CameraContract;
import dev.homeport.testkit.CameraFixture;
import java.time.Duration;

/**
 * A fixed (no pan/tilt) in-memory camera passes the camera contract too: the PTZ commands and
 * settings are outside its capabilities, so the contract checks they fail with
 * {@code UnsupportedCommandException} and skips, visibly, what needs them.
 */
class InMemoryFixedCameraContractTest extends CameraContract {

  private static final Duration REQUEST_TIMEOUT = Duration.ofMillis(300);

  @Override
  protected CameraFixture createFixture() {
    InMemoryCamera camera =
        InMemoryCamera.builder()
            .name("fixed")
            .withoutCommands(
                GoToPreset.class, Move.class, Stop.class, GetPosition.class, SetPosition.class, ListPresets.class,
                dev.homeport.domain.camera.SavePreset.class)
            .withoutSettings(Setting.MOTION_TRACKING, Setting.PATROL)
            .requestTimeout(REQUEST_TIMEOUT)
            .build();
    return new SelfBackedFixture(camera, REQUEST_TIMEOUT);
  }
}
