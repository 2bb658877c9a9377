package dev.homeport.adapter.events.wss.internal;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Capped exponential back-off with jitter: attempt n waits a random time between half and all of
 * {@code min * 2^n} (capped at {@code max}), and never less than {@code min}. Stateless and
 * thread-safe.
 */
public record Backoff(Duration min, Duration max) {

  public Duration delay(int attempt) {
    long minNanos = min.toNanos();
    long maxNanos = max.toNanos();
    long ceiling = minNanos;
    for (int i = 0; i < attempt && ceiling < maxNanos; i++) {
      ceiling = ceiling > maxNanos / 2 ? maxNanos : ceiling * 2;
    }
    ceiling = Math.min(ceiling, maxNanos);
    long half = ceiling / 2;
    long jittered = half + ThreadLocalRandom.current().nextLong(ceiling - half + 1);
    return Duration.ofNanos(Math.max(minNanos, jittered));
  }
}
