package dev.homeport.testkit.inmemory;

import dev.homeport.adapter.inmemory.InMemoryCamera;
import dev.homeport.domain.FieldMap;
import dev.homeport.domain.camera.RawCommand;
import dev.homeport.testkit.CameraContract;
import dev.homeport.testkit.CameraFixture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The in-memory camera passes the camera contract: it is both the camera under test and its backend. */
class InMemoryCameraContractTest extends CameraContract {

  private static final Duration REQUEST_TIMEOUT = Duration.ofMillis(300);

  @Override
  protected CameraFixture createFixture() {
    InMemoryCamera camera =
        InMemoryCamera.builder().name("contract").requestTimeout(REQUEST_TIMEOUT).build();
    return new SelfBackedFixture(camera, REQUEST_TIMEOUT);
  }

  @Override
  protected Optional<RawCommand> knownRawQuery() {
    return Optional.of(
        new RawCommand("smartlife.cam.ipcamera.audio.get_mic_config",
            FieldMap.of("channel", 1, "filter", Map.of("names", List.of("a", "b"), "on", true))));
  }
}
