package dev.homeport.adapter.events.wss.internal;

import dev.homeport.ports.Futures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.homeport.adapter.events.wss.SmartThingsConfig;
import dev.homeport.domain.home.Device;
import dev.homeport.domain.home.DeviceEvent;
import dev.homeport.domain.home.EventFilter;
import dev.homeport.domain.home.Location;
import dev.homeport.domain.home.LocationId;
import dev.homeport.domain.home.PushedMessage;
import dev.homeport.domain.home.Room;
import dev.homeport.domain.home.SessionInfo;
import dev.homeport.domain.home.SubscriptionId;
import dev.homeport.domain.home.UnknownMessage;
import dev.homeport.domain.home.User;
import dev.homeport.ports.AuthenticationException;
import dev.homeport.ports.ClosedException;
import dev.homeport.ports.HomeportException;
import dev.homeport.ports.ProtocolException;
import dev.homeport.ports.RequestTimeoutException;
import dev.homeport.ports.SessionExpiredException;
import dev.homeport.ports.TransportException;
import dev.homeport.ports.flow.BoundedPublisher;
import dev.homeport.ports.flow.LatestReplayPublisher;
import dev.homeport.ports.flow.OverflowPolicy;
import dev.homeport.ports.home.ConcurrentDeviceDirectory;
import dev.homeport.ports.home.DeviceDirectory;
import dev.homeport.ports.home.LifecycleEvent;
import dev.homeport.ports.home.SessionState;
import dev.homeport.ports.home.SmartHomeSession;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A SmartThings session over one (replaceable) WebSocket: connects, authenticates, answers queries
 * through Feathers calls, pushes events to bounded publishers, pings, and reconnects with back-off.
 *
 * <p>Threads: one timer thread (time-outs, pings, back-off), one connector thread (connect,
 * authenticate, re-subscribe, with bounded waits), a delivery pool for subscribers, and Tyrus' own
 * threads for the socket. All end on {@link #close()} or when the session ends for good.
 * Thread-safe.
 */
public final class SmartThingsSession implements SmartHomeSession {

  private static final Logger LOG = LoggerFactory.getLogger(SmartThingsSession.class);
  private static final AtomicInteger SESSIONS = new AtomicInteger();

  private final SmartThingsConfig config;
  private final Clock clock;
  private final String displayUrl;
  private final ScheduledThreadPoolExecutor timer;
  private final ExecutorService connector;
  private final ExecutorService delivery;
  private final PendingCalls pending;
  private final FeathersClient feathers;
  /** Device events per subscribed location, so a location whose subscription is refused can end alone. */
  private final Map<LocationId, BoundedPublisher<DeviceEvent>> events = new ConcurrentHashMap<>();
  private final java.util.concurrent.Executor deliver;
  private final BoundedPublisher<PushedMessage> messages;
  private final LatestReplayPublisher<LifecycleEvent> lifecycle;
  private final ConcurrentDeviceDirectory directory = new ConcurrentDeviceDirectory();
  private final RecentIds<String> recentEventIds;
  private final Backoff backoff;
  private final Map<LocationId, CompletableFuture<Optional<SubscriptionId>>> subscriptions =
      new ConcurrentHashMap<>();
  private final Map<LocationId, WireMapping.DeviceList> deviceListVersions = new ConcurrentHashMap<>();
  private final AtomicLong invalidPayloads = new AtomicLong();
  private final AtomicLong duplicates = new AtomicLong();
  private final AtomicLong reconnects = new AtomicLong();
  private final Object stateLock = new Object();

  private volatile SSLContext sslContext;
  private volatile Link current;
  private volatile Link connecting;
  private volatile SessionInfo sessionInfo;
  private volatile boolean closed;
  private volatile HomeportException terminalError;
  private long generation;

  public SmartThingsSession(SmartThingsConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.displayUrl = config.url().toString();
    int number = SESSIONS.incrementAndGet();
    this.timer = new ScheduledThreadPoolExecutor(1, threads("homeport-smartthings-" + number + "-timer"));
    this.timer.setRemoveOnCancelPolicy(true);
    this.timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    this.connector = Executors.newSingleThreadExecutor(threads("homeport-smartthings-" + number + "-connector"));
    this.delivery = Executors.newCachedThreadPool(threads("homeport-smartthings-" + number + "-delivery"));
    this.pending = new PendingCalls(timer);
    this.feathers = new FeathersClient(pending, config.callTimeout());
    // Once the pool is shut down (session ended), late subscribers are served on their own thread.
    this.deliver =
        task -> {
          try {
            delivery.execute(task);
          } catch (java.util.concurrent.RejectedExecutionException afterClose) {
            task.run();
          }
        };
    this.messages = new BoundedPublisher<>(deliver, config.bufferSize(), config.overflowPolicy());
    // Lifecycle events are few and the latest matters most: a slow reader loses old ones, not the session.
    this.lifecycle =
        new LatestReplayPublisher<>(deliver, Math.max(64, config.bufferSize()), OverflowPolicy.DROP_OLDEST);
    this.recentEventIds = new RecentIds<>(config.duplicateWindow());
    this.backoff = new Backoff(config.backoffMin(), config.backoffMax());
  }

  private static ThreadFactory threads(String name) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  // ---------------------------------------------------------------- start, reconnect, end

  /** Connects and authenticates; completes with this session, or fails and releases everything. */
  public CompletableFuture<SmartHomeSession> start() {
    CompletableFuture<SmartHomeSession> result = new CompletableFuture<>();
    connector.execute(
        () -> {
          try {
            sslContext = TlsContexts.create(config.trust());
            establish(false);
            result.complete(this);
          } catch (Throwable e) {
            HomeportException error = homeport(e);
            shutdown(error, SessionState.DISCONNECTED, error.getMessage());
            result.completeExceptionally(error);
          }
        });
    return result;
  }

  /** One attempt to connect, authenticate and (on reconnect) re-subscribe. Runs on the connector thread. */
  private void establish(boolean reconnect) throws Exception {
    Link link;
    synchronized (stateLock) {
      if (closed) {
        throw new ClosedException("session is closed");
      }
      link = new Link(++generation);
      connecting = link;
    }
    publishLifecycle(SessionState.CONNECTING, reconnect ? "reconnecting to " + displayUrl : "connecting to " + displayUrl, false);
    long deadline = System.nanoTime() + config.connectTimeout().toNanos();
    String token = config.csrfToken().reveal();
    URI uri =
        URI.create(
            config.url()
                + "?EIO=3&transport=websocket&csrfToken="
                + URLEncoder.encode(token, StandardCharsets.UTF_8));
    Map<String, String> headers =
        Map.of("Cookie", config.cookie().reveal(), "Origin", config.origin());
    List<String> secrets = List.of(token, URLEncoder.encode(token, StandardCharsets.UTF_8), config.cookie().reveal());
    link.ws = WsConnection.open(uri, displayUrl, sslContext, headers, secrets, config.connectTimeout(), link);
    try {
      EngineIoHandshake handshake = await(link.opened, deadline, "the Engine.IO open packet");
      await(link.namespaceConnected, deadline, "the Socket.IO connect packet");
      link.handshake = handshake;
      synchronized (stateLock) {
        if (closed) {
          throw new ClosedException("session is closed");
        }
        current = link;
      }
      publishLifecycle(SessionState.CONNECTED, "connected, ping every " + handshake.pingInterval().toMillis() + " ms", false);
      startPinging(link, handshake);
      ArrayNode authArgs = args("authenticate");
      authArgs.addObject();
      JsonNode auth = awaitCall(call(link, "authenticate", authArgs), "authenticate");
      sessionInfo = WireMapping.sessionInfo(auth);
      link.authenticated = true;
      if (reconnect) {
        resubscribeAll(link);
      }
      if (link.lost.get()) {
        throw new TransportException("connection lost while authenticating", null);
      }
      link.established = true;
      connecting = null;
      publishLifecycle(
          SessionState.AUTHENTICATED,
          reconnect ? "reconnected; events pushed while disconnected were not replayed" : "authenticated",
          reconnect);
    } catch (Exception e) {
      connecting = null;
      link.abandon();
      throw e;
    }
  }

  private void resubscribeAll(Link link) throws Exception {
    for (Map.Entry<LocationId, CompletableFuture<Optional<SubscriptionId>>> entry : subscriptions.entrySet()) {
      CompletableFuture<Optional<SubscriptionId>> previous = entry.getValue();
      if (previous.isDone() && !previous.isCompletedExceptionally()) {
        try {
          JsonNode result = awaitCall(createSubscription(link, entry.getKey()), "re-create subscription");
          LOG.debug("re-created subscription for location {}", entry.getKey());
          subscriptions.put(entry.getKey(), CompletableFuture.completedFuture(WireMapping.subscriptionId(result)));
        } catch (dev.homeport.ports.ServiceCallException refused) {
          // The service no longer accepts this location's subscription: end its subscribers, keep the rest.
          LOG.info("subscription for location {} refused after reconnect: {}", entry.getKey(), refused.getMessage());
          subscriptions.put(entry.getKey(), CompletableFuture.failedFuture(refused));
          BoundedPublisher<DeviceEvent> publisher;
          synchronized (events) {
            publisher = events.remove(entry.getKey());
          }
          if (publisher != null) {
            publisher.closeExceptionally(refused);
          }
        }
      }
    }
  }

  private <T> T await(CompletableFuture<T> future, long deadline, String what) throws Exception {
    long left = deadline - System.nanoTime();
    try {
      return future.get(Math.max(0, left), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      throw new RequestTimeoutException(
          "no " + what + " from " + displayUrl + " within " + config.connectTimeout().toMillis() + " ms", null);
    } catch (ExecutionException e) {
      throw homeport(e.getCause());
    }
  }

  private JsonNode awaitCall(CompletableFuture<JsonNode> call, String what) throws Exception {
    try {
      // The call's own time-out fails it; the extra second only guards against a lost timer.
      return call.get(config.callTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new RequestTimeoutException(what + " got no answer", null);
    } catch (ExecutionException e) {
      throw homeport(e.getCause());
    }
  }

  private void startPinging(Link link, EngineIoHandshake handshake) {
    long interval = handshake.pingInterval().toNanos();
    link.pingTask =
        timer.scheduleAtFixedRate(
            () -> ping(link, handshake), interval, interval, TimeUnit.NANOSECONDS);
  }

  private void ping(Link link, EngineIoHandshake handshake) {
    if (link.lost.get()) {
      return;
    }
    long sentAt = System.nanoTime();
    try {
      link.ws.send(EngineIoCodec.encode(EngineIoPacket.of(EngineIoType.PING)));
    } catch (Exception e) {
      lost(link, "ping could not be sent: " + e.getMessage());
      return;
    }
    timer.schedule(
        () -> {
          if (link.lastReceived < sentAt) {
            lost(link, "no answer to ping within " + handshake.pingTimeout().toMillis() + " ms");
          }
        },
        handshake.pingTimeout().toNanos(),
        TimeUnit.NANOSECONDS);
  }

  /** The link is gone: fail its calls, and reconnect if it was the established one. */
  private void lost(Link link, String why) {
    if (!link.lost.compareAndSet(false, true)) {
      return;
    }
    link.opened.completeExceptionally(new TransportException("connection lost: " + why, null));
    link.namespaceConnected.completeExceptionally(new TransportException("connection lost: " + why, null));
    link.abandon();
    boolean reconnect;
    synchronized (stateLock) {
      reconnect = !closed && current == link && link.established;
      if (current == link) {
        current = null;
      }
    }
    pending.failAll(call -> new TransportException(call.description() + " failed: connection lost (" + why + ")", null));
    if (reconnect) {
      LOG.info("SmartThings connection lost ({}); reconnecting", why);
      publishLifecycle(SessionState.RECONNECTING, "connection lost: " + why, true);
      scheduleReconnect(0);
    } else {
      LOG.debug("connection {} ended: {}", link.generation, why);
    }
  }

  private void scheduleReconnect(int attempt) {
    if (closed) {
      return;
    }
    Duration delay = backoff.delay(attempt);
    try {
      timer.schedule(() -> connector.execute(() -> reconnect(attempt)), delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      LOG.debug("session closed before reconnect");
    }
  }

  private void reconnect(int attempt) {
    if (closed) {
      return;
    }
    try {
      establish(true);
      reconnects.incrementAndGet();
    } catch (Throwable e) {
      HomeportException error = homeport(e);
      if (error instanceof AuthenticationException) {
        SessionExpiredException expired =
            new SessionExpiredException(
                "the service no longer accepts this session (" + error.getMessage()
                    + "); sign in again and supply a new CSRF token and cookie");
        LOG.warn("SmartThings session expired; not reconnecting");
        shutdown(expired, SessionState.SESSION_EXPIRED, expired.getMessage());
        return;
      }
      if (closed) {
        return;
      }
      if (!error.retryable()) {
        // E.g. the server's certificate changed or the service refused the request: retrying the
        // same thing cannot help, and silently retrying a changed certificate would hide an attack.
        LOG.warn("SmartThings reconnect failed for good: {}", error.getMessage());
        shutdown(error, SessionState.DISCONNECTED, "reconnect failed for good: " + error.getMessage());
        return;
      }
      LOG.info("reconnect attempt {} failed: {}", attempt + 1, error.getMessage());
      publishLifecycle(SessionState.RECONNECTING, "reconnect attempt " + (attempt + 1) + " failed: " + error.getMessage(), true);
      scheduleReconnect(attempt + 1);
    }
  }

  @Override
  public void close() {
    shutdown(null, SessionState.CLOSED, "closed by the user");
  }

  /** Ends the session for good: with {@code error} (expired, failed start) or normally (null). */
  private void shutdown(HomeportException error, SessionState state, String detail) {
    Link link;
    synchronized (stateLock) {
      if (closed) {
        return;
      }
      closed = true;
      terminalError = error;
      generation++;
      link = current;
      current = null;
    }
    pending.failAll(call -> error != null ? error : new ClosedException(call.description() + " failed: session closed"));
    if (link != null) {
      link.lost.set(true);
      link.abandon();
    }
    Link inProgress = connecting;
    if (inProgress != null && inProgress != link) {
      // Unblock a connect or reconnect in progress so its thread ends now, not after its time-out.
      lost(inProgress, "session closed while connecting");
    }
    subscriptions.values().forEach(f -> f.completeExceptionally(error != null ? error : new ClosedException("session closed")));
    publishLifecycle(state, detail, false);
    lifecycle.close();
    synchronized (events) {
      if (error == null) {
        events.values().forEach(BoundedPublisher::close);
        messages.close();
      } else {
        events.values().forEach(publisher -> publisher.closeExceptionally(error));
        messages.closeExceptionally(error);
      }
    }
    timer.shutdownNow();
    connector.shutdown();
    delivery.shutdown();
  }

  // ---------------------------------------------------------------- incoming frames

  /** One connection attempt and everything that belongs to it. */
  private final class Link implements WsConnection.Listener {
    final long generation;
    final CompletableFuture<EngineIoHandshake> opened = new CompletableFuture<>();
    final CompletableFuture<Void> namespaceConnected = new CompletableFuture<>();
    final AtomicBoolean lost = new AtomicBoolean();
    volatile WsConnection ws;
    volatile EngineIoHandshake handshake;
    volatile ScheduledFuture<?> pingTask;
    volatile boolean authenticated;
    volatile boolean established;
    volatile long lastReceived = System.nanoTime();

    Link(long generation) {
      this.generation = generation;
    }

    void abandon() {
      ScheduledFuture<?> task = pingTask;
      if (task != null) {
        task.cancel(false);
      }
      WsConnection connection = ws;
      if (connection != null) {
        connection.close();
      }
    }

    @Override
    public void onText(String frame) {
      lastReceived = System.nanoTime();
      try {
        handleFrame(this, frame);
      } catch (RuntimeException e) {
        // Never let a frame kill the connection: report it and go on.
        LOG.debug("unreadable frame: {}", e.getMessage());
        deliver(new UnknownMessage("", truncate(frame), "frame not understood: " + e.getMessage()));
      }
    }

    @Override
    public void onBinary(ByteBuffer frame) {
      lastReceived = System.nanoTime();
      String reason;
      try {
        reason = "binary Engine.IO " + EngineIoCodec.decodeBinary(frame).type() + " packet not supported";
      } catch (MalformedFrameException e) {
        reason = e.getMessage();
      }
      deliver(new UnknownMessage("", "<" + frame.remaining() + " bytes>", reason));
    }

    @Override
    public void onClosed(int code, String reason) {
      lost(this, "closed by the server or network (WebSocket code " + code + ")");
    }
  }

  private void handleFrame(Link link, String frame) {
    EngineIoPacket packet = EngineIoCodec.decode(frame);
    switch (packet.type()) {
      case OPEN:
        link.opened.complete(EngineIoCodec.handshake(packet));
        return;
      case CLOSE:
        lost(link, "the server sent an Engine.IO close packet");
        return;
      case PING:
        send(link, EngineIoCodec.encode(EngineIoPacket.of(EngineIoType.PONG, packet.data())));
        return;
      case PONG:
      case NOOP:
      case UPGRADE:
        return;
      case MESSAGE:
        handleSocketIo(link, SocketIoCodec.decode(packet.data()), frame);
        return;
      default:
        throw new MalformedFrameException("unexpected Engine.IO packet " + packet.type());
    }
  }

  private void handleSocketIo(Link link, SocketIoPacket packet, String frame) {
    if (!SocketIoPacket.DEFAULT_NAMESPACE.equals(packet.namespace())) {
      deliver(new UnknownMessage("", truncate(frame), "packet for namespace " + packet.namespace() + " ignored"));
      return;
    }
    switch (packet.type()) {
      case CONNECT:
        link.namespaceConnected.complete(null);
        return;
      case DISCONNECT:
        lost(link, "the server disconnected the Socket.IO namespace");
        return;
      case ERROR:
        if (!link.namespaceConnected.isDone()) {
          link.namespaceConnected.completeExceptionally(
              new ProtocolException("the server refused the Socket.IO namespace: " + packet.data().map(Json::write).orElse("")));
        } else {
          deliver(new UnknownMessage("", truncate(frame), "Socket.IO error packet"));
        }
        return;
      case ACK:
        if (!pending.complete(packet.ackId().orElseThrow(), packet.data().orElseThrow())) {
          LOG.debug("answer for ack id {} arrived after its call ended", packet.ackId().getAsLong());
        }
        return;
      case EVENT:
        JsonNode args = packet.data().orElseThrow();
        if (packet.ackId().isPresent()) {
          deliver(new UnknownMessage(args.get(0).asText(), truncate(Json.write(args)), "the server asked for an answer; none is given"));
          return;
        }
        PayloadClassifier.Classified classified = PayloadClassifier.classify(args);
        if (classified.invalid()) {
          invalidPayloads.incrementAndGet();
        }
        deliver(classified.message());
        return;
      default:
        deliver(new UnknownMessage("", truncate(frame), "binary Socket.IO packets are not supported"));
    }
  }

  private void deliver(PushedMessage message) {
    try {
      if (message instanceof DeviceEvent) {
        DeviceEvent event = (DeviceEvent) message;
        if (!recentEventIds.add(event.eventId().value())) {
          duplicates.incrementAndGet();
          return;
        }
        DeviceEvent enriched = directory.enrich(event);
        BoundedPublisher<DeviceEvent> location = events.get(enriched.locationId());
        if (location != null && !location.isClosed()) {
          location.offer(enriched);
        }
        messages.offer(enriched);
      } else {
        messages.offer(message);
      }
    } catch (IllegalStateException closedMeanwhile) {
      LOG.debug("message arrived after the session closed");
    }
  }

  private static String truncate(String text) {
    return text.length() <= 4096 ? text : text.substring(0, 4096) + "...";
  }

  private void publishLifecycle(SessionState state, String detail, boolean gap) {
    lifecycle.offer(new LifecycleEvent(state, clock.instant(), detail, gap));
  }

  // ---------------------------------------------------------------- calls

  private static ArrayNode args(String... leading) {
    ArrayNode args = Json.NODES.arrayNode();
    for (String value : leading) {
      args.add(value);
    }
    return args;
  }

  private CompletableFuture<JsonNode> call(Link link, String description, ArrayNode args) {
    return feathers.call(frame -> send(link, frame), description, args);
  }

  private void send(Link link, String frame) {
    try {
      link.ws.send(frame);
    } catch (Exception e) {
      lost(link, "send failed: " + e.getMessage());
      throw new TransportException("could not send: connection lost", null);
    }
  }

  /** A call on the current, authenticated connection. */
  private CompletableFuture<JsonNode> call(String description, ArrayNode args) {
    if (closed) {
      HomeportException error = terminalError != null ? terminalError : new ClosedException(description + " failed: session is closed");
      return CompletableFuture.failedFuture(error);
    }
    Link link = current;
    if (link == null || !link.authenticated || link.lost.get()) {
      return CompletableFuture.failedFuture(
          new TransportException(description + " failed: not connected (reconnecting); try again", null));
    }
    return call(link, description, args);
  }

  private static <T> CompletableFuture<T> mapped(CompletableFuture<JsonNode> call, java.util.function.Function<JsonNode, T> mapping) {
    return call.handle(
        (result, error) -> {
          if (error != null) {
            throw new CompletionException(homeport(error));
          }
          try {
            return mapping.apply(result);
          } catch (HomeportException e) {
            throw new CompletionException(e);
          } catch (RuntimeException e) {
            throw new CompletionException(new ProtocolException("answer not understood: " + e.getMessage(), e));
          }
        });
  }

  @Override
  public SessionInfo sessionInfo() {
    return sessionInfo;
  }

  @Override
  public CompletableFuture<User> user() {
    ArrayNode args = args("get", "api/user");
    args.addNull();
    args.addObject();
    return mapped(call("get api/user", args), result -> {
      User user = WireMapping.user(result);
      directory.rememberUser(user);
      return user;
    });
  }

  @Override
  public CompletableFuture<List<Location>> locations() {
    ArrayNode args = args("find", "api/location");
    args.addObject();
    return mapped(call("find api/location", args), result -> {
      List<Location> locations = List.copyOf(WireMapping.locations(result));
      directory.rememberLocations(locations);
      return locations;
    });
  }

  @Override
  public CompletableFuture<List<Room>> rooms(LocationId locationId) {
    requireLocation(locationId);
    ArrayNode args = args("find", "api/room");
    args.addObject().put("locationId", locationId.value());
    return mapped(call("find api/room", args), result -> {
      List<Room> rooms = List.copyOf(WireMapping.rooms(result));
      directory.rememberRooms(locationId, rooms);
      return rooms;
    });
  }

  @Override
  public CompletableFuture<List<Device>> devices(LocationId locationId) {
    requireLocation(locationId);
    ArrayNode args = args("find", "api/device");
    ObjectNode query = args.addObject();
    query.put("locationId", locationId.value());
    query.putNull("since");
    query.putNull("version");
    query.putObject("locale").put("language", "en");
    return mapped(call("find api/device", args), result -> {
      WireMapping.DeviceList list = WireMapping.devices(result);
      deviceListVersions.put(locationId, list);
      List<Device> devices = List.copyOf(list.devices());
      directory.rememberDevices(locationId, devices);
      return devices;
    });
  }

  /** The etag and version of the last device list answered for {@code locationId}. */
  public Optional<WireMapping.DeviceList> lastDeviceList(LocationId locationId) {
    return Optional.ofNullable(deviceListVersions.get(locationId));
  }

  private static void requireLocation(LocationId locationId) {
    java.util.Objects.requireNonNull(locationId, "locationId");
  }

  private CompletableFuture<JsonNode> createSubscription(Link link, LocationId locationId) {
    ArrayNode args = args("create", "api/subscription");
    args.addObject().put("locationId", locationId.value());
    args.addObject();
    return call(link, "create api/subscription", args);
  }

  /** Creates the service subscription for a location once; a failed one is tried again next time. */
  private CompletableFuture<Optional<SubscriptionId>> ensureSubscribed(LocationId locationId) {
    return subscriptions.compute(
        locationId,
        (id, existing) -> {
          if (existing != null && !existing.isCompletedExceptionally()) {
            return existing;
          }
          ArrayNode args = args("create", "api/subscription");
          args.addObject().put("locationId", id.value());
          args.addObject();
          return mapped(call("create api/subscription", args), WireMapping::subscriptionId);
        });
  }

  /** The publisher of one location's device events; closed at once when the session has ended. */
  private BoundedPublisher<DeviceEvent> locationEvents(LocationId locationId) {
    synchronized (events) {
      return events.computeIfAbsent(
          locationId,
          id -> {
            BoundedPublisher<DeviceEvent> publisher =
                new BoundedPublisher<>(deliver, config.bufferSize(), config.overflowPolicy());
            if (closed) {
              if (terminalError == null) {
                publisher.close();
              } else {
                publisher.closeExceptionally(terminalError);
              }
            }
            return publisher;
          });
    }
  }

  @Override
  public Flow.Publisher<DeviceEvent> subscribe(EventFilter filter) {
    java.util.Objects.requireNonNull(filter, "filter");
    Flow.Publisher<DeviceEvent> view = subscriber -> locationEvents(filter.locationId()).filtered(filter::matches).subscribe(subscriber);
    return subscriber -> {
      if (subscriber == null) {
        throw new NullPointerException("subscriber");
      }
      if (closed) {
        view.subscribe(subscriber);
        return;
      }
      ensureSubscribed(filter.locationId())
          .whenComplete(
              (id, error) -> {
                if (error == null || closed) {
                  view.subscribe(subscriber);
                } else {
                  subscriber.onSubscribe(NO_SUBSCRIPTION);
                  subscriber.onError(homeport(error));
                }
              });
    };
  }

  private static final Flow.Subscription NO_SUBSCRIPTION =
      new Flow.Subscription() {
        @Override
        public void request(long n) {}

        @Override
        public void cancel() {}
      };

  @Override
  public Flow.Publisher<PushedMessage> messages() {
    return messages;
  }

  @Override
  public Flow.Publisher<LifecycleEvent> lifecycle() {
    return lifecycle;
  }

  @Override
  public DeviceDirectory directory() {
    return directory;
  }

  // ---------------------------------------------------------------- for tests and diagnostics

  /** Calls waiting for an answer. */
  public int pendingCallCount() {
    return pending.size();
  }

  /** Pushed payloads that looked like device events but were invalid. */
  public long invalidPayloadCount() {
    return invalidPayloads.get();
  }

  /** Device events dropped because their id was seen inside the duplicate window. */
  public long duplicateCount() {
    return duplicates.get();
  }

  /** Successful reconnects so far. */
  public long reconnectCount() {
    return reconnects.get();
  }

  /** Items dropped from slow subscribers' buffers under DROP_OLDEST (events and messages). */
  public long droppedCount() {
    return events.values().stream().mapToLong(BoundedPublisher::droppedCount).sum() + messages.droppedCount();
  }

  public boolean isClosed() {
    return closed;
  }

  static HomeportException homeport(Throwable error) {
    Throwable cause = Futures.unwrap(error);
    if (cause instanceof HomeportException) {
      return (HomeportException) cause;
    }
    return new TransportException(
        "unexpected failure: " + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()),
        cause);
  }
}
