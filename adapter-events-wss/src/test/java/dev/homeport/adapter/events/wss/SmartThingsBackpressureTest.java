package dev.homeport.adapter.events.wss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.homeport.adapter.events.wss.internal.SmartThingsSession;
import dev.homeport.domain.home.DeviceEvent;
import dev.homeport.domain.home.EventFilter;
import dev.homeport.ports.flow.OverflowPolicy;
import dev.homeport.ports.home.LifecycleEvent;
import dev.homeport.ports.home.SessionState;
import dev.homeport.simulators.smartthings.SmartThingsSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * BACKPRESSURE over the wire: a full subscriber stops the session's reader (the simulator is then
 * held by TCP flow control), the heartbeat keeps the connection while paused, and a dead peer is
 * still found while paused. The client's pong deadline here (1 s) is shorter than the pauses.
 */
class SmartThingsBackpressureTest {

  private static final int BUFFER = 64;

  private final TestHome home = new TestHome();
  private final SmartThingsSimulator simulator =
      SimulatorHarness.simulator(home, Duration.ofMillis(250), Duration.ofMillis(1000));
  private SmartThingsSession session;

  @AfterEach
  void stop() {
    if (session != null) {
      session.close();
    }
    simulator.close();
  }

  private SmartThingsSession connect() throws Exception {
    session =
        (SmartThingsSession)
            SmartThingsGateway.create(SimulatorHarness.config(simulator).withBufferSize(BUFFER)).connect().get(10, TimeUnit.SECONDS);
    return session;
  }

  private static List<DeviceEvent> burst(String prefix, int count) {
    List<DeviceEvent> events = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      events.add(TestHome.event(prefix + i, i));
    }
    return events;
  }

  private static List<String> ids(List<? extends DeviceEvent> events) {
    return events.stream().map(e -> e.eventId().value()).collect(Collectors.toList());
  }

  private <T> Collector<T> subscribe(Flow.Publisher<T> publisher, Collector<T> collector) throws Exception {
    publisher.subscribe(collector);
    collector.subscribed.get(10, TimeUnit.SECONDS);
    return collector;
  }

  private Collector<LifecycleEvent> lifecycle() throws Exception {
    return subscribe(session.lifecycle(), new Collector<>());
  }

  private static boolean saw(Collector<LifecycleEvent> lifecycle, SessionState state) {
    return lifecycle.items.stream().anyMatch(e -> e.state() == state);
  }

  @Test
  void slowSubscriber_getsEveryEventInOrderNoneTwice_whileTheReaderPauses() throws Exception {
    connect();
    List<DeviceEvent> sent = burst("slow-", 5_000);
    List<DeviceEvent> received = java.util.Collections.synchronizedList(new ArrayList<>());
    Collector<DeviceEvent> slow =
        subscribe(
            session.subscribe(EventFilter.location(TestHome.HOME), OverflowPolicy.BACKPRESSURE),
            new Collector<>() {
              @Override
              public void onNext(DeviceEvent item) {
                if (received.isEmpty()) {
                  // Held on the first event until the reader has paused: the pause is then certain,
                  // whatever pace the simulator writes at on a busy machine.
                  await().atMost(Duration.ofSeconds(10)).until(session::readerPaused);
                }
                received.add(item);
                LockSupport.parkNanos(50_000); // simulated work per event, slower than the wire
              }
            });

    CompletableFuture<Void> pushed = simulator.pushAll(sent, Duration.ZERO);

    await().atMost(Duration.ofSeconds(30)).until(() -> received.size() >= sent.size());
    pushed.get(10, TimeUnit.SECONDS);
    assertThat(ids(received)).containsExactlyElementsOf(ids(sent));
    assertThat(session.readerPauseCount()).as("the reader paused for the subscriber").isPositive();
    assertThat(session.droppedCount()).isZero();
    assertThat(slow.completed).isNotDone();
  }

  @Test
  void stuckSubscriber_doesNotKillTheHeartbeat_andLosesNothingOnceItReads() throws Exception {
    connect();
    Collector<LifecycleEvent> lifecycle = lifecycle();
    Collector<DeviceEvent> stuck = subscribe(session.subscribe(EventFilter.location(TestHome.HOME)), new Collector<>(0));
    // ~20 MB of frames: more than the loopback socket buffers hold, so the server must wait.
    List<DeviceEvent> sent = burst("stuck-", 50_000);
    CompletableFuture<Void> pushed = simulator.pushAll(sent, Duration.ZERO);

    await().atMost(Duration.ofSeconds(10)).until(session::readerPaused);
    long pings = simulator.pingsReceived();
    // Six pings (250 ms apart at least) later the pause has lasted longer than the 1 s pong deadline.
    await().atMost(Duration.ofSeconds(20)).until(() -> simulator.pingsReceived() >= pings + 6);
    assertThat(session.readerPaused()).as("still paused").isTrue();
    assertThat(pushed).as("the simulator is held").isNotDone();
    assertThat(saw(lifecycle, SessionState.RECONNECTING)).as("declared dead while paused").isFalse();
    assertThat(simulator.connectionsAccepted()).isEqualTo(1);

    stuck.subscribed.get().request(Long.MAX_VALUE);
    await().atMost(Duration.ofSeconds(60)).until(() -> stuck.items.size() >= sent.size());
    pushed.get(10, TimeUnit.SECONDS);
    assertThat(ids(stuck.items)).containsExactlyElementsOf(ids(sent));
    assertThat(simulator.connectionsAccepted()).isEqualTo(1);
    assertThat(saw(lifecycle, SessionState.RECONNECTING)).isFalse();
  }

  @Test
  void deadPeer_isDetectedWhilePaused() throws Exception {
    connect();
    Collector<LifecycleEvent> lifecycle = lifecycle();
    subscribe(session.subscribe(EventFilter.location(TestHome.HOME)), new Collector<DeviceEvent>(0));
    simulator.pushAll(burst("dead-", 3_000), Duration.ZERO);
    await().atMost(Duration.ofSeconds(10)).until(session::readerPaused);

    simulator.dropConnections();

    await().atMost(Duration.ofSeconds(10)).until(() -> saw(lifecycle, SessionState.RECONNECTING));
    await().atMost(Duration.ofSeconds(10)).until(() -> simulator.connectionsAccepted() >= 2);
  }

  @Test
  void closingWhilePaused_endsTheWaitAndTheSubscriptions() throws Exception {
    connect();
    Collector<DeviceEvent> stuck = subscribe(session.subscribe(EventFilter.location(TestHome.HOME)), new Collector<>(0));
    simulator.pushAll(burst("close-", 3_000), Duration.ZERO);
    await().atMost(Duration.ofSeconds(10)).until(session::readerPaused);

    session.close();

    await().atMost(Duration.ofSeconds(10)).until(() -> !session.readerPaused());
    stuck.subscribed.get().request(Long.MAX_VALUE);
    stuck.completed.get(10, TimeUnit.SECONDS);
  }
}
