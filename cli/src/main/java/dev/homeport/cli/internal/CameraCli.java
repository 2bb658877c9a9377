package dev.homeport.cli.internal;

import dev.homeport.support.FieldMapJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.homeport.domain.FieldMap;
import dev.homeport.domain.Secret;
import dev.homeport.domain.camera.CameraCommand;
import dev.homeport.domain.camera.Direction;
import dev.homeport.domain.camera.GetLatestActivity;
import dev.homeport.domain.camera.Reboot;
import dev.homeport.domain.camera.Rename;
import dev.homeport.domain.camera.FormatSdCard;
import dev.homeport.domain.camera.GetCameraInfo;
import dev.homeport.domain.camera.GetCloudInfo;
import dev.homeport.domain.camera.GetPosition;
import dev.homeport.domain.camera.GetSdCardState;
import dev.homeport.domain.camera.GetSetting;
import dev.homeport.domain.camera.GetSnapshot;
import dev.homeport.domain.camera.GetStreamUri;
import dev.homeport.domain.camera.GetThumbnailLink;
import dev.homeport.domain.camera.GetTimeStatus;
import dev.homeport.domain.camera.GoToPreset;
import dev.homeport.domain.camera.ListDetections;
import dev.homeport.domain.camera.ListPresets;
import dev.homeport.domain.camera.SavePreset;
import dev.homeport.domain.camera.Move;
import dev.homeport.domain.camera.Position;
import dev.homeport.domain.camera.RawCommand;
import dev.homeport.domain.camera.SetPosition;
import dev.homeport.domain.camera.SetSetting;
import dev.homeport.domain.camera.Setting;
import dev.homeport.domain.camera.Stop;
import dev.homeport.ports.camera.Camera;
import dev.homeport.ports.camera.CameraDriver;
import dev.homeport.ports.camera.CameraDrivers;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code homeport camera}: one command to one camera, by flags or by name from a deployment file. */
@Command(
    name = "camera",
    sortOptions = false,
    usageHelpAutoWidth = true,
    mixinStandardHelpOptions = true,
    exitCodeListHeading = ExitCodesHelp.HEADING,
    exitCodeList = {
      ExitCodesHelp.OK,
      ExitCodesHelp.FAILURE,
      ExitCodesHelp.USAGE,
      ExitCodesHelp.AUTHENTICATION,
      ExitCodesHelp.UNREACHABLE,
      ExitCodesHelp.REFUSED,
      ExitCodesHelp.CERTIFICATE,
      ExitCodesHelp.OUTPUT_CLOSED,
    },
    description = {
      "Send one command to a camera of any brand found at run time (--brand, default kasa).",
      "The password comes from the environment variable named by --password-env, or a prompt on a terminal.",
      "Brand options: --option NAME=VALUE (repeatable); --auth, --trust, --known-hosts and"
          + " --timeout are the same as --option auth=..., trust=..., known-hosts=..., timeout=...",
      "List a brand's options with: homeport camera --brand BRAND --help-options",
    },
    subcommands = {
      CameraCli.Info.class,
      CameraCli.Get.class,
      CameraCli.SetCmd.class,
      CameraCli.PresetCmd.class,
      CameraCli.MoveCmd.class,
      CameraCli.StopCmd.class,
      CameraCli.PositionCmd.class,
      CameraCli.Presets.class,
      CameraCli.SdCard.class,
      CameraCli.Cloud.class,
      CameraCli.Time.class,
      CameraCli.Detections.class,
      CameraCli.Snapshot.class,
      CameraCli.StreamCmd.class,
      CameraEventsCli.class,
      CameraCli.FormatSd.class,
      CameraCli.RebootCmd.class,
      CameraCli.RenameCmd.class,
      CameraCli.Activity.class,
      CameraCli.Raw.class,
      CameraMediaCli.Record.class,
      CameraMediaCli.Talk.class,
    })
public final class CameraCli implements Callable<Integer> {

