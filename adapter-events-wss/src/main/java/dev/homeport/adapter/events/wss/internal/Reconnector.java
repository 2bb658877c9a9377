package dev.homeport.adapter.events.wss.internal;

import dev.homeport.adapter.events.wss.ReconnectPolicy;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a {@link ReconnectPolicy}: schedules reconnect attempts on the timer, runs them on the
 * connector, and counts attempts since the connection was last healthy (a connection lost
 * before the policy's healthy period continues the count instead of starting again). Thread-safe.
 */
final class Reconnector {

  private static final Logger LOG = LoggerFactory.getLogger(Reconnector.class);

  private final ReconnectPolicy policy;
  private final ScheduledExecutorService timer;
  private final Executor connector;
  private final LongSupplier nanoTime;
  private int lastAttempt = -1;
  private long connectedAt = Long.MIN_VALUE;

  Reconnector(ReconnectPolicy policy, ScheduledExecutorService timer, Executor connector, LongSupplier nanoTime) {
    this.policy = policy;
    this.timer = timer;
    this.connector = connector;
    this.nanoTime = nanoTime;
  }

  /** The connection is up (first connect or a reconnect): its healthy period starts now. */
  synchronized void connected() {
    connectedAt = nanoTime.getAsLong();
  }

  /**
   * An established connection was lost: schedules the first attempt, numbered 0 when the
   * connection had been healthy for the policy's period, else one more than the last attempt.
   */
  void lost(IntConsumer attempt) {
    int next;
    synchronized (this) {
      long upFor = connectedAt == Long.MIN_VALUE ? 0 : nanoTime.getAsLong() - connectedAt;
      boolean healthy = lastAttempt < 0 || upFor >= policy.healthyPeriod().toNanos();
      next = healthy ? 0 : lastAttempt + 1;
    }
    schedule(next, attempt);
  }

  /** Attempt {@code failed} failed and may be retried: schedules the next one. */
  void failed(int failed, IntConsumer attempt) {
    schedule(failed + 1, attempt);
  }

  /** The delay the policy gives attempt {@code n}. */
  Duration delay(int n) {
    return policy.delay(n);
  }

  private void schedule(int n, IntConsumer attempt) {
    synchronized (this) {
      lastAttempt = n;
    }
    Duration delay = policy.delay(n);
    try {
      timer.schedule(() -> connector.execute(() -> attempt.accept(n)), delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      LOG.debug("session closed before reconnect");
    }
  }
}
