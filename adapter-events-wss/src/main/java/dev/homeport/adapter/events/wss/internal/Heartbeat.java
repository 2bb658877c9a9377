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
   * @param lastReceived {@link System#nanoTime()} of the last frame received
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
