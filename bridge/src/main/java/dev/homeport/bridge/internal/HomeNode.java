package dev.homeport.bridge.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.homeport.domain.FieldMap;
import dev.homeport.domain.home.AttributeValue;
import dev.homeport.domain.home.Device;
import dev.homeport.domain.home.DeviceEvent;
import dev.homeport.domain.home.DeviceId;
import dev.homeport.domain.home.DeviceState;
import dev.homeport.domain.home.EventFilter;
import dev.homeport.domain.home.Location;
import dev.homeport.domain.home.LocationId;
import dev.homeport.domain.home.Room;
import dev.homeport.ports.home.LifecycleEvent;
import dev.homeport.ports.home.SessionState;
import dev.homeport.ports.home.SmartHomeGateway;
import dev.homeport.ports.home.SmartHomeSession;
import dev.homeport.support.RecentIds;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The smart-home side on MQTT: opens a session (again, with back-off, when it is lost), lists the
 * locations and devices, announces one entity per attribute, keeps each device's state retained on
 * {@code <base>/devices/<location>/<device>}, republishes every device event once on
 * {@code <base>/events/<location>/<device>} and hands it to the rules. Its availability is
 * {@code <base>/home/availability}. Confined to the bridge's thread; the event stream's demand is
 * the bound of what may wait.
 */
public final class HomeNode implements RuleEngine.HomeNodeView {

  private static final Logger LOG = LoggerFactory.getLogger(HomeNode.class);

  /** The most attributes announced per device, whatever a device reports. */
  static final int MAX_ATTRIBUTES = 64;

  private final SmartHomeGateway gateway;
  private final BridgeContext context;
  private final Consumer<DeviceEvent> rules;
  private final Runnable onSettled;
  private final Runnable onExpired;
  private final RecentIds<String> recent = new RecentIds<>(4096);
  private final Map<DeviceId, DeviceNode> devices = new LinkedHashMap<>();
  private final Map<LocationId, String> locationSlugs = new HashMap<>();
  private final Map<LocationId, String> locationNames = new HashMap<>();
  private final List<Flow.Subscription> subscriptions = new ArrayList<>();
  private SmartHomeSession session;
  private Duration retryDelay;
  private boolean closed;
  private boolean settled;
  private long generation;
  private String availability = "";

  public HomeNode(SmartHomeGateway gateway, BridgeContext context, Consumer<DeviceEvent> rules, Runnable onSettled, Runnable onExpired) {
    this.gateway = gateway;
    this.context = context;
    this.rules = rules;
    this.onSettled = onSettled;
    this.onExpired = onExpired;
    this.retryDelay = context.config().retryInitialDelay();
  }

  /** Whether the devices were listed once (so stale entities can be told from not-yet-listed ones). */
  public boolean settled() {
    return settled;
  }

  /** Whether the session is authenticated now. */
  public boolean online() {
    return availability.equals("online");
  }

  /** The discovery topics of every device entity announced. */
  public Set<String> entityTopics() {
    Set<String> topics = new HashSet<>();
    devices.values().forEach(device -> topics.addAll(device.entities.keySet()));
    return topics;
  }

  /** The devices known, as {@code {location, device, id, topic}} objects. */
  public List<ObjectNode> describeDevices() {
    List<ObjectNode> list = new ArrayList<>();
    for (DeviceNode device : devices.values()) {
      ObjectNode node = Json.object();
      node.put("id", device.id.value()).put("name", device.name).put("location", locationNames.getOrDefault(device.location, device.location.value()));
      node.put("events_topic", device.eventsTopic).put("state_topic", device.stateTopic);
      list.add(node);
    }
    return list;
  }

  /** The device known by {@code nameOrId}, and its location's name. */
  public Optional<DeviceId> resolve(String nameOrId) {
    for (DeviceNode device : devices.values()) {
      if (device.id.value().equals(nameOrId) || device.name.equals(nameOrId)) {
        return Optional.of(device.id);
      }
    }
    return Optional.empty();
  }

  /** The device's name, when known. */
  @Override
  public Optional<String> deviceName(DeviceId id) {
    DeviceNode device = devices.get(id);
    return device == null ? Optional.empty() : Optional.of(device.name);
  }

  /** The location's name, when known. */
  @Override
  public Optional<String> locationName(LocationId id) {
    return Optional.ofNullable(locationNames.get(id));
  }

