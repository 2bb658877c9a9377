package dev.homeport.adapter.events.wss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.homeport.adapter.events.wss.internal.SmartThingsSession;
import dev.homeport.domain.Secret;
import dev.homeport.simulators.smartthings.SmartThingsSimulator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The public reconnect policy: its documented defaults, its arithmetic, and the session using it. */
class ReconnectPolicyTest {

  @Test
  void defaults_areTheDocumentedOnes() {
    ExponentialReconnectPolicy defaults = (ExponentialReconnectPolicy) ReconnectPolicy.defaults();
    assertThat(defaults.initialDelay()).isEqualTo(Duration.ofMillis(500));
    assertThat(defaults.maxDelay()).isEqualTo(Duration.ofSeconds(30));
    assertThat(defaults.multiplier()).isEqualTo(2.0);
    assertThat(defaults.jitter()).isEqualTo(0.5);
    assertThat(defaults.healthyPeriod()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void withoutJitter_delaysGrowByTheMultiplierUpToTheCap() {
    ReconnectPolicy policy = ReconnectPolicy.exponential().initialDelay(Duration.ofMillis(100))
        .maxDelay(Duration.ofMillis(1000)).multiplier(3).jitter(0).build();
    assertThat(List.of(policy.delay(0), policy.delay(1), policy.delay(2), policy.delay(3), policy.delay(50)))
        .containsExactly(Duration.ofMillis(100), Duration.ofMillis(300), Duration.ofMillis(900),
            Duration.ofMillis(1000), Duration.ofMillis(1000));
  }

  @Test
  void withJitter_delaysStayBetweenTheFloorAndTheStep_neverBelowTheInitialDelay() {
    ReconnectPolicy policy = ReconnectPolicy.exponential().initialDelay(Duration.ofMillis(100))
        .maxDelay(Duration.ofSeconds(10)).jitter(0.25).build();
    for (int i = 0; i < 200; i++) {
      assertThat(policy.delay(3).toNanos()).isBetween(600_000_000L, 800_000_000L);
      assertThat(policy.delay(0)).isEqualTo(Duration.ofMillis(100));
    }
  }

  @Test
  void builder_refusesBadValues_namingTheField() {
    assertThatThrownBy(() -> ReconnectPolicy.exponential().initialDelay(Duration.ZERO)).hasMessageContaining("initialDelay");
    assertThatThrownBy(() -> ReconnectPolicy.exponential().multiplier(0.5)).hasMessageContaining("multiplier");
    assertThatThrownBy(() -> ReconnectPolicy.exponential().multiplier(Double.NaN)).hasMessageContaining("multiplier");
    assertThatThrownBy(() -> ReconnectPolicy.exponential().jitter(1.5)).hasMessageContaining("jitter");
    assertThatThrownBy(() -> ReconnectPolicy.exponential().healthyPeriod(Duration.ofSeconds(-1))).hasMessageContaining("healthyPeriod");
    assertThatThrownBy(() -> ReconnectPolicy.exponential().initialDelay(Duration.ofSeconds(2)).maxDelay(Duration.ofSeconds(1)).build())
        .hasMessageContaining("maxDelay");
    assertThatThrownBy(() -> ReconnectPolicy.exponential().build().delay(-1)).hasMessageContaining("attempt");
  }

  private static ImmutableSmartThingsConfig.Builder minimal() {
    return ImmutableSmartThingsConfig.builder().csrfToken(Secret.of("t")).cookie(Secret.of("c"));
  }

  @Test
  void config_derivesTheDefaultPolicyFromBackoffMinAndMax_unlessOneIsSet() {
    ExponentialReconnectPolicy derived = (ExponentialReconnectPolicy) minimal()
        .backoffMin(Duration.ofMillis(50)).backoffMax(Duration.ofMillis(200)).build().reconnectPolicy();
    assertThat(derived.initialDelay()).isEqualTo(Duration.ofMillis(50));
    assertThat(derived.maxDelay()).isEqualTo(Duration.ofMillis(200));
    ReconnectPolicy mine = ReconnectPolicy.exponential().multiplier(1.5).build();
    assertThat(minimal().reconnectPolicy(mine).build().reconnectPolicy()).isSameAs(mine);
  }

  /** A policy that records the attempts it was asked about (also used by HostileServerTest). */
  static final class Recording implements ReconnectPolicy {
    final List<Integer> attempts = new CopyOnWriteArrayList<>();

    @Override
    public Duration delay(int attempt) {
      attempts.add(attempt);
      return Duration.ofMillis(20);
    }

    @Override
    public Duration healthyPeriod() {
      return Duration.ofHours(1); // never healthy long enough inside a test: the count goes on
    }
  }

  @Test
  void session_reconnectsWhenTheConfiguredPolicySays_andCountsOnWhileNotHealthy() throws Exception {
    TestHome home = new TestHome();
    Recording policy = new Recording();
    try (SmartThingsSimulator simulator = SimulatorHarness.simulator(home);
        SmartThingsSession session = (SmartThingsSession) SmartThingsGateway.create(
            ImmutableSmartThingsConfig.copyOf(SimulatorHarness.config(simulator)).withReconnectPolicy(policy))
            .connect().get(10, TimeUnit.SECONDS)) {
      simulator.dropConnections();
      await().atMost(Duration.ofSeconds(10)).until(() -> session.reconnectCount() == 1);
      simulator.dropConnections();
      await().atMost(Duration.ofSeconds(10)).until(() -> session.reconnectCount() == 2);
      assertThat(policy.attempts).containsExactly(0, 1);
    }
  }
}
