package dev.homeport.cli.internal;

import dev.homeport.adapter.inmemory.InMemoryCamera;
import dev.homeport.adapter.inmemory.InMemorySmartHome;
import dev.homeport.simulators.kasa.KasaCameraSimulator;
import dev.homeport.simulators.kasa.KasaDiscoveryResponder;
import dev.homeport.simulators.kasa.KasaFirmware;
import dev.homeport.simulators.kasa.KasaStreamSimulator;
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
    if (!out.json()) {
      out.line("Ctrl-C to stop.");
    }
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

    @Option(
        names = "--json",
        description = "Once ready, print one JSON line with everything a client needs (url, host, port,"
            + " credentials, fingerprint), then serve until SIGTERM or Ctrl-C.")
    boolean json;

    @Override
    public Integer call() {
      int wanted = port == null ? 0 : Values.port("--port", port);
      Output out = parent.context.output(json);
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
      description = {
        "A Kasa camera speaking LINKIE over HTTPS (self-signed certificate).",
        "It also answers the discovery probe on a UDP port of its own.",
        "Firmware profiles (--firmware), each a real model's behaviour (see",
        "kasa-firmware.md in the simulators module):",
        "  seed        base64 password, 401, LINKIE.json, 1920x1080 (the default)",
        "  kc100       md5 password, 401, 1080P list-form resolution, many modules",
        "              'module not support', 1024-bit RSA certificate",
        "  kc115       plain password, HTTP 200 with -10007 per method on a bad",
        "              login, vod recording",
        "  kc410s      LINKIE2.json, plain or admin:md5 password, top/bottom moves,",
        "              signed positions",
        "  kc420ws     LINKIE2.json, md5 password, drops requests without a Kasa/",
        "              User-Agent",
        "  ec60        LINKIE2.json, stream_version 2, admin:md5(\"admin\"), the real",
        "              sysinfo fields",
        "  static-rsa  the seed's behaviour over TLS 1.2 with only static-RSA suites",
        "With --brand onvif: an ONVIF camera over plain HTTP instead (device, media,",
        "PTZ, imaging and pull-point events; motion every 10 s).",
      })
  static final class CameraSim extends Sim {
    @Option(names = "--firmware", paramLabel = "NAME",
        description = "Which model to play: seed (default), kc100, kc115, kc410s, kc420ws, ec60, static-rsa.")
    String firmware;

    @Option(names = "--brand", paramLabel = "BRAND", description = "kasa (default) or onvif.")
    String brand;

    @Override
    void start(int wanted, Output out, List<AutoCloseable> resources) {
      String chosen = brand == null ? "kasa" : Values.oneOf("--brand", brand, List.of("kasa", "onvif"));
      if (chosen.equals("onvif")) {
        if (firmware != null) {
          throw new UsageException("--firmware is a Kasa profile; it does not go with --brand onvif");
        }
        OnvifSim.start(wanted, out, resources);
        return;
      }
      KasaFirmware profile;
      try {
        profile = firmware == null ? KasaFirmware.SEED : KasaFirmware.parse(firmware);
      } catch (IllegalArgumentException e) {
        throw new UsageException("--firmware: " + e.getMessage());
      }
      InMemoryCamera.Builder builder = profile.backend("Caméra du porche");
      if (profile == KasaFirmware.SEED) {
        DemoData.camera(builder);
      }
      InMemoryCamera backend = builder.build();
      DemoCli.addDetections(backend);
      resources.add(backend);
      KasaCameraSimulator simulator = listening(() ->
          KasaCameraSimulator.builder().firmware(profile).backend(backend).port(wanted).start());
      resources.add(simulator);
      KasaDiscoveryResponder discovery = KasaDiscoveryResponder.start(backend);
      resources.add(discovery);
      // the live stream and talk ports, with the same certificate as the camera's LINKIE port
      KasaStreamSimulator media = listening(() -> KasaStreamSimulator.builder()
          .certificate(simulator.server().certificate())
          .credentials(simulator.username(), simulator.password()).start());
      resources.add(media);
      int listening = simulator.port();
      List<String> text = new ArrayList<>();
      boolean linkie2 = profile == KasaFirmware.KC410S || profile == KasaFirmware.KC420WS
          || profile == KasaFirmware.EC60;
      text.add("Kasa camera simulator (" + profile.text() + ", " + profile.model() + ") listening on https://"
          + simulator.host() + ":" + listening + (linkie2 ? KasaCameraSimulator.LINKIE2 : KasaCameraSimulator.LINKIE));
      text.add("  username     " + simulator.username());
      text.add("  password     " + simulator.password() + "   (a simulator credential)");
      text.add("  certificate  sha256:" + simulator.fingerprint());
      text.add("  live stream  https://" + simulator.host() + ":" + media.streamPort()
          + "/https/stream/mixed (one viewer), talk on port " + media.talkPort());
      text.add("  discovery    udp " + simulator.host() + ":" + discovery.port());
      text.add("Try:");
      text.add("  export HOMEPORT_CAMERA_PASSWORD='" + simulator.password() + "'");
      text.add("  ./homeport camera --host " + simulator.host() + " --port " + listening + " --username "
          + simulator.username() + " --trust sha256:" + simulator.fingerprint() + " info");
      text.add("  ./homeport camera --host " + simulator.host() + " --port " + listening + " --username "
          + simulator.username() + " --trust sha256:" + simulator.fingerprint() + " --stream-port "
          + media.streamPort() + " --talk-port " + media.talkPort() + " record --output porch --duration 10s");
      text.add("  ./homeport discover --target " + simulator.host() + ":" + discovery.port());
      com.fasterxml.jackson.databind.node.ObjectNode json = JsonViews.NODES.objectNode();
      json.put("url", "https://" + simulator.host() + ":" + listening
          + (linkie2 ? KasaCameraSimulator.LINKIE2 : KasaCameraSimulator.LINKIE));
      json.put("host", simulator.host());
      json.put("port", listening);
      json.put("brand", "kasa");
      json.put("firmware", profile.text());
      json.put("model", profile.model());
      json.put("username", simulator.username());
      json.put("password", simulator.password());
      json.put("fingerprint", "sha256:" + simulator.fingerprint());
      json.put("streamPort", media.streamPort());
      json.put("talkPort", media.talkPort());
      json.put("discoveryPort", discovery.port());
      announce(out, text, json);
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
      List<String> text = new ArrayList<>();
      text.add("SmartThings simulator listening on " + url);
      text.add("  CSRF token      " + simulator.csrfToken().reveal() + "   (a simulator credential)");
      text.add("  session cookie  " + simulator.cookie().reveal() + "   (a simulator credential)");
      text.add("  certificate     sha256:" + simulator.fingerprint());
      text.add("  location        " + DemoData.HOME + " (Maison); one device event every 500 ms");
      text.add("Try:");
      text.add("  export HOMEPORT_CSRF_TOKEN='" + simulator.csrfToken().reveal() + "'");
      text.add("  export HOMEPORT_COOKIE='" + simulator.cookie().reveal() + "'");
      text.add("  ./homeport events --url " + url + " --trust sha256:" + simulator.fingerprint() + " watch Maison");
      java.net.URI uri = simulator.spec().url().orElseThrow();
      com.fasterxml.jackson.databind.node.ObjectNode json = JsonViews.NODES.objectNode();
      json.put("url", url);
      json.put("host", uri.getHost());
      json.put("port", uri.getPort());
      json.put("csrfToken", simulator.csrfToken().reveal());
      json.put("cookie", simulator.cookie().reveal());
      json.put("fingerprint", "sha256:" + simulator.fingerprint());
      json.put("locationId", DemoData.HOME.value());
      json.put("locationName", "Maison");
      announce(out, text, json);
    }
  }

  /**
   * Says how to use a started simulator: the human lines, or with --json the one JSON line a
   * script reads (then nothing else on standard output). The human lines carry what the
   * simulator reports about itself (its URL, credentials, a backend's names), escaped like any text
   * that did not come from the CLI itself.
   */
  static void announce(Output out, List<String> text, com.fasterxml.jackson.databind.node.ObjectNode json) {
    if (out.json()) {
      out.jsonLine(json);
    } else {
      text.forEach(line -> out.line(TerminalText.escape(line)));
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
