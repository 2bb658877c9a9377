package dev.homeport.adapter.events.wss.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The bounds on the ping values a server announces (issue 10 item 10). */
class HeartbeatTest {

  private static EngineIoHandshake announced(long intervalMs, long timeoutMs) {
    return new EngineIoHandshake("sid", Duration.ofMillis(intervalMs), Duration.ofMillis(timeoutMs));
  }

  @Test
  void valuesWithinBounds_areKeptAsAnnounced_andNothingIsLogged() {
    AtomicBoolean logged = new AtomicBoolean();
    EngineIoHandshake real = announced(25_000, 5_000);

    assertThat(Heartbeat.bounded(real, logged)).isSameAs(real);
    assertThat(logged).isFalse();
  }

  @Test
  void tinyAndHugeValues_areHeldToTheBounds_andLoggedOnce() {
    AtomicBoolean logged = new AtomicBoolean();

    EngineIoHandshake tiny = Heartbeat.bounded(announced(1, 1), logged);
    assertThat(tiny.pingInterval()).isEqualTo(Heartbeat.MIN_INTERVAL);
    assertThat(tiny.pingTimeout()).isEqualTo(Heartbeat.MIN_TIMEOUT);
    assertThat(logged).isTrue();

    EngineIoHandshake huge = Heartbeat.bounded(announced(Long.MAX_VALUE / 1_000_000, Long.MAX_VALUE / 1_000_000), logged);
    assertThat(huge.pingInterval()).isEqualTo(Heartbeat.MAX_INTERVAL);
    assertThat(huge.pingTimeout()).isEqualTo(Heartbeat.MAX_TIMEOUT);
    assertThat(huge.sid()).isEqualTo("sid");
  }
}