  /** Opens the first session. */
  public void start() {
    setAvailability("offline");
    connect();
  }

  /** Publishes every device's discovery again. */
  public void announce() {
    devices.values().forEach(device -> device.entities.forEach((topic, entity) -> context.outbox().retain(topic, Json.bytes(entity.config()))));
  }

  /** Closes the session. */
  public void close() {
    closed = true;
    subscriptions.forEach(Flow.Subscription::cancel);
    subscriptions.clear();
    if (session != null) {
      session.close();
    }
  }

  /** Publishes {@code offline} (a clean shutdown). */
  public void publishOffline() {
    setAvailability("offline");
  }

  private void connect() {
    if (closed) {
      return;
    }
    long mine = ++generation;
    CompletableFuture<SmartHomeSession> connecting;
    try {
      connecting = gateway.connect();
    } catch (RuntimeException e) {
      connecting = CompletableFuture.failedFuture(e);
    }
    connecting.whenCompleteAsync(
        (opened, failure) -> {
          if (closed || mine != generation) {
            if (opened != null) {
              opened.close();
            }
            return;
          }
          if (failure != null) {
            context.counters().increment("home.connect_failed");
            LOG.warn("event source: cannot open a session ({}); retrying in {} s", Topics.printable(CameraNode.describe(failure)), retryDelay.toSeconds());
            retryLater();
            return;
          }
          session = opened;
          context.counters().increment("home.sessions");
          opened.lifecycle().subscribe(new LifecycleSubscriber(mine));
          list(opened, mine);
        },
        context.loop());
  }

