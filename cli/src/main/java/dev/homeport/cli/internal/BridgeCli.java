package dev.homeport.cli.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.homeport.adapter.inmemory.InMemoryCamera;
import dev.homeport.adapter.inmemory.InMemorySmartHome;
import dev.homeport.bridge.BridgeConfig;
import dev.homeport.bridge.BridgeHealth;
import dev.homeport.bridge.EmbeddedBroker;
import dev.homeport.bridge.ImmutableBridgeConfig;
import dev.homeport.bridge.ImmutableMqttSettings;
import dev.homeport.bridge.MqttBridge;
import dev.homeport.bridge.MqttSettings;
import dev.homeport.bridge.Rule;
import dev.homeport.bridge.Rules;
import dev.homeport.domain.Secret;
import dev.homeport.ports.camera.Camera;
import dev.homeport.ports.home.SmartHomeGateway;
import dev.homeport.simulators.kasa.KasaCameraSimulator;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import javax.net.ssl.TrustManagerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code homeport bridge}: the cameras and the event source of a deployment on MQTT, for Home Assistant. */
@Command(
    name = "bridge",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Put every camera and the event source of a deployment on an MQTT broker, zigbee2mqtt-style,"
          + " with Home Assistant discovery, and run the deployment's rules. Runs until Ctrl-C.",
      "Without --mqtt it starts an embedded broker on 127.0.0.1 and prints its URL.",
      "Broker credentials come from environment variables only (see --mqtt-username-env).",
    },
    exitCodeListHeading = ExitCodesHelp.HEADING,
    exitCodeList = {
      ExitCodesHelp.OK,
      ExitCodesHelp.FAILURE,
      ExitCodesHelp.USAGE,
      ExitCodesHelp.AUTHENTICATION,
    })
public final class BridgeCli implements Callable<Integer> {

  /** The default variables for broker credentials. */
  static final String DEFAULT_USERNAME_ENV = "HOMEPORT_MQTT_USERNAME";
  static final String DEFAULT_PASSWORD_ENV = "HOMEPORT_MQTT_PASSWORD";

  private static final List<String> BRIDGE_KEYS =
      List.of("mqtt", "mqtt-version", "client-id", "username-env", "password-env", "ca-cert", "base-topic",
          "discovery-prefix", "poll", "health-interval", "exit-on-session-expiry", "snapshot-interval", "detection-hold");

  private final CliContext context;

  @Option(names = "--config", paramLabel = "FILE", description = "Deployment file: cameras, events, bridge and rules (YAML).")
  Path config;

  @Option(names = "--demo", description = "Run against a simulated Kasa camera and SmartThings home with an embedded broker; nothing to install.")
  boolean demo;

  @Option(names = "--mqtt", paramLabel = "URL", description = "The broker: tcp://host:1883 or ssl://host:8883 (default: an embedded broker on 127.0.0.1).")
  String mqtt;

  @Option(names = "--mqtt-version", paramLabel = "V", description = "3 (MQTT 3.1.1, default) or 5.")
  Integer mqttVersion;

  @Option(names = "--client-id", paramLabel = "ID", description = "MQTT client id (default: homeport-bridge-<base topic>).")
  String clientId;

  @Option(names = "--mqtt-username-env", paramLabel = "VAR", description = "Variable holding the broker user name (default: HOMEPORT_MQTT_USERNAME; unset: anonymous).")
  String usernameEnv;

  @Option(names = "--mqtt-password-env", paramLabel = "VAR", description = "Variable holding the broker password (default: HOMEPORT_MQTT_PASSWORD).")
  String passwordEnv;

  @Option(names = "--mqtt-ca-cert", paramLabel = "PEM", description = "For ssl://: trust this CA certificate (PEM) instead of the system's.")
  Path caCert;

  @Option(names = "--broker-port", paramLabel = "P", description = "Port of the embedded broker on 127.0.0.1 (default: any free port).")
  Integer brokerPort;

