package dev.homeport.adapter.events.wss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.homeport.adapter.events.wss.internal.SmartThingsSession;
import dev.homeport.domain.home.DeviceEvent;
import dev.homeport.domain.home.EventFilter;
import dev.homeport.domain.home.Location;
import dev.homeport.domain.home.PushedMessage;
import dev.homeport.domain.home.UnknownMessage;
import dev.homeport.domain.home.User;
import dev.homeport.ports.ClosedException;
import dev.homeport.ports.RequestTimeoutException;
import dev.homeport.ports.SessionExpiredException;
import dev.homeport.ports.TransportException;
import dev.homeport.ports.home.LifecycleEvent;
import dev.homeport.ports.home.SessionState;
import dev.homeport.simulators.smartthings.SmartThingsSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each simulator fault and what the adapter makes of it. */
class SmartThingsFaultsTest {

  private final TestHome home = new TestHome();
  private SmartThingsSimulator simulator = SimulatorHarness.simulator(home);
  private SmartThingsSession session;

  @AfterEach
  void stop() {
    if (session != null) {
      session.close();
    }
    simulator.close();
  }

  private SmartThingsSession connect(SmartThingsConfig config) throws Exception {
    session = (SmartThingsSession) SmartThingsGateway.create(config).connect().get(10, TimeUnit.SECONDS);
    return session;
  }

  private SmartThingsSession connect() throws Exception {
    return connect(SimulatorHarness.config(simulator));
  }

