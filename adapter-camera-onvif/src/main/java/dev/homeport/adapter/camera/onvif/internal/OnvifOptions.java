package dev.homeport.adapter.camera.onvif.internal;

import dev.homeport.ports.camera.CameraEndpoint;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and checks the endpoint options of the {@code onvif} brand. Every error names the option and
 * what is allowed. Stateless and thread-safe.
 *
 * @param deviceService the device service address
 * @param profile the profile to use (token or name), when not the first with PTZ
 * @param preserveAddresses whether to use service addresses exactly as the camera reports them
 * @param connectTimeout the TCP connect time-out
 * @param requestTimeout the time-out of each request
 * @param events how event streams run
 */
public record OnvifOptions(URI deviceService, Optional<String> profile, boolean preserveAddresses,
    Duration connectTimeout, Duration requestTimeout, EventOptions events) {

  /** The option names the ONVIF driver understands. */
  public static final List<String> NAMES = List.of("profile", "path", "preserveAddresses", "connectTimeout",
      "requestTimeout", "pullTimeout");

  /** The port when the endpoint names none. */
  public static final int DEFAULT_PORT = 80;
  /** The device service path when option {@code path} is absent. */
  public static final String DEFAULT_PATH = "/onvif/device_service";

  /**
   * The options of {@code endpoint}.
   *
   * @throws IllegalArgumentException for another brand, a password without user name, or an unknown
   *     or invalid option
   */
  public static OnvifOptions of(CameraEndpoint endpoint, String brand) {
    if (!brand.equalsIgnoreCase(endpoint.brand())) {
      throw new IllegalArgumentException("endpoint '" + endpoint.name() + "' is of brand '" + endpoint.brand()
          + "', not '" + brand + "'");
    }
    String where = "onvif camera '" + endpoint.name() + "'";
    Map<String, String> options = endpoint.options();
    for (String key : options.keySet()) {
      if (!NAMES.contains(key)) {
        throw new IllegalArgumentException(where + ": unknown option '" + key + "'; allowed: " + String.join(", ", NAMES));
      }
    }
    if (endpoint.password().isPresent() && endpoint.username().isEmpty()) {
      throw new IllegalArgumentException(where + " has a password but no username (ONVIF logs in with both)");
    }
    String path = options.getOrDefault("path", DEFAULT_PATH);
    if (!path.startsWith("/") || path.chars().anyMatch(c -> c <= ' ' || c == '?' || c == '#')) {
      throw new IllegalArgumentException(where + ": option 'path' must start with / and hold no spaces, '?' or '#', was \""
          + Text.printable(path, 80) + "\"");
    }
    URI device;
    try {
      String host = endpoint.host().contains(":") && !endpoint.host().startsWith("[")
          ? "[" + endpoint.host() + "]" : endpoint.host();
      device = new URI("http://" + host + ":" + endpoint.port().orElse(DEFAULT_PORT) + path);
      if (device.getHost() == null) {
        throw new URISyntaxException(endpoint.host(), "no host");
      }
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(where + ": host must be a host name or IP address, was \""
          + Text.printable(endpoint.host(), 80) + "\"");
    }
    Optional<String> profile = Optional.ofNullable(options.get("profile"));
    if (profile.isPresent() && (profile.get().isBlank() || profile.get().length() > 64)) {
      throw new IllegalArgumentException(where + ": option 'profile' must be a profile token or name of 1..64 characters");
    }
    boolean preserve = false;
    if (options.containsKey("preserveAddresses")) {
      String v = options.get("preserveAddresses").trim().toLowerCase(Locale.ROOT);
      if (!v.equals("true") && !v.equals("false")) {
        throw new IllegalArgumentException(where + ": option 'preserveAddresses' must be true or false, was \""
            + Text.printable(v, 20) + "\"");
      }
      preserve = v.equals("true");
    }
    Duration connect = duration(where, "connectTimeout", options.getOrDefault("connectTimeout", "5s"));
    Duration request = duration(where, "requestTimeout", options.getOrDefault("requestTimeout", "8s"));
    EventOptions defaults = EventOptions.defaults();
    Duration pull = options.containsKey("pullTimeout")
        ? duration(where, "pullTimeout", options.get("pullTimeout")) : defaults.pullTimeout();
    if (pull.compareTo(Duration.ofMinutes(5)) > 0) {
      throw new IllegalArgumentException(where + ": option 'pullTimeout' must be at most 5m, was " + pull);
    }
    Duration lifetime = pull.multipliedBy(6).compareTo(defaults.subscriptionLifetime()) > 0
        ? pull.multipliedBy(6) : defaults.subscriptionLifetime();
    EventOptions events = new EventOptions(pull, lifetime, defaults.messageLimit(), defaults.retryMin(),
        defaults.retryMax(), defaults.bufferSize());
    return new OnvifOptions(device, profile, preserve, connect, request, events);
  }

  /**
   * A positive duration: {@code 500ms}, {@code 5s}, {@code 2m} or ISO-8601 ({@code PT5S}).
   *
   * @throws IllegalArgumentException naming the option and the accepted forms
   */
  static Duration duration(String where, String name, String text) {
    String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    Duration d = null;
    try {
      if (t.endsWith("ms")) {
        d = Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).strip()));
      } else if (t.endsWith("s") && !t.startsWith("p")) {
        d = Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1).strip()));
      } else if (t.endsWith("m") && !t.startsWith("p")) {
        d = Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1).strip()));
      } else {
        d = Duration.parse(t.toUpperCase(Locale.ROOT));
      }
    } catch (NumberFormatException | DateTimeParseException e) {
      d = null;
    }
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(where + ": option '" + name + "' must be a positive duration such as 500ms, 5s, "
          + "2m or PT5S, was \"" + Text.printable(text == null ? "" : text, 40) + "\"");
    }
    return d;
  }
}
