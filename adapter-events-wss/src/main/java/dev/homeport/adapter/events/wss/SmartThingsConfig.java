package dev.homeport.adapter.events.wss;

import dev.homeport.domain.Secret;
import dev.homeport.ports.flow.OverflowPolicy;
import java.net.URI;
import java.time.Duration;
import org.immutables.value.Value;

/**
 * Everything the SmartThings adapter needs. Build with {@code ImmutableSmartThingsConfig.builder()}
 * (only {@code csrfToken} and {@code cookie} are required); immutable and thread-safe;
 * {@code toString()} never shows the secrets.
 *
 * <p>How to obtain the credentials: sign in at my.smartthings.com in a browser, then in its
 * developer console read {@code window._app.csrfToken} (the CSRF token) and copy the request's
 * {@code Cookie} header from the network tab (the session cookie). Both grant full access to the
 * account until the session expires.
 */
@Value.Immutable
public interface SmartThingsConfig {

  /** The SmartThings web app's socket endpoint. */
  URI DEFAULT_URL = URI.create("wss://my.smartthings.com/socket.io/");

  /** The WebSocket URL, without query (the adapter adds {@code EIO=3&transport=websocket&csrfToken=...}). */
  @Value.Default
  default URI url() {
    return DEFAULT_URL;
  }

  /** The {@code Origin} header sent with the handshake. */
  @Value.Default
  default String origin() {
    return "https://my.smartthings.com";
  }

  /** The web app's CSRF token ({@code window._app.csrfToken}). */
  Secret csrfToken();

  /** The web app's session cookie (the whole {@code Cookie} header value). */
  Secret cookie();

  /** Which server certificates to trust; default: the JDK trust store. */
  @Value.Default
  default SmartThingsTrust trust() {
    return SmartThingsTrust.systemDefault();
  }

  /**
   * Which TLS implementation carries the connection (default {@link EventsTlsProvider#JDK}: the
   * library adds no native code unless asked). Trust, hostname verification and protocol versions
   * are the same on every engine.
   */
  @Value.Default
  default EventsTlsProvider tlsProvider() {
    return EventsTlsProvider.JDK;
  }

  /**
   * Time allowed for one connection attempt: TCP connect, TLS handshake, WebSocket upgrade and the
   * Engine.IO open packet, together (default 10 s). A server that accepts TCP but never completes
   * TLS, or never answers the upgrade, fails the attempt with {@link
   * dev.homeport.ports.RequestTimeoutException} once it has passed.
   */
  @Value.Default
  default Duration connectTimeout() {
    return Duration.ofSeconds(10);
  }

  /** The default {@link #maxMessageSize()}: 16 MiB (device lists of large homes run to a few MB). */
  int DEFAULT_MAX_MESSAGE_SIZE = 16 * 1024 * 1024;

  /** The largest {@link #duplicateWindow()}: one million ids. */
  int MAX_DUPLICATE_WINDOW = 1_000_000;

  /**
   * The largest WebSocket message the adapter accepts from the server, text or binary, whole or
   * in fragments, in bytes (default {@link #DEFAULT_MAX_MESSAGE_SIZE}, at least 1024). It is the
   * only limit: Tyrus' frame buffer is sized from it. A larger message ends the connection (close
   * code 1009) with a reason naming this setting, and the session reconnects under its {@link
   * #reconnectPolicy()}; memory stays bounded whatever the server sends.
   */
  @Value.Default
  default int maxMessageSize() {
    return DEFAULT_MAX_MESSAGE_SIZE;
  }

  /** Time a service call waits for its answer before failing with RequestTimeoutException. */
  @Value.Default
  default Duration callTimeout() {
    return Duration.ofSeconds(10);
  }

  /** First reconnect delay of the default {@link #reconnectPolicy()} (ignored when one is set). */
  @Value.Default
  default Duration backoffMin() {
    return Duration.ofMillis(500);
  }

  /** Longest reconnect delay of the default {@link #reconnectPolicy()} (ignored when one is set). */
  @Value.Default
  default Duration backoffMax() {
    return Duration.ofSeconds(30);
  }

