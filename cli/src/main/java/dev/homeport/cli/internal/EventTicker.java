package dev.homeport.cli.internal;

import dev.homeport.adapter.inmemory.InMemorySmartHome;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Publishes a demo device event into a home every 500 ms, for {@code simulate events}. */
final class EventTicker implements AutoCloseable {

  private final ScheduledExecutorService executor;

  private EventTicker(ScheduledExecutorService executor) {
    this.executor = executor;
  }

  static EventTicker start(InMemorySmartHome home) {
    ScheduledExecutorService executor = Resources.daemonScheduler("simulated-events");
    AtomicLong sequence = new AtomicLong(1_000_000);
    executor.scheduleAtFixedRate(
        () -> {
          try {
            home.publish(DemoData.event(sequence.getAndIncrement(), Instant.now()));
          } catch (RuntimeException e) {
            // keep ticking: one bad publish must not end the simulator
          }
        },
        500, 500, TimeUnit.MILLISECONDS);
    return new EventTicker(executor);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
