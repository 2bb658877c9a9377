package dev.homeport.adapter.camera.http;

import dev.homeport.adapter.inmemory.InMemoryCamera;
import dev.homeport.domain.FieldMap;
import dev.homeport.domain.Secret;
import dev.homeport.domain.camera.CameraCommand;
import dev.homeport.domain.camera.RawCommand;
import dev.homeport.ports.camera.BatchResult;
import dev.homeport.ports.camera.Camera;
import dev.homeport.ports.camera.CameraCapabilities;
import dev.homeport.ports.camera.ImmutableCameraCapabilities;
import dev.homeport.simulators.kasa.KasaCameraSimulator;
import dev.homeport.simulators.kasa.KasaFirmware;
import dev.homeport.simulators.tls.SelfSignedCertificate;
import dev.homeport.testkit.CameraContract;
import dev.homeport.testkit.CameraFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The whole camera contract through the real Kasa adapter (default options: {@code auth auto},
 * the app User-Agent, no path or model given) against the simulator playing one firmware profile.
 * What the model lacks is skipped visibly: the fixture's camera reports the profile backend's
 * capabilities that the adapter maps, so the contract aborts those tests with "the camera does not
 * support ...".
 */
abstract class KasaProfileContract extends CameraContract {

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);

  /**
   * The certificate each profile's first simulator made (EC, or RSA for the KC100 and static-RSA
   * profiles), presented by its later ones: a key pair per test cost up to ~150 ms (RSA) and
   * changed nothing a test checks, since every fixture still has its own simulator, backend,
   * camera and empty known_hosts file (so each test still pins on first use).
   */
  private static final Map<KasaFirmware, SelfSignedCertificate> CERTIFICATES = new ConcurrentHashMap<>();

  /** The profile under test. */
  abstract KasaFirmware firmware();

  @Override
  protected CameraFixture createFixture() {
    InMemoryCamera backend = firmware().backend("porch").build();
    KasaCameraSimulator.Builder builder = KasaCameraSimulator.builder().firmware(firmware()).backend(backend);
    SelfSignedCertificate shared = CERTIFICATES.get(firmware());
    if (shared != null) {
      builder.certificate(shared);
    }
    KasaCameraSimulator simulator = builder.start();
    CERTIFICATES.putIfAbsent(firmware(), simulator.server().certificate());
    Path dir;
    try {
      dir = Files.createTempDirectory("kasa-contract");
    } catch (IOException e) {
      simulator.close();
      throw new UncheckedIOException(e);
    }
    Camera kasa = KasaTestSupport.DRIVER.connect(ImmutableKasaCameraConfig.builder()
        .name("porch")
        .host(simulator.host())
        .port(simulator.port())
        .username(simulator.username())
        .password(Secret.of(simulator.password()))
        .knownHostsFile(dir.resolve("known_hosts"))
        .connectTimeout(Duration.ofSeconds(10)) // only bounds a wait: no contract test times a connect out
        .requestTimeout(REQUEST_TIMEOUT)
        .build());
    // what the model has and the adapter maps: the backend claims every command its firmware answers,
    // the adapter leaves out what LINKIE cannot express (e.g. saving presets)
    CameraCapabilities model = backend.capabilities();
    Camera camera = new ProfiledCamera(kasa, ImmutableCameraCapabilities.copyOf(model)
        .withCommandTypes(model.commandTypes().stream().filter(kasa.capabilities().commandTypes()::contains).toList()));
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
      public dev.homeport.ports.CameraCommandException refusalExample() {
        return new dev.homeport.ports.CameraCommandException("smartlife.cam.ipcamera.switch.set_is_enable", "-40409",
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
    // KC100 refuses the audio module; OSD is not in its refused list
    String module = firmware() == KasaFirmware.KC100 ? "smartlife.cam.ipcamera.OSD" : "smartlife.cam.ipcamera.audio";
    return Optional.of(new RawCommand(module + ".get_mic_config",
        FieldMap.of("channel", 1, "filter", Map.of("names", List.of("a", "b"), "on", true))));
  }

  /** The Kasa camera, reporting what the profile's model supports (the adapter cannot know the model). */
  private static final class ProfiledCamera implements Camera {
    private final Camera delegate;
    private final CameraCapabilities capabilities;

    ProfiledCamera(Camera delegate, CameraCapabilities capabilities) {
      this.delegate = delegate;
      this.capabilities = capabilities;
    }

    @Override
    public String name() {
      return delegate.name();
    }

    @Override
    public <R> CompletableFuture<R> execute(CameraCommand<R> command) {
      return delegate.execute(command);
    }

    @Override
    public CompletableFuture<BatchResult> executeAll(List<? extends CameraCommand<?>> commands) {
      return delegate.executeAll(commands);
    }

    @Override
    public CameraCapabilities capabilities() {
      return capabilities;
    }

    @Override
    public void close() {
      delegate.close();
    }
  }
}
