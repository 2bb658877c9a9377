package dev.homeport.bridge;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.homeport.bridge.internal.BridgeContext;
import dev.homeport.bridge.internal.CameraCommands;
import dev.homeport.bridge.internal.CameraNode;
import dev.homeport.bridge.internal.Counters;
import dev.homeport.bridge.internal.Discovery;
import dev.homeport.bridge.internal.Entity;
import dev.homeport.bridge.internal.HomeNode;
import dev.homeport.bridge.internal.Json;
import dev.homeport.bridge.internal.MqttLink;
import dev.homeport.bridge.internal.Outbox;
import dev.homeport.bridge.internal.RuleEngine;
import dev.homeport.bridge.internal.Topics;
import dev.homeport.domain.home.DeviceId;
import dev.homeport.domain.home.LocationId;
import dev.homeport.ports.camera.Camera;
import dev.homeport.ports.home.SmartHomeGateway;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MQTT bridge: every camera and the smart-home event source on one broker, zigbee2mqtt-style,
 * with Home Assistant discovery, and rules across the ports.
 *
 * <p>Topics ({@code <base>} is {@link BridgeConfig#baseTopic()}):
 *
 * <ul>
 *   <li>{@code <base>/bridge/state}: {@code online}/{@code offline}, retained, the connection's last will;
 *   <li>{@code <base>/bridge/info}, {@code <base>/bridge/health}: retained JSON (health every
 *       {@link BridgeConfig#healthInterval()}, with counters);
 *   <li>{@code <base>/<camera>/state} (retained JSON), {@code /set} (JSON of changes and actions),
 *       {@code /get} (read now), {@code /availability} ({@code online}/{@code offline}, retained);
 *   <li>{@code <base>/<camera>/motion}, {@code /person}, {@code /tamper} ({@code ON}/{@code OFF},
 *       retained), {@code /event} (each detection change as JSON), {@code /events/availability}
 *       (the event stream), for cameras whose port reports detection events;
 *       {@code <base>/<camera>/snapshot}: the latest image's bytes, retained;
 *   <li>{@code <base>/events/<location>/<device>}: each device event once, as JSON;
 *       {@code <base>/devices/<location>/<device>}: the device's attributes, retained;
 *       {@code <base>/home/availability}: the event session;
 *   <li>{@code <base>/bridge/request/<what>} and {@code /response/<what>}, matched by {@code transaction}:
 *       {@code camera/command}, {@code camera/state}, {@code health}, {@code devices}.
 * </ul>
 *
 * <p>It uses the ports only: cameras and the gateway are handed to it and stay the caller's to close.
 * Thread-safe: all of its work runs on one thread of its own; {@link #close()} is idempotent.
 */
public final class MqttBridge implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(MqttBridge.class);
  private static final Set<String> RESERVED = Set.of("bridge", "events", "devices", "home");

  private final BridgeConfig config;
  private final MqttSettings mqtt;
  private final Clock clock;
  private final Consumer<BridgeHealth> healthListener;
  private final ScheduledExecutorService loop;
  private final Counters counters = new Counters();
  private final MqttLink link;
  private final Outbox outbox;
  private final Discovery discovery;
  private final BridgeContext context;
  private final Map<String, CameraNode> cameras = new LinkedHashMap<>();
  private final HomeNode home;
  private final RuleEngine rules;
  private final AtomicInteger pending = new AtomicInteger();
  private final CompletableFuture<String> terminated = new CompletableFuture<>();
  private final Set<String> seenConfigs = new HashSet<>();
  private final String sweepTopic;
  private volatile boolean connected;
  private volatile Instant started;
  private boolean sweepWanted;
  private String lastConnectFailure;
  private volatile boolean closed;

  private MqttBridge(Builder builder) {
    this.config = Objects.requireNonNull(builder.config, "config");
    this.mqtt = Objects.requireNonNull(builder.mqtt, "mqtt settings");
    this.clock = builder.clock;
    this.healthListener = builder.healthListener;
    validate(builder.config, builder);
    this.loop =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "homeport-bridge");
              thread.setDaemon(true);
              return thread;
            });
    this.link = new MqttLink(mqtt, this::onConnected, this::onDisconnected);
    this.outbox = new Outbox(link, counters, 10_000);
    this.discovery = new Discovery(config.baseTopic(), config.discoveryPrefix(), config.softwareVersion());
    this.context = new BridgeContext(config, loop, outbox, counters, discovery, clock);
    for (Camera camera : builder.cameras) {
      cameras.put(camera.name(), new CameraNode(camera, context));
    }
    RuleEngine.HomeNodeView[] view = new RuleEngine.HomeNodeView[1];
    this.rules =
        new RuleEngine(
            config.rules(), context, cameras,
            new RuleEngine.HomeNodeView() {
              @Override
              public Optional<String> deviceName(DeviceId id) {
                return view[0] == null ? Optional.empty() : view[0].deviceName(id);
              }

              @Override
              public Optional<String> locationName(LocationId id) {
                return view[0] == null ? Optional.empty() : view[0].locationName(id);
              }
            });
    this.home =
        builder.gateway == null
            ? null
            : new HomeNode(builder.gateway, context, rules::onDeviceEvent, this::onSettled, this::onExpired);
    view[0] = home;
    cameras.values().forEach(node -> node.onDetection(rules::onCameraEvent));
    this.sweepTopic = config.baseTopic() + "/bridge/sweep/" + UUID.randomUUID();
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  private static void validate(BridgeConfig config, Builder builder) {
    Set<String> names = new HashSet<>();
    for (Camera camera : builder.cameras) {
      String name = camera.name();
      if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
        throw new IllegalArgumentException(
            "camera name '" + name + "' cannot be a topic level: use 1..64 letters, digits, '.', '_' or '-'");
      }
      if (RESERVED.contains(name)) {
        throw new IllegalArgumentException("camera name '" + name + "' is reserved for the bridge's own topics; choose another");
      }
      if (!names.add(name)) {
        throw new IllegalArgumentException("camera name '" + name + "' is used twice");
      }
    }
    for (Rule rule : config.rules()) {
      if (rule.when() instanceof Rule.DeviceTrigger && builder.gateway == null) {
        throw new IllegalArgumentException(
            "rule " + rule.name() + " waits for a device event, but there is no event source (events: in the config file)");
      }
      if (rule.when() instanceof Rule.CameraTrigger trigger) {
        if (!names.contains(trigger.camera())) {
          throw new IllegalArgumentException("rule " + rule.name() + ": when: no camera named '" + trigger.camera() + "'");
        }
        if (!List.of("motion", "person", "tamper").contains(trigger.event())) {
          throw new IllegalArgumentException(
              "rule " + rule.name() + ": when: event must be motion, person or tamper, was '" + trigger.event() + "'");
        }
      }
      if (rule.then() instanceof Rule.CameraAction action) {
        if (!names.contains(action.camera())) {
          throw new IllegalArgumentException(
              "rule " + rule.name() + ": then: no camera named '" + action.camera() + "'"
                  + (names.isEmpty() ? "" : "; cameras: " + String.join(", ", names)));
        }
        try {
          CameraCommands.parse(Json.objectOf(action.command()), Json.object());
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("rule " + rule.name() + ": then: command: " + e.getMessage(), e);
        }
      }
    }
  }

  /**
   * Connects to the broker (in the background, retrying with back-off), starts polling and the event session.
   *
   * @throws IllegalStateException if called twice
   */
  public void start() {
    if (started != null) {
      throw new IllegalStateException("the bridge was started already");
    }
    started = clock.instant();
    onLoop(
        () -> {
          Entity bridge = discovery.bridgeEntity();
          outbox.retain(bridge.topic(), Json.bytes(bridge.config()));
          outbox.retain(context.topic("bridge/info"), Json.bytes(info()));
          cameras.values().forEach(CameraNode::start);
          for (Rule rule : config.rules()) {
            if (rule.when() instanceof Rule.CameraTrigger trigger && !cameras.get(trigger.camera()).reportsDetections()) {
              LOG.warn("rule {} waits for {} on camera {}, which reports no detection events: it will not fire",
                  rule.name(), trigger.event(), trigger.camera());
            }
          }
          if (home != null) {
            home.start();
          }
          long every = config.healthInterval().toMillis();
          loop.scheduleAtFixedRate(guarded(this::publishHealth), every, every, TimeUnit.MILLISECONDS);
        });
    // failures are reported (once per reason) by the disconnected listener, which sees every attempt
    link.connect(context.topic("bridge/state"), "offline");
  }

  /** Completes (with the reason) when the bridge wants the process to end, e.g. the session expired and {@link BridgeConfig#exitOnSessionExpiry()}. */
  public CompletableFuture<String> terminated() {
    return terminated;
  }

  /** The current health. */
  public BridgeHealth health() {
    try {
      return CompletableFuture.supplyAsync(this::healthNow, loop).get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return healthNow();
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException | RejectedExecutionException e) {
      return healthNow();
    }
  }

  private BridgeHealth healthNow() {
    Map<String, Boolean> online = new LinkedHashMap<>();
    cameras.forEach((name, node) -> node.online().ifPresent(value -> online.put(name, value)));
    return new BridgeHealth(
        started == null ? Duration.ZERO : Duration.between(started, clock.instant()),
        connected,
        online,
        home == null ? Optional.empty() : Optional.of(home.online()),
        counters.snapshot());
  }

  private ObjectNode healthJson() {
    BridgeHealth health = healthNow();
    ObjectNode json = Json.object();
    json.put("uptime_s", health.uptime().toSeconds());
    json.put("mqtt_connected", health.mqttConnected());
    ObjectNode cams = json.putObject("cameras");
    health.cameras().forEach((name, up) -> cams.put(name, up ? "online" : "offline"));
    health.eventSourceOnline().ifPresent(up -> json.put("event_source", up ? "online" : "offline"));
    json.put("in_flight", outbox.inFlight());
    ObjectNode counts = json.putObject("counters");
    health.counters().forEach(counts::put);
    return json;
  }

  private void publishHealth() {
    ObjectNode json = healthJson();
    outbox.retain(context.topic("bridge/health"), Json.bytes(json));
    if (healthListener != null) {
      try {
        healthListener.accept(healthNow());
      } catch (RuntimeException e) {
        LOG.debug("health listener failed", e);
      }
    }
  }

  private ObjectNode info() {
    ObjectNode json = Json.object();
    json.put("version", config.softwareVersion());
    json.put("base_topic", config.baseTopic()).put("discovery_prefix", config.discoveryPrefix());
    ArrayNode cams = json.putArray("cameras");
    cameras.keySet().forEach(cams::add);
    json.put("event_source", home != null);
    ArrayNode names = json.putArray("rules");
    config.rules().forEach(rule -> names.add(rule.name()));
    return json;
  }

  // ---- MQTT connection

  private void onConnected() {
    onLoop(
        () -> {
          connected = true;
          lastConnectFailure = null;
          outbox.connected(true);
          counters.increment("mqtt.connects");
          LOG.info("MQTT connected to {}", mqtt.uri());
          String base = config.baseTopic();
          String prefix = config.discoveryPrefix();
          link.subscribe(base + "/+/set", this::onMessage);
          link.subscribe(base + "/+/get", this::onMessage);
          link.subscribe(base + "/bridge/request/#", this::onMessage);
          link.subscribe(prefix + "/status", this::onMessage);
          link.subscribe(sweepTopic, this::onMessage);
          seenConfigs.clear();
          link.subscribe(prefix + "/+/+/+/config", this::onMessage)
              .thenRun(() -> link.publish(sweepTopic, new byte[] {1}, false));
          outbox.retain(context.topic("bridge/state"), "online");
          outbox.republish(null);
          outbox.publish(context.topic("bridge/state"), "online".getBytes(StandardCharsets.UTF_8));
        });
  }

  private void onDisconnected(Throwable cause) {
    onLoop(
        () -> {
          if (closed) {
            connected = false;
            outbox.connected(false);
            return;
          }
          if (connected) {
            LOG.warn("MQTT connection to {} lost ({}); reconnecting with back-off", mqtt.uri(), Topics.printable(cause == null ? "closed" : cause.getMessage()));
            counters.increment("mqtt.disconnects");
          } else {
            counters.increment("mqtt.connect_attempts_failed");
            String why = Topics.printable(cause == null ? "closed" : cause.getMessage());
            if (!why.equals(lastConnectFailure)) {
              // once per distinct reason, not at every back-off step
              LOG.warn("MQTT broker {} cannot be used yet ({}){}; retrying with back-off", mqtt.uri(), why,
                  why.contains("NOT_AUTHORIZED") || why.contains("BAD_USER_NAME_OR_PASSWORD") || why.contains("NOT_AUTHORIZED")
                      ? " - check the broker user name and password variables" : "");
              lastConnectFailure = why;
            }
          }
          connected = false;
          outbox.connected(false);
        });
  }

  private void onMessage(String topic, byte[] payload, boolean retained) {
    if (topic.startsWith(config.discoveryPrefix() + "/") && topic.endsWith("/config")) {
      // Moquette sets no retain flag on retained messages sent to a new subscription, so every
      // config under our node ids that arrives before the sweep marker counts as seen
      if (payload.length > 0 && ours(topic)) {
        onLoop(() -> { if (seenConfigs.size() < 100_000) seenConfigs.add(topic); });
      }
      return;
    }
    if (topic.equals(sweepTopic)) {
      onLoop(this::sweepSoon);
      return;
    }
    if (payload.length > config.maxCommandBytes()) {
      counters.increment("requests.too_large");
      LOG.warn("ignored a {}-byte message on {} (more than {} bytes)", payload.length, Topics.printable(topic), config.maxCommandBytes());
      return;
    }
    if (pending.incrementAndGet() > config.maxPendingCommands()) {
      pending.decrementAndGet();
      counters.increment("requests.dropped_busy");
      return;
    }
    onLoop(
        () -> {
          try {
            handle(topic, payload);
          } catch (RuntimeException e) {
            LOG.warn("cannot handle a message on {}: {}", Topics.printable(topic), Topics.printable(e.toString()));
          } finally {
            pending.decrementAndGet();
          }
        });
  }

  private boolean ours(String topic) {
    String[] levels = topic.substring(config.discoveryPrefix().length() + 1).split("/");
    return levels.length == 4 && levels[1].startsWith(discovery.nodePrefix() + "_");
  }

  private void handle(String topic, byte[] payload) {
    String base = config.baseTopic() + "/";
    if (topic.equals(config.discoveryPrefix() + "/status")) {
      if (new String(payload, StandardCharsets.UTF_8).trim().equals("online")) {
        LOG.info("Home Assistant is online: publishing discovery again");
        counters.increment("discovery.republished");
        outbox.republish(config.discoveryPrefix() + "/");
        outbox.republish(base);
      }
      return;
    }
    if (topic.startsWith(base + "bridge/request/")) {
      request(topic.substring((base + "bridge/request/").length()), payload);
      return;
    }
    if (!topic.startsWith(base)) {
      return;
    }
    String[] rest = topic.substring(base.length()).split("/");
    if (rest.length != 2) {
      return;
    }
    CameraNode camera = cameras.get(rest[0]);
    if (camera == null) {
      counters.increment("requests.unknown_camera");
      return;
    }
    if (rest[1].equals("get")) {
      camera.pollNow(null);
      return;
    }
    counters.increment("requests.set");
    ObjectNode json;
    try {
      json = Json.readObject(payload);
    } catch (IllegalArgumentException e) {
      context.respond("camera/set", Optional.empty(), cameraData(camera.name()), e.getMessage());
      return;
    }
    Optional<String> transaction = transaction(json);
    camera.command(
        json,
        error -> {
          if (error != null || transaction.isPresent()) {
            context.respond("camera/set", transaction, cameraData(camera.name()), error);
          }
          if (error != null) {
            LOG.warn("camera {}: set failed: {}", camera.name(), Topics.printable(error));
          }
        });
  }

  private void request(String what, byte[] payload) {
    ObjectNode json;
    try {
      json = payload.length == 0 ? Json.object() : Json.readObject(payload);
    } catch (IllegalArgumentException e) {
      context.respond(what, Optional.empty(), null, e.getMessage());
      return;
    }
    Optional<String> transaction = transaction(json);
    counters.increment("requests." + (List.of("camera/command", "camera/state", "health", "devices").contains(what) ? what.replace('/', '_') : "unknown"));
    switch (what) {
      case "health":
        context.respond(what, transaction, healthJson(), null);
        return;
      case "devices":
        ObjectNode data = Json.object();
        ArrayNode cams = data.putArray("cameras");
        cameras.values().forEach(node -> cams.addObject().put("name", node.name())
            .put("state_topic", context.topic(node.name() + "/state")).put("online", node.online().orElse(false)));
        ArrayNode devices = data.putArray("devices");
        if (home != null) {
          home.describeDevices().forEach(devices::add);
        }
        context.respond(what, transaction, data, null);
        return;
      case "camera/command":
      case "camera/state":
        String name = json.path("camera").asText("");
        CameraNode camera = cameras.get(name);
        if (camera == null) {
          context.respond(what, transaction, cameraData(name), "no camera named '" + name + "'; cameras: " + String.join(", ", cameras.keySet()));
          return;
        }
        if (what.equals("camera/state")) {
          camera.pollNow(error -> {
            ObjectNode answer = cameraData(name);
            answer.set("state", camera.state());
            context.respond(what, transaction, answer, error);
          });
          return;
        }
        if (!json.path("command").isObject()) {
          context.respond(what, transaction, cameraData(name), "command must be a JSON object, e.g. {\"preset\": 2}");
          return;
        }
        camera.command((ObjectNode) json.get("command"), error -> context.respond(what, transaction, cameraData(name), error));
        return;
      default:
        context.respond(what, transaction, null, "unknown request '" + what + "'; allowed: camera/command, camera/state, health, devices");
    }
  }

  private static Optional<String> transaction(ObjectNode json) {
    return json.hasNonNull("transaction") ? Optional.of(json.get("transaction").asText()) : Optional.empty();
  }

  private static ObjectNode cameraData(String camera) {
    ObjectNode data = Json.object();
    data.put("camera", camera);
    return data;
  }

  // ---- stale entities

  private void onSettled() {
    if (sweepWanted) {
      sweep();
    }
  }

  private void sweepSoon() {
    if (home == null || home.settled()) {
      sweep();
    } else {
      sweepWanted = true;
    }
  }

  /** Clears the retained discovery configs under our node ids that no entity of ours has now. */
  private void sweep() {
    sweepWanted = false;
    Set<String> current = new HashSet<>();
    cameras.values().forEach(node -> current.addAll(node.entityTopics()));
    if (home != null) {
      current.addAll(home.entityTopics());
    }
    current.add(discovery.bridgeEntity().topic());
    for (String topic : List.copyOf(seenConfigs)) {
      if (!current.contains(topic) && !outbox.retains(topic)) {
        LOG.info("clearing the stale discovery entity {}", topic);
        outbox.clear(topic);
      }
    }
    seenConfigs.clear();
  }

  private void onExpired() {
    if (config.exitOnSessionExpiry()) {
      terminated.complete("the event session expired");
    }
  }

  private void onLoop(Runnable task) {
    try {
      loop.execute(guarded(task));
    } catch (RejectedExecutionException e) {
      // closing
    }
  }

  /** {@code task}, logging what it throws: one failure must not stop the bridge's thread or its timers. */
  static Runnable guarded(Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        LOG.error("bridge task failed (the bridge goes on)", e);
      }
    };
  }

  /**
   * Stops cleanly: marks every camera, the event source and the bridge {@code offline} (retained),
   * disconnects (so the broker does not publish the last will), and closes the event session it
   * opened. Cameras and the gateway are not closed. Idempotent.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      CompletableFuture.runAsync(
              () -> {
                cameras.values().forEach(node -> {
                  node.close();
                  node.publishOffline();
                });
                if (home != null) {
                  home.publishOffline();
                  home.close();
                }
                outbox.retain(context.topic("bridge/state"), "offline");
              },
              loop)
          .get(10, TimeUnit.SECONDS);
      waitForInFlight();
      link.disconnect().get(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.debug("closing the bridge: {}", e.toString());
    } finally {
      loop.shutdownNow();
      terminated.complete("closed");
    }
  }

  private void waitForInFlight() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (connected && outbox.inFlight() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(10); // bounded wait for the last acknowledgements before DISCONNECT
    }
  }

  /** Builds a bridge. Not thread-safe. */
  public static final class Builder {
    private BridgeConfig config = ImmutableBridgeConfig.builder().build();
    private MqttSettings mqtt;
    private final List<Camera> cameras = new ArrayList<>();
    private SmartHomeGateway gateway;
    private Clock clock = Clock.systemUTC();
    private Consumer<BridgeHealth> healthListener;

    private Builder() {}

    /** The bridge's configuration (default: every default). */
    public Builder config(BridgeConfig value) {
      config = Objects.requireNonNull(value, "config");
      return this;
    }

    /** The broker (required). */
    public Builder mqtt(MqttSettings value) {
      mqtt = Objects.requireNonNull(value, "mqtt");
      return this;
    }

    /** Adds a camera; its {@link Camera#name()} is its topic level. */
    public Builder camera(Camera value) {
      cameras.add(Objects.requireNonNull(value, "camera"));
      return this;
    }

    /** The smart-home event source, if any. */
    public Builder smartHome(SmartHomeGateway value) {
      gateway = Objects.requireNonNull(value, "gateway");
      return this;
    }

    /** The clock (debounce, uptime); default the system's. */
    public Builder clock(Clock value) {
      clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /** Called with every periodic health snapshot (on the bridge's thread: return quickly). */
    public Builder onHealth(Consumer<BridgeHealth> value) {
      healthListener = value;
      return this;
    }

    /**
     * Checks the cameras and rules as {@link #build()} does, without building anything (so a
     * command line can refuse a bad configuration before it starts a broker).
     *
     * @throws IllegalArgumentException as {@link #build()}
     */
    public Builder check() {
      validate(config, this);
      return this;
    }

    /**
     * The bridge, not started.
     *
     * @throws IllegalArgumentException for a camera name that cannot be a topic level, a rule
     *     naming an unknown camera or an invalid command (before any I/O)
     */
    public MqttBridge build() {
      return new MqttBridge(this);
    }
  }
}
