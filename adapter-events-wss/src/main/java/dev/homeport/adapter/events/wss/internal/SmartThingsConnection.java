package dev.homeport.adapter.events.wss.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.homeport.adapter.events.wss.SmartThingsConfig;
import dev.homeport.domain.home.DeviceEvent;
import dev.homeport.domain.home.PushedMessage;
import dev.homeport.domain.home.SessionInfo;
import dev.homeport.domain.home.UnknownMessage;
import dev.homeport.ports.AuthenticationException;
import dev.homeport.ports.ClosedException;
import dev.homeport.ports.HomeportException;
import dev.homeport.ports.ProtocolException;
import dev.homeport.ports.RequestTimeoutException;
import dev.homeport.ports.SessionExpiredException;
import dev.homeport.ports.TransportException;
import dev.homeport.ports.home.SessionState;
import dev.homeport.support.SecretScrubber;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session's connection: one (replaceable) WebSocket at a time, the Engine.IO / Socket.IO
 * handshake, authentication, the {@link Heartbeat}, frames in (answers to calls, pushed messages
 * to the {@link EventRouter}), and reconnects under the configured policy ({@link Reconnector}),
 * re-subscribing through the {@link FeathersApi}. Connect attempts run on the connector thread,
 * timers on the timer thread. Thread-safe.
 */
final class SmartThingsConnection {

  private static final Logger LOG = LoggerFactory.getLogger(SmartThingsConnection.class);

  /** Ends the whole session for good (expired, or a reconnect that cannot succeed). */
  @FunctionalInterface
  interface Ending {
    void end(HomeportException error, SessionState state, String detail);
  }

  private final SmartThingsConfig config;
  private final String displayUrl;
  /** The CSRF token and cookie in every form a server could echo; applied to all remote text we repeat. */
  private final SecretScrubber scrubber;
  private final ScheduledExecutorService timer;
  private final PendingCalls pending;
  private final FeathersClient feathers;
  private final EventRouter router;
  private final Reconnector reconnector;
  private final AtomicLong reconnects = new AtomicLong();
  private final AtomicBoolean pingBoundsLogged = new AtomicBoolean();
  private final AtomicBoolean invalidLogged = new AtomicBoolean();
  private final Object stateLock = new Object();
  private FeathersApi api;
  private Ending ending;

  private volatile SSLContext sslContext;
  private volatile Link current;
  private volatile Link connecting;
  private volatile SessionInfo sessionInfo;
  private volatile boolean closed;
  private volatile HomeportException terminalError;
  private long generation;

  SmartThingsConnection(SmartThingsConfig config, ScheduledExecutorService timer, java.util.concurrent.Executor connector,
      PendingCalls pending, EventRouter router) {
    this.config = config;
    this.displayUrl = config.url().toString();
    this.scrubber = SecretScrubber.builder().secret(config.csrfToken()).cookie(config.cookie().reveal()).build();
    this.timer = timer;
    this.pending = pending;
    this.feathers = new FeathersClient(pending, config.callTimeout(), scrubber);
    this.router = router;
    this.reconnector = new Reconnector(config.reconnectPolicy(), timer, connector, System::nanoTime);
  }

  /** Completes the wiring: the API that re-subscribes, and who ends the session. */
  void wire(FeathersApi api, Ending ending) {
    this.api = api;
    this.ending = ending;
  }

  // ---------------------------------------------------------------- connect

  /** The first connect: builds the TLS context, then {@link #establish}. Runs on the connector thread. */
  void connectFirst() throws Exception {
    sslContext = TlsContexts.create(config.trust(), config.tlsProvider());
    establish(false);
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
    router.lifecycle(SessionState.CONNECTING, reconnect ? "reconnecting to " + displayUrl : "connecting to " + displayUrl, false);
    long deadline = System.nanoTime() + config.connectTimeout().toNanos();
    String token = config.csrfToken().reveal();
    URI uri =
        URI.create(
            config.url()
                + "?EIO=3&transport=websocket&csrfToken="
                + URLEncoder.encode(token, StandardCharsets.UTF_8));
    Map<String, String> headers =
        Map.of("Cookie", config.cookie().reveal(), "Origin", config.origin());
    link.ws = WsConnection.open(uri, displayUrl, sslContext, headers, scrubber, config.connectTimeout(), config.maxMessageSize(), link);
    try {
      EngineIoHandshake handshake =
          Heartbeat.bounded(await(link.opened, deadline, "the Engine.IO open packet"), pingBoundsLogged);
      await(link.namespaceConnected, deadline, "the Socket.IO connect packet");
      link.handshake = handshake;
      synchronized (stateLock) {
        if (closed) {
          throw new ClosedException("session is closed");
        }
        current = link;
      }
      router.lifecycle(SessionState.CONNECTED, "connected, ping every " + handshake.pingInterval().toMillis() + " ms", false);
      link.pingTask = Heartbeat.start(timer, handshake,
          () -> link.ws.send(EngineIoCodec.encode(EngineIoPacket.of(EngineIoType.PING))),
          link.lost::get, link::lastReceivedOrPaused, why -> lost(link, why));
      ArrayNode authArgs = FeathersApi.args("authenticate");
      authArgs.addObject();
      JsonNode auth = awaitCall(call(link, "authenticate", authArgs), "authenticate");
      sessionInfo = WireMapping.sessionInfo(auth);
      link.authenticated = true;
      if (reconnect) {
        api.resubscribeAll((description, args) -> call(link, description, args), this::awaitCall);
      }
      if (link.lost.get()) {
        throw new TransportException("connection lost while authenticating", null);
      }
      link.established = true;
      connecting = null;
      reconnector.connected();
      router.lifecycle(
          SessionState.AUTHENTICATED,
          reconnect ? "reconnected; events pushed while disconnected were not replayed" : "authenticated",
          reconnect);
    } catch (Exception e) {
      connecting = null;
      link.abandon();
      throw e;
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
      throw SmartThingsSession.homeport(e.getCause());
    }
  }

