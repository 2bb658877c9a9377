package dev.homeport.adapter.events.wss.internal;

import dev.homeport.support.PinMismatchException;
import dev.homeport.ports.CertificateMismatchException;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket connection through the Tyrus client (its own, non-shared Grizzly container, whose
 * threads end when the connection closes). Sends are serialized. Callbacks arrive on Tyrus threads;
 * {@link Listener#onClosed} is called at most once.
 */
public final class WsConnection {

  private static final Logger LOG = LoggerFactory.getLogger(WsConnection.class);
  private static final int MAX_TEXT_MESSAGE = 16 * 1024 * 1024;

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
   * @throws CertificateMismatchException when a pinned certificate does not match
   * @throws TransportException when the server cannot be reached, the TLS handshake fails or the
   *     upgrade is refused (the message never contains the query string or the headers)
   */
  public static WsConnection open(
      URI uri,
      String displayUrl,
      SSLContext ssl,
      Map<String, String> headers,
      List<String> secrets,
      Duration timeout,
      Listener listener) {
    ClientManager client = ClientManager.createClient();
    client.getProperties().put(ClientProperties.HANDSHAKE_TIMEOUT, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    client.setDefaultMaxTextMessageBufferSize(MAX_TEXT_MESSAGE);
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
    Endpoint endpoint =
        new Endpoint() {
          @Override
          public void onOpen(Session session, EndpointConfig endpointConfig) {
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
            if (!mentionsAny(error, secrets)) {
              LOG.debug("WebSocket error on {}: {}", displayUrl, error.toString());
            }
          }
        };
    try {
      Session session = client.connectToServer(endpoint, config, uri);
      return new WsConnection(session, closed, timeout);
    } catch (Exception e) {
      throw translate(displayUrl, uri.getHost(), e, secrets);
    }
  }

  static TransportException translate(String displayUrl, String host, Throwable raw, List<String> secrets) {
    Throwable error = mentionsAny(raw, secrets) ? null : raw;
    PinMismatchException pin = PinMismatchException.find(raw);
    if (pin != null) {
      return new CertificateMismatchException(host, pin.expected(), pin.actual());
    }
    for (Throwable cause = raw; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.security.cert.CertificateException
          || cause instanceof javax.net.ssl.SSLHandshakeException) {
        return new TransportException(
            "TLS handshake with " + displayUrl + " failed, the certificate is not trusted"
                + (error == null ? "" : ": " + cause.getMessage()), error, false);
      }
    }
    String message = raw.getMessage() == null ? raw.getClass().getSimpleName() : raw.getMessage();
    for (String secret : secrets) {
      message = message.replace(secret, "[redacted]");
    }
    return new TransportException("could not connect to " + displayUrl + ": " + message, error);
  }

  /** Whether any message in the cause chain contains a secret (then the chain is not kept). */
  static boolean mentionsAny(Throwable error, List<String> secrets) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      String message = String.valueOf(cause.getMessage());
      for (String secret : secrets) {
        if (message.contains(secret)) {
          return true;
        }
      }
    }
    return false;
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

  /** Closes the connection (normal closure); idempotent, never throws. */
  public void close() {
    try {
      session.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "client closing"));
    } catch (IOException | RuntimeException e) {
      LOG.debug("closing the WebSocket failed: {}", e.toString());
    }
  }
}
