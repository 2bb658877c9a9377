package dev.homeport.cli.internal;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.Stage;
import com.google.inject.name.Names;
import dev.homeport.adapter.inmemory.InMemoryCamera;
import dev.homeport.adapter.inmemory.InMemoryCameraModule;
import dev.homeport.adapter.inmemory.InMemorySmartHome;
import dev.homeport.adapter.inmemory.InMemorySmartHomeModule;
import dev.homeport.domain.Secret;
import dev.homeport.domain.camera.ImmutableDetectionEvent;
import dev.homeport.ports.camera.Camera;
import dev.homeport.ports.home.SmartHomeGateway;
import dev.homeport.simulators.kasa.KasaCameraSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code homeport demo}: the whole stack at work, no camera and no account needed. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "A tour of the whole stack, no camera and no account needed.",
      "Starts a Kasa camera simulator and a SmartThings simulator on 127.0.0.1, wires the real"
          + " adapters to them with Guice, and drives them: camera info, settings, a preset, a batch,"
          + " a refused value, then the home's user, locations, rooms, devices and a few seconds of"
          + " live device events.",
    })
public final class DemoCli implements Callable<Integer> {

  private final CliContext context;

  @Option(
      names = "--adapters",
      paramLabel = "KIND",
      description = "real (the Kasa and SmartThings adapters on simulators; default) or inmemory.")
  String adapters = "real";

  @Option(names = "--duration", paramLabel = "DURATION", description = "How long to stream events (default: 3s).")
  String duration = "3s";

  @Option(names = "--rate", paramLabel = "N", description = "Events published per second (default: 500).")
  int rate = 500;

  public DemoCli(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    String kind = Values.oneOf("--adapters", adapters, List.of("real", "inmemory"));
    Duration streamFor = Values.duration("--duration", duration);
    if (streamFor.compareTo(Duration.ofSeconds(60)) > 0) {
      throw new UsageException("--duration must be at most 60s, was " + duration);
    }
    if (rate < 1 || rate > 100_000) {
      throw new UsageException("--rate must be 1..100000, was " + rate);
    }
    Output out = context.output(false);
    long start = System.nanoTime();
    List<AutoCloseable> resources = new ArrayList<>();
    try {
      Stack stack = kind.equals("inmemory") ? inMemory(out, resources) : real(out, resources);
      DemoTour.DemoSummary summary =
          new DemoTour(out, stack.camera(), stack.gateway(), stack.home()::publish, streamFor, rate).run();
      out.line("");
      out.line(
          String.format(
              Locale.ROOT,
              "Done in %.1f s: %s camera and events adapters, %d live events. Next: 'homeport simulate camera',"
                  + " then 'homeport camera --help'.",
              (System.nanoTime() - start) / 1e9,
              kind.equals("inmemory") ? "in-memory" : "real",
              summary.eventsReceived()));
      return 0;
    } finally {
      Resources.closeAll(resources);
    }
  }

  /** What the tour drives. */
  record Stack(Camera camera, SmartHomeGateway gateway, InMemorySmartHome home) {}

  private Stack inMemory(Output out, List<AutoCloseable> resources) {
    InMemorySmartHome home = DemoData.home();
    Injector injector =
        Guice.createInjector(
            Stage.PRODUCTION,
            InMemoryCameraModule.builder().camera("porch", DemoCli::demoCamera).build(),
            InMemorySmartHomeModule.builder().home(home).build());
    Camera camera = injector.getInstance(Key.get(Camera.class, Names.named("porch")));
    resources.add(camera);
    out.line("homeport demo: the in-memory camera and smart home adapters, wired by Guice.");
    return new Stack(camera, injector.getInstance(SmartHomeGateway.class), home);
  }

  private Stack real(Output out, List<AutoCloseable> resources) {
    InMemoryCamera.Builder backendBuilder = InMemoryCamera.builder().name("porch");
    demoCamera(backendBuilder);
    InMemoryCamera backend = backendBuilder.build();
    resources.add(backend);
    KasaCameraSimulator cameraSimulator = KasaCameraSimulator.builder().backend(backend).start();
    resources.add(cameraSimulator);
    CameraSpec cameraSpec =
        CameraSpec.of("porch", "kasa")
            .withHost(cameraSimulator.host())
            .withPort(cameraSimulator.port())
            .withUsername(cameraSimulator.username())
            .withOption("trust", "sha256:" + cameraSimulator.fingerprint());

    InMemorySmartHome home = DemoData.home();
    EventsSimulator eventsSimulator = EventsSimulator.start(home, 0);
    resources.add(eventsSimulator);

    List<Module> modules = new ArrayList<>();
    modules.add(DeploymentModules.camera(cameraSpec, Optional.of(Secret.of(cameraSimulator.password()))));
    modules.add(
        DeploymentModules.events(
            eventsSimulator.spec(), Optional.of(eventsSimulator.csrfToken()), Optional.of(eventsSimulator.cookie())));
    Injector injector = Guice.createInjector(Stage.PRODUCTION, modules);
    Camera camera = injector.getInstance(Key.get(Camera.class, Names.named("porch")));
    resources.add(camera);
    out.line("homeport demo: the real Kasa and SmartThings adapters, wired by Guice, against simulators on 127.0.0.1:");
    out.line("  camera  https://" + cameraSimulator.host() + ":" + cameraSimulator.port()
        + "  (LINKIE over TLS, certificate pinned sha256:" + cameraSimulator.fingerprint().substring(0, 16) + "...)");
    out.line("  events  " + eventsSimulator.spec().url().orElseThrow()
        + "  (Engine.IO 3 / Socket.IO over TLS, certificate pinned)");
    return new Stack(camera, injector.getInstance(SmartHomeGateway.class), home);
  }

  static void demoCamera(InMemoryCamera.Builder builder) {
    DemoData.camera(builder);
  }

  /** Adds two detections to a demo camera (yesterday), so {@code detections} has something to list. */
  static void addDetections(InMemoryCamera camera) {
    Instant base = Instant.now().minus(Duration.ofHours(20)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    ImmutableDetectionEvent motion = DemoData.detection(base, "motion");
    camera.addDetection(motion);
    camera.addDetection(DemoData.detection(base.plusSeconds(600), "person"));
  }
}
