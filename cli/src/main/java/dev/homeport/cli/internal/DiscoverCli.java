package dev.homeport.cli.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.homeport.ports.camera.CameraDiscovery;
import dev.homeport.ports.camera.CameraDiscovery.FoundCamera;
import dev.homeport.ports.camera.CameraDriver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code homeport discover}: cameras on the local network, by the probe of the brand's driver. */
@Command(
    name = "discover",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Find cameras on the local network with the discovery probe of the brand's driver.",
      "The probe (kasa: UDP 9999) is broadcast and sent to each --target (a KC420WS ignores broadcasts:"
          + " name it). Prints host, model, alias, device id, and for kasa stream_version (2: the camera"
          + " serves LINKIE2.json) and the protocol: LINKIE (this tool's) or TAPO (SMART.IPCAMERA, cameras"
          + " behind a hub; not supported).",
    })
final class DiscoverCli implements Callable<Integer> {

  private final CliContext context;

  @Option(names = "--brand", paramLabel = "BRAND", description = "Whose probe to send (default: kasa).")
  String brand = "kasa";

  @Option(names = "--target", paramLabel = "ADDRESS",
      description = "Also probe this address by unicast (host or host:port; repeatable). With targets, no broadcast unless --broadcast.")
  List<String> targets = new ArrayList<>();

  @Option(names = "--broadcast", description = "Broadcast too when --target is given (default: broadcast only without targets).")
  boolean broadcast;

  @Option(names = "--timeout", paramLabel = "DURATION", description = "How long to wait for answers (default: 3s; up to 60s).")
  String timeout;

  @Option(names = "--json", description = "Print the answers as JSON on standard output.")
  boolean json;

  DiscoverCli(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Duration wait = timeout == null ? Duration.ofSeconds(3) : Values.duration("--timeout", timeout);
    CameraDriver driver = context.cameraDrivers().find(brand).orElseThrow(() -> new UsageException(
        "--brand must be one of " + context.cameraDrivers().brands() + ", was \"" + TerminalText.escape(brand) + "\""));
    CameraDiscovery discovery = driver.discovery().orElseThrow(() -> new UsageException(
        "--brand " + brand + " has no discovery probe; brands with one: " + context.cameraDrivers().drivers().stream()
            .filter(d -> d.discovery().isPresent()).map(CameraDriver::brand).toList()));
    CameraDiscovery.Request request;
    try {
      request = new CameraDiscovery.Request(targets, targets.isEmpty() || broadcast, wait);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--" + e.getMessage());
    }
    Output out = context.output(json);
    out.progress("probing for " + wait.toMillis() + " ms...");
    List<FoundCamera> found;
    try {
      found = discovery.discover(request);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--" + e.getMessage());
    }
    ArrayNode array = JsonViews.NODES.arrayNode();
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("HOST", "MODEL", "ALIAS", "DEVICE ID", "STREAM", "PROTOCOL"));
    for (FoundCamera camera : found) {
      ObjectNode node = array.addObject();
      node.put("brand", camera.brand());
      node.put("host", camera.host());
      camera.model().ifPresent(v -> node.put("model", v));
      camera.alias().ifPresent(v -> node.put("alias", v));
      camera.deviceId().ifPresent(v -> node.put("deviceId", v));
      camera.details().forEach((key, value) -> {
        if ("streamVersion".equals(key)) {
          node.put(key, Integer.parseInt(value));
        } else {
          node.put(key, value);
        }
      });
      rows.add(List.of(TerminalText.escape(camera.host()), TerminalText.escape(camera.model().orElse("-")), TerminalText.escape(camera.alias().orElse("-")),
          TerminalText.escape(camera.deviceId().orElse("-")), TerminalText.escape(camera.details().getOrDefault("streamVersion", "-")),
          TerminalText.escape(camera.details().getOrDefault("protocol", "-"))));
    }
    out.result(new Result(array, found.isEmpty()
        ? "no camera answered within " + wait.toMillis() + " ms (a KC420WS ignores broadcasts: try --target ADDRESS)"
        : Result.table(rows)));
    return 0;
  }
}
