package dev.homeport.adapter.events.wss.internal;

import dev.homeport.support.PinMismatchException;
import dev.homeport.support.SecretScrubber;
import dev.homeport.ports.CertificateMismatchException;
import dev.homeport.ports.HomeportException;
import dev.homeport.ports.RequestTimeoutException;
import dev.homeport.ports.SessionExpiredException;
import dev.homeport.ports.TransportException;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;
import org.glassfish.tyrus.core.HandshakeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket connection through the Tyrus client (its own, non-shared Grizzly container, whose
 * threads end when the connection closes). Sends are serialized. Callbacks arrive on Tyrus threads;
 * {@link Listener#onClosed} is called at most once.
 */
public final class WsConnection {

  private static final Logger LOG = LoggerFactory.getLogger(WsConnection.class);
  /**
   * Room for a frame's header (2..14 bytes) in Tyrus' incoming buffer, which must hold a whole
   * frame: a frame of exactly the message limit then still fits, so the message limit decides.
   */
  private static final int FRAME_HEADER = 14;

  /** Receives what arrives on the connection. */
  public interface Listener {
    void onText(String frame);

    void onBinary(ByteBuffer frame);

    /** The connection ended, for whatever reason (also after {@link #close()}). */
    void onClosed(int code, String reason);
  }

  private final Session session;
  private final AtomicBoolean closed;
  private final Duration sendTimeout;
  private final Object sendLock = new Object();

  private WsConnection(Session session, AtomicBoolean closed, Duration sendTimeout) {
    this.session = session;
    this.closed = closed;
    this.sendTimeout = sendTimeout;
  }

  /**
   * Opens a connection and blocks until the WebSocket handshake is done. {@code timeout} bounds the
   * handshake and, later, each send.
   *
   * @param headers extra handshake headers (Cookie, Origin); never logged
   * @param scrubber the session's secrets, removed from whatever the server or Tyrus says before it
   *     reaches a message or a log line
   * @param maxMessage the largest text or binary message (and so frame) accepted, in bytes; a
   *     larger one closes the connection with 1009, reported by {@link #describeClose}
   * @throws CertificateMismatchException when a pinned certificate does not match
   * @throws SessionExpiredException when the server answers the upgrade with HTTP 401 or 403
   * @throws RequestTimeoutException when TCP, TLS or the upgrade did not complete within {@code timeout}
   * @throws TransportException when the server cannot be reached, the TLS handshake fails or the
   *     upgrade is refused otherwise (the message never contains the query string or the headers)
   */
  public static WsConnection open(
      URI uri,
      String displayUrl,
      SSLContext ssl,
      Map<String, String> headers,
      SecretScrubber scrubber,
      Duration timeout,
      int maxMessage,
      Listener listener) {
    ClientManager client = ClientManager.createClient();
    // Tyrus' own handshake time-out starts only once TCP and TLS are up (a server that accepts TCP
    // and never completes TLS held a connect for ever), so the whole attempt is bounded below by
    // waiting on the connect future; Tyrus' one is a backstop set a little later.
    client.getProperties().put(ClientProperties.HANDSHAKE_TIMEOUT, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis() + 2000));
    // Tyrus checks two limits: its incoming buffer (one frame; 4 MiB + 11 by default, overflow
    // closes with 1011 "Buffer overflow") and the session's message buffers (whole messages,
    // 1009). Both follow the one configured limit, so the limit a user sets is the one that holds.
    client.getProperties().put(ClientProperties.INCOMING_BUFFER_SIZE, (int) Math.min(Integer.MAX_VALUE, (long) maxMessage + FRAME_HEADER));
    client.setDefaultMaxTextMessageBufferSize(maxMessage);
    client.setDefaultMaxBinaryMessageBufferSize(maxMessage);
    client.setDefaultMaxSessionIdleTimeout(-1);
    ClientEndpointConfig config =
        ClientEndpointConfig.Builder.create()
            .sslContext(ssl)
            .configurator(
                new ClientEndpointConfig.Configurator() {
                  @Override
                  public void beforeRequest(Map<String, List<String>> request) {
                    headers.forEach((name, value) -> request.put(name, List.of(value)));
                  }

                  @Override
                  public void afterResponse(HandshakeResponse response) {}
                })
            .build();
    AtomicBoolean closed = new AtomicBoolean();
    AtomicBoolean abandoned = new AtomicBoolean();
    Endpoint endpoint =
        new Endpoint() {
          @Override
          public void onOpen(Session session, EndpointConfig endpointConfig) {
            if (abandoned.get()) {
              closeQuietly(session);
              return;
            }
            session.setMaxTextMessageBufferSize(maxMessage);
            session.setMaxBinaryMessageBufferSize(maxMessage);
            session.addMessageHandler(String.class, (MessageHandler.Whole<String>) listener::onText);
            session.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) listener::onBinary);
          }

          @Override
          public void onClose(Session session, CloseReason reason) {
            if (closed.compareAndSet(false, true)) {
              listener.onClosed(reason.getCloseCode().getCode(), reason.getReasonPhrase());
            }
          }

          @Override
          public void onError(Session session, Throwable error) {
            LOG.debug("WebSocket error on {}: {}", displayUrl, scrubber.scrub(error.toString()));
          }
        };
    try {
      java.util.concurrent.Future<Session> connecting = client.asyncConnectToServer(endpoint, config, uri);
      Session session;
      try {
        session = connecting.get(timeout.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        // The attempt is abandoned: a session that still opens is closed at once (onOpen). A TCP
        // connection stuck in TLS stays with Tyrus until its Grizzly container's fixed 30 s limit
        // closes it: with the defaults (10 s per attempt plus back-off) at most three at a time.
        abandoned.set(true);
        connecting.cancel(true);
        throw new RequestTimeoutException(
            "could not connect to " + displayUrl + ": no TLS handshake and WebSocket upgrade within "
                + timeout.toMillis() + " ms (connectTimeout)", null);
      } catch (java.util.concurrent.ExecutionException e) {
        throw translate(displayUrl, uri.getHost(), e.getCause() == null ? e : e.getCause(), scrubber);
      } catch (InterruptedException e) {
        abandoned.set(true);
        connecting.cancel(true);
        Thread.currentThread().interrupt();
        throw new TransportException("interrupted while connecting to " + displayUrl, null);
      }
      return new WsConnection(session, closed, timeout);
    } catch (HomeportException e) {
      throw e;
    } catch (Exception e) {
      throw translate(displayUrl, uri.getHost(), e, scrubber);
    }
  }

  /**
   * Why a connection closed, in words: 1009 (a message over the limit) names the limit and the
   * setting; other codes are given as they are, with the server's reason (at most 123 bytes by
   * RFC 6455) scrubbed of the session's secrets and quoted as a JSON string, so no control
   * character reaches a log line.
   */
  static String describeClose(int code, String reason, int maxMessage, SecretScrubber scrubber) {
    // A single frame over the limit overflows Tyrus' incoming buffer first, which it reports as
    // 1011 "Buffer overflow."; a message over the limit in smaller frames is 1009.
    boolean overflow = code == CloseReason.CloseCodes.UNEXPECTED_CONDITION.getCode()
        && reason != null && reason.toLowerCase(java.util.Locale.ROOT).contains("buffer overflow");
    if (code == CloseReason.CloseCodes.TOO_BIG.getCode() || overflow) {
      return "the server sent a message larger than maxMessageSize (" + maxMessage
          + " bytes; WebSocket code " + code + ")";
    }
    String because = reason == null || reason.isEmpty() ? "" : ": " + Json.write(Json.NODES.textNode(scrubber.scrub(reason)));
    return "closed by the server or network (WebSocket code " + code + because + ")";
  }

  static HomeportException translate(String displayUrl, String host, Throwable raw, SecretScrubber scrubber) {
    // A cause chain quoting a secret (e.g. a redirect Location Tyrus quotes) is not kept at all.
    Throwable error = scrubber.mentionsAny(raw) ? null : raw;
    PinMismatchException pin = PinMismatchException.find(raw);
    if (pin != null) {
      return new CertificateMismatchException(host, pin.expected(), pin.actual());
    }
    for (Throwable cause = raw; cause != null; cause = cause.getCause()) {
      if (cause instanceof HandshakeException) {
        int status = ((HandshakeException) cause).getHttpStatusCode();
        if (status == 401 || status == 403) {
          // The service answers the upgrade itself with 401/403 once the cookie or token is no
          // longer valid: the same credentials will be refused again, so this ends the session.
          return new SessionExpiredException(
              "the service refused the WebSocket upgrade at " + displayUrl + " with HTTP " + status
                  + ": the session cookie or CSRF token has expired or is wrong");
        }
      }
    }
    for (Throwable cause = raw; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.security.cert.CertificateException
          || cause instanceof javax.net.ssl.SSLHandshakeException) {
        return new TransportException(
            "TLS handshake with " + displayUrl + " failed, the certificate is not trusted"
                + (error == null ? "" : ": " + scrubber.scrub(cause.getMessage())), error, false);
      }
    }
    String message = raw.getMessage() == null ? raw.getClass().getSimpleName() : scrubber.scrub(raw.getMessage());
    for (Throwable cause = raw; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.util.concurrent.TimeoutException || cause instanceof java.net.SocketTimeoutException) {
        return new RequestTimeoutException("could not connect to " + displayUrl + ": " + message, error);
      }
    }
    return new TransportException("could not connect to " + displayUrl + ": " + message, error);
  }

  /**
   * Sends one text frame, waiting until it is written but never longer than the send time-out (a
   * peer that stops reading must not block the caller for ever).
   */
  public void send(String frame) throws IOException {
    if (closed.get()) {
      throw new IOException("connection is closed");
    }
    synchronized (sendLock) {
      java.util.concurrent.Future<Void> written = session.getAsyncRemote().sendText(frame);
      try {
        written.get(sendTimeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        written.cancel(true);
        throw new IOException("frame not written within " + sendTimeout.toMillis() + " ms");
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IOException("frame not written: " + e.getCause(), e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while sending", e);
      }
    }
  }

  public boolean isOpen() {
    return !closed.get() && session.isOpen();
  }

  private static void closeQuietly(Session session) {
    try {
      session.close();
    } catch (IOException | RuntimeException e) {
      LOG.debug("closing an abandoned WebSocket failed: {}", e.toString());
    }
  }

  /** Closes the connection (normal closure); idempotent, never throws. */
  public void close() {
    try {
      session.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "client closing"));
    } catch (IOException | RuntimeException e) {
      LOG.debug("closing the WebSocket failed: {}", e.toString());
    }
  }
}
