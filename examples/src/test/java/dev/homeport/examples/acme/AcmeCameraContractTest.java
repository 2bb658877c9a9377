package dev.homeport.examples.acme;

import dev.homeport.adapter.inmemory.InMemoryCamera;
import dev.homeport.domain.FieldMap;
import dev.homeport.domain.Secret;
import dev.homeport.domain.camera.RawCommand;
import dev.homeport.examples.acme.simulator.AcmeSimulator;
import dev.homeport.ports.camera.Camera;
import dev.homeport.ports.camera.ImmutableCameraEndpoint;
import dev.homeport.testkit.CameraContract;
import dev.homeport.testkit.CameraFixture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Step 4 of "Adding a camera brand": the whole camera contract through the real acme driver, over
 * real HTTP to the acme simulator on 127.0.0.1, whose state is the fixture's backend. The
 * refusal example is the default one (acme codes are text), so this class writes only the fixture.
 */
class AcmeCameraContractTest extends CameraContract {

  /**
   * Short, for the contract's time-out tests, yet every other command waits at most this long for
   * its answer: 600 ms made the concurrency tests fail on a loaded machine; 2 s as the Kasa and
   * ONVIF contract fixtures.
   */
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);

  @Override
  protected CameraFixture createFixture() {
    InMemoryCamera backend = InMemoryCamera.builder().name("porch").build();
    AcmeSimulator simulator = AcmeSimulator.start(backend);
    Camera camera = new AcmeCameraDriver().connect(ImmutableCameraEndpoint.builder()
        .name("porch").brand("acme").host(simulator.host()).port(simulator.port())
        .username(simulator.username()).password(Secret.of(simulator.password()))
        .putOptions("request-timeout", REQUEST_TIMEOUT.toMillis() + "ms")
        .build());
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

  @Override
  protected Optional<RawCommand> knownRawQuery() {
    return Optional.of(new RawCommand("audio.mic.get",
        FieldMap.of("channel", 1, "filter", Map.of("names", List.of("a", "b"), "on", true))));
  }
}
