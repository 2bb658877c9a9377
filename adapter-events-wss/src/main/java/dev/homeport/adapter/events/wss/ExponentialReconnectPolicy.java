package dev.homeport.adapter.events.wss;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Capped exponential back-off with jitter: attempt {@code n} waits a random time in {@code
 * [step * (1 - jitter), step]} where {@code step = min(initialDelay * multiplier^n, maxDelay)},
 * and never less than {@code initialDelay}. Defaults (see {@link Builder}): 500 ms initial, 30 s
 * max, multiplier 2, jitter 0.5, healthy period 30 s. Immutable and thread-safe.
 */
public final class ExponentialReconnectPolicy implements ReconnectPolicy {

  private final Duration initialDelay;
  private final Duration maxDelay;
  private final double multiplier;
  private final double jitter;
  private final Duration healthyPeriod;

  private ExponentialReconnectPolicy(Builder b) {
    this.initialDelay = b.initialDelay;
    this.maxDelay = b.maxDelay;
    this.multiplier = b.multiplier;
    this.jitter = b.jitter;
    this.healthyPeriod = b.healthyPeriod;
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Duration delay(int attempt) {
    if (attempt < 0) {
      throw new IllegalArgumentException("attempt must be 0 or more, was " + attempt);
    }
    long minNanos = initialDelay.toNanos();
    long maxNanos = maxDelay.toNanos();
    double step = minNanos;
    for (int i = 0; i < attempt && step < maxNanos; i++) {
      step *= multiplier;
    }
    long ceiling = (long) Math.min(step, maxNanos);
    long floor = (long) (ceiling * (1.0 - jitter));
    long drawn = floor >= ceiling ? ceiling : floor + ThreadLocalRandom.current().nextLong(ceiling - floor + 1);
    return Duration.ofNanos(Math.max(minNanos, drawn));
  }

  @Override
  public Duration healthyPeriod() {
    return healthyPeriod;
  }

  /** The first delay. */
  public Duration initialDelay() {
    return initialDelay;
  }

  /** The cap on any delay. */
  public Duration maxDelay() {
    return maxDelay;
  }

  /** The growth factor per attempt. */
  public double multiplier() {
    return multiplier;
  }

  /** The share of each step that is random, 0..1. */
  public double jitter() {
    return jitter;
  }

  @Override
  public String toString() {
    return "ExponentialReconnectPolicy[initial=" + initialDelay + ", max=" + maxDelay + ", multiplier="
        + multiplier + ", jitter=" + jitter + ", healthyPeriod=" + healthyPeriod + "]";
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ExponentialReconnectPolicy)) {
      return false;
    }
    ExponentialReconnectPolicy other = (ExponentialReconnectPolicy) o;
    return initialDelay.equals(other.initialDelay) && maxDelay.equals(other.maxDelay)
        && multiplier == other.multiplier && jitter == other.jitter && healthyPeriod.equals(other.healthyPeriod);
  }

  @Override
  public int hashCode() {
    return Objects.hash(initialDelay, maxDelay, multiplier, jitter, healthyPeriod);
  }

  /** Builder for {@link ExponentialReconnectPolicy}. Not thread-safe. */
  public static final class Builder {
    private Duration initialDelay = Duration.ofMillis(500);
    private Duration maxDelay = Duration.ofSeconds(30);
    private double multiplier = 2.0;
    private double jitter = 0.5;
    private Duration healthyPeriod = Duration.ofSeconds(30);

    private Builder() {}

    /** The first delay (default 500 ms). @throws IllegalArgumentException if not positive */
    public Builder initialDelay(Duration delay) {
      this.initialDelay = positive("initialDelay", delay);
      return this;
    }

    /** The cap on any delay (default 30 s). @throws IllegalArgumentException if not positive */
    public Builder maxDelay(Duration delay) {
      this.maxDelay = positive("maxDelay", delay);
      return this;
    }

    /** The growth factor per attempt (default 2). @throws IllegalArgumentException if below 1 or not finite */
    public Builder multiplier(double multiplier) {
      if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
        throw new IllegalArgumentException("multiplier must be a finite number of at least 1, was " + multiplier);
      }
      this.multiplier = multiplier;
      return this;
    }

    /** The random share of each step, 0 (none) to 1 (anywhere from 0) (default 0.5). */
    public Builder jitter(double jitter) {
      if (!(jitter >= 0.0 && jitter <= 1.0)) {
        throw new IllegalArgumentException("jitter must be 0..1, was " + jitter);
      }
      this.jitter = jitter;
      return this;
    }

    /** How long a connection must stay up to reset the attempt count (default 30 s). */
    public Builder healthyPeriod(Duration period) {
      if (period == null || period.isNegative()) {
        throw new IllegalArgumentException("healthyPeriod must be zero or positive, was " + period);
      }
      this.healthyPeriod = period;
      return this;
    }

    private static Duration positive(String field, Duration d) {
      if (d == null || d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException(field + " must be positive, was " + d);
      }
      return d;
    }

    /** The policy. @throws IllegalArgumentException if maxDelay is below initialDelay */
    public ExponentialReconnectPolicy build() {
      if (maxDelay.compareTo(initialDelay) < 0) {
        throw new IllegalArgumentException("maxDelay must be at least initialDelay (" + initialDelay + "), was " + maxDelay);
      }
      return new ExponentialReconnectPolicy(this);
    }
  }
}
