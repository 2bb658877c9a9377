package dev.homeport.adapter.camera.onvif.internal;

import java.time.Duration;

/**
 * How a pull-point event stream runs.
 *
 * @param pullTimeout how long each {@code PullMessages} long poll may wait on the camera
 * @param subscriptionLifetime the {@code InitialTerminationTime}/{@code Renew} asked for
 * @param messageLimit the {@code MessageLimit} of each poll
 * @param retryMin the first wait before subscribing again after a failure (doubling up to retryMax)
 * @param retryMax the longest wait between attempts
 * @param bufferSize events buffered per subscriber
 */
public record EventOptions(Duration pullTimeout, Duration subscriptionLifetime, int messageLimit, Duration retryMin,
    Duration retryMax, int bufferSize) {

  /** PT10S polls, PT60S subscriptions, 32 messages, 1..30 s back-off, 256 buffered. */
  public static EventOptions defaults() {
    return new EventOptions(Duration.ofSeconds(10), Duration.ofSeconds(60), 32, Duration.ofSeconds(1),
        Duration.ofSeconds(30), 256);
  }

  /** ISO-8601 duration text as ONVIF writes it, e.g. {@code PT10S}. */
  static String xsd(Duration d) {
    long millis = d.toMillis();
    return millis % 1000 == 0 ? "PT" + (millis / 1000) + "S" : "PT" + java.math.BigDecimal.valueOf(millis, 3).toPlainString() + "S";
  }
}
