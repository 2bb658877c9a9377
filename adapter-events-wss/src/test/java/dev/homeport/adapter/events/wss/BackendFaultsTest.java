package dev.homeport.adapter.events.wss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.homeport.domain.home.DeviceEvent;
import dev.homeport.domain.home.EventFilter;
import dev.homeport.domain.home.LocationId;
import dev.homeport.ports.AuthenticationException;
import dev.homeport.ports.ServiceCallException;
import dev.homeport.ports.SessionExpiredException;
import dev.homeport.ports.home.LifecycleEvent;
import dev.homeport.ports.home.SessionState;
import dev.homeport.ports.home.SmartHomeSession;
import dev.homeport.simulators.smartthings.SmartThingsSimulator;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Faults injected into the in-memory backend travel over the simulator's wire to the adapter. */
class BackendFaultsTest {

  private final TestHome home = new TestHome();
  private final SmartThingsSimulator simulator = SimulatorHarness.simulator(home);
  private SmartHomeSession session;

  @AfterEach
  void stop() {
    if (session != null) {
      session.close();
    }
    simulator.close();
  }

  private SmartHomeSession connect() throws Exception {
    session = SmartThingsGateway.create(SimulatorHarness.config(simulator)).connect().get(10, TimeUnit.SECONDS);
    return session;
  }

  private static Throwable failure(CompletableFuture<?> future) throws Exception {
    try {
      future.get(10, TimeUnit.SECONDS);
      return null;
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }

  @Test
  void backendRejectsCredentials_connectFailsWithAuthenticationException() throws Exception {
    home.backend.rejectCredentials(true);

    assertThat(failure(SmartThingsGateway.create(SimulatorHarness.config(simulator)).connect()))
        .isInstanceOf(AuthenticationException.class);
  }

  @Test
  void unknownLocation_failsWithServiceCallNotFound() throws Exception {
    connect();

    Throwable failure = failure(session.rooms(LocationId.of("nowhere")));

    assertThat(failure).isInstanceOf(ServiceCallException.class);
    assertThat(((ServiceCallException) failure).code()).isEqualTo(404);
    assertThat(((ServiceCallException) failure).name()).isEqualTo("NotFound");
  }

  @Test
  void backendFailsNextCall_errorReachesTheCaller() throws Exception {
    connect();
    home.backend.failNextCall(new ServiceCallException("GeneralError", 500, "boom"));

    Throwable failure = failure(session.locations());

    assertThat(failure).isInstanceOf(ServiceCallException.class).hasMessageContaining("boom");
    assertThat(((ServiceCallException) failure).retryable()).isTrue();
  }

  @Test
  void backendExpiresSession_adapterReportsSessionExpired() throws Exception {
    connect();
    Collector<LifecycleEvent> lifecycle = new Collector<>();
    session.lifecycle().subscribe(lifecycle);
    Collector<DeviceEvent> events = new Collector<>();
    session.subscribe(EventFilter.location(TestHome.HOME)).subscribe(events);
    events.subscribed.get(10, TimeUnit.SECONDS);

    home.backend.expireSession();

    assertThat(failure(events.completed)).isInstanceOf(SessionExpiredException.class);
    await().atMost(Duration.ofSeconds(10))
        .until(() -> lifecycle.items.stream().anyMatch(e -> e.state() == SessionState.SESSION_EXPIRED));
  }

  @Test
  void backendDisconnect_adapterReconnectsWithGapNoticeAndMissesOutageEvents() throws Exception {
    connect();
    Collector<LifecycleEvent> lifecycle = new Collector<>();
    session.lifecycle().subscribe(lifecycle);
    Collector<DeviceEvent> events = new Collector<>();
    session.subscribe(EventFilter.location(TestHome.HOME)).subscribe(events);
    events.subscribed.get(10, TimeUnit.SECONDS);

    home.backend.simulateDisconnect(() -> home.publish(TestHome.event("lost", 1)));

    await().atMost(Duration.ofSeconds(10))
        .until(() -> lifecycle.items.stream().anyMatch(e -> e.state() == SessionState.AUTHENTICATED && e.eventsMayBeMissing()));
    home.publish(TestHome.event("after", 2));
    await().atMost(Duration.ofSeconds(10)).until(() -> events.items.size() == 1);
    assertThat(events.items.get(0).eventId().value()).isEqualTo("after");
  }

  @Test
  void lifecycleSubscriberAfterConnect_firstReceivesAuthenticated() throws Exception {
    connect();
    Collector<LifecycleEvent> lifecycle = new Collector<>();

    session.lifecycle().subscribe(lifecycle);

    await().atMost(Duration.ofSeconds(10)).until(() -> !lifecycle.items.isEmpty());
    assertThat(lifecycle.items.get(0).state()).isEqualTo(SessionState.AUTHENTICATED);
  }
}
