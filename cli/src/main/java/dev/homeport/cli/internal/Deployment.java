package dev.homeport.cli.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.homeport.ports.camera.CameraDriver;
import dev.homeport.ports.camera.CameraDrivers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A deployment file ({@code homeport.yaml}): the cameras by name (brand, host, user, the brand's
 * options) and the event source, with secrets given only as environment-variable references.
 * Camera brands are the drivers found at run time ({@link CameraDrivers}); each camera's options
 * go to its brand's driver, which names and checks them. Immutable.
 *
 * <pre>
 * cameras:
 *   porch:
 *     brand: kasa            # a driver found at run time (default kasa): kasa, onvif, inmemory, ...
 *     host: 192.168.1.20
 *     port: 10443            # optional
 *     username: me@example.com
 *     password-env: PORCH_PASSWORD
 *     options:               # the brand's options: homeport camera --brand kasa --help-options
 *       auth: auto
 *       trust: tofu          # tofu, insecure, sha256:HEX
 *       known-hosts: ~/.homeport/known_hosts
 *       timeout: 10s
 *     # auth:, trust:, known-hosts: and timeout: directly under the camera mean the same options
 * events:
 *   source: smartthings      # smartthings or inmemory
 *   url: wss://my.smartthings.com/socket.io/
 *   csrf-env: HOMEPORT_CSRF_TOKEN
 *   cookie-env: HOMEPORT_COOKIE
 *   trust: default           # default, insecure, sha256:HEX
 *   ca-cert: /path/to/ca.pem
 *   tls-provider: auto       # auto (Conscrypt when it loads), jdk or conscrypt (the same as events --tls-provider)
 *   timeout: 10s             # connecting and each query (the same as events --timeout)
 * </pre>
 *
 * @param file where it was read from
 * @param cameras the cameras by name, in file order
 * @param events the event source, if the file has one
 */
public record Deployment(Path file, Map<String, CameraSpec> cameras, Optional<EventSourceSpec> events) {

  private static final Set<String> TOP = Set.of("cameras", "events", "bridge", "rules");
  private static final List<String> CAMERA_KEYS =
      List.of("brand", "host", "port", "username", "password-env", "options", "auth", "trust", "known-hosts", "timeout",
          "stream-port", "talk-port");
  /** Camera keys from before {@code options:}: the brand options of the same name. */
  private static final List<String> OPTION_KEYS =
      List.of("auth", "trust", "known-hosts", "timeout", "stream-port", "talk-port");
  private static final List<String> EVENT_KEYS =
      List.of("source", "url", "csrf-env", "cookie-env", "trust", "ca-cert", "timeout", "tls-provider");
  private static final Set<String> SECRET_KEYS =
      Set.of("password", "pass", "passwd", "secret", "token", "csrf", "csrf-token", "csrftoken", "cookie");

  /** The largest deployment file read (1 MiB; real ones are a few KB). */
  public static final int MAX_BYTES = 1 << 20;

  /**
   * YAML read as input from anyone: duplicate keys refused (the later one silently won), aliases,
   * nesting and size bounded (a "billion laughs" file or deep nesting must not exhaust memory).
   */
  private static final ObjectMapper YAML = yamlMapper();

  private static ObjectMapper yamlMapper() {
    org.yaml.snakeyaml.LoaderOptions loader = new org.yaml.snakeyaml.LoaderOptions();
    loader.setAllowDuplicateKeys(false);
    loader.setMaxAliasesForCollections(20);
    loader.setNestingDepthLimit(32);
    loader.setCodePointLimit(MAX_BYTES);
    YAMLFactory factory =
        YAMLFactory.builder()
            .loaderOptions(loader)
            .streamReadConstraints(
                com.fasterxml.jackson.core.StreamReadConstraints.builder().maxNestingDepth(32).build())
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    return new ObjectMapper(factory);
  }

