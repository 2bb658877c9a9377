package dev.homeport.adapter.camera.onvif;

import dev.homeport.adapter.inmemory.InMemoryCamera;
import dev.homeport.ports.camera.Camera;
import dev.homeport.testkit.CameraContract;
import dev.homeport.testkit.CameraFixture;
import dev.homeport.simulators.onvif.OnvifCameraSimulator;
import java.time.Duration;
import java.util.Map;

/**
 * The whole camera contract through the real ONVIF adapter, over real HTTP to the simulator on
 * 127.0.0.1, whose state is the fixture's backend. The backend claims only what ONVIF maps, so the
 * contract's tests of other commands are skipped visibly (and "unsupported" is checked for them).
 */
class OnvifCameraContractTest extends CameraContract {

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);

  @Override
  protected CameraFixture createFixture() {
    InMemoryCamera backend = OnvifTestSupport.backend();
    OnvifCameraSimulator simulator = OnvifCameraSimulator.builder().backend(backend).start();
    Camera camera = OnvifTestSupport.connect(simulator,
        Map.of("requestTimeout", REQUEST_TIMEOUT.toMillis() + "ms"));
    return new CameraFixture() {
      @Override
      public Camera camera() {
        return camera;
      }

      @Override
      public InMemoryCamera backend() {
        return backend;
      }

      @Override
      public Duration requestTimeout() {
        return REQUEST_TIMEOUT;
      }

      @Override
      public void close() {
        camera.close();
        simulator.close();
        backend.close();
      }
    };
  }
}
