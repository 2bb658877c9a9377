package dev.homeport.cli.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.homeport.adapter.camera.http.DiscoveredCamera;
import dev.homeport.adapter.camera.http.KasaDiscovery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code homeport discover}: Kasa cameras on the local network, by the UDP 9999 probe. */
@Command(
    name = "discover",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Find Kasa cameras on the local network: the discovery probe (UDP 9999) is broadcast, and sent",
      "to each --target (a KC420WS ignores broadcasts: name it). Prints host, model, alias, device id,",
      "stream_version (2: the camera serves LINKIE2.json) and the protocol: LINKIE (this tool's) or",
      "TAPO (SMART.IPCAMERA, cameras behind a hub; not supported).",
    })
final class DiscoverCli implements Callable<Integer> {

  private final CliContext context;

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
    KasaDiscovery.Builder builder = KasaDiscovery.builder();
    try {
      builder.timeout(wait);
      for (String target : targets) {
        builder.target(target);
      }
    } catch (IllegalArgumentException e) {
      throw new UsageException("--" + e.getMessage());
    }
    if (!targets.isEmpty() && broadcast) {
      builder.broadcast(true);
    }
    Output out = context.output(json);
    out.progress("probing for " + wait.toMillis() + " ms...");
    List<DiscoveredCamera> found = builder.build().discover();
    ArrayNode array = Views.NODES.arrayNode();
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("HOST", "MODEL", "ALIAS", "DEVICE ID", "STREAM", "PROTOCOL"));
    for (DiscoveredCamera camera : found) {
      ObjectNode node = array.addObject();
      node.put("host", camera.host());
      camera.model().ifPresent(v -> node.put("model", v));
      camera.alias().ifPresent(v -> node.put("alias", v));
      camera.deviceId().ifPresent(v -> node.put("deviceId", v));
      camera.deviceName().ifPresent(v -> node.put("deviceName", v));
      camera.streamVersion().ifPresent(v -> node.put("streamVersion", v));
      node.put("type", camera.type());
      node.put("protocol", camera.protocol().name().toLowerCase(java.util.Locale.ROOT));
      rows.add(List.of(camera.host(), safe(camera.model().orElse("-")), safe(camera.alias().orElse("-")),
          safe(camera.deviceId().orElse("-")),
          camera.streamVersion().isPresent() ? Integer.toString(camera.streamVersion().getAsInt()) : "-",
          camera.protocol().name().toLowerCase(java.util.Locale.ROOT)));
    }
    out.result(new Result(array, found.isEmpty()
        ? "no camera answered within " + wait.toMillis() + " ms (a KC420WS ignores broadcasts: try --target ADDRESS)"
        : Views.table(rows)));
    return 0;
  }

  /** Remote text with control characters shown as {@code \\uXXXX}, so a device cannot drive the terminal. */
  static String safe(String text) {
    StringBuilder b = new StringBuilder(text.length());
    text.codePoints().forEach(c -> {
      if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029 || (c >= 0x202A && c <= 0x202E)) {
        b.append(String.format("\\u%04x", c));
      } else {
        b.appendCodePoint(c);
      }
    });
    return b.toString();
  }
}