  private final CliContext context;

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "NAME",
      description = "The camera's name in the --config file.")
  String cameraName;

  @Option(names = "--config", paramLabel = "FILE", description = "Deployment file naming the cameras (YAML).")
  Path config;

  @Option(
      names = "--brand",
      paramLabel = "BRAND",
      description = "The camera's brand, a driver found at run time (default: kasa, or the file's brand:).")
  String brand;

  @Option(
      names = "--help-options",
      description = "List the options of the brand's driver (its names, values and defaults), then exit.")
  boolean helpOptions;

  @Option(names = "--host", paramLabel = "H", description = "Camera host name or IP address.")
  String host;

  @Option(names = "--port", paramLabel = "P", description = "Camera port (default: the brand's, 10443 for kasa).")
  Integer port;

  @Option(names = "--username", paramLabel = "U", description = "User name (kasa: the Kasa account e-mail).")
  String username;

  @Option(names = "--stream-port", paramLabel = "P", description = "Option stream-port (kasa: the live stream port, for record; default 19443).")
  String streamPort;

  @Option(names = "--talk-port", paramLabel = "P", description = "Option talk-port (kasa: the talk-back port, for talk; default 18443).")
  String talkPort;

  @Option(
      names = "--password-env",
      paramLabel = "VAR",
      description = "Environment variable holding the password (default: HOMEPORT_CAMERA_PASSWORD).")
  String passwordEnv;

  @Option(
      names = {"-o", "--option"},
      paramLabel = "NAME=VALUE",
      description = "A brand option, passed to the brand's driver (repeatable); see --help-options.")
  Map<String, String> options;

  @Option(
      names = "--auth",
      paramLabel = "MODE",
      description = "Option auth (kasa: how the password is sent: auto, base64, md5, plain, admin-md5, admin-default; default auto, which tries them in that order).")
  String auth;

  @Option(
      names = "--trust",
      paramLabel = "TRUST",
      description = {
        "Option trust (kasa: tofu records the certificate on first use, then requires it; default),",
        "insecure (accept any), or sha256:HEX (pin this fingerprint)."
      })
  String trust;

  @Option(names = "--known-hosts", paramLabel = "FILE", description = "Option known-hosts (kasa: where tofu records fingerprints).")
  String knownHosts;

  @Option(names = "--timeout", paramLabel = "DURATION", description = "Option timeout: per-request time-out, such as 10s.")
  String timeout;

  @Option(
      names = "--json",
      scope = ScopeType.INHERIT,
      description = "Print the result as JSON on standard output (nothing else there).")
  boolean json;

  public CameraCli(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (helpOptions) {
      return listOptions();
    }
    String commands = String.join(", ", spec.subcommands().keySet());
    if (cameraName != null && config == null) {
      throw new ParameterException(
          spec.commandLine(), "unknown camera command '" + cameraName + "': one of " + commands);
    }
    throw new ParameterException(spec.commandLine(), "missing camera command: one of " + commands);
  }

  /** Prints the options of the brand's driver, from the driver itself. */
  private int listOptions() {
    CameraDrivers drivers = context.cameraDrivers();
    String brandId = brand != null ? brand : CameraSpec.DEFAULT_BRAND;
    CameraDriver driver;
    try {
      driver = drivers.get(brandId);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--brand: " + e.getMessage());
    }
    Output output = context.output(json);
    output.result(CameraViews.driverOptions(driver, drivers.brands()));
    return 0;
  }

  /** The camera spec from the config file and flags, checked; no I/O beyond reading the file. */
  CameraSpec resolve() {
    CameraSpec base;
    if (config != null) {
      Deployment deployment = Deployment.load(config, context.cameraDrivers());
      if (cameraName == null) {
        if (deployment.cameras().size() != 1) {
          throw new UsageException(
              "name the camera: homeport camera --config " + config + " NAME COMMAND; the file has "
                  + (deployment.cameras().isEmpty() ? "no cameras" : String.join(", ", deployment.cameras().keySet())));
        }
        base = deployment.cameras().values().iterator().next();
      } else {
        base = deployment.camera(cameraName);
      }
    } else {
      if (cameraName != null) {
        throw new UsageException(
            "unknown camera command '" + cameraName + "'; a camera NAME needs --config FILE. Commands: "
                + String.join(", ", spec.subcommands().keySet()));
      }
      base = CameraSpec.of(host == null ? "camera" : host, CameraSpec.DEFAULT_BRAND);
    }
    if (brand != null) {
      base = base.withBrand(brand);
    }
    if (host != null) {
      base = base.withHost(Values.host("--host", host));
    }
    if (port != null) {
      base = base.withPort(Values.port("--port", port));
    }
    if (username != null) {
      base = base.withUsername(username);
    }
    if (passwordEnv != null) {
      base = base.withPasswordEnv(Values.variableName("--password-env", passwordEnv));
    }
    if (options != null) {
      for (Map.Entry<String, String> option : options.entrySet()) {
        base = base.withOption(option.getKey(), option.getValue());
      }
    }
    String[][] spelled = {{"auth", auth}, {"trust", trust}, {"known-hosts", knownHosts}, {"timeout", timeout},
        {"stream-port", streamPort}, {"talk-port", talkPort}};
    for (String[] option : spelled) {
      if (option[1] != null) {
        if (options != null && options.containsKey(option[0])) {
          throw new UsageException("--" + option[0] + " and --option " + option[0] + "=... say the same; give one");
        }
        base = base.withOption(option[0], option[1]);
      }
    }
    CameraDriver driver = driver(base);
    try {
      driver.checkEndpoint(base.endpoint(driver, Optional.empty()));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    return base;
  }

  private CameraDriver driver(CameraSpec camera) {
    try {
      return context.cameraDrivers().get(camera.brand());
    } catch (IllegalArgumentException e) {
      throw new UsageException((brand != null ? "--brand: " : "camera " + camera.name() + ": ") + e.getMessage());
    }
  }

  /** Checks everything, connects, sends {@code command}, prints the result. */
  <R> int send(CameraCommand<R> command, Function<R, Result> view) {
    Output output = context.output(json);
    return connected(output, (connected, camera) -> {
      R value = Futures.await(connected.execute(command), camera.timeout());
      output.result(view.apply(value));
      return 0;
    });
  }

  /** What to do with a connected camera; returns the exit code. */
  interface WithCamera {
    int run(Camera connected, CameraSpec spec);
  }

  /** Validates everything, connects, runs {@code body} with the camera, closes it. */
  int connected(Output output, WithCamera body) {
    CameraSpec camera = resolve();
    try (Camera connected = open(output, camera)) {
      return body.run(connected, camera);
    }
  }

  CliContext context() {
    return context;
  }

  boolean json() {
    return json;
  }

  /** Validates everything and connects (no I/O before the first command or stream). */
  Camera open(Output output) {
    return open(output, resolve());
  }

  private Camera open(Output output, CameraSpec camera) {
    Optional<Secret> password = Optional.empty();
    // An ONVIF camera may allow anonymous access: no user name, no password asked.
    if (driver(camera).remote() && (!camera.brand().equals("onvif") || camera.username().isPresent())) {
      password =
          Optional.of(
              context.secret(
                  camera.passwordEnv(),
                  "camera password",
                  config != null ? "password-env: in " + config : "--password-env",
                  Optional.of("Password for " + camera.username().orElse("") + " on " + camera.host().orElse("") + ": ")));
    }
    if (camera.insecureTrust()) {
      output.insecureTrustWarning("impersonate the camera and capture its password");
    }
    context.talksTo(peer(camera));
    output.progress("Connecting to " + camera.name() + describeWhere(camera) + "...");
    return context.backends().camera(camera, password);
  }

  /** The camera as a failure message names it (see {@link Failures}). */
  Peer peer(CameraSpec camera) {
    return camera.peer(context.environment().variable("HOME"), config != null);
  }

  private static String describeWhere(CameraSpec camera) {
    return camera.host().map(h -> " (" + h + camera.port().map(p -> ":" + p).orElse("") + ")").orElse("");
  }

  // ---------------------------------------------------------------- subcommands

  abstract static class Sub implements Callable<Integer> {
    @ParentCommand CameraCli parent;
  }

  @Command(name = "info", description = "Show what the camera says about itself.")
  static final class Info extends Sub {
    @Override
    public Integer call() {
      return parent.send(new GetCameraInfo(), CameraViews::cameraInfo);
    }
  }

  // The names and values come from Setting itself (DynamicHelp), never a copy kept here.
  @Command(name = "get", description = "Read a setting.")
  static final class Get extends Sub {
    @Parameters(index = "0", paramLabel = "SETTING", description = "Which setting (the names above).")
    String setting;

    @Override
    public Integer call() {
      return get(Setting.byId(setting));
    }

    private <T> int get(Setting<T> which) {
      return parent.send(new GetSetting<>(which), value -> CameraViews.setting(which, value));
    }
  }

  @Command(name = "set", description = "Change a setting.")
  static final class SetCmd extends Sub {
    @Parameters(index = "0", paramLabel = "SETTING", description = "Which setting (the names above).") String setting;
    @Parameters(index = "1", paramLabel = "VALUE", description = "Its new value, in the form listed above.") String value;

    @Override
    public Integer call() {
      return set(Setting.byId(setting));
    }

    /** Reads the value first, so that {@code changed} is true only when the camera's value changed. */
    private <T> int set(Setting<T> which) {
      T parsed = which.parse(value);
      Output output = parent.context().output(parent.json());
      return parent.connected(output, (connected, camera) -> {
        Optional<T> before;
        try {
          before = Optional.of(Futures.await(connected.execute(new GetSetting<>(which)), camera.timeout()));
        } catch (dev.homeport.ports.UnsupportedCommandException e) {
          before = Optional.empty(); // a write-only setting: it is set, and counts as changed
        }
        boolean changed = before.isEmpty() || !before.get().equals(parsed);
        if (changed) {
          Futures.await(connected.execute(new SetSetting<>(which, parsed)), camera.timeout());
        }
        output.result(CameraViews.settingChanged(which, parsed, changed));
        return 0;
      });
    }
  }

  @Command(name = "preset", description = {
      "Move to a saved preset by its token, or save the current position as a new one.",
      "`preset TOKEN` moves to a token as `presets` lists it (Kasa: 1..4).",
      "`preset save [NAME]` saves where the camera points now and prints the token the camera gave it",
      "(onvif; Kasa cameras save presets in the app only, so they refuse it)."})
  static final class PresetCmd extends Sub {
    @Parameters(arity = "1..2", paramLabel = "TOKEN | save [NAME]") List<String> words;

    @Override
    public Integer call() {
      if (words.get(0).equals("save")) {
        if (words.size() > 2) {
          throw new UsageException("preset save takes at most one NAME (quote a name with spaces), got "
              + (words.size() - 1) + " words");
        }
        String name = words.size() == 2 ? words.get(1) : "";
        SavePreset command = new SavePreset(name);
        return parent.send(command, token -> {
          Map<String, Object> fields = new LinkedHashMap<>();
          fields.put("preset", token);
          fields.put("name", name);
          return CameraViews.action("preset-save",
              "saved preset " + TerminalText.escape(token) + (name.isEmpty() ? "" : " (" + TerminalText.escape(name) + ")"), fields);
        });
      }
      if (words.size() != 1) {
        throw new UsageException("preset takes a TOKEN, or `save` and an optional NAME");
      }
      String preset = words.get(0);
      GoToPreset command = new GoToPreset(preset);
      return parent.send(command, ignored -> CameraViews.action("preset", "moving to preset " + TerminalText.escape(preset),
          Map.of("preset", preset)));
    }
  }

  @Command(name = "move", description = "Start moving: DIRECTION left/right/up/down or up-left/up-right/down-left/down-right (top/bottom also accepted), SPEED 1..10.")
  static final class MoveCmd extends Sub {
    @Parameters(index = "0", paramLabel = "DIRECTION") String direction;
    @Parameters(index = "1", paramLabel = "SPEED") String speed;

    @Override
    public Integer call() {
      Direction parsed = direction(direction);
      Move command = new Move(parsed, integer("speed", speed, "1..10"));
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("direction", parsed.word());
      fields.put("speed", command.speed());
      return parent.send(
          command,
          ignored -> CameraViews.action("move", "moving " + fields.get("direction") + " at speed " + command.speed(), fields));
    }
  }

  @Command(name = "stop", description = "Stop moving.")
  static final class StopCmd extends Sub {
    @Override
    public Integer call() {
      return parent.send(new Stop(), ignored -> CameraViews.action("stop", "stopped", Map.of()));
    }
  }

  @Command(name = "position", description = "Show the pan/tilt position, or move to X Y (signed whole numbers in the camera's steps; write -- before a negative X).")
  static final class PositionCmd extends Sub {
    @Parameters(arity = "0..2", paramLabel = "X Y") List<String> coordinates;

    @Override
    public Integer call() {
      if (coordinates == null || coordinates.isEmpty()) {
        return parent.send(new GetPosition(), CameraViews::position);
      }
      if (coordinates.size() != 2) {
        throw new UsageException("position takes no argument (show) or two: X Y, signed whole numbers");
      }
      int x = integer("position x", coordinates.get(0), "(signed)");
      int y = integer("position y", coordinates.get(1), "(signed)");
      SetPosition command = new SetPosition(new Position(x, y));
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("x", x);
      fields.put("y", y);
      return parent.send(command, ignored -> CameraViews.action("position", "moving to x=" + x + " y=" + y, fields));
    }
  }

  @Command(name = "presets", description = "List the saved positions.")
  static final class Presets extends Sub {
    @Override
    public Integer call() {
      return parent.send(new ListPresets(), CameraViews::presets);
    }
  }

  @Command(name = "sd-card", description = "Show the SD card state.")
  static final class SdCard extends Sub {
    @Override
    public Integer call() {
      return parent.send(new GetSdCardState(), CameraViews::sdCard);
    }
  }

  @Command(name = "cloud", description = "Show the link to the vendor cloud.")
  static final class Cloud extends Sub {
    @Override
    public Integer call() {
      return parent.send(new GetCloudInfo(), CameraViews::cloud);
    }
  }

  @Command(name = "time", description = "Show the camera clock and time zone.")
  static final class Time extends Sub {
    @Override
    public Integer call() {
      return parent.send(new GetTimeStatus(), CameraViews::time);
    }
  }

  @Command(name = "detections", description = "List detections between FROM and TO (epoch seconds, FROM < TO).")
  static final class Detections extends Sub {
    @Parameters(index = "0", paramLabel = "FROM") String from;
    @Parameters(index = "1", paramLabel = "TO") String to;

    @Override
    public Integer call() {
      ListDetections command =
          new ListDetections(
              Instant.ofEpochSecond(epoch("FROM", from)), Instant.ofEpochSecond(epoch("TO", to)));
      return parent.send(command, CameraViews::detections);
    }
  }

  @Command(name = "snapshot", description = "Print the link to the latest thumbnail.")
  static final class Snapshot extends Sub {
    @Option(names = "--output", paramLabel = "FILE.jpg",
        description = "Take a still image now and write it here (ONVIF); without it, print the latest thumbnail's link (Kasa).")
    Path output;

    @Option(names = "--max-bytes", paramLabel = "N", description = "Refuse images larger than this (default 8 MiB).")
    Integer maxBytes;

    @Override
    public Integer call() {
      if (output == null) {
        if (maxBytes != null) {
          throw new UsageException("--max-bytes needs --output FILE.jpg");
        }
        return parent.send(new GetThumbnailLink(), CameraViews::snapshot);
      }
      GetSnapshot command = maxBytes == null ? new GetSnapshot() : new GetSnapshot(maxBytes);
      Path target = output.toAbsolutePath();
      if (target.getParent() == null || !java.nio.file.Files.isDirectory(target.getParent())) {
        throw new UsageException("--output must be a file in an existing directory, was " + output);
      }
      return parent.send(command, image -> SnapshotFiles.write(image, target));
    }
  }

  @Command(name = "stream", description = "Print the live stream's address (RTSP; log in with the camera's user and password).")
  static final class StreamCmd extends Sub {
    @Override
    public Integer call() {
      return parent.send(new GetStreamUri(), uri -> CameraViews.action("stream", TerminalText.escape(uri.toString()), Map.of("uri", uri.toString())));
    }
  }

  @Command(name = "format-sd", description = "Erase the SD card (destructive: needs --yes).")
  static final class FormatSd extends Sub {
    @Option(names = "--yes", description = "Confirm that everything on the card may be erased.")
    boolean yes;

    @Override
    public Integer call() {
      if (!yes) {
        throw new UsageException("format-sd erases every recording on the SD card; add --yes to confirm");
      }
      return parent.send(new FormatSdCard(), ignored -> CameraViews.action("format-sd", "SD card formatted", Map.of()));
    }
  }

  @Command(name = "reboot", description = "Restart the camera (it is unreachable for a while: needs --yes).")
  static final class RebootCmd extends Sub {
    @Option(names = "--yes", description = "Confirm the restart.")
    boolean yes;

    @Override
    public Integer call() {
      if (!yes) {
        throw new UsageException("reboot restarts the camera, which stops recording for a while; add --yes to confirm");
      }
      return parent.send(new Reboot(), ignored -> CameraViews.action("reboot", "camera restarting", Map.of()));
    }
  }

  @Command(name = "rename", description = "Give the camera a new name (its alias in the app), 1..64 characters.")
  static final class RenameCmd extends Sub {
    @Parameters(index = "0", paramLabel = "NAME") String alias;

    @Override
    public Integer call() {
      Rename command;
      try {
        command = new Rename(alias);
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
      return parent.send(command, ignored -> CameraViews.action("rename", "renamed to " + TerminalText.escape(alias), Map.of("alias", alias)));
    }
  }

  @Command(name = "activity", description = "Show what the camera last detected (cameras do not push motion on the LAN: poll this).")
  static final class Activity extends Sub {
    @Override
    public Integer call() {
      return parent.send(new GetLatestActivity(), CameraViews::latestActivity);
    }
  }

  @Command(
      name = "raw",
      description = {
        "Send any operation, in the brand's spelling, with JSON parameters (the escape hatch).",
        "Kasa spells it module.method, for example: raw smartlife.cam.ipcamera.led.get_status '{}'",
        "(the older form with module and method as two words still works)."
      })
  static final class Raw extends Sub {
    @Parameters(index = "0", paramLabel = "OPERATION") String operation;
    @Parameters(index = "1..*", arity = "0..2", paramLabel = "JSON") List<String> rest;

    @Override
    public Integer call() {
      List<String> more = rest == null ? List.of() : rest;
      String op = operation;
      String params = null;
      if (more.size() == 2 || (more.size() == 1 && !more.get(0).strip().startsWith("{"))) {
        op = operation + "." + more.get(0); // module method [JSON], the Kasa spelling in two words
        params = more.size() == 2 ? more.get(1) : null;
      } else if (more.size() == 1) {
        params = more.get(0);
      }
      RawCommand command;
      try {
        command = new RawCommand(op, jsonObject(params));
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
      String shown = op;
      return parent.send(command, answer -> CameraViews.raw(shown, answer));
    }
  }

  // ---------------------------------------------------------------- parsing helpers

  static int integer(String field, String text, String allowed) {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new UsageException(field + " must be a whole number " + allowed + ", was \"" + text + "\"");
    }
  }

  static long epoch(String field, String text) {
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new UsageException(field + " must be epoch seconds (e.g. 1767225600), was \"" + text + "\"");
    }
  }

  static Direction direction(String text) {
    try {
      return Direction.parse(text);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  static FieldMap jsonObject(String text) {
    if (text == null || text.isBlank()) {
      return FieldMap.empty();
    }
    JsonNode node;
    try {
      node = Output.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new UsageException(
          "JSON parameters are malformed (" + e.getOriginalMessage() + "); give an object such as '{\"value\":\"on\"}'");
    }
    if (node == null || !node.isObject()) {
      throw new UsageException("JSON parameters must be an object such as '{\"value\":\"on\"}', was " + text);
    }
    return FieldMapJson.toFieldMap(node);
  }
}