  private void retryLater() {
    Duration delay = retryDelay;
    retryDelay = retryDelay.multipliedBy(2).compareTo(context.config().retryMaxDelay()) > 0
        ? context.config().retryMaxDelay() : retryDelay.multipliedBy(2);
    context.loop().schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void list(SmartHomeSession opened, long mine) {
    opened.locations()
        .thenCompose(
            locations -> {
              List<CompletableFuture<Void>> each = new ArrayList<>();
              for (Location location : locations) {
                CompletableFuture<List<Room>> rooms = opened.rooms(location.id()).exceptionally(e -> List.of());
                each.add(
                    opened.devices(location.id())
                        .thenCombine(rooms, (deviceList, roomList) -> {
                          runOnLoop(() -> absorb(location, deviceList, roomList, opened, mine));
                          return null;
                        }));
              }
              return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new));
            })
        .whenCompleteAsync(
            (done, failure) -> {
              if (closed || mine != generation) {
                return;
              }
              if (failure != null) {
                LOG.warn("event source: cannot list locations and devices ({}); opening a new session", Topics.printable(CameraNode.describe(failure)));
                restart(mine);
                return;
              }
              retryDelay = context.config().retryInitialDelay();
              if (!settled) {
                settled = true;
                onSettled.run();
              }
            },
            context.loop());
  }

  private void absorb(Location location, List<Device> deviceList, List<Room> roomList, SmartHomeSession opened, long mine) {
    if (closed || mine != generation) {
      return;
    }
    locationNames.put(location.id(), location.name());
    locationSlugs.computeIfAbsent(location.id(), id -> unique(Topics.slug(location.name()), id.value(), new HashSet<>(locationSlugs.values())));
    Map<String, String> roomNames = new HashMap<>();
    roomList.forEach(room -> roomNames.put(room.id().value(), room.name()));
    Set<DeviceId> listed = new HashSet<>();
    for (Device device : deviceList) {
      listed.add(device.id());
      DeviceNode node = devices.get(device.id());
      if (node == null) {
        node = newDevice(device.id(), location.id(), device.name(), device.type(), device.roomId().map(r -> roomNames.get(r.value())));
      }
      for (DeviceState deviceState : device.states()) {
        Optional<String> unit = deviceState.otherFields().get("unit").map(String::valueOf);
        node.update(deviceState.componentId(), deviceState.capability(), deviceState.attribute(), deviceState.value(), unit);
      }
      node.publishState();
    }
    // devices gone from this location: their entities are cleared
    for (DeviceNode node : List.copyOf(devices.values())) {
      if (node.location.equals(location.id()) && !listed.contains(node.id)) {
        node.entities.keySet().forEach(topic -> context.outbox().clear(topic));
        context.outbox().clear(node.stateTopic);
        devices.remove(node.id);
      }
    }
    opened.subscribe(EventFilter.location(location.id())).subscribe(new EventSubscriber(mine));
  }

  private DeviceNode newDevice(DeviceId id, LocationId location, String name, Optional<String> type, Optional<String> room) {
    String locationSlug = locationSlugs.getOrDefault(location, Topics.slug(location.value()));
    Set<String> taken = new HashSet<>();
    devices.values().stream().filter(d -> d.location.equals(location)).forEach(d -> taken.add(d.slug));
    String slug = unique(Topics.slug(name), id.value(), taken);
    DeviceNode node = new DeviceNode(id, location, name, slug, locationSlug, type, room);
    devices.put(id, node);
    return node;
  }

  private static String unique(String slug, String id, Set<String> taken) {
    if (!taken.contains(slug)) {
      return slug;
    }
    return slug + "_" + Topics.slug(id).substring(0, Math.min(8, Topics.slug(id).length()));
  }

  private void handle(DeviceEvent event, long mine) {
    if (closed) {
      return;
    }
    context.counters().increment("events.received");
    if (!recent.add(event.eventId().value())) {
      context.counters().increment("events.duplicates_dropped");
      return;
    }
    DeviceNode node = devices.get(event.deviceId());
    if (node == null) {
      String name = event.device().map(Device::name).orElse(event.deviceId().value());
      node = newDevice(event.deviceId(), event.locationId(), name, Optional.empty(), Optional.empty());
    }
    ObjectNode json = Json.object();
    json.put("device", node.name).put("device_id", event.deviceId().value());
    json.put("location", locationNames.getOrDefault(event.locationId(), event.locationId().value()));
    json.put("location_id", event.locationId().value());
    json.put("component", event.componentId()).put("capability", event.capability()).put("attribute", event.attribute());
    json.set("value", event.value().map(HomeNode::plain).orElse(Json.MAPPER.nullNode()));
    event.unit().ifPresent(unit -> json.put("unit", unit));
    json.put("state_change", event.stateChange()).put("time", event.time().toString()).put("event_id", event.eventId().value());
    context.outbox().publish(node.eventsTopic, Json.bytes(json));
    context.counters().increment("events.published");
    node.update(event.componentId(), event.capability(), event.attribute(), event.value(), event.unit());
    node.publishState();
    rules.accept(event);
  }

  static JsonNode plain(AttributeValue value) {
    Object plain = value.plain();
    if (plain instanceof FieldMap map) {
      return Json.tree(map.asMap());
    }
    if (plain instanceof BigDecimal number) {
      return Json.MAPPER.getNodeFactory().numberNode(number);
    }
    return Json.tree(plain);
  }

  private void setAvailability(String value) {
    availability = value;
    context.outbox().retain(context.topic("home/availability"), value);
  }

  private void restart(long mine) {
    if (mine != generation || closed) {
      return;
    }
    subscriptions.forEach(Flow.Subscription::cancel);
    subscriptions.clear();
    if (session != null) {
      session.close();
      session = null;
    }
    generation++;
    setAvailability("offline");
    retryLater();
  }

  private void lifecycle(LifecycleEvent event, long mine) {
    if (closed || mine != generation) {
      return;
    }
    SessionState state = event.state();
    switch (state) {
      case AUTHENTICATED:
        if (!online()) {
          LOG.info("event source: session authenticated{}", event.eventsMayBeMissing() ? " (events during the outage were not delivered)" : "");
        }
        setAvailability("online");
        break;
      case RECONNECTING:
        LOG.warn("event source: connection lost, the session reconnects ({})", Topics.printable(event.detail()));
        context.counters().increment("home.reconnects");
        setAvailability("offline");
        break;
      case DISCONNECTED:
        LOG.warn("event source: disconnected for good ({}); opening a new session", Topics.printable(event.detail()));
        restart(mine);
        break;
      case SESSION_EXPIRED:
        LOG.error("event source: the session EXPIRED ({}); new credentials are needed. Device entities stay"
            + " offline until the bridge is restarted with them.", Topics.printable(event.detail()));
        context.counters().increment("home.sessions_expired");
        setAvailability("offline");
        onExpired.run();
        break;
      default:
        break;
    }
  }

  private void runOnLoop(Runnable task) {
    try {
      context.loop().execute(
          () -> {
            try {
              task.run();
            } catch (RuntimeException e) {
              LOG.error("event source task failed (the bridge goes on)", e);
            }
          });
    } catch (RejectedExecutionException e) {
      // the bridge is closing
    }
  }

  private final class LifecycleSubscriber implements Flow.Subscriber<LifecycleEvent> {
    private final long mine;

    LifecycleSubscriber(long mine) {
      this.mine = mine;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      runOnLoop(() -> subscriptions.add(subscription));
      subscription.request(Long.MAX_VALUE); // lifecycle events are few: a handful per outage
    }

    @Override
    public void onNext(LifecycleEvent item) {
      runOnLoop(() -> lifecycle(item, mine));
    }

    @Override
    public void onError(Throwable throwable) {
      runOnLoop(() -> LOG.debug("event source lifecycle ended: {}", throwable.toString()));
    }

    @Override
    public void onComplete() {}
  }

  private final class EventSubscriber implements Flow.Subscriber<DeviceEvent> {
    private final long mine;
    private Flow.Subscription subscription;

    EventSubscriber(long mine) {
      this.mine = mine;
    }

    @Override
    public void onSubscribe(Flow.Subscription value) {
      subscription = value;
      runOnLoop(() -> subscriptions.add(value));
      value.request(context.config().eventBuffer());
    }

    @Override
    public void onNext(DeviceEvent item) {
      runOnLoop(
          () -> {
            try {
              handle(item, mine);
            } finally {
              subscription.request(1);
            }
          });
    }

    @Override
    public void onError(Throwable throwable) {
      runOnLoop(
          () -> {
            if (closed || mine != generation) {
              return;
            }
            LOG.warn("event source: the event stream ended ({}); opening a new session", Topics.printable(CameraNode.describe(throwable)));
            context.counters().increment("home.streams_failed");
            if (session == null || CameraNode.unwrap(throwable) instanceof dev.homeport.ports.SessionExpiredException) {
              return; // expiry is reported by the lifecycle
            }
            restart(mine);
          });
    }

    @Override
    public void onComplete() {}
  }

  /** One device: its topics, its state JSON and its entities. */
  private final class DeviceNode {
    final DeviceId id;
    final LocationId location;
    final String name;
    final String slug;
    final String eventsTopic;
    final String stateTopic;
    final String node;
    final ObjectNode device;
    final ObjectNode state = Json.object();
    final Map<String, Entity> entities = new LinkedHashMap<>();
    final Map<String, Optional<String>> units = new HashMap<>();

    DeviceNode(DeviceId id, LocationId location, String name, String slug, String locationSlug, Optional<String> type, Optional<String> room) {
      this.id = id;
      this.location = location;
      this.name = name;
      this.slug = slug;
      this.eventsTopic = context.topic("events/" + locationSlug + "/" + slug);
      this.stateTopic = context.topic("devices/" + locationSlug + "/" + slug);
      this.node = context.discovery().nodePrefix() + "_st_" + Topics.id(id.value());
      this.device = context.discovery().deviceBlock(node, name, type, room);
    }

    void update(String component, String capability, String attribute, Optional<AttributeValue> value, Optional<String> unit) {
      String key = Topics.id((component.equals("main") ? "" : component + "_") + capability + "_" + attribute);
      if (!state.has(key) && state.size() >= MAX_ATTRIBUTES) {
        context.counters().increment("events.attributes_over_limit");
        return;
      }
      state.set(key, value.map(HomeNode::plain).orElse(Json.MAPPER.nullNode()));
      boolean scalar = value.isEmpty() || !(value.get() instanceof AttributeValue.StructuredValue);
      Optional<String> knownUnit = unit.isPresent() ? unit : units.getOrDefault(key, Optional.empty());
      if (scalar && (!units.containsKey(key) || !units.get(key).equals(knownUnit))) {
        units.put(key, knownUnit);
        Entity entity =
            context.discovery().attribute(node, device, stateTopic, context.topic("home/availability"), key, capability, attribute, knownUnit);
        entities.put(entity.topic(), entity);
        context.outbox().retain(entity.topic(), Json.bytes(entity.config()));
      }
    }

    void publishState() {
      context.outbox().retain(stateTopic, Json.bytes(state));
    }
  }
}