  private static Throwable failure(CompletableFuture<?> future) {
    try {
      future.get(10, TimeUnit.SECONDS);
      return null;
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (Exception e) {
      throw new AssertionError("future did not end in time", e);
    }
  }

  private Collector<DeviceEvent> subscribed() throws Exception {
    Collector<DeviceEvent> events = new Collector<>();
    session.subscribe(EventFilter.location(TestHome.HOME)).subscribe(events);
    events.subscribed.get(10, TimeUnit.SECONDS);
    return events;
  }

  private static boolean gapNotice(List<LifecycleEvent> events) {
    return events.stream().anyMatch(e -> e.state() == SessionState.AUTHENTICATED && e.eventsMayBeMissing());
  }

  @Test
  void client_pingsEveryPingInterval() throws Exception {
    connect();

    await().atMost(Duration.ofSeconds(10)).until(() -> simulator.pingsReceived() >= 3);
  }

  @Test
  void droppedConnection_reconnectsResubscribesAndReportsGap() throws Exception {
    connect();
    Collector<LifecycleEvent> lifecycle = new Collector<>();
    session.lifecycle().subscribe(lifecycle);
    lifecycle.subscribed.get(10, TimeUnit.SECONDS);
    Collector<DeviceEvent> events = subscribed();

    simulator.dropConnections();

    await().atMost(Duration.ofSeconds(10)).until(() -> gapNotice(lifecycle.items));
    assertThat(lifecycle.items).extracting(LifecycleEvent::state).contains(SessionState.RECONNECTING);
    assertThat(simulator.callCount("authenticate")).isEqualTo(2);
    assertThat(simulator.callCount("create api/subscription")).isEqualTo(2);
    assertThat(simulator.liveSubscriptions()).isEqualTo(1);
    home.publish(TestHome.event("after-reconnect", 1));
    await().atMost(Duration.ofSeconds(10)).until(() -> events.items.size() == 1);
    assertThat(events.items.get(0).eventId().value()).isEqualTo("after-reconnect");
    assertThat(session.user().get(10, TimeUnit.SECONDS)).isEqualTo(home.user);
  }

  @Test
  void halfOpenConnection_isDetectedByPingTimeoutAndReplaced() throws Exception {
    simulator.close();
    simulator = SimulatorHarness.simulator(home, Duration.ofMillis(300), Duration.ofMillis(300));
    connect();
    Collector<LifecycleEvent> lifecycle = new Collector<>();
    session.lifecycle().subscribe(lifecycle);
    lifecycle.subscribed.get(10, TimeUnit.SECONDS);
    Collector<DeviceEvent> events = subscribed();

    simulator.freezeConnections();

    await().atMost(Duration.ofSeconds(10)).until(() -> gapNotice(lifecycle.items));
    assertThat(lifecycle.items)
        .filteredOn(e -> e.state() == SessionState.RECONNECTING)
        .first()
        .extracting(LifecycleEvent::detail)
        .asString()
        .contains("ping");
    assertThat(simulator.connectionsAccepted()).isGreaterThanOrEqualTo(2);
    DeviceEvent fresh = TestHome.event("on-new-connection", 2);
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
      home.publish(fresh);
      return !events.items.isEmpty();
    });
    assertThat(events.items).extracting(e -> e.eventId().value()).containsOnly("on-new-connection");
  }

  @Test
  void blackholedTcpConnection_isDetectedReplacedAndLeavesNoClientThreads() throws Exception {
    simulator.close();
    simulator = SimulatorHarness.simulator(home, Duration.ofMillis(300), Duration.ofMillis(300));
    try (BlackholeProxy proxy = new BlackholeProxy(simulator.url().getPort())) {
      SmartThingsConfig config =
          SimulatorHarness.config(simulator).withUrl(java.net.URI.create("wss://127.0.0.1:" + proxy.port() + "/socket.io/"));
      // Warm up, so the simulator's own threads are in the baseline.
      SmartThingsGateway.create(config).connect().get(10, TimeUnit.SECONDS).close();
      await().atMost(Duration.ofSeconds(10)).until(() -> simulator.openConnections() == 0);
      java.util.Set<Thread> baseline = Thread.getAllStackTraces().keySet();
      java.util.Set<String> simulatorPools =
          baseline.stream()
              .map(Thread::getName)
              .filter(name -> name.matches("tyrus-\\d+-thread-\\d+"))
              .map(name -> name.substring(0, name.indexOf("-thread-") + 1))
              .collect(java.util.stream.Collectors.toSet());
      connect(config);
      Collector<LifecycleEvent> lifecycle = new Collector<>();
      session.lifecycle().subscribe(lifecycle);
      Collector<DeviceEvent> events = subscribed();

      proxy.blackholeExisting();

      await().atMost(Duration.ofSeconds(10)).until(() -> gapNotice(lifecycle.items));
      DeviceEvent fresh = TestHome.event("after-blackhole", 3);
      await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
        home.publish(fresh);
        return !events.items.isEmpty();
      });
      session.close();
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(200))
          .untilAsserted(
              () ->
                  assertThat(
                          Thread.getAllStackTraces().keySet().stream()
                              .filter(t -> !baseline.contains(t) && t.isAlive())
                              .map(Thread::getName)
                              .filter(name -> !name.startsWith("blackhole-proxy") && !name.startsWith("awaitility")
                                  && simulatorPools.stream().noneMatch(name::startsWith) && !name.startsWith("Grizzly-worker")
                                  && !name.startsWith("HttpServer") && !name.startsWith("grizzly-nio-kernel")))
                      .as("client threads left after closing a session whose first connection was black-holed")
                      .isEmpty());
    }
  }

  @Test
  void certificateChangedOnReconnect_endsTheSessionWithCertificateMismatch() throws Exception {
    try (BlackholeProxy proxy = new BlackholeProxy(simulator.url().getPort());
        SmartThingsSimulator impostor = SimulatorHarness.simulator(home)) {
      connect(SimulatorHarness.config(simulator).withUrl(java.net.URI.create("wss://127.0.0.1:" + proxy.port() + "/socket.io/")));
      Collector<LifecycleEvent> lifecycle = new Collector<>();
      session.lifecycle().subscribe(lifecycle);
      Collector<DeviceEvent> events = subscribed();
      proxy.retarget(impostor.url().getPort());

      simulator.dropConnections();

      assertThat(failure(events.completed)).isInstanceOf(dev.homeport.ports.CertificateMismatchException.class);
      await().atMost(Duration.ofSeconds(10)).until(() -> lifecycle.completed.isDone());
      assertThat(lifecycle.items).last().extracting(LifecycleEvent::state).isEqualTo(SessionState.DISCONNECTED);
      assertThat(impostor.connectionsAccepted()).as("no handshake, so the cookie never reached the impostor").isZero();
    }
  }

  @Test
  void expiredSession_stopsReconnectingAndReportsAuthenticationError() throws Exception {
    connect();
    Collector<LifecycleEvent> lifecycle = new Collector<>();
    session.lifecycle().subscribe(lifecycle);
    lifecycle.subscribed.get(10, TimeUnit.SECONDS);
    Collector<DeviceEvent> events = subscribed();

    simulator.expireSession();

    assertThat(failure(events.completed)).isInstanceOf(SessionExpiredException.class);
    assertThat(lifecycle.items).extracting(LifecycleEvent::state).contains(SessionState.SESSION_EXPIRED);
    await().atMost(Duration.ofSeconds(10)).until(() -> lifecycle.completed.isDone());
    assertThat(session.isClosed()).isTrue();
    assertThat(simulator.callCount("authenticate")).isEqualTo(2);
    assertThat(failure(session.locations())).isInstanceOf(SessionExpiredException.class);
  }

  @Test
  void rejectedAuthenticationOnReconnect_endsSessionInsteadOfLooping() throws Exception {
    connect();
    Collector<PushedMessage> messages = new Collector<>();
    session.messages().subscribe(messages);
    messages.subscribed.get(10, TimeUnit.SECONDS);
    simulator.rejectAuthentication(true);

    simulator.dropConnections();

    assertThat(failure(messages.completed)).isInstanceOf(SessionExpiredException.class);
    assertThat(simulator.connectionsAccepted()).isEqualTo(2);
  }

  @Test
  void unansweredCall_timesOutAndReleasesItsAckId() throws Exception {
    // short, as the unanswered call must time out; long enough for the answered call after it
    connect(SimulatorHarness.config(simulator).withCallTimeout(Duration.ofSeconds(2)));
    simulator.neverAnswer("find api/location");

    assertThat(failure(session.locations())).isInstanceOf(RequestTimeoutException.class).hasMessageContaining("find api/location");
    assertThat(session.pendingCallCount()).isZero();
    assertThat(session.user().get(10, TimeUnit.SECONDS)).isEqualTo(home.user);
  }

  @Test
  void thousandTimedOutCalls_leaveNoPendingAck() throws Exception {
    connect(SimulatorHarness.config(simulator).withCallTimeout(Duration.ofMillis(300)));
    simulator.neverAnswer("get api/user");

    List<CompletableFuture<User>> calls = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      calls.add(session.user());
    }

    for (CompletableFuture<User> call : calls) {
      assertThat(failure(call)).isInstanceOf(RequestTimeoutException.class);
    }
    assertThat(session.pendingCallCount()).isZero();
    assertThat(simulator.callCount("get api/user")).isEqualTo(1000);
  }

  @Test
  void disconnect_failsAllPendingCallsAtOnce() throws Exception {
    connect(SimulatorHarness.config(simulator).withCallTimeout(Duration.ofSeconds(60)));
    simulator.neverAnswer("get api/user");
    List<CompletableFuture<User>> calls = List.of(session.user(), session.user(), session.user());
    await().atMost(Duration.ofSeconds(10)).until(() -> simulator.callCount("get api/user") == 3);

    simulator.dropConnections();

    for (CompletableFuture<User> call : calls) {
      assertThat(failure(call)).isInstanceOf(TransportException.class).isNotInstanceOf(RequestTimeoutException.class);
    }
    assertThat(session.pendingCallCount()).isZero();
  }

  @Test
  void concurrentCallsOfOneKind_eachGetTheirOwnAnswer() throws Exception {
    connect();

    List<CompletableFuture<List<Location>>> calls = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      calls.add(session.locations());
    }

    for (CompletableFuture<List<Location>> call : calls) {
      assertThat(call.get(10, TimeUnit.SECONDS)).containsExactly(home.location);
    }
  }

  @Test
  void malformedAndUnknownFrames_areReportedAndTheSessionStaysUp() throws Exception {
    connect();
    Collector<PushedMessage> messages = new Collector<>();
    session.messages().subscribe(messages);
    messages.subscribed.get(10, TimeUnit.SECONDS);
    Collector<DeviceEvent> events = subscribed();

    simulator.sendRaw("9nonsense");
    simulator.sendRaw("42[\"x\",{\"unexpected\":true}]");
    simulator.sendRaw("42[\"api/subscription DEVICE_EVENT\",{\"data\":{\"eventType\":\"DEVICE_EVENT\",\"eventId\":\"bad\"}}]");
    simulator.sendRaw("42[unterminated");
    simulator.sendRaw("4");
    simulator.sendRaw("");
    home.publish(TestHome.event("good", 3));

    await().atMost(Duration.ofSeconds(10)).until(() -> events.items.size() == 1);
    await().atMost(Duration.ofSeconds(10)).until(() -> messages.items.stream().filter(m -> m instanceof UnknownMessage).count() >= 5);
    assertThat(session.invalidPayloadCount()).isEqualTo(1);
    assertThat(messages.items)
        .filteredOn(m -> m instanceof UnknownMessage)
        .extracting(m -> ((UnknownMessage) m).reason())
        .anyMatch(reason -> reason.contains("invalid device event"));
    assertThat(session.locations().get(10, TimeUnit.SECONDS)).containsExactly(home.location);
  }

  @Test
  void close_failsPendingCallsCompletesPublishersAndRefusesNewCalls() throws Exception {
    connect(SimulatorHarness.config(simulator).withCallTimeout(Duration.ofSeconds(60)));
    simulator.neverAnswer("get api/user");
    CompletableFuture<User> pending = session.user();
    Collector<DeviceEvent> events = subscribed();

    session.close();

    assertThat(failure(pending)).isInstanceOf(ClosedException.class);
    assertThat(failure(events.completed)).isNull();
    assertThat(failure(session.locations())).isInstanceOf(ClosedException.class);
    await().atMost(Duration.ofSeconds(10)).until(() -> simulator.openConnections() == 0);
  }

  @Test
  void closeWhileReconnecting_endsTheSessionThreadsPromptly() throws Exception {
    // Long ping values: the simulator must not drop the silent connection by itself.
    simulator.close();
    simulator = SimulatorHarness.simulator(home, Duration.ofSeconds(20), Duration.ofSeconds(20));
    connect(SimulatorHarness.config(simulator).withConnectTimeout(Duration.ofSeconds(30)));
    simulator.freezeNewConnections(true);
    simulator.dropConnections();
    await().atMost(Duration.ofSeconds(10)).until(() -> simulator.connectionsAccepted() == 2);

    session.close();

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> Thread.getAllStackTraces().keySet().stream()
            .noneMatch(t -> t.getName().startsWith("homeport-smartthings-") && t.getName().contains("-connector-")));
  }

  @Test
  void subscriptionRefusedAfterReconnect_endsThatLocationsSubscribersOnly() throws Exception {
    connect();
    Collector<LifecycleEvent> lifecycle = new Collector<>();
    session.lifecycle().subscribe(lifecycle);
    Collector<DeviceEvent> events = subscribed();
    Collector<PushedMessage> messages = new Collector<>();
    session.messages().subscribe(messages);
    messages.subscribed.get(10, TimeUnit.SECONDS);
    simulator.refuse("create api/subscription", "Forbidden", 403, "location no longer shared");

    simulator.dropConnections();

    Throwable failure = failure(events.completed);
    assertThat(failure).isInstanceOf(dev.homeport.ports.ServiceCallException.class);
    assertThat(((dev.homeport.ports.ServiceCallException) failure).code()).isEqualTo(403);
    await().atMost(Duration.ofSeconds(10)).until(() -> gapNotice(lifecycle.items));
    assertThat(session.isClosed()).isFalse();
    assertThat(messages.completed).isNotDone();
    assertThat(session.locations().get(10, TimeUnit.SECONDS)).containsExactly(home.location);
    assertThat(simulator.connectionsAccepted()).isEqualTo(2);
  }

  @Test
  void rejectedSubscription_endsThatSubscriberWithError() throws Exception {
    connect();
    simulator.neverAnswer("create api/subscription");
    session.close();
    connect(SimulatorHarness.config(simulator).withCallTimeout(Duration.ofMillis(200)));

    Collector<DeviceEvent> events = new Collector<>();
    session.subscribe(EventFilter.location(TestHome.HOME)).subscribe(events);

    assertThatThrownBy(() -> events.completed.get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(RequestTimeoutException.class);
  }
}
