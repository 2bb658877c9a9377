package dev.homeport.adapter.events.wss.internal;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Engine.IO's application-level heartbeat for one connection: a PING every {@code pingInterval},
 * and the connection declared lost when nothing at all arrived within {@code pingTimeout} of a
 * ping (only this detects a half-open socket: sends keep succeeding into it). Thread-safe.
 *
 * <p>The server announces both values in its open packet; they are held to {@link
 * #MIN_INTERVAL}..{@link #MAX_INTERVAL} and {@link #MIN_TIMEOUT}..{@link #MAX_TIMEOUT} ({@link
 * #bounded}), so a server cannot switch liveness off with a huge value (a half-open socket is
 * still found within two minutes) nor make the client flood it or give up at once with a tiny one.
 *
 * <p>While the reader is paused on purpose (backpressure: a subscriber is full, so the socket is not
 * read), {@code lastReceived} reports {@link Long#MAX_VALUE}: no pong can be read then, so the pong
 * deadline is suspended, and it restarts when reading resumes (the connection sets {@code
 * lastReceived} to that moment). Pings are still written while paused, which keeps the server from
 * dropping us and finds a peer that went away: its socket refuses the write (a reset peer fails
 * the second write at the latest). A peer that stays silent with its socket open is found one
 * {@code pingTimeout} after reading resumes.
 */
final class Heartbeat {

  private static final Logger LOG = LoggerFactory.getLogger(Heartbeat.class);

  /** Pings no more often than this, whatever the server asks (4 a second at most). */
  static final Duration MIN_INTERVAL = Duration.ofMillis(250);
  /** Pings at least this often (the real service asks for 25 s). */
  static final Duration MAX_INTERVAL = Duration.ofSeconds(60);
  /** Waits at least this long for an answer, so a loaded machine does not drop good connections. */
  static final Duration MIN_TIMEOUT = Duration.ofSeconds(1);
  /** Waits no longer than this for an answer. */
  static final Duration MAX_TIMEOUT = Duration.ofSeconds(60);

  /** Sends one ping; throws when the connection cannot take it. */
  @FunctionalInterface
  interface Pinger {
    void ping() throws Exception;
  }

  private Heartbeat() {}

  /**
   * The handshake with its ping values held to the bounds. When a value had to change, logs it
   * once per {@code logged} flag (one per session: reconnects do not repeat the warning).
   */
  static EngineIoHandshake bounded(EngineIoHandshake announced, AtomicBoolean logged) {
    Duration interval = clamp(announced.pingInterval(), MIN_INTERVAL, MAX_INTERVAL);
    Duration timeout = clamp(announced.pingTimeout(), MIN_TIMEOUT, MAX_TIMEOUT);
    if (interval.equals(announced.pingInterval()) && timeout.equals(announced.pingTimeout())) {
      return announced;
    }
    if (logged.compareAndSet(false, true)) {
      LOG.warn("the server announced pingInterval {} ms and pingTimeout {} ms; using {} ms and {} ms "
              + "(allowed: interval {}..{} ms, timeout {}..{} ms)",
          announced.pingInterval().toMillis(), announced.pingTimeout().toMillis(), interval.toMillis(),
          timeout.toMillis(), MIN_INTERVAL.toMillis(), MAX_INTERVAL.toMillis(), MIN_TIMEOUT.toMillis(),
          MAX_TIMEOUT.toMillis());
    }
    return new EngineIoHandshake(announced.sid(), interval, timeout);
  }

  private static Duration clamp(Duration value, Duration min, Duration max) {
    return value.compareTo(min) < 0 ? min : value.compareTo(max) > 0 ? max : value;
  }

  /**
   * Starts pinging on {@code timer}; cancel the returned task to stop. {@code handshake} must be
   * {@link #bounded} already.
   *
   * @param gone whether the connection is already lost (no ping is sent then)
   * @param lastReceived {@link System#nanoTime()} of the last frame received, {@link Long#MAX_VALUE}
   *     while reading is paused on purpose
   * @param onLost called with the reason when a ping fails or goes unanswered
   */
  static ScheduledFuture<?> start(ScheduledExecutorService timer, EngineIoHandshake handshake, Pinger pinger,
      BooleanSupplier gone, LongSupplier lastReceived, Consumer<String> onLost) {
    long interval = handshake.pingInterval().toNanos();
    return timer.scheduleAtFixedRate(
        () -> beat(timer, handshake, pinger, gone, lastReceived, onLost), interval, interval, TimeUnit.NANOSECONDS);
  }

  private static void beat(ScheduledExecutorService timer, EngineIoHandshake handshake, Pinger pinger,
      BooleanSupplier gone, LongSupplier lastReceived, Consumer<String> onLost) {
    if (gone.getAsBoolean()) {
      return;
    }
    long sentAt = System.nanoTime();
    try {
      pinger.ping();
    } catch (Exception e) {
      onLost.accept("ping could not be sent: " + e.getMessage());
      return;
    }
    timer.schedule(
        () -> {
          if (lastReceived.getAsLong() < sentAt) {
            onLost.accept("no answer to ping within " + handshake.pingTimeout().toMillis() + " ms");
          }
        },
        handshake.pingTimeout().toNanos(),
        TimeUnit.NANOSECONDS);
  }
}