  private JsonNode awaitCall(CompletableFuture<JsonNode> call, String what) throws Exception {
    try {
      // The call's own time-out fails it; the extra second only guards against a lost timer.
      return call.get(config.callTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new RequestTimeoutException(what + " got no answer", null);
    } catch (ExecutionException e) {
      throw SmartThingsSession.homeport(e.getCause());
    }
  }

  // ---------------------------------------------------------------- lose, reconnect, close

  /** The link is gone: fail its calls, and reconnect if it was the established one. */
  private void lost(Link link, String why) {
    if (!link.lost.compareAndSet(false, true)) {
      return;
    }
    router.wakeReader();
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
      router.lifecycle(SessionState.RECONNECTING, "connection lost: " + why, true);
      if (!closed) {
        reconnector.lost(this::reconnect);
      }
    } else {
      LOG.debug("connection {} ended: {}", link.generation, why);
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
      HomeportException error = SmartThingsSession.homeport(e);
      if (error instanceof AuthenticationException) {
        SessionExpiredException expired =
            new SessionExpiredException(
                "the service no longer accepts this session: " + error.getMessage()
                    + "; sign in again and supply a new CSRF token and cookie");
        LOG.warn("SmartThings session expired; not reconnecting");
        ending.end(expired, SessionState.SESSION_EXPIRED, expired.getMessage());
        return;
      }
      if (closed) {
        return;
      }
      if (!error.retryable()) {
        // E.g. the server's certificate changed or the service refused the request: retrying the
        // same thing cannot help, and silently retrying a changed certificate would hide an attack.
        LOG.warn("SmartThings reconnect failed for good: {}", error.getMessage());
        ending.end(error, SessionState.DISCONNECTED, "reconnect failed for good: " + error.getMessage());
        return;
      }
      LOG.info("reconnect attempt {} failed: {}", attempt + 1, error.getMessage());
      router.lifecycle(SessionState.RECONNECTING, "reconnect attempt " + (attempt + 1) + " failed: " + error.getMessage(), true);
      if (!closed) {
        reconnector.failed(attempt, this::reconnect);
      }
    }
  }

