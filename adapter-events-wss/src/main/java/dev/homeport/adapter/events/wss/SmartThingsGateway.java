package dev.homeport.adapter.events.wss;

import dev.homeport.adapter.events.wss.internal.SmartThingsSession;
import dev.homeport.ports.home.SmartHomeGateway;
import dev.homeport.ports.home.SmartHomeSession;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link SmartHomeGateway} for the SmartThings web app's real-time socket. Each
 * {@link #connect()} opens an independent session (its own WebSocket, threads and buffers) that
 * connects, authenticates, pings, and reconnects with back-off until it is closed, the service
 * refuses it (lifecycle SESSION_EXPIRED, publishers end with
 * {@link dev.homeport.ports.SessionExpiredException}), or a reconnect fails in a way retrying cannot
 * fix, such as a changed certificate (lifecycle DISCONNECTED, publishers end with that error).
 *
 * <p>Sessions deliver events through bounded per-subscriber buffers; when a subscriber's buffer is
 * full, the subscription's overflow policy applies (chosen per subscription, else {@link
 * SmartThingsConfig#overflowPolicy()}; by default {@code BACKPRESSURE}: the session stops reading the
 * socket until that subscriber catches up, nothing lost). Thread-safe.
 */
public final class SmartThingsGateway implements SmartHomeGateway {

  private final SmartThingsConfig config;
  private final Clock clock;

  private SmartThingsGateway(SmartThingsConfig config, Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * A gateway for {@code config}. Nothing connects until {@link #connect()}.
   *
   * @throws NullPointerException if {@code config} is null
   */
  public static SmartThingsGateway create(SmartThingsConfig config) {
    return new SmartThingsGateway(config, Clock.systemUTC());
  }

  /** As {@link #create(SmartThingsConfig)}, with the clock used to time-stamp lifecycle events. */
  public static SmartThingsGateway create(SmartThingsConfig config, Clock clock) {
    return new SmartThingsGateway(config, clock);
  }

  /** The configuration (its {@code toString()} never shows the secrets). */
  public SmartThingsConfig config() {
    return config;
  }

  /**
   * Opens and authenticates a new session.
   *
   * @return the session; or a failure with {@link dev.homeport.ports.AuthenticationException} (token
   *     or cookie rejected or expired), {@link dev.homeport.ports.CertificateMismatchException} (pin
   *     mismatch), {@link dev.homeport.ports.TransportException} (unreachable, TLS not trusted,
   *     time-out, protocol error)
   */
  @Override
  public CompletableFuture<SmartHomeSession> connect() {
    return new SmartThingsSession(config, clock).start();
  }

  @Override
  public String toString() {
    return "SmartThingsGateway[" + config.url() + "]";
  }
}