  public Deployment {
    cameras = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cameras));
  }

  /**
   * Reads and validates a deployment file; no I/O other than reading the file.
   *
   * @throws UsageException naming the file, the key at fault and what is allowed
   */
  public static Deployment load(Path file) {
    return load(file, CameraDrivers.load());
  }

  /**
   * Reads and validates a deployment file against these drivers; no I/O other than reading the file.
   *
   * @throws UsageException naming the file, the key at fault and what is allowed
   */
  public static Deployment load(Path file, CameraDrivers drivers) {
    return parse(file, read(file), drivers);
  }

  /**
   * The file's text, refused past {@link #MAX_BYTES} without reading further ({@code /dev/zero} or
   * a multi-gigabyte file named by mistake must not exhaust memory) and unless it is UTF-8.
   */
  private static String read(Path file) {
    byte[] bytes;
    try (java.io.InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (NoSuchFileException e) {
      throw new UsageException("config file " + file + " does not exist");
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new UsageException("cannot read config file " + file + ": " + e.getMessage());
    }
    if (bytes.length > MAX_BYTES) {
      throw new UsageException(
          "config file " + file + " is larger than " + (MAX_BYTES >> 20) + " MiB, the limit for a deployment file;"
              + " is it the right file?");
    }
    try {
      return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
          .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes))
          .toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new UsageException("config file " + file + " is not UTF-8 text");
    }
  }

  /** Parses and validates deployment text with the drivers on the class path. */
  public static Deployment parse(Path file, String text) {
    return parse(file, text, CameraDrivers.load());
  }

  /** Parses and validates deployment text; {@code file} only names it in messages. */
  public static Deployment parse(Path file, String text, CameraDrivers drivers) {
    JsonNode root;
    if (text.length() > MAX_BYTES) {
      throw new UsageException("config file " + file + " is larger than " + (MAX_BYTES >> 20) + " MiB, the limit for a deployment file");
    }
    try {
      root = YAML.readTree(text);
    } catch (JsonProcessingException e) {
      throw new UsageException("config file " + file + " is not valid YAML" + YamlErrors.where(e) + ": " + YamlErrors.reason(e));
      // (no cause attached: its message quotes the line, and --verbose prints causes)
    }
    String prefix = "config file " + file + ": ";
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw new UsageException(prefix + "is empty; it needs cameras: and/or events:");
    }
    if (!root.isObject()) {
      throw new UsageException(prefix + "must be a mapping with cameras: and/or events:");
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String key = names.next();
      if (!TOP.contains(key)) {
        throw new UsageException(prefix + "unknown key '" + key + "'; allowed: cameras, events, bridge, rules");
      }
    }
    Map<String, CameraSpec> cameras = new LinkedHashMap<>();
    JsonNode camerasNode = root.path("cameras");
    if (!camerasNode.isMissingNode() && !camerasNode.isNull()) {
      if (!camerasNode.isObject()) {
        throw new UsageException(prefix + "cameras must be a mapping from camera names to settings");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = camerasNode.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        cameras.put(entry.getKey(), camera(prefix, entry.getKey(), entry.getValue(), drivers));
      }
    }
    Optional<EventSourceSpec> events = Optional.empty();
    JsonNode eventsNode = root.path("events");
    if (!eventsNode.isMissingNode() && !eventsNode.isNull()) {
      events = Optional.of(events(prefix, eventsNode));
    }
    return new Deployment(file, cameras, events);
  }

  /** The camera of that name. */
  public CameraSpec camera(String name) {
    CameraSpec spec = cameras.get(name);
    if (spec == null) {
      throw new UsageException(
          "config file " + file + " has no camera named '" + name + "'"
              + (cameras.isEmpty() ? "" : "; it has: " + String.join(", ", cameras.keySet())));
    }
    return spec;
  }

  /** The event source. */
  public EventSourceSpec eventSource() {
    return events.orElseThrow(
        () -> new UsageException("config file " + file + " has no events: section"));
  }

  private static CameraSpec camera(String prefix, String name, JsonNode node, CameraDrivers drivers) {
    String where = prefix + "camera '" + name + "': ";
    if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
      throw new UsageException(
          prefix + "camera name '" + name + "' must be 1..64 letters, digits, '.', '_' or '-'");
    }
    if (!node.isObject()) {
      throw new UsageException(where + "must be a mapping of " + String.join(", ", CAMERA_KEYS));
    }
    checkKeys(where, node, CAMERA_KEYS, "password-env");
    String brand = text(where, node, "brand").orElse(CameraSpec.DEFAULT_BRAND).toLowerCase(Locale.ROOT);
    CameraDriver driver;
    try {
      driver = drivers.get(brand);
    } catch (IllegalArgumentException e) {
      throw new UsageException(where + "brand: " + e.getMessage());
    }
    CameraSpec spec = CameraSpec.of(name, brand);
    Optional<String> host = text(where, node, "host");
    if (host.isPresent()) {
      spec = spec.withHost(Values.host(where + "host", host.get()));
    }
    JsonNode port = node.path("port");
    if (!port.isMissingNode() && !port.isNull()) {
      if (!port.canConvertToInt() || !port.isIntegralNumber()) {
        throw new UsageException(where + "port must be a number 1..65535, was " + port);
      }
      spec = spec.withPort(Values.port(where + "port", port.intValue()));
    }
    Optional<String> username = text(where, node, "username");
    if (username.isPresent()) {
      spec = spec.withUsername(username.get());
    }
    Optional<String> passwordEnv = text(where, node, "password-env");
    if (passwordEnv.isPresent()) {
      spec = spec.withPasswordEnv(Values.variableName(where + "password-env", passwordEnv.get()));
    }
    for (String key : OPTION_KEYS) {
      Optional<String> value = text(where, node, key);
      if (value.isPresent()) {
        spec = spec.withOption(key, value.get());
      }
    }
    JsonNode options = node.path("options");
    if (!options.isMissingNode() && !options.isNull()) {
      if (!options.isObject()) {
        throw new UsageException(where + "options must be a mapping of the brand's option names to values");
      }
      for (Iterator<String> keys = options.fieldNames(); keys.hasNext(); ) {
        String key = keys.next();
        if (SECRET_KEYS.contains(key.toLowerCase(Locale.ROOT))) {
          throw new UsageException(where + "options: '" + key + "' looks like a secret; secrets never go"
              + " in the file: name an environment variable with password-env instead");
        }
        if (spec.options().containsKey(key)) {
          throw new UsageException(where + key + " is given twice (directly and under options:); give it once");
        }
        spec = spec.withOption(key, text(where + "options: ", options, key).orElseThrow(
            () -> new UsageException(where + "options: " + key + " needs a value")));
      }
    }
    try {
      driver.checkEndpoint(spec.endpoint(driver, Optional.empty()));
    } catch (IllegalArgumentException e) {
      throw new UsageException(prefix + e.getMessage());
    } catch (UsageException e) {
      throw new UsageException(prefix + e.getMessage());
    }
    return spec;
  }

  private static EventSourceSpec events(String prefix, JsonNode node) {
    String where = prefix + "events: ";
    if (!node.isObject()) {
      throw new UsageException(where + "must be a mapping of " + String.join(", ", EVENT_KEYS));
    }
    checkKeys(where, node, EVENT_KEYS, "csrf-env and cookie-env");
    String source = Values.oneOf(where + "source", required(where, node, "source"), Values.SOURCES);
    EventSourceSpec spec = EventSourceSpec.smartThings();
    spec = new EventSourceSpec(source, spec.url(), spec.csrfEnv(), spec.cookieEnv(), spec.trust(), spec.caCert());
    Optional<String> url = text(where, node, "url");
    if (url.isPresent()) {
      spec = spec.withUrl(Values.webSocketUrl(where + "url", url.get()));
    }
    Optional<String> csrfEnv = text(where, node, "csrf-env");
    if (csrfEnv.isPresent()) {
      spec = spec.withCsrfEnv(Values.variableName(where + "csrf-env", csrfEnv.get()));
    }
    Optional<String> cookieEnv = text(where, node, "cookie-env");
    if (cookieEnv.isPresent()) {
      spec = spec.withCookieEnv(Values.variableName(where + "cookie-env", cookieEnv.get()));
    }
    Optional<String> trust = text(where, node, "trust");
    if (trust.isPresent()) {
      spec = spec.withTrust(Values.serviceTrust(where + "trust", trust.get()));
    }
    Optional<String> timeout = text(where, node, "timeout");
    if (timeout.isPresent()) {
      spec = spec.withTimeout(Values.duration(where + "timeout", timeout.get()));
    }
    Optional<String> tlsProvider = text(where, node, "tls-provider");
    if (tlsProvider.isPresent()) {
      spec = spec.withTlsProvider(Values.eventsTlsProvider(where + "tls-provider", tlsProvider.get()));
    }
    Optional<String> caCert = text(where, node, "ca-cert");
    if (caCert.isPresent()) {
      spec = spec.withCaCert(expandHome(caCert.get()));
    }
    try {
      return spec.validated();
    } catch (UsageException e) {
      throw new UsageException(prefix + e.getMessage());
    }
  }

  private static void checkKeys(String where, JsonNode node, List<String> allowed, String secretHint) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String key = names.next();
      if (SECRET_KEYS.contains(key.toLowerCase(Locale.ROOT))) {
        throw new UsageException(
            where + "'" + key + "' looks like a secret; secrets never go in the file: name an"
                + " environment variable with " + secretHint + " instead");
      }
      if (!allowed.contains(key)) {
        throw new UsageException(
            where + "unknown key '" + key + "'; allowed: " + String.join(", ", allowed));
      }
    }
  }

  private static String required(String where, JsonNode node, String key) {
    return text(where, node, key)
        .orElseThrow(() -> new UsageException(where + key + " is required"));
  }

  private static Optional<String> text(String where, JsonNode node, String key) {
    JsonNode value = node.path(key);
    if (value.isMissingNode() || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isValueNode()) {
      // The value is not shown: a mis-indented secret would be printed.
      throw new UsageException(where + key + " must be a single value, not a " + (value.isArray() ? "list" : "mapping"));
    }
    String text = value.asText().trim();
    if (text.isEmpty()) {
      throw new UsageException(where + key + " must not be empty");
    }
    return Optional.of(text);
  }

  static Path expandHome(String path) {
    if (path.equals("~") || path.startsWith("~/")) {
      // ~ is $HOME, as in a shell (the JVM's user.home may come from the password database)
      return Path.of(dev.homeport.support.KnownHostsStore.homeDirectory(System.getenv()) + path.substring(1));
    }
    return Path.of(path);
  }
}