  @Option(names = "--discovery-prefix", paramLabel = "P", description = "Home Assistant discovery prefix (default: homeassistant).")
  String discoveryPrefix;

  @Option(names = "--base-topic", paramLabel = "B", description = "Topic root (default: homeport).")
  String baseTopic;

  @Option(names = "--poll", paramLabel = "DURATION", description = "How often camera state is read (default: 30s).")
  String poll;

  @Option(names = "--health-interval", paramLabel = "DURATION", description = "How often health is published and printed (default: 60s).")
  String healthInterval;

  @Option(names = "--exit-on-session-expiry", description = "End (exit code 3) when the event session expires, instead of staying up offline.")
  boolean exitOnSessionExpiry;

  public BridgeCli(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (demo && config != null) {
      throw new UsageException("--demo runs its own simulated deployment; leave out --config");
    }
    if (!demo && config == null) {
      throw new UsageException("give --config homeport.yaml (or --demo to try it with simulators)");
    }
    if (brokerPort != null && mqtt != null) {
      throw new UsageException("--broker-port is for the embedded broker; leave it out with --mqtt");
    }
    Output out = context.output(false);
    List<AutoCloseable> resources = new ArrayList<>();
    try {
      Map<String, Object> section = config == null ? Map.of() : section(config);
      List<Rule> rules;
      try {
        rules = config == null ? demoRules() : Rules.parse(plain(tree(config).get("rules")));
      } catch (IllegalArgumentException e) {
        throw new UsageException("config file " + config + ": " + e.getMessage());
      }
      BridgeConfig bridgeConfig = bridgeConfig(section, rules);
      Optional<URI> broker = Optional.ofNullable(mqtt).or(() -> Optional.ofNullable((String) section.get("mqtt"))).map(this::brokerUri);
      List<Camera> cameras = new ArrayList<>();
      Optional<SmartHomeGateway> gateway;
      if (demo) {
        gateway = Optional.of(demoDeployment(out, cameras, resources));
      } else {
        Deployment deployment = Deployment.load(config, context.cameraDrivers());
        for (CameraSpec spec : deployment.cameras().values()) {
          Optional<Secret> password = Optional.empty();
          if (context.cameraDrivers().get(spec.brand()).remote()) {
            password = Optional.of(context.secret(spec.passwordEnv(), "password of camera " + spec.name(), "password-env: in " + config, Optional.empty()));
          }
          context.talksTo(spec.peer(context.environment().variable("HOME"), true));
          Camera camera = context.backends().camera(spec, password);
          resources.add(camera);
          cameras.add(camera);
        }
        gateway = deployment.events().map(source -> gateway(source));
      }
      MqttBridge.Builder builder = MqttBridge.builder().config(bridgeConfig);
      cameras.forEach(builder::camera);
      gateway.ifPresent(builder::smartHome);
      try {
        builder.check(); // before any broker starts
      } catch (IllegalArgumentException e) {
        throw new UsageException((config == null ? "" : "config file " + config + ": ") + e.getMessage());
      }
      mqttSettings(broker.orElse(URI.create("tcp://127.0.0.1:1883")), section, bridgeConfig); // its checks, before any broker starts
      URI uri;
      if (broker.isPresent()) {
        uri = broker.get();
      } else {
        EmbeddedBroker embedded = EmbeddedBroker.start("127.0.0.1", brokerPort == null ? 0 : Values.port("--broker-port", brokerPort));
        resources.add(embedded);
        uri = embedded.uri();
        out.line("Embedded MQTT broker (Moquette, MQTT 3.1.1) listening on " + uri + "  (127.0.0.1 only)");
      }
      MqttSettings settings = mqttSettings(uri, section, bridgeConfig);
      MqttBridge bridge = builder.mqtt(settings).onHealth(health -> out.line(healthLine(health))).build();
      resources.add(bridge);
      bridge.start();
      out.line("homeport bridge: " + cameras.size() + " camera(s)" + (cameras.isEmpty() ? "" : " (" + cameras.stream().map(c -> TerminalText.escape(c.name())).collect(Collectors.joining(", ")) + ")")
          + ", " + (gateway.isPresent() ? "an event source" : "no event source") + ", " + rules.size() + " rule(s)");
      out.line("  MQTT       " + uri + " (MQTT " + (settings.version() == 5 ? "5" : "3.1.1") + ", client id " + settings.clientId() + ")");
      out.line("  topics     " + bridgeConfig.baseTopic() + "/#   discovery " + bridgeConfig.discoveryPrefix() + "/#");
      if (broker.isEmpty()) {
        out.line("Watch it:   mosquitto_sub -h 127.0.0.1 -p " + uri.getPort() + " -t '" + bridgeConfig.baseTopic() + "/#' -v");
      }
      out.line("Ctrl-C to stop.");
      CompletableFuture<Object> end = CompletableFuture.anyOf(context.environment().stopSignal(), bridge.terminated(),
          context.environment().outputClosed());
      try {
        end.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (java.util.concurrent.ExecutionException e) {
        // a failed stop signal still means stop
      }
      if (context.environment().outputClosed().isDone()) {
        throw new OutputClosedException();
      }
      boolean expired = bridge.terminated().isDone() && !context.environment().stopSignal().isDone();
      if (expired) {
        out.note("bridge stopped: " + TerminalText.escape(bridge.terminated().getNow("")));
        return dev.homeport.cli.ExitCode.AUTHENTICATION;
      }
      out.note("bridge stopped");
      return 0;
    } finally {
      Resources.closeAll(resources);
    }
  }

  private SmartHomeGateway gateway(EventSourceSpec source) {
    Optional<Secret> csrf = Optional.empty();
    Optional<Secret> cookie = Optional.empty();
    if (source.source().equals("smartthings")) {
      csrf = Optional.of(context.secret(source.csrfEnv(), "CSRF token", "csrf-env: in " + config, Optional.empty()));
      cookie = Optional.of(context.secret(source.cookieEnv(), "session cookie", "cookie-env: in " + config, Optional.empty()));
    }
    source.peer().ifPresent(context::talksTo);
    return context.backends().gateway(source, csrf, cookie);
  }

  static String healthLine(BridgeHealth health) {
    String cameras = health.cameras().entrySet().stream()
        .map(e -> TerminalText.escape(e.getKey()) + "=" + (e.getValue() ? "online" : "offline")).collect(Collectors.joining(","));
    return String.format(Locale.ROOT,
        "/health uptime=%ds mqtt=%s cameras=%s events=%s received=%d published=%d rules_fired=%d mqtt_published=%d dropped=%d",
        health.uptime().toSeconds(), health.mqttConnected() ? "up" : "down", cameras.isEmpty() ? "-" : cameras,
        health.eventSourceOnline().map(up -> up ? "online" : "offline").orElse("-"),
        health.counter("events.received"), health.counter("events.published"), health.counter("rules.fired"),
        health.counter("mqtt.published"), health.counter("mqtt.dropped_while_disconnected") + health.counter("mqtt.dropped_queue_full"));
  }

  private BridgeConfig bridgeConfig(Map<String, Object> section, List<Rule> rules) {
    ImmutableBridgeConfig.Builder builder = ImmutableBridgeConfig.builder().addAllRules(rules).softwareVersion(version());
    String base = baseTopic != null ? baseTopic : (String) section.get("base-topic");
    String prefix = discoveryPrefix != null ? discoveryPrefix : (String) section.get("discovery-prefix");
    String pollText = poll != null ? poll : (String) section.get("poll");
    String healthText = healthInterval != null ? healthInterval : (String) section.get("health-interval");
    if (base != null) {
      builder.baseTopic(base);
    }
    if (prefix != null) {
      builder.discoveryPrefix(prefix);
    }
    if (pollText != null) {
      builder.pollInterval(Values.duration(poll != null ? "--poll" : "bridge: poll", pollText));
    }
    if (healthText != null) {
      builder.healthInterval(Values.duration(healthInterval != null ? "--health-interval" : "bridge: health-interval", healthText));
    }
    if (section.get("snapshot-interval") != null) {
      builder.snapshotInterval(Values.duration("bridge: snapshot-interval", String.valueOf(section.get("snapshot-interval"))));
    }
    if (section.get("detection-hold") != null) {
      builder.detectionHold(Values.duration("bridge: detection-hold", String.valueOf(section.get("detection-hold"))));
    }
    builder.exitOnSessionExpiry(exitOnSessionExpiry || Boolean.TRUE.equals(section.get("exit-on-session-expiry")));
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private MqttSettings mqttSettings(URI uri, Map<String, Object> section, BridgeConfig bridgeConfig) {
    ImmutableMqttSettings.Builder builder = ImmutableMqttSettings.builder().uri(uri);
    Object version = mqttVersion != null ? mqttVersion : section.get("mqtt-version");
    if (version != null) {
      if (!(version instanceof Integer number) || (number != 3 && number != 5)) {
        throw new UsageException("--mqtt-version must be 3 or 5, was " + version);
      }
      builder.version(number);
    }
    String id = clientId != null ? clientId : (String) section.get("client-id");
    builder.clientId(id != null ? id : "homeport-bridge-" + bridgeConfig.baseTopic().replace('/', '-'));
    String userVar = usernameEnv != null ? usernameEnv : (String) section.getOrDefault("username-env", DEFAULT_USERNAME_ENV);
    String passVar = passwordEnv != null ? passwordEnv : (String) section.getOrDefault("password-env", DEFAULT_PASSWORD_ENV);
    Optional<String> username = context.environment().variable(Values.variableName("--mqtt-username-env", userVar));
    Optional<String> password = context.environment().variable(Values.variableName("--mqtt-password-env", passVar));
    if (password.isPresent() && username.isEmpty()) {
      throw new UsageException("the MQTT password is set (" + passVar + ") but the user name is not: set " + userVar);
    }
    username.ifPresent(builder::username);
    password.map(Secret::of).ifPresent(builder::password);
    Path ca = caCert != null ? caCert : Optional.ofNullable((String) section.get("ca-cert")).map(Deployment::expandHome).orElse(null);
    if (ca != null) {
      if (!List.of("ssl", "mqtts").contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
        throw new UsageException("--mqtt-ca-cert goes with an ssl:// or mqtts:// broker URL, not " + uri);
      }
      builder.trustManagerFactory(trust(ca));
    }
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private URI brokerUri(String text) {
    try {
      URI uri = URI.create(text.trim());
      ImmutableMqttSettings.builder().uri(uri).build();
      return uri;
    } catch (IllegalArgumentException e) {
      throw new UsageException("--mqtt " + e.getMessage().replaceFirst("^MQTT URL ", ""));
    }
  }

  static TrustManagerFactory trust(Path pem) {
    try (InputStream in = Files.newInputStream(pem)) {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (java.security.cert.Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        store.setCertificateEntry("ca-" + i++, (X509Certificate) certificate);
      }
      if (i == 0) {
        throw new UsageException("--mqtt-ca-cert " + pem + " holds no certificate");
      }
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      return factory;
    } catch (IOException | java.security.GeneralSecurityException e) {
      throw new UsageException("--mqtt-ca-cert " + pem + " is not a readable PEM certificate: " + e.getMessage());
    }
  }

  /** A YAML tree as plain lists, maps and scalars (what {@link Rules#parse} reads). */
  private static Object plain(JsonNode node) {
    return node == null || node.isNull() ? null : new ObjectMapper().convertValue(node, Object.class);
  }

  private static JsonNode tree(Path file) {
    try {
      JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
      return root == null ? new ObjectMapper().createObjectNode() : root;
    } catch (IOException e) {
      // Deployment.load reports unreadable and invalid files with the line at fault
      Deployment.load(file);
      throw new UsageException("cannot read config file " + file + ": " + e.getMessage());
    }
  }

  private static Map<String, Object> section(Path file) {
    Deployment.load(file); // validates cameras and events first, with its messages
    JsonNode root = tree(file);
    JsonNode node = root.path("bridge");
    if (node.isMissingNode() || node.isNull()) {
      return Map.of();
    }
    String where = "config file " + file + ": bridge: ";
    if (!node.isObject()) {
      throw new UsageException(where + "must be a mapping of " + String.join(", ", BRIDGE_KEYS));
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String key = names.next();
      if (key.equalsIgnoreCase("password") || key.equalsIgnoreCase("username")) {
        throw new UsageException(where + "'" + key + "' looks like a credential; credentials never go in the file: name"
            + " environment variables with username-env and password-env instead");
      }
      if (!BRIDGE_KEYS.contains(key)) {
        throw new UsageException(where + "unknown key '" + key + "'; allowed: " + String.join(", ", BRIDGE_KEYS));
      }
      JsonNode value = node.get(key);
      if (!value.isValueNode()) {
        throw new UsageException(where + key + " must be a single value");
      }
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> map = new ObjectMapper().convertValue(node, Map.class);
    return map;
  }

  private static String version() {
    try (InputStream in = BridgeCli.class.getResourceAsStream("/homeport-version.properties")) {
      java.util.Properties properties = new java.util.Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("version", "dev");
    } catch (IOException e) {
      return "dev";
    }
  }

  // ---- --demo

  private static List<Rule> demoRules() {
    return Rules.parse(
        List.of(
            Map.of(
                "name", "porch-on-motion",
                "when", Map.of("device", "Capteur entrée", "capability", "motionSensor", "attribute", "motion", "value", "active"),
                "then", Map.of("camera", "porch", "command", Map.of("preset", 2)),
                "debounce", "10s"),
            Map.of(
                "name", "motion-alert",
                "when", Map.of("device", "Capteur entrée", "capability", "motionSensor", "value", "active"),
                "then", Map.of("publish", Map.of("topic", "homeport/alerts/motion", "payload", "${device}: motion")),
                "debounce", "5s")));
  }

  private SmartHomeGateway demoDeployment(Output out, List<Camera> cameras, List<AutoCloseable> resources) {
    InMemoryCamera.Builder backendBuilder = InMemoryCamera.builder().name("porch");
    DemoData.camera(backendBuilder);
    InMemoryCamera backend = backendBuilder.build();
    resources.add(backend);
    KasaCameraSimulator simulator = KasaCameraSimulator.builder().backend(backend).start();
    resources.add(simulator);
    CameraSpec spec =
        CameraSpec.of("porch", "kasa")
            .withHost(simulator.host())
            .withPort(simulator.port())
            .withUsername(simulator.username())
            .withOption("trust", "sha256:" + simulator.fingerprint());
    Camera camera = context.backends().camera(spec, Optional.of(Secret.of(simulator.password())));
    resources.add(camera);
    cameras.add(camera);
    InMemorySmartHome home = DemoData.home();
    EventsSimulator events = EventsSimulator.start(home, 0);
    resources.add(events);
    resources.add(EventTicker.start(home));
    out.line("homeport bridge --demo: a simulated Kasa camera (porch) on https://" + simulator.host() + ":" + simulator.port()
        + " and a simulated SmartThings home on " + events.spec().url().orElseThrow() + ", through the real adapters.");
    return context.backends().gateway(events.spec(), Optional.of(events.csrfToken()), Optional.of(events.cookie()));
  }

}
