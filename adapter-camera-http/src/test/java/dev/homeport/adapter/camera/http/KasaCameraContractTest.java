package dev.homeport.adapter.camera.http;

import dev.homeport.adapter.inmemory.InMemoryCamera;
import dev.homeport.domain.FieldMap;
import dev.homeport.domain.Secret;
import dev.homeport.domain.camera.RawCommand;
import dev.homeport.ports.CameraCommandException;
import dev.homeport.ports.camera.Camera;
import dev.homeport.testkit.CameraContract;
import dev.homeport.testkit.CameraFixture;
import dev.homeport.simulators.kasa.KasaCameraSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The whole camera contract through the real Kasa adapter, over real HTTPS to the simulator on
 * 127.0.0.1, whose state is the fixture's backend.
 *
 * <p>The simulator here does not reset overlapping requests: the contract's time-out test expects
 * the next command to succeed while the camera is still working on the request the adapter gave up
 * on, which a KC100 would refuse. That the adapter never overlaps requests is proven against the
 * resetting simulator in {@link KasaConcurrencyTest}.
 */
class KasaCameraContractTest extends CameraContract {

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);

  @Override
  protected CameraFixture createFixture() {
    InMemoryCamera backend = InMemoryCamera.builder().name("porch").build();
    KasaCameraSimulator simulator = KasaCameraSimulator.builder().backend(backend).start();
    Path dir;
    try {
      dir = Files.createTempDirectory("kasa-contract");
    } catch (IOException e) {
      simulator.close();
      throw new UncheckedIOException(e);
    }
    Camera camera = KasaTestSupport.DRIVER.connect(ImmutableKasaCameraConfig.builder()
        .name("porch")
        .host(simulator.host())
        .port(simulator.port())
        .username(simulator.username())
        .password(Secret.of(simulator.password()))
        .knownHostsFile(dir.resolve("known_hosts"))
        .connectTimeout(Duration.ofSeconds(5))
        .requestTimeout(REQUEST_TIMEOUT)
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

      /** LINKIE error codes are integers: -40409 is the camera's "parameter value error". */
      @Override
      public CameraCommandException refusalExample() {
        return new CameraCommandException("smartlife.cam.ipcamera.switch.set_is_enable", "-40409",
            "The parameter [value] values error", false);
      }

      @Override
      public void close() {
        camera.close();
        simulator.close();
        backend.close();
        try (Stream<Path> files = Files.walk(dir)) {
          files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }

  @Override
  protected Optional<RawCommand> knownRawQuery() {
    return Optional.of(new RawCommand("smartlife.cam.ipcamera.audio.get_mic_config",
        FieldMap.of("channel", 1, "filter", Map.of("names", List.of("a", "b"), "on", true))));
  }
}
