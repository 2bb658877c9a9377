package dev.homeport.adapter.events.wss;

import java.time.Duration;

/**
 * When the session reconnects after its connection is lost, in the shape of the HiveMQ MQTT
 * client's automatic reconnect: a delay before each attempt that grows with the number of
 * attempts since the connection was last healthy, and a healthy period after which a new loss
 * starts again from the first delay (so a connection that flaps every few seconds backs off
 * instead of hammering the service).
 *
 * <p>The session calls {@link #delay(int)} with {@code 0} before the first attempt after a loss
 * and counts up with every failed attempt, and with every loss of a connection that was up for
 * less than {@link #healthyPeriod()}. Set it with {@code SmartThingsConfig.reconnectPolicy(...)};
 * the default is {@link #defaults()}. Implementations must be immutable and thread-safe, and
 * should add jitter, so that many clients cut off at once do not come back at once.
 */
public interface ReconnectPolicy {

  /**
   * The wait before reconnect attempt {@code attempt}.
   *
   * @param attempt 0 for the first attempt after a healthy connection was lost, then 1, 2, ...
   * @return a positive duration
   */
  Duration delay(int attempt);

  /** How long a connection must stay up before the attempt count goes back to 0. */
  Duration healthyPeriod();

  /**
   * The default: exponential from 500 ms, doubling, capped at 30 s, each delay drawn between half
   * and all of its step (never below 500 ms), reset after 30 s of healthy connection.
   */
  static ReconnectPolicy defaults() {
    return exponential().build();
  }

  /** A builder of the exponential policy, starting from {@link #defaults()}' values. */
  static ExponentialReconnectPolicy.Builder exponential() {
    return ExponentialReconnectPolicy.builder();
  }
}