  /**
   * When to reconnect after the connection is lost. Default: {@link ReconnectPolicy#defaults()}
   * with {@link #backoffMin()} as its initial and {@link #backoffMax()} as its maximum delay
   * (doubling, jitter 0.5, reset after 30 s of healthy connection). Replace it with any {@link
   * ReconnectPolicy}, e.g. {@code ReconnectPolicy.exponential().initialDelay(...).build()}.
   */
  @Value.Default
  default ReconnectPolicy reconnectPolicy() {
    Duration min = backoffMin();
    Duration max = backoffMax();
    if (min.isZero() || min.isNegative() || max.compareTo(min) < 0) {
      return ReconnectPolicy.defaults(); // check() refuses these values, naming the field
    }
    return ReconnectPolicy.exponential().initialDelay(min).maxDelay(max).build();
  }

  /** Items buffered per subscriber before the overflow policy applies. */
  @Value.Default
  default int bufferSize() {
    return 1024;
  }

  /**
   * What happens to a subscriber whose buffer is full, for subscriptions that do not choose
   * ({@code subscribe(filter, policy)}). Default {@link OverflowPolicy#BACKPRESSURE}: nothing is
   * lost; the session stops reading the socket until that subscriber has drained half its buffer
   * (TCP flow control then holds the server), which holds every other subscriber of the session
   * meanwhile; pings go on and a paused session is not declared dead for not reading. {@link
   * OverflowPolicy#DROP_OLDEST} drops and counts ({@code droppedCount()}), {@link
   * OverflowPolicy#FAIL} ends the subscription with {@link
   * dev.homeport.ports.SubscriberOverflowException}; neither slows the other subscribers.
   */
  @Value.Default
  default OverflowPolicy overflowPolicy() {
    return OverflowPolicy.BACKPRESSURE;
  }

  /**
   * How many recent event ids are remembered to deliver a duplicated event only once, 0 to
   * 1,000,000 (each remembered id costs about 100 bytes of heap once the window is full).
   */
  @Value.Default
  default int duplicateWindow() {
    return 4096;
  }

  /** Validates every field, naming it and what is allowed. */
  @Value.Check
  default void check() {
    String scheme = url().getScheme();
    if (scheme == null || !scheme.equalsIgnoreCase("wss")) {
      throw new IllegalArgumentException("url must be a wss:// URL, was " + withoutQuery(url()));
    }
    if (url().getHost() == null || url().getRawQuery() != null || url().getRawFragment() != null) {
      throw new IllegalArgumentException(
          "url must have a host and no query or fragment, was " + withoutQuery(url()));
    }
    if (origin().isBlank()) {
      throw new IllegalArgumentException("origin must not be blank");
    }
    positive("connectTimeout", connectTimeout());
    positive("callTimeout", callTimeout());
    positive("backoffMin", backoffMin());
    positive("backoffMax", backoffMax());
    if (backoffMax().compareTo(backoffMin()) < 0) {
      throw new IllegalArgumentException(
          "backoffMax must be at least backoffMin (" + backoffMin() + "), was " + backoffMax());
    }
    if (maxMessageSize() < 1024 || maxMessageSize() > Integer.MAX_VALUE - 64) {
      throw new IllegalArgumentException(
          "maxMessageSize must be 1024.." + (Integer.MAX_VALUE - 64) + " bytes, was " + maxMessageSize());
    }
    if (bufferSize() < 1) {
      throw new IllegalArgumentException("bufferSize must be at least 1, was " + bufferSize());
    }
    if (duplicateWindow() < 0 || duplicateWindow() > MAX_DUPLICATE_WINDOW) {
      throw new IllegalArgumentException(
          "duplicateWindow must be 0.." + MAX_DUPLICATE_WINDOW + " ids, was " + duplicateWindow());
    }
  }

  /** {@code url} for messages: without its query and fragment, where a pasted URL may carry the CSRF token. */
  private static String withoutQuery(URI url) {
    String text = url.toString();
    int query = text.indexOf('?');
    int fragment = text.indexOf('#');
    int cut = query < 0 ? fragment : fragment < 0 ? query : Math.min(query, fragment);
    return cut < 0 ? text : text.substring(0, cut) + "?<query not shown>";
  }

  private static void positive(String field, Duration value) {
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(field + " must be positive, was " + value);
    }
  }
}
