package dev.homeport.adapter.camera.http.internal;

import dev.homeport.adapter.camera.http.AuthVariant;
import dev.homeport.adapter.camera.http.ImmutableKasaCameraConfig;
import dev.homeport.adapter.camera.http.KasaCameraConfig;
import dev.homeport.adapter.camera.http.TrustMode;
import dev.homeport.ports.camera.CameraEndpoint;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a brand-neutral {@link CameraEndpoint} into a {@link KasaCameraConfig}. Options:
 * {@code auth} (auto, base64, md5, plain), {@code trust} (tofu, pinned, insecure),
 * {@code fingerprint} (SHA-256 hex; implies pinned), {@code knownHosts} (a file path),
 * {@code connectTimeout} and {@code requestTimeout} (e.g. {@code 5s}, {@code 500ms}, {@code PT5S}).
 * Every error names the option and what is allowed. Stateless and thread-safe.
 */
public final class EndpointOptions {

  /** The option names the Kasa driver understands. */
  public static final List<String> NAMES =
      List.of("auth", "trust", "fingerprint", "knownHosts", "connectTimeout", "requestTimeout",
          "streamPort", "talkPort", "streamStallTimeout");

  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m)");

  private EndpointOptions() {}

  /**
   * The configuration for {@code endpoint}.
   *
   * @throws IllegalArgumentException for another brand, a missing username or password, or an
   *     unknown or invalid option, naming it and the allowed values
   */
  public static KasaCameraConfig toConfig(CameraEndpoint endpoint, String brand) {
    if (!brand.equalsIgnoreCase(endpoint.brand())) {
      throw new IllegalArgumentException("endpoint '" + endpoint.name() + "' is of brand '"
          + endpoint.brand() + "', not '" + brand + "'");
    }
    String where = "kasa camera '" + endpoint.name() + "'";
    for (String key : endpoint.options().keySet()) {
      if (!NAMES.contains(key)) {
        throw new IllegalArgumentException(where + ": unknown option '" + key + "'; allowed: "
            + String.join(", ", NAMES));
      }
    }
    Map<String, String> options = endpoint.options();
    ImmutableKasaCameraConfig.Builder b = ImmutableKasaCameraConfig.builder()
        .name(endpoint.name())
        .host(endpoint.host())
        .username(endpoint.username().orElseThrow(() -> new IllegalArgumentException(
            where + " needs a username (the Kasa account e-mail)")))
        .password(endpoint.password().orElseThrow(() -> new IllegalArgumentException(
            where + " needs a password (the Kasa account password)"))) ;
    endpoint.port().ifPresent(b::port);
    if (options.containsKey("auth")) {
      b.authVariant(option(where, "auth", () -> AuthVariant.parse(options.get("auth"))));
    }
    String fingerprint = options.get("fingerprint");
    TrustMode trust = options.containsKey("trust")
        ? option(where, "trust", () -> TrustMode.parse(options.get("trust")))
        : (fingerprint != null ? TrustMode.PINNED : TrustMode.TOFU);
    if (trust == TrustMode.PINNED && fingerprint == null) {
      throw new IllegalArgumentException(where + ": option 'trust' is pinned, so option 'fingerprint'"
          + " (the certificate's SHA-256, 64 hex digits) is required");
    }
    if (trust != TrustMode.PINNED && fingerprint != null) {
      throw new IllegalArgumentException(where + ": option 'fingerprint' needs option 'trust' to be"
          + " pinned (or absent), was " + trust.text());
    }
    b.trustMode(trust);
    if (fingerprint != null) {
      b.pinnedSha256(option(where, "fingerprint", () -> Fingerprints.normalize(fingerprint)));
    }
    if (options.containsKey("knownHosts")) {
      b.knownHostsFile(option(where, "knownHosts", () -> {
        String text = options.get("knownHosts");
        if (text.isBlank()) {
          throw new IllegalArgumentException("knownHosts must be a file path, was empty");
        }
        try {
          return Path.of(text);
        } catch (InvalidPathException e) {
          throw new IllegalArgumentException("knownHosts must be a file path, was \"" + text + "\"");
        }
      }));
    }
    if (options.containsKey("connectTimeout")) {
      b.connectTimeout(duration(where, "connectTimeout", options.get("connectTimeout")));
    }
    if (options.containsKey("streamPort")) {
      b.streamPort(port(where, "streamPort", options.get("streamPort")));
    }
    if (options.containsKey("talkPort")) {
      b.talkPort(port(where, "talkPort", options.get("talkPort")));
    }
    if (options.containsKey("streamStallTimeout")) {
      b.streamStallTimeout(duration(where, "streamStallTimeout", options.get("streamStallTimeout")));
    }
    if (options.containsKey("requestTimeout")) {
      b.requestTimeout(duration(where, "requestTimeout", options.get("requestTimeout")));
    }
    try {
      return b.build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
  }

  private static int port(String where, String name, String text) {
    try {
      int p = Integer.parseInt(text == null ? "" : text.strip());
      if (p >= 1 && p <= 65535) {
        return p;
      }
    } catch (NumberFormatException e) {
      // fall through to the message
    }
    throw new IllegalArgumentException(where + ": option '" + name + "' must be a port 1..65535, was \""
        + text + "\"");
  }

  private static <T> T option(String where, String name, java.util.function.Supplier<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": option '" + name + "': " + e.getMessage(), e);
    }
  }

  /**
   * A positive duration written as {@code 500ms}, {@code 5s}, {@code 2m} or ISO-8601 ({@code PT5S}).
   *
   * @throws IllegalArgumentException naming the option and the accepted forms
   */
  static Duration duration(String where, String name, String text) {
    String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    Duration d = null;
    Matcher m = SHORT_DURATION.matcher(t);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      d = m.group(2).equals("ms") ? Duration.ofMillis(n)
          : m.group(2).equals("s") ? Duration.ofSeconds(n) : Duration.ofMinutes(n);
    } else {
      try {
        d = Duration.parse(t.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        d = null;
      }
    }
    if (d == null || d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(where + ": option '" + name
          + "' must be a positive duration such as 500ms, 5s, 2m or PT5S, was \"" + text + "\"");
    }
    return d;
  }
}
