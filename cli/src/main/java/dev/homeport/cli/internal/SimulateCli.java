package dev.homeport.cli.internal;

import dev.homeport.adapter.inmemory.InMemoryCamera;
import dev.homeport.adapter.inmemory.InMemorySmartHome;
import dev.homeport.simulators.kasa.KasaCameraSimulator;
import dev.homeport.simulators.kasa.KasaStreamSimulator;
import dev.homeport.simulators.tls.SelfSignedCertificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code homeport simulate camera|events}: a simulator in the foreground. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = "Run a simulator on 127.0.0.1 in the foreground until Ctrl-C; it prints where it listens and the credentials to use.",
    subcommands = {SimulateCli.CameraSim.class, SimulateCli.EventsSim.class})
public final class SimulateCli implements Callable<Integer> {

  private final CliContext context;

  @Spec CommandSpec spec;

  public SimulateCli(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "missing simulator: camera or events");
  }

  /** Blocks until the stop signal (Ctrl-C), then closes {@code resources} in reverse order. */
  int runUntilStopped(Output out, List<AutoCloseable> resources) {
    out.line("Ctrl-C to stop.");
    try {
      context.environment().stopSignal().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      // a failed stop signal still means stop
    } finally {
      Resources.closeAll(resources);
    }
    out.note("simulator stopped");
    return 0;
  }

  /**
   * One simulator subcommand: validates {@code --port}, starts the simulator, prints how to use it,
   * then runs until Ctrl-C; what was started is closed when starting fails half-way or at the end.
   */
  abstract static class Sim implements Callable<Integer> {
    @ParentCommand SimulateCli parent;

    @Option(names = "--port", paramLabel = "P", description = "Port on 127.0.0.1 (default: any free port).")
    Integer port;

    @Override
    public Integer call() {
      int wanted = port == null ? 0 : Values.port("--port", port);
      Output out = parent.context.output(false);
      List<AutoCloseable> resources = new ArrayList<>();
      try {
        start(wanted, out, resources);
      } catch (RuntimeException e) {
        Resources.closeAll(resources);
        throw e;
      }
      return parent.runUntilStopped(out, resources);
    }

    /** Starts the simulator on {@code port} (0: any), adding what it opens to {@code resources}. */
    abstract void start(int port, Output out, List<AutoCloseable> resources);
  }

  @Command(
      name = "camera",
      mixinStandardHelpOptions = true,
      description = "A Kasa camera speaking LINKIE over HTTPS (self-signed certificate).")
  static final class CameraSim extends Sim {
    @Override
    void start(int wanted, Output out, List<AutoCloseable> resources) {
      InMemoryCamera.Builder builder = InMemoryCamera.builder().name("porch");
      DemoData.camera(builder);
      InMemoryCamera backend = builder.build();
      DemoCli.addDetections(backend);
      resources.add(backend);
      SelfSignedCertificate certificate = SelfSignedCertificate.create("kasa-simulator");
      KasaCameraSimulator simulator = listening(
          () -> KasaCameraSimulator.builder().backend(backend).certificate(certificate).port(wanted).start());
      resources.add(simulator);
      // the live stream and talk ports, with the same certificate as a camera's LINKIE port
      KasaStreamSimulator media = listening(() -> KasaStreamSimulator.builder().certificate(certificate)
          .credentials(simulator.username(), simulator.password()).start());
      resources.add(media);
      int listening = simulator.port();
      out.line("Kasa camera simulator listening on https://" + simulator.host() + ":" + listening + KasaCameraSimulator.LINKIE);
      out.line("  username     " + simulator.username());
      out.line("  password     " + simulator.password() + "   (a simulator credential)");
      out.line("  certificate  sha256:" + simulator.fingerprint());
      out.line("  live stream  https://" + simulator.host() + ":" + media.streamPort()
          + "/https/stream/mixed (one viewer), talk on port " + media.talkPort());
      out.line("Try:");
      out.line("  export HOMEPORT_CAMERA_PASSWORD='" + simulator.password() + "'");
      out.line("  ./homeport camera --host " + simulator.host() + " --port " + listening + " --username "
          + simulator.username() + " --trust sha256:" + simulator.fingerprint() + " info");
      out.line("  ./homeport camera --host " + simulator.host() + " --port " + listening + " --username "
          + simulator.username() + " --trust sha256:" + simulator.fingerprint() + " --stream-port "
          + media.streamPort() + " --talk-port " + media.talkPort() + " record --output porch --duration 10s");
    }
  }

  @Command(
      name = "events",
      mixinStandardHelpOptions = true,
      description = "A SmartThings-like Socket.IO server over TLS, with a home that keeps producing device events.")
  static final class EventsSim extends Sim {
    @Override
    void start(int wanted, Output out, List<AutoCloseable> resources) {
      InMemorySmartHome home = DemoData.home();
      EventsSimulator simulator = listening(() -> EventsSimulator.start(home, wanted));
      resources.add(simulator);
      String url = simulator.spec().url().orElseThrow().toString();
      resources.add(EventTicker.start(home));
      out.line("SmartThings simulator listening on " + url);
      out.line("  CSRF token      " + simulator.csrfToken().reveal() + "   (a simulator credential)");
      out.line("  session cookie  " + simulator.cookie().reveal() + "   (a simulator credential)");
      out.line("  certificate     sha256:" + simulator.fingerprint());
      out.line("  location        " + DemoData.HOME + " (Maison); one device event every 500 ms");
      out.line("Try:");
      out.line("  export HOMEPORT_CSRF_TOKEN='" + simulator.csrfToken().reveal() + "'");
      out.line("  export HOMEPORT_COOKIE='" + simulator.cookie().reveal() + "'");
      out.line("  ./homeport events --url " + url + " --trust sha256:" + simulator.fingerprint() + " watch Maison");
    }
  }

  /** Starts a simulator; a port that cannot be bound is the user's to change (exit code 2). */
  private static <T> T listening(Supplier<T> start) {
    try {
      return start.get();
    } catch (IllegalStateException e) {
      if (e.getCause() instanceof java.io.IOException) {
        throw new UsageException(e.getMessage() + "; choose another --port", e);
      }
      throw e;
    }
  }
}
