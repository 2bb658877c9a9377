package dev.homeport.adapter.events.wss.internal;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Engine.IO's application-level heartbeat for one connection: a PING every {@code pingInterval},
 * and the connection declared lost when nothing at all arrived within {@code pingTimeout} of a
 * ping (only this detects a half-open socket: sends keep succeeding into it). Thread-safe.
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

  /** Sends one ping; throws when the connection cannot take it. */
  @FunctionalInterface
  interface Pinger {
    void ping() throws Exception;
  }

  private Heartbeat() {}

  /**
   * Starts pinging on {@code timer}; cancel the returned task to stop.
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
