package dev.homeport.simulators.smartthings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.homeport.domain.home.Device;
import dev.homeport.domain.home.DeviceEvent;
import dev.homeport.domain.home.EventFilter;
import dev.homeport.domain.home.LocationId;
import dev.homeport.domain.home.PushedMessage;
import dev.homeport.domain.home.SessionInfo;
import dev.homeport.ports.Futures;
import dev.homeport.ports.AuthenticationException;
import dev.homeport.ports.ServiceCallException;
import dev.homeport.ports.home.LifecycleEvent;
import dev.homeport.ports.home.SessionState;
import dev.homeport.ports.home.SmartHomeGateway;
import dev.homeport.ports.home.SmartHomeSession;
import dev.homeport.simulators.tls.SelfSignedCertificate;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A SmartThings-like real-time server on {@code 127.0.0.1}: Engine.IO 3 / Socket.IO 2 over TLS (a
 * self-signed certificate made at start), with Feathers-style services answered from a backend
 * {@link SmartHomeGateway} (normally an {@code InMemorySmartHome}). What the backend pushes to a
 * location is pushed to every client that subscribed to it.
 *
 * <p>Wire behaviour, from the protocol notes: the client connects to {@code /socket.io/?EIO=3&
 * transport=websocket&csrfToken=...} with a {@code Cookie} header; the server sends the open packet
 * and {@code 40}; the client pings every {@code pingInterval} and the server drops a client silent
 * for {@code pingInterval + pingTimeout}. {@code authenticate} fails with {@code NotAuthenticated}
 * when the CSRF token or cookie is wrong.
 *
 * <p>Faults: {@link #rejectAuthentication}, {@link #expireSession}, {@link #dropConnections},
 * {@link #freezeConnections} (half-open), {@link #freezeNewConnections}, {@link #neverAnswer},
 * {@link #refuse}, {@link #refuseUpgrades} (HTTP 401/403 instead of the WebSocket upgrade),
 * {@link #echoRequest} and {@link #closeEchoingCookie} (a server that quotes the client's secrets
 * back), {@link #answerRaw} (answers with numbers out of any range), {@link
 * #pushWithSubscriptionAnswer} (events in the same breath as a subscription's answer), {@link
 * #sendRaw} (malformed or unknown frames), {@link #duplicateEvents}. Faults of the backend
 * travel too: rejected credentials and failed calls become Feathers errors, an expired backend
 * session expires the simulator's session, and a backend disconnect drops the client and refuses
 * new ones until the backend is back. Events are pushed from the backend, or directly with
 * {@link #push}, {@link #pushBurst} (many frames per write) and {@link #pushAll} (as fast as
 * possible or at a chosen rate). Thread-safe. Written independently of the adapter's
 * codec, so a symmetric bug cannot hide.
 */
public final class SmartThingsSimulator implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SmartThingsSimulator.class);
  private static final String PATH = "/socket.io/";
  /** Messages of a burst pushed to one client before the next client's turn. */
  private static final int BURST_SLICE = 512;

  /** Builds a simulator; {@link #start()} binds it. */
  public static final class Builder {
    private SmartHomeGateway backend;
    private String csrfToken = "simulator-csrf-" + UUID.randomUUID();
    private String cookie = "JSESSIONID=" + UUID.randomUUID();
    private Duration pingInterval = Duration.ofSeconds(25);
    private Duration pingTimeout = Duration.ofSeconds(5);
    private int port;
    private int pushBatchBytes = WebSocketFrames.WRITE_AT;

    private Builder() {}

    /** The smart home whose data answers the calls and whose pushed messages reach subscribers (required). */
    public Builder backend(SmartHomeGateway backend) {
      this.backend = Objects.requireNonNull(backend, "backend");
      return this;
    }

    /** The CSRF token clients must send (default: random). */
    public Builder csrfToken(String csrfToken) {
      this.csrfToken = requireText("csrfToken", csrfToken);
      return this;
    }

    /** The cookie header value clients must send (default: random). */
    public Builder cookie(String cookie) {
      this.cookie = requireText("cookie", cookie);
      return this;
    }

    /** The ping interval announced in the open packet (default 25 s). */
    public Builder pingInterval(Duration pingInterval) {
      this.pingInterval = positive("pingInterval", pingInterval);
      return this;
    }

    /** The ping time-out announced in the open packet (default 5 s). */
    /** The port on 127.0.0.1 to listen on; 0 (the default) takes any free port. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0..65535 (0: any free port), was " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * How many bytes of pushed frames one write gathers before it is written (default 48 KB, see
     * {@link SmartThingsSimulator#pushBurst}); 1 writes every frame on its own, one TLS record and
     * one socket write each, as the simulator did before it batched (to measure a client that
     * gets one frame per read).
     *
     * @throws IllegalArgumentException outside 1..16,777,216
     */
    public Builder pushBatchBytes(int bytes) {
      if (bytes < 1 || bytes > 16 * 1024 * 1024) {
        throw new IllegalArgumentException("pushBatchBytes must be 1..16777216 (1: a write per frame), was " + bytes);
      }
      this.pushBatchBytes = bytes;
      return this;
    }

    public Builder pingTimeout(Duration pingTimeout) {
      this.pingTimeout = positive("pingTimeout", pingTimeout);
      return this;
    }

    /**
     * Starts the server on an ephemeral port.
     *
     * @throws IllegalStateException if no backend was given or the server cannot start
     */
    public SmartThingsSimulator start() {
      if (backend == null) {
        throw new IllegalStateException("backend is required: call backend(smartHome) before start()");
      }
      SmartThingsSimulator simulator = new SmartThingsSimulator(this);
      simulator.startServer();
      return simulator;
    }

    private static String requireText(String field, String value) {
      if (value == null || value.isEmpty()) {
        throw new IllegalArgumentException(field + " must be a non-empty string");
      }
      return value;
    }

    private static Duration positive(String field, Duration value) {
      if (value == null || value.isZero() || value.isNegative()) {
        throw new IllegalArgumentException(field + " must be a positive duration, was " + value);
      }
      return value;
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  private final SmartHomeGateway backend;
  private final String csrfToken;
  private final String cookie;
  private final Duration pingInterval;
  private final Duration pingTimeout;
  private final SelfSignedCertificate certificate = SelfSignedCertificate.create("smartthings-simulator");
  private final Set<SimConnection> connections = ConcurrentHashMap.newKeySet();
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final Set<String> unanswered = ConcurrentHashMap.newKeySet();
  private final Map<String, Map<String, Object>> refused = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Object>> echoing = new ConcurrentHashMap<>();
  private final Map<String, String> rawResults = new ConcurrentHashMap<>();
  private final AtomicInteger accepted = new AtomicInteger();
  private final AtomicLong pings = new AtomicLong();
  private final AtomicLong pushedFrames = new AtomicLong();
  private final AtomicLong deviceListVersion = new AtomicLong();
  private final List<Map<String, String>> handshakes = new CopyOnWriteArrayList<>();
  private final Set<SmartHomeSession> outage = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService scheduler;
  private final ExecutorService pusher;
  private volatile boolean rejectAuthentication;
  private volatile boolean expired;
  private volatile boolean duplicateEvents;
  private volatile List<PushedMessage> pushedWithSubscriptionAnswer = List.of();
  private volatile boolean pushedBeforeSubscriptionAnswer;
  private volatile boolean freezeNew;
  private volatile int refusedUpgradeStatus;
  private final int port;
  private final int pushBatchBytes;
  private TlsServerContainer server;

  private SmartThingsSimulator(Builder builder) {
    this.backend = builder.backend;
    this.csrfToken = builder.csrfToken;
    this.cookie = builder.cookie;
    this.pingInterval = builder.pingInterval;
    this.pingTimeout = builder.pingTimeout;
    this.port = builder.port;
    this.pushBatchBytes = builder.pushBatchBytes;
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> daemon(runnable, "smartthings-simulator-scheduler"));
    this.pusher = Executors.newSingleThreadExecutor(runnable -> daemon(runnable, "smartthings-simulator-pusher"));
  }

  private static Thread daemon(Runnable runnable, String name) {
    Thread thread = new Thread(runnable, name);
    thread.setDaemon(true);
    return thread;
  }

  private void startServer() {
    server = new TlsServerContainer(certificate.serverContext());
    ServerEndpointConfig config =
        ServerEndpointConfig.Builder.create(SimEndpoint.class, PATH)
            .configurator(
                new ServerEndpointConfig.Configurator() {
                  @Override
                  public void modifyHandshake(
                      ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
                    Map<String, String> seen = new LinkedHashMap<>();
                    List<String> eio = request.getParameterMap().get("EIO");
                    List<String> transport = request.getParameterMap().get("transport");
                    List<String> token = request.getParameterMap().get("csrfToken");
                    seen.put("EIO", eio == null || eio.isEmpty() ? "" : eio.get(0));
                    seen.put("transport", transport == null || transport.isEmpty() ? "" : transport.get(0));
                    seen.put("csrfTokenMatches", String.valueOf(token != null && token.contains(csrfToken)));
                    seen.put("cookieMatches", String.valueOf(cookie.equals(header(request, "cookie"))));
                    seen.put("origin", String.valueOf(header(request, "origin")));
                    seen.put("userAgent", String.valueOf(header(request, "user-agent")));
                    sec.getUserProperties().put("handshake", seen);
                    // What the client sent, kept apart from handshakes() (which never holds secrets)
                    // for the faults that quote the request back.
                    Map<String, String> sent = new LinkedHashMap<>();
                    sent.put("url", PATH + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
                    sent.put("cookie", String.valueOf(header(request, "cookie")));
                    sent.put("csrfToken", token == null || token.isEmpty() ? "" : token.get(0));
                    sec.getUserProperties().put("request", sent);
                    int refusal = refusedUpgradeStatus;
                    if (refusal != 0) {
                      // Tyrus then answers with this status instead of 101 (see SimEndpoint.onOpen)
                      ((org.glassfish.tyrus.spi.UpgradeResponse) response).setStatus(refusal);
                      seen.put("refusedWith", Integer.toString(refusal));
                    }
                  }

                  @Override
                  public <T> T getEndpointInstance(Class<T> endpointClass) {
                    return endpointClass.cast(new SimEndpoint());
                  }
                })
            .build();
    try {
      server.addEndpoint(config);
      server.start("/", port);
    } catch (IOException e) {
      throw new IllegalStateException("cannot listen on 127.0.0.1:" + port + " (" + e.getMessage() + ")", e);
    } catch (DeploymentException e) {
      throw new IllegalStateException("SmartThings simulator could not start: " + e.getMessage(), e);
    }
    long period = Math.max(10, Math.min(pingInterval.toMillis(), pingTimeout.toMillis()) / 2);
    scheduler.scheduleAtFixedRate(this::dropSilentClients, period, period, TimeUnit.MILLISECONDS);
    LOG.debug("SmartThings simulator listening on {}", url());
  }

  private static String header(HandshakeRequest request, String name) {
    for (Map.Entry<String, List<String>> entry : request.getHeaders().entrySet()) {
      if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
        return String.join("; ", entry.getValue());
      }
    }
    return null;
  }

  // ------------------------------------------------------------------ what tests read

  /** The socket URL without query: {@code wss://127.0.0.1:<port>/socket.io/}. */
  public URI url() {
    return URI.create("wss://127.0.0.1:" + server.getPort() + PATH);
  }

  /** The server's self-signed certificate (pin its fingerprint or trust its PEM). */
  public SelfSignedCertificate certificate() {
    return certificate;
  }

  /** The CSRF token clients must send. */
  public String csrfToken() {
    return csrfToken;
  }

  /** The cookie clients must send. */
  public String cookie() {
    return cookie;
  }

  /** WebSocket connections accepted so far. */
  public int connectionsAccepted() {
    return accepted.get();
  }

  /** WebSocket connections open now. */
  public int openConnections() {
    return connections.size();
  }

  /** How often a call was received, by {@code "authenticate"} or {@code "<method> <service>"}. */
  public int callCount(String call) {
    AtomicInteger count = calls.get(call);
    return count == null ? 0 : count.get();
  }

  /** Subscriptions created on connections that are still open. */
  public int liveSubscriptions() {
    int total = 0;
    for (SimConnection connection : connections) {
      total += connection.subscriptions.size();
    }
    return total;
  }

  /** Engine.IO pings received from clients. */
  public long pingsReceived() {
    return pings.get();
  }

  /** Push frames written so far (duplicates counted). */
  public long pushedFrames() {
    return pushedFrames.get();
  }

  /**
   * What each handshake carried (no secrets): {@code EIO}, {@code transport},
   * {@code csrfTokenMatches}, {@code cookieMatches}, {@code origin}, {@code userAgent}.
   */
  public List<Map<String, String>> handshakes() {
    return List.copyOf(handshakes);
  }

  // ------------------------------------------------------------------ faults

  /** While true, every {@code authenticate} is answered with NotAuthenticated (401). */
  public void rejectAuthentication(boolean reject) {
    this.rejectAuthentication = reject;
  }

  /**
   * Expires the session: open connections get a Socket.IO disconnect and are closed, and every later
   * {@code authenticate} fails with NotAuthenticated until {@link #renewSession()}.
   */
  public void expireSession() {
    expired = true;
    for (SimConnection connection : connections) {
      connection.send("41");
      connection.close();
    }
  }

  /** Accepts authentication again after {@link #expireSession()}. */
  public void renewSession() {
    expired = false;
  }

  /** Drops every TCP connection abruptly (no close frame); clients see an abnormal closure. */
  public void dropConnections() {
    server.dropAllConnections();
  }

  /**
   * Makes the connections open now half-open: they stay open but the server stops answering pings
   * and sends nothing more. Connections made later behave normally.
   */
  public void freezeConnections() {
    connections.forEach(connection -> connection.frozen = true);
  }

  /**
   * While true, connections accepted from now on are half-open from the start: the WebSocket
   * handshake succeeds but the server never sends the Engine.IO open packet, nor anything else.
   */
  public void freezeNewConnections(boolean freeze) {
    this.freezeNew = freeze;
  }

  /**
   * Calls named {@code call} ({@code "authenticate"} or {@code "<method> <service>"}, e.g.
   * {@code "find api/location"}; {@code "*"} for all) are received but never answered.
   */
  public void neverAnswer(String call) {
    unanswered.add(Objects.requireNonNull(call, "call"));
  }

  /**
   * Calls named {@code call} (as for {@link #neverAnswer}) are answered with a Feathers error, e.g.
   * {@code refuse("create api/subscription", "Forbidden", 403, "not allowed")}.
   */
  public void refuse(String call, String errorName, int code, String message) {
    refused.put(Objects.requireNonNull(call, "call"), SimJson.error(errorName, code, message));
  }

  /**
   * Calls named {@code call} (as for {@link #neverAnswer}) are answered with a Feathers error whose
   * message quotes the client's WebSocket request as a careless server's debug error handler
   * would: the URL as received (with its URL-encoded {@code csrfToken}), the {@code Cookie} header
   * and the CSRF token, as a JSON document in the message text. {@code errorName}/{@code code} as
   * for {@link #refuse}, e.g. {@code ("NotAuthenticated", 401)}.
   */
  public void echoRequest(String call, String errorName, int code) {
    echoing.put(Objects.requireNonNull(call, "call"), SimJson.error(errorName, code, ""));
  }

  /**
   * Closes every open connection with WebSocket code 1008 (policy violation) and a reason quoting
   * the value of the first cookie the client sent ({@code "session <value> is not valid"}), cut to
   * the 123 bytes a close reason may have. Clients may reconnect.
   */
  public void closeEchoingCookie() {
    for (SimConnection connection : connections) {
      String first = connection.request.getOrDefault("cookie", "").split(";")[0];
      String value = first.substring(first.indexOf('=') + 1).strip();
      String reason = "session " + value + " is not valid";
      while (reason.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 123) {
        reason = reason.substring(0, reason.length() - 1);
      }
      connection.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, reason));
    }
  }

  /**
   * Calls named {@code call} (as for {@link #neverAnswer}) succeed with {@code resultJson} written
   * on the wire exactly as given ({@code 43<id>[null,<resultJson>]}): numbers no Java value
   * writes, such as {@code 1e2147483647} or a 10,000-digit integer, or an answer that is not JSON.
   */
  public void answerRaw(String call, String resultJson) {
    rawResults.put(Objects.requireNonNull(call, "call"), Objects.requireNonNull(resultJson, "resultJson"));
  }

  /** Answers every call normally again (undoes {@link #neverAnswer}, {@link #refuse}, {@link #echoRequest} and {@link #answerRaw}). */
  public void answerAll() {
    unanswered.clear();
    refused.clear();
    echoing.clear();
    rawResults.clear();
  }

  /**
   * Every subscription created from now on gets {@code messages} on its connection in the same
   * breath as its answer: written right before the answer when {@code beforeAnswer}, else right
   * after it, with nothing in between. Which order the real service uses, and how close its first
   * events follow the answer, is not captured in smartthings-realtime.md; a client must lose
   * nothing in either order. An empty list switches this off.
   */
  public void pushWithSubscriptionAnswer(List<? extends PushedMessage> messages, boolean beforeAnswer) {
    this.pushedBeforeSubscriptionAnswer = beforeAnswer;
    this.pushedWithSubscriptionAnswer = List.copyOf(messages);
  }

  /**
   * While {@code status} is 401 or 403, every WebSocket upgrade is answered with that HTTP status
   * instead of {@code 101}, as the service answers once the session cookie or CSRF token is no
   * longer valid; such a connection is not counted in {@link #connectionsAccepted()}. 0 accepts
   * upgrades again.
   *
   * @throws IllegalArgumentException for any other status
   */
  public void refuseUpgrades(int status) {
    if (status != 0 && status != 401 && status != 403) {
      throw new IllegalArgumentException("upgrade refusal must be 401 or 403 (0: accept), was " + status);
    }
    this.refusedUpgradeStatus = status;
  }

  /** Sends one raw text frame, as is, to every open connection (malformed or unknown frames). */
  public void sendRaw(String frame) {
    connections.forEach(connection -> connection.send(frame));
  }

  /** While true, every pushed device event is sent twice (same eventId). */
  public void duplicateEvents(boolean duplicate) {
    this.duplicateEvents = duplicate;
  }

  // ------------------------------------------------------------------ pushing

  /**
   * Pushes one message now to every client subscribed to its location (device events) or with any
   * subscription (other kinds), bypassing the backend.
   */
  public void push(PushedMessage message) {
    for (SimConnection connection : connections) {
      connection.push(List.of(message), null);
    }
  }

  /**
   * Pushes {@code messages} now, in order, as {@link #push} would push each, but many frames per
   * write (one TLS write per batch of about 48 KB instead of one per frame): the way to push a
   * firehose. Each frame is still one whole Engine.IO packet. Returns when every frame was written
   * to every subscribed client; a client that does not read holds the caller (TCP flow control),
   * with one batch in memory per connection. Calls and pings of the client are answered between
   * batches.
   */
  public void pushBurst(List<? extends PushedMessage> messages) {
    // In slices, so several clients get the burst side by side rather than one after the other.
    for (int from = 0; from < messages.size(); from += BURST_SLICE) {
      List<? extends PushedMessage> slice = messages.subList(from, Math.min(messages.size(), from + BURST_SLICE));
      for (SimConnection connection : connections) {
        connection.push(slice, null);
      }
    }
  }

  /**
   * Pushes messages in order on the simulator's pusher thread: as fast as possible when
   * {@code interval} is zero (as {@link #pushBurst} does), else one per interval.
   *
   * @return completes when all were sent
   */
  public CompletableFuture<Void> pushAll(List<? extends PushedMessage> messages, Duration interval) {
    List<PushedMessage> copy = List.copyOf(messages);
    CompletableFuture<Void> done = new CompletableFuture<>();
    if (interval.isZero() || interval.isNegative()) {
      pusher.execute(
          () -> {
            pushBurst(copy);
            done.complete(null);
          });
      return done;
    }
    Iterator<PushedMessage> next = copy.iterator();
    ScheduledFuture<?>[] task = new ScheduledFuture<?>[1];
    synchronized (task) {
      task[0] =
          scheduler.scheduleAtFixedRate(
              () -> {
                if (next.hasNext()) {
                  push(next.next());
                }
                if (!next.hasNext()) {
                  done.complete(null);
                  synchronized (task) {
                    task[0].cancel(false);
                  }
                }
              },
              0,
              interval.toNanos(),
              TimeUnit.NANOSECONDS);
    }
    return done;
  }

  // ------------------------------------------------------------------ lifecycle

  private void runLater(Runnable action) {
    try {
      scheduler.execute(action);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      LOG.debug("simulator closed; action dropped");
    }
  }

  private void dropSilentClients() {
    long limit = pingInterval.plus(pingTimeout).toNanos();
    long now = System.nanoTime();
    for (SimConnection connection : connections) {
      if (now - connection.lastSeen > limit) {
        LOG.debug("simulator drops a client silent for more than {} ms", limit / 1_000_000);
        connection.close();
      }
    }
  }

  /** Stops the server and closes every connection. Idempotent. */
  @Override
  public void close() {
    scheduler.shutdownNow();
    pusher.shutdownNow();
    for (SimConnection connection : connections) {
      connection.close();
    }
    if (server != null) {
      server.stop();
    }
  }

  // ------------------------------------------------------------------ one client

  /**
   * The WebSocket endpoint of one client connection. Public only because Tyrus calls it
   * reflectively; not for direct use.
   */
  public final class SimEndpoint extends Endpoint {
    private SimConnection connection;

    private SimEndpoint() {}

    @Override
    public void onOpen(Session session, EndpointConfig config) {
      @SuppressWarnings("unchecked")
      Map<String, String> handshake = (Map<String, String>) config.getUserProperties().get("handshake");
      handshake = handshake == null ? Map.of() : Map.copyOf(handshake);
      handshakes.add(handshake);
      if (handshake.containsKey("refusedWith")) {
        // Tyrus counts a 401 answer among the successful upgrades and still opens a session; the
        // client has its 401 and is gone: serve nothing, count nothing.
        try {
          session.close();
        } catch (IOException e) {
          // already gone
        }
        return;
      }
      accepted.incrementAndGet();
      @SuppressWarnings("unchecked")
      Map<String, String> request = (Map<String, String>) config.getUserProperties().get("request");
      org.glassfish.tyrus.spi.Writer bytes = server.writerOfOpeningSession();
      if (bytes == null) {
        throw new IllegalStateException("the WebSocket session opened outside its connection's creation");
      }
      connection = new SimConnection(session, bytes, handshake, request == null ? Map.of() : Map.copyOf(request));
      connections.add(connection);
      if (!outage.isEmpty()) {
        // The backend is disconnected: behave like an unreachable service.
        connection.close();
        return;
      }
      if (freezeNew) {
        connection.frozen = true;
        return;
      }
      session.setMaxTextMessageBufferSize(16 * 1024 * 1024);
      session.addMessageHandler(String.class, (MessageHandler.Whole<String>) connection::onText);
      Map<String, Object> open = new LinkedHashMap<>();
      open.put("sid", UUID.randomUUID().toString().replace("-", ""));
      open.put("upgrades", List.of());
      open.put("pingInterval", pingInterval.toMillis());
      open.put("pingTimeout", pingTimeout.toMillis());
      connection.send("0" + SimJson.write(open));
      connection.send("40");
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
      if (connection != null) {
        connection.ended();
      }
    }

    @Override
    public void onError(Session session, Throwable error) {
      LOG.debug("simulator connection error: {}", error.toString());
    }
  }

  private final class SimConnection {
    final Session session;
    final boolean credentialsMatch;
    /** The URL and cookie as the client sent them (secrets: only the echo faults use them). */
    final Map<String, String> request;
    final Map<String, String> subscriptions = new ConcurrentHashMap<>();
    volatile SmartHomeSession backendSession;
    volatile boolean authenticated;
    volatile boolean frozen;
    volatile long lastSeen = System.nanoTime();
    private final java.util.concurrent.locks.ReentrantLock sendLock = new java.util.concurrent.locks.ReentrantLock();
    private final java.util.concurrent.atomic.AtomicReference<String> owedPong = new java.util.concurrent.atomic.AtomicReference<>();
    /** The bytes under the session: pushed frames go here in batches (see WebSocketFrames). */
    private final org.glassfish.tyrus.spi.Writer bytes;
    /** Made on the first push, then reused; guarded by sendLock. */
    private WebSocketFrames pushFrames;

    SimConnection(Session session, org.glassfish.tyrus.spi.Writer bytes, Map<String, String> handshake,
        Map<String, String> request) {
      this.session = session;
      this.bytes = bytes;
      this.request = request;
      this.credentialsMatch =
          "true".equals(handshake.get("csrfTokenMatches")) && "true".equals(handshake.get("cookieMatches"));
    }

    void send(String frame) {
      if (frozen) {
        return;
      }
      sendLock.lock();
      try {
        write(frame);
        String pong = owedPong.getAndSet(null);
        if (pong != null) {
          write(pong);
        }
      } finally {
        sendLock.unlock();
      }
    }

    /**
     * Answers a ping without ever waiting for the send lock: while a client is not reading (its
     * backpressure), a push blocks in its write, and a real socket.io server still reads pings
     * and queues the pong; waiting here would stop this connection's reading too, and the
     * simulator would then drop the client as silent. The pong is written by whoever holds the
     * lock, after its frame.
     */
    void pong(String frame) {
      if (frozen) {
        return;
      }
      if (sendLock.tryLock()) {
        try {
          write(frame);
        } finally {
          sendLock.unlock();
        }
      } else {
        owedPong.set(frame);
        if (sendLock.tryLock()) { // the holder may have finished before the pong was set
          try {
            String pong = owedPong.getAndSet(null);
            if (pong != null) {
              write(pong);
            }
          } finally {
            sendLock.unlock();
          }
        }
      }
    }

    private void write(String frame) {
      try {
        if (session.isOpen()) {
          session.getBasicRemote().sendText(frame);
        }
      } catch (IOException | RuntimeException e) {
        LOG.debug("simulator could not send: {}", e.toString());
      }
    }

    void close() {
      close(null);
    }

    void close(CloseReason reason) {
      try {
        if (reason == null) {
          session.close();
        } else {
          session.close(reason);
        }
      } catch (IOException | RuntimeException e) {
        LOG.debug("simulator close failed: {}", e.toString());
      }
      ended();
    }

    void ended() {
      if (connections.remove(this)) {
        SmartHomeSession backendNow = backendSession;
        if (backendNow != null && !outage.contains(backendNow)) {
          backendNow.close();
        }
      }
    }

    void onText(String frame) {
      lastSeen = System.nanoTime();
      if (frozen || frame.isEmpty()) {
        return;
      }
      char type = frame.charAt(0);
      if (type == '2') {
        pings.incrementAndGet();
        pong("3" + frame.substring(1));
      } else if (type == '1') {
        close();
      } else if (type == '4') {
        onSocketIo(frame.substring(1));
      }
    }

    private void onSocketIo(String packet) {
      if (packet.startsWith("1")) {
        close();
        return;
      }
      if (!packet.startsWith("2")) {
        return;
      }
      int i = 1;
      if (i < packet.length() && packet.charAt(i) == '/') {
        int comma = packet.indexOf(',', i);
        if (comma < 0) {
          return;
        }
        i = comma + 1;
      }
      int start = i;
      while (i < packet.length() && Character.isDigit(packet.charAt(i))) {
        i++;
      }
      if (i == start) {
        return; // an event without ack id: nothing to answer
      }
      String ackId = packet.substring(start, i);
      JsonNode args;
      try {
        args = SimJson.read(packet.substring(i));
      } catch (IOException e) {
        sendError(ackId, "BadRequest", 400, "malformed call");
        return;
      }
      if (!args.isArray() || args.size() == 0 || !args.get(0).isTextual()) {
        sendError(ackId, "BadRequest", 400, "a call must be an array starting with its name");
        return;
      }
      handleCall(ackId, args);
    }

    private void handleCall(String ackId, JsonNode args) {
      String name = args.get(0).asText();
      String call = "authenticate".equals(name) ? name : name + " " + args.path(1).asText("");
      calls.computeIfAbsent(call, key -> new AtomicInteger()).incrementAndGet();
      if (unanswered.contains(call) || unanswered.contains("*")) {
        return;
      }
      String raw = rawResults.get(call);
      if (raw != null) {
        send("43" + ackId + "[null," + raw + "]");
        return;
      }
      Map<String, Object> echo = echoing.get(call);
      if (echo != null) {
        sendError(ackId, String.valueOf(echo.get("name")), ((Number) echo.get("code")).intValue(),
            "bad request " + SimJson.write(request));
        return;
      }
      Map<String, Object> refusal = refused.get(call);
      if (refusal != null) {
        List<Object> error = new ArrayList<>();
        error.add(refusal);
        send("43" + ackId + SimJson.write(error));
        return;
      }
      if ("authenticate".equals(name)) {
        authenticate(ackId);
        return;
      }
      if (!authenticated || expired || backendSession == null) {
        sendError(ackId, "NotAuthenticated", 401, "not authenticated");
        return;
      }
      try {
        dispatch(ackId, call, args.path(2), backendSession);
      } catch (RuntimeException e) {
        sendFailure(ackId, e);
      }
    }

    private void dispatch(String ackId, String call, JsonNode params, SmartHomeSession home) {
      switch (call) {
        case "get api/user":
          answer(ackId, home.user().thenApply(SimJson::user));
          break;
        case "find api/location":
          answer(ackId, home.locations().thenApply(list -> map(list, SimJson::location)));
          break;
        case "find api/room":
          withLocation(ackId, params, location -> answer(ackId, home.rooms(location).thenApply(list -> map(list, SimJson::room))));
          break;
        case "find api/device":
          withLocation(ackId, params, location -> answer(ackId, home.devices(location).thenApply(this::deviceList)));
          break;
        case "create api/subscription":
          withLocation(ackId, params, location -> subscribe(ackId, location));
          break;
        default:
          sendError(ackId, "NotFound", 404, "no service method " + call);
      }
    }

    private void withLocation(String ackId, JsonNode params, Consumer<LocationId> then) {
      JsonNode location = params.path("locationId");
      if (!location.isTextual() || location.asText().isBlank()) {
        sendError(ackId, "BadRequest", 400, "locationId is required");
        return;
      }
      then.accept(LocationId.of(location.asText()));
    }

    private Map<String, Object> deviceList(List<Device> devices) {
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("data", map(devices, SimJson::deviceEntry));
      long version = deviceListVersion.incrementAndGet();
      result.put("etag", "W/\"devices-" + version + "\"");
      result.put("version", version);
      return result;
    }

    private void authenticate(String ackId) {
      if (rejectAuthentication || expired || !credentialsMatch) {
        sendError(ackId, "NotAuthenticated", 401, expired ? "jwt expired" : "invalid credentials");
        return;
      }
      backend
          .connect()
          .whenComplete(
              (home, error) -> {
                if (error != null) {
                  sendFailure(ackId, error);
                  return;
                }
                SmartHomeSession previous = backendSession;
                backendSession = home;
                if (previous != null) {
                  previous.close();
                }
                watchLifecycle(home);
                authenticated = true;
                SessionInfo info = home.sessionInfo();
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("userId", info.userId().value());
                result.put("sessionLength", info.sessionLength().toSeconds());
                result.put("stayLoggedIn", info.stayLoggedIn());
                sendAck(ackId, result);
              });
    }

    /**
     * Mirrors the backend session's life on the wire: expired -> the simulator's session expires;
     * disconnected -> this client is dropped and new clients are refused until the backend session
     * is authenticated again (so nothing published during the outage reaches anyone).
     */
    private void watchLifecycle(SmartHomeSession home) {
      home.lifecycle()
          .subscribe(
              new Forwarder<LifecycleEvent>(
                  event -> {
                    // React off the backend's delivery thread: closing a session from inside its
                    // own lifecycle callback would re-enter the backend.
                    if (event.state() == SessionState.SESSION_EXPIRED) {
                      expired = true;
                      runLater(SmartThingsSimulator.this::expireSession);
                    } else if (event.state() == SessionState.RECONNECTING) {
                      outage.add(home);
                      runLater(this::close);
                    } else if (event.state() == SessionState.DISCONNECTED) {
                      runLater(this::close);
                    } else if (event.state() == SessionState.AUTHENTICATED && outage.contains(home)) {
                      runLater(() -> {
                        outage.remove(home);
                        home.close();
                      });
                    }
                  },
                  null));
    }

    private void subscribe(String ackId, LocationId location) {
      String subscriptionId = UUID.randomUUID().toString();
      CompletableFuture<Void> events = new CompletableFuture<>();
      CompletableFuture<Void> others = new CompletableFuture<>();
      boolean first = subscriptions.isEmpty();
      subscriptions.put(subscriptionId, location.value());
      backendSession
          .subscribe(EventFilter.location(location))
          .subscribe(new Forwarder<DeviceEvent>(event -> push(List.of(event), subscriptionId), events));
      if (first) {
        backendSession
            .messages()
            .subscribe(
                new Forwarder<PushedMessage>(
                    message -> {
                      if (!(message instanceof DeviceEvent)) {
                        push(List.of(message), subscriptionId);
                      }
                    },
                    others));
      } else {
        others.complete(null);
      }
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("subscriptionId", subscriptionId);
      result.put("locationId", location.value());
      result.put("type", "LOCATION");
      CompletableFuture.allOf(events, others)
          .orTimeout(5, TimeUnit.SECONDS)
          .whenComplete(
              (ok, error) -> {
                if (error != null) {
                  subscriptions.remove(subscriptionId);
                  sendFailure(ackId, error);
                } else {
                  List<PushedMessage> withAnswer = pushedWithSubscriptionAnswer;
                  boolean before = pushedBeforeSubscriptionAnswer;
                  if (before) {
                    push(withAnswer, subscriptionId);
                  }
                  sendAck(ackId, result);
                  if (!before) {
                    push(withAnswer, subscriptionId);
                  }
                }
              });
    }

    /**
     * Pushes {@code messages}, in order, to this client if it subscribed; {@code subscriptionId}
     * null means "any of its own". The frames are gathered and written in batches of about
     * {@code pushBatchBytes} (48 KB unless the builder chose otherwise), each write waiting until the client's TCP window
     * takes it. The send lock is held for the whole call ({@link #pushBurst} calls it per slice of
     * {@code BURST_SLICE} messages), so an answer waits at most one slice; a pong owed meanwhile
     * is written after each batch.
     */
    void push(List<? extends PushedMessage> messages, String subscriptionId) {
      if (!authenticated || frozen || subscriptions.isEmpty()) {
        return;
      }
      sendLock.lock();
      try {
        if (pushFrames == null) {
          pushFrames = new WebSocketFrames();
        }
        for (PushedMessage message : messages) {
          if (frozen) {
            break;
          }
          String target = target(message, subscriptionId);
          if (target == null) {
            continue;
          }
          pushFrames.addPush(message, target);
          if (duplicateEvents && message instanceof DeviceEvent) {
            pushFrames.repeatLast();
          }
          if (pushFrames.size() >= pushBatchBytes) {
            writePushed();
          }
        }
        writePushed();
      } finally {
        sendLock.unlock();
      }
    }

    /** Which of this client's subscriptions {@code message} goes to, or null for none. */
    private String target(PushedMessage message, String subscriptionId) {
      if (subscriptionId != null) {
        return subscriptionId;
      }
      if (message instanceof DeviceEvent) {
        String location = ((DeviceEvent) message).locationId().value();
        for (Map.Entry<String, String> subscription : subscriptions.entrySet()) {
          if (subscription.getValue().equals(location)) {
            return subscription.getKey();
          }
        }
        return null;
      }
      Iterator<String> any = subscriptions.keySet().iterator();
      return any.hasNext() ? any.next() : null;
    }

    /** Writes the gathered push frames (under sendLock), then a pong owed meanwhile. */
    private void writePushed() {
      int count = pushFrames.frames();
      if (count == 0) {
        return;
      }
      if (frozen) {
        pushFrames.clear(); // half-open now: nothing more is sent
        return;
      }
      pushedFrames.addAndGet(count);
      try {
        if (session.isOpen()) {
          pushFrames.write(bytes);
        }
      } catch (IOException | RuntimeException e) {
        LOG.debug("simulator could not push: {}", e.toString());
      } finally {
        pushFrames.clear();
      }
      String pong = owedPong.getAndSet(null);
      if (pong != null) {
        write(pong);
      }
    }

    private void answer(String ackId, CompletableFuture<?> result) {
      result.whenComplete(
          (value, error) -> {
            if (error != null) {
              sendFailure(ackId, error);
            } else {
              sendAck(ackId, value);
            }
          });
    }

    private void sendAck(String ackId, Object result) {
      List<Object> args = new ArrayList<>();
      args.add(null);
      args.add(result);
      send("43" + ackId + SimJson.write(args));
    }

    private void sendFailure(String ackId, Throwable error) {
      Throwable cause = Futures.unwrap(error);
      if (cause instanceof AuthenticationException) {
        sendError(ackId, "NotAuthenticated", 401, "not authenticated");
      } else if (cause instanceof ServiceCallException) {
        ServiceCallException refused = (ServiceCallException) cause;
        sendError(ackId, refused.name(), refused.code(), refused.remoteMessage());
      } else if (cause instanceof IllegalArgumentException || cause instanceof NullPointerException) {
        sendError(ackId, "BadRequest", 400, String.valueOf(cause.getMessage()));
      } else if (cause instanceof dev.homeport.ports.TransportException) {
        sendError(ackId, "Unavailable", 503, "service unavailable");
      } else {
        sendError(ackId, "GeneralError", 500, cause.getClass().getSimpleName());
      }
    }

    private void sendError(String ackId, String name, int code, String message) {
      List<Object> args = new ArrayList<>();
      args.add(SimJson.error(name, code, message));
      send("43" + ackId + SimJson.write(args));
    }
  }

  private static <T> List<Object> map(List<T> items, java.util.function.Function<T, Object> mapping) {
    List<Object> out = new ArrayList<>(items.size());
    items.forEach(item -> out.add(mapping.apply(item)));
    return out;
  }

  /** Requests everything and hands each item on; completes {@code subscribed} on subscribe. */
  private static final class Forwarder<T> implements Flow.Subscriber<T> {
    private final Consumer<T> consumer;
    private final CompletableFuture<Void> subscribed;

    Forwarder(Consumer<T> consumer, CompletableFuture<Void> subscribed) {
      this.consumer = consumer;
      this.subscribed = subscribed;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      subscription.request(Long.MAX_VALUE);
      if (subscribed != null) {
        subscribed.complete(null);
      }
    }

    @Override
    public void onNext(T item) {
      try {
        consumer.accept(item);
      } catch (RuntimeException e) {
        LOG.debug("simulator could not forward an item: {}", e.toString());
      }
    }

    @Override
    public void onError(Throwable error) {
      if (subscribed != null) {
        subscribed.completeExceptionally(error);
      }
    }

    @Override
    public void onComplete() {
      if (subscribed != null) {
        subscribed.complete(null);
      }
    }
  }
}
