package dev.homeport.adapter.camera.http.internal;

import dev.homeport.adapter.camera.http.AuthVariant;
import dev.homeport.adapter.camera.http.ImmutableKasaCameraConfig;
import dev.homeport.adapter.camera.http.KasaCameraConfig;
import dev.homeport.adapter.camera.http.TlsProvider;
import dev.homeport.ports.camera.CameraEndpoint;
import dev.homeport.ports.camera.DriverOption;
import dev.homeport.support.Durations;
import dev.homeport.support.Fingerprints;
import dev.homeport.support.TrustMode;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads a brand-neutral {@link CameraEndpoint} into a {@link KasaCameraConfig}; {@link #OPTIONS}
 * documents every option. The driver has checked the brand and that every option is known. Every
 * error names the option and what is allowed. Stateless and thread-safe.
 */
public final class EndpointOptions {

  /** The options the Kasa driver understands, as {@code --help-options} lists them. */
  public static final List<DriverOption> OPTIONS = List.of(
      DriverOption.choice("auth",
          "How the password is sent at login; auto tries each form and remembers the one that works"
              + " (KC100, KC110, KC200 and KC420WS want md5).",
          "auto", "auto", "base64", "md5", "plain", "admin-md5", "admin-default"),
      DriverOption.text("trust",
          "How the camera's self-signed certificate is trusted: tofu records it on first use and"
              + " then requires it, sha256:HEX (or pinned with fingerprint) pins it, insecure accepts"
              + " any (avoid).",
          "tofu, pinned, insecure or sha256:<64 hex digits>", "tofu"),
      DriverOption.text("fingerprint",
          "The certificate's SHA-256 for trust pinned (implies it when trust is absent).",
          "64 hex digits, colons allowed", null),
      DriverOption.text("known-hosts",
          "Where tofu records certificate fingerprints.",
          "a file path", "~/.homeport/known_hosts"),
      DriverOption.text("timeout",
          "Both time-outs at once (connect and request).", Durations.FORMS, null),
      DriverOption.text("connect-timeout",
          "How long connecting may take.", Durations.FORMS,
          Durations.format(KasaCameraConfig.DEFAULT_CONNECT_TIMEOUT)),
      DriverOption.text("request-timeout",
          "How long an answer may take.", Durations.FORMS,
          Durations.format(KasaCameraConfig.DEFAULT_REQUEST_TIMEOUT)),
      DriverOption.text("stream-port",
          "The live stream port (homeport camera ... record).", "a port 1..65535",
          String.valueOf(KasaCameraConfig.DEFAULT_STREAM_PORT)),
      DriverOption.text("talk-port",
          "The talk-back port (homeport camera ... talk).", "a port 1..65535",
          String.valueOf(KasaCameraConfig.DEFAULT_TALK_PORT)),
      DriverOption.text("stream-stall-timeout",
          "How long a live stream may send nothing before it is reconnected.", Durations.FORMS,
          Durations.format(KasaCameraConfig.DEFAULT_STREAM_STALL_TIMEOUT)),
      DriverOption.text("user-agent",
          "The User-Agent of every request; a KC420WS drops requests that do not look like the Kasa app's.",
          "printable ASCII", LinkieTransport.APP_USER_AGENT),
      DriverOption.choice("stream-version",
          "The camera's stream_version from discovery: 2 starts on LINKIE2.json (else the adapter moves"
              + " there on a 404 or no answer).", null, "1", "2"),
      DriverOption.choice("tls-provider",
          "Which TLS carries this camera: auto uses Bouncy Castle's when the JDK disables the"
              + " static-RSA suites cameras need (JDK 24+), for this camera only.",
          "auto", "auto", "jdk", "bouncy-castle"),
      DriverOption.text("max-answer-bytes",
          "The largest answer accepted from the camera; a larger one fails as a protocol error"
              + " without the rest being read (answers are a few KB).",
          "a number of bytes 1024..67108864, or with KiB/MiB (such as 512KiB)",
          String.valueOf(LinkieTransport.DEFAULT_MAX_ANSWER_BYTES)));

  private EndpointOptions() {}

  /**
   * The configuration for {@code endpoint}, whose brand and option names the driver has checked.
   *
   * @throws IllegalArgumentException for a missing username or password, or an invalid option,
   *     naming it and the allowed values
   */
  public static KasaCameraConfig toConfig(CameraEndpoint endpoint) {
    String where = "kasa camera '" + endpoint.name() + "'";
    Map<String, String> options = endpoint.options();
    ImmutableKasaCameraConfig.Builder b = ImmutableKasaCameraConfig.builder()
        .name(endpoint.name())
        .host(endpoint.host())
        .username(endpoint.username().orElseThrow(() -> new IllegalArgumentException(
            where + " needs a username (the Kasa account e-mail)")))
        .password(endpoint.password().orElseThrow(() -> new IllegalArgumentException(
            where + " needs a password (the Kasa account password)")));
    endpoint.port().ifPresent(b::port);
    if (options.containsKey("auth")) {
      b.authVariant(option(where, "auth", () -> AuthVariant.parse(options.get("auth"))));
    }
    String fingerprint = options.get("fingerprint");
    String trustText = options.get("trust");
    String pinOption = "fingerprint";
    if (trustText != null && trustText.strip().toLowerCase(Locale.ROOT).startsWith("sha256:")) {
      pinOption = "trust";
      if (fingerprint != null) {
        throw new IllegalArgumentException(where + ": give the fingerprint once, either as trust "
            + "sha256:HEX or as option 'fingerprint' with trust pinned");
      }
      fingerprint = trustText;
      trustText = "pinned";
    }
    String trustValue = trustText;
    TrustMode trust = trustValue != null
        ? option(where, "trust", () -> TrustMode.parse(trustValue))
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
      String pin = fingerprint;
      b.pinnedSha256(option(where, pinOption, () -> Fingerprints.normalize(pin)));
    }
    if (options.containsKey("known-hosts")) {
      b.knownHostsFile(option(where, "known-hosts", () -> path(options.get("known-hosts"))));
    }
    if (options.containsKey("timeout")) {
      if (options.containsKey("connect-timeout") || options.containsKey("request-timeout")) {
        throw new IllegalArgumentException(where + ": option 'timeout' sets both time-outs; give it"
            + " or 'connect-timeout'/'request-timeout', not both");
      }
      var both = Durations.positive(where + ": option 'timeout'", options.get("timeout"));
      b.connectTimeout(both).requestTimeout(both);
    }
    if (options.containsKey("stream-port")) {
      b.streamPort(port(where, "stream-port", options.get("stream-port")));
    }
    if (options.containsKey("talk-port")) {
      b.talkPort(port(where, "talk-port", options.get("talk-port")));
    }
    if (options.containsKey("stream-stall-timeout")) {
      b.streamStallTimeout(Durations.positive(where + ": option 'stream-stall-timeout'",
          options.get("stream-stall-timeout")));
    }
    if (options.containsKey("connect-timeout")) {
      b.connectTimeout(Durations.positive(where + ": option 'connect-timeout'", options.get("connect-timeout")));
    }
    if (options.containsKey("request-timeout")) {
      b.requestTimeout(Durations.positive(where + ": option 'request-timeout'", options.get("request-timeout")));
    }
    if (options.containsKey("tls-provider")) {
      b.tlsProvider(option(where, "tls-provider", () -> TlsProvider.parse(options.get("tls-provider"))));
    }
    if (options.containsKey("max-answer-bytes")) {
      b.maxAnswerBytes(option(where, "max-answer-bytes", () -> bytes(options.get("max-answer-bytes"))));
    }
    if (options.containsKey("user-agent")) {
      b.userAgent(options.get("user-agent"));
    }
    if (options.containsKey("stream-version")) {
      b.streamVersion(option(where, "stream-version", () -> {
        try {
          return Integer.parseInt(options.get("stream-version").strip());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("stream-version must be 1 or 2, was \"" + options.get("stream-version") + "\"");
        }
      }));
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

  /** A byte count: digits, optionally followed by KiB or MiB. */
  private static int bytes(String text) {
    String t = text == null ? "" : text.strip();
    long unit = 1;
    String lower = t.toLowerCase(Locale.ROOT);
    if (lower.endsWith("kib")) {
      unit = 1024;
      t = t.substring(0, t.length() - 3).strip();
    } else if (lower.endsWith("mib")) {
      unit = 1024 * 1024;
      t = t.substring(0, t.length() - 3).strip();
    }
    if (t.isEmpty() || t.length() > 9 || !t.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("must be a number of bytes 1024..67108864 (or with KiB/MiB), was \""
          + text + "\"");
    }
    long value = Long.parseLong(t) * unit;
    if (value < 1024 || value > 64L * 1024 * 1024) {
      throw new IllegalArgumentException("must be 1024..67108864 bytes (1 KiB..64 MiB), was \"" + text + "\"");
    }
    return (int) value;
  }

  /** A path; a leading {@code ~/} is the user's home directory. */
  private static Path path(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("must be a file path, was empty");
    }
    try {
      if (text.startsWith("~/")) {
        return dev.homeport.support.KnownHostsStore.homeDirectory(System.getenv()).resolve(text.substring(2));
      }
      return Path.of(text);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("must be a file path, was \"" + text + "\"");
    }
  }

  private static <T> T option(String where, String name, Supplier<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": option '" + name + "': " + e.getMessage(), e);
    }
  }
}