  /**
   * Marks the connection closed for good with {@code error} (null: closed normally), fails every
   * pending call, drops the current link and unblocks a connect in progress.
   *
   * @return false if it was already closed
   */
  boolean close(HomeportException error) {
    Link link;
    synchronized (stateLock) {
      if (closed) {
        return false;
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
      router.wakeReader();
      link.abandon();
    }
    Link inProgress = connecting;
    if (inProgress != null && inProgress != link) {
      // Unblock a connect or reconnect in progress so its thread ends now, not after its time-out.
      lost(inProgress, "session closed while connecting");
    }
    return true;
  }

  boolean isClosed() {
    return closed;
  }

  /** Why the session ended, or null when it was closed normally (or is open). */
  HomeportException terminalError() {
    return terminalError;
  }

  SessionInfo sessionInfo() {
    return sessionInfo;
  }

  java.util.Optional<EngineIoHandshake> handshake() {
    Link link = current;
    return link == null ? java.util.Optional.empty() : java.util.Optional.ofNullable(link.handshake);
  }

  /** The session's secrets in every form, for whatever else repeats remote text. */
  SecretScrubber scrubber() {
    return scrubber;
  }

  long reconnectCount() {
    return reconnects.get();
  }

  // ---------------------------------------------------------------- calls

  /** A call on the current, authenticated connection. */
  CompletableFuture<JsonNode> call(String description, ArrayNode args) {
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
    /** The reader is waiting for a backpressure subscriber: we are not reading, on purpose. */
    volatile boolean paused;

    Link(long generation) {
      this.generation = generation;
    }

    /**
     * For the heartbeat: while paused no pong can be read, so the deadline is suspended (reported
     * as "just now"); on resume {@link #lastReceived} restarts it.
     */
    long lastReceivedOrPaused() {
      return paused ? Long.MAX_VALUE : lastReceived;
    }

    /**
     * Stops reading (this is the Tyrus reader thread, so the socket is not read meanwhile and TCP
     * flow control holds the server) until every backpressure subscriber has room again, the link
     * is lost or the session closes. Pings go on from the timer thread; a peer that went away is
     * found when a ping cannot be written.
     */
    private void pause() {
      paused = true;
      try {
        router.awaitRoom(() -> lost.get() || closed);
      } finally {
        lastReceived = System.nanoTime();
        paused = false;
      }
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
      if (lost.get()) {
        return; // what is still buffered of a link that is gone (e.g. after a paused read) does not count
      }
      lastReceived = System.nanoTime();
      try {
        handleFrame(this, frame);
      } catch (MalformedFrameException e) {
        if (e.answerTo().isPresent()) {
          String why = scrubber.scrub(e.getMessage());
          if (!pending.fail(e.answerTo().getAsLong(), call -> new ProtocolException(call.description() + " answer refused: " + why))) {
            LOG.debug("unreadable answer for ack id {}, whose call had ended: {}", e.answerTo().getAsLong(), why);
          }
        } else {
          unreadable(frame, e);
        }
      } catch (RuntimeException e) {
        unreadable(frame, e);
      }
      if (router.mustWait()) {
        pause();
      }
    }

    /** Never let a frame kill the connection: report it and go on. */
    private void unreadable(String frame, RuntimeException e) {
      // A parser's message may quote the frame, so it is scrubbed like the frame itself.
      LOG.debug("unreadable frame: {}", scrubber.scrub(e.getMessage()));
      router.deliver(unknown("", truncate(frame), "frame not understood: " + e.getMessage()));
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
      router.deliver(unknown("", "<" + frame.remaining() + " bytes>", reason));
      if (router.mustWait()) {
        pause();
      }
    }

    @Override
    public void onClosed(int code, String reason) {
      lost(this, WsConnection.describeClose(code, reason, config.maxMessageSize(), scrubber));
    }
  }

  private void handleFrame(Link link, String frame) {
    if (EngineIoCodec.type(frame) == EngineIoType.MESSAGE) {
      // Nearly every frame is a device event: read token by token, no tree (null: any other frame).
      DeviceEvent event = DeviceEventFrame.read(frame);
      if (event != null) {
        router.deliver(event);
        return;
      }
      // The rest decoded in place, without copying the payload out of the frame.
      handleSocketIo(link, SocketIoCodec.decode(frame, 1), frame);
      return;
    }
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
      default:
        throw new MalformedFrameException("unexpected Engine.IO packet " + packet.type());
    }
  }

  private void handleSocketIo(Link link, SocketIoPacket packet, String frame) {
    if (!SocketIoPacket.DEFAULT_NAMESPACE.equals(packet.namespace())) {
      router.deliver(unknown("", truncate(frame), "packet for namespace " + packet.namespace() + " ignored"));
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
              new ProtocolException("the server refused the Socket.IO namespace: "
                  + scrubber.scrub(truncate(packet.data().map(Json::write).orElse("")))));
        } else {
          router.deliver(unknown("", truncate(frame), "Socket.IO error packet"));
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
          router.deliver(unknown(args.get(0).asText(), truncate(Json.write(args)), "the server asked for an answer; none is given"));
          return;
        }
        PayloadClassifier.Classified classified = PayloadClassifier.classify(args);
        PushedMessage message = classified.message();
        if (message instanceof UnknownMessage) {
          UnknownMessage raw = (UnknownMessage) message;
          message = unknown(raw.name(), raw.payload(), raw.reason());
        }
        if (classified.invalid()) {
          router.countInvalid();
          // The event is skipped (it reaches messages() as an UnknownMessage with the reason) and the
          // subscription goes on; the first one is a warning, later ones debug, so a server that
          // sends nothing else cannot flood the log. The reason names the field, never the value.
          if (invalidLogged.compareAndSet(false, true)) {
            LOG.warn("skipped an invalid device event ({}); further ones are logged at debug level",
                message instanceof UnknownMessage ? ((UnknownMessage) message).reason() : "");
          } else {
            LOG.debug("skipped an invalid device event");
          }
        }
        router.deliver(message);
        return;
      default:
        router.deliver(unknown("", truncate(frame), "binary Socket.IO packets are not supported"));
    }
  }

  /**
   * A message not understood, kept for the user but scrubbed of the session's secrets: a server
   * may echo the cookie or token in any frame, and these reach {@code messages()}, logs and screens.
   */
  private UnknownMessage unknown(String name, String payload, String reason) {
    return new UnknownMessage(scrubber.scrub(name), scrubber.scrub(payload), scrubber.scrub(reason));
  }

  private static String truncate(String text) {
    return text.length() <= 4096 ? text : text.substring(0, 4096) + "...";
  }
}
