package dev.homeport.adapter.events.wss.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.adapter.events.wss.ReconnectPolicy;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The attempt count: reset only after the policy's healthy period, on an injected clock. */
class ReconnectorTest {

  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final AtomicLong now = new AtomicLong();
  private final BlockingQueue<Integer> attempts = new LinkedBlockingQueue<>();
  private final Reconnector reconnector = new Reconnector(
      ReconnectPolicy.exponential().initialDelay(Duration.ofMillis(1)).maxDelay(Duration.ofMillis(5))
          .healthyPeriod(Duration.ofSeconds(10)).build(),
      timer, Runnable::run, now::get);

  @AfterEach
  void stop() {
    timer.shutdownNow();
  }

  private int next() throws InterruptedException {
    Integer n = attempts.poll(10, TimeUnit.SECONDS);
    assertThat(n).as("an attempt was scheduled").isNotNull();
    return n;
  }

  @Test
  void lossAfterAHealthyPeriod_startsAgainFromZero_aShorterOneCountsOn() throws Exception {
    now.set(0);
    reconnector.connected();
    now.set(Duration.ofSeconds(60).toNanos());
    reconnector.lost(attempts::add);
    assertThat(next()).isZero();
    reconnector.failed(0, attempts::add);
    assertThat(next()).isEqualTo(1);

    reconnector.connected(); // attempt 1 worked
    now.addAndGet(Duration.ofSeconds(2).toNanos()); // up 2 s only: flapping
    reconnector.lost(attempts::add);
    assertThat(next()).isEqualTo(2);

    reconnector.connected();
    now.addAndGet(Duration.ofSeconds(10).toNanos()); // healthy for the whole period
    reconnector.lost(attempts::add);
    assertThat(next()).isZero();
  }
}
