package dev.homeport.adapter.events.wss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.homeport.domain.home.DeviceEvent;
import dev.homeport.domain.home.EventFilter;
import dev.homeport.ports.home.SmartHomeSession;
import dev.homeport.simulators.smartthings.SmartThingsSimulator;
import dev.homeport.ports.HomeportException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SmartThingsSessionTest {

  private final TestHome home = new TestHome();
  private SmartThingsSimulator simulator;
  private SmartHomeSession session;

  @BeforeEach
  void start() {
    simulator = SimulatorHarness.simulator(home);
  }

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

  @Test
  void validCredentials_connectAndAnswerQueries() throws Exception {
    connect();

    assertThat(session.sessionInfo().userId()).isEqualTo(home.user.id());
    assertThat(session.sessionInfo().sessionLength()).isEqualTo(Duration.ofHours(8));
    assertThat(session.user().get(10, TimeUnit.SECONDS)).isEqualTo(home.user);
    assertThat(session.locations().get(10, TimeUnit.SECONDS)).containsExactly(home.location);
    assertThat(session.rooms(TestHome.HOME).get(10, TimeUnit.SECONDS)).containsExactly(home.room);
    assertThat(session.devices(TestHome.HOME).get(10, TimeUnit.SECONDS)).containsExactly(home.plug);
  }

  @Test
  void deviceList_keepsEtagAndVersion() throws Exception {
    connect();

    session.devices(TestHome.HOME).get(10, TimeUnit.SECONDS);

    var list = ((dev.homeport.adapter.events.wss.internal.SmartThingsSession) session).lastDeviceList(TestHome.HOME).orElseThrow();
    assertThat(list.etag()).hasValueSatisfying(etag -> assertThat(etag).startsWith("W/"));
    assertThat(list.version()).isPresent();
    assertThat(list.devices()).containsExactly(home.plug);
  }

  @Test
  void publishedEvent_reachesSubscriberWithItsDevice() throws Exception {
    connect();
    session.devices(TestHome.HOME).get(10, TimeUnit.SECONDS);
    Collector<DeviceEvent> events = new Collector<>();
    session.subscribe(EventFilter.location(TestHome.HOME)).subscribe(events);
    events.subscribed.get(10, TimeUnit.SECONDS);

    home.publish(TestHome.event("e1", 12.5));

    await().atMost(Duration.ofSeconds(10)).until(() -> events.items.size() == 1);
    DeviceEvent event = events.items.get(0);
    assertThat(event.eventId().value()).isEqualTo("e1");
    assertThat(event.value()).contains(dev.homeport.domain.home.AttributeValue.NumberValue.of(12.5));
    assertThat(event.device()).contains(home.plug);
  }

  @ParameterizedTest(name = "pushed before the answer: {0}")
  @ValueSource(booleans = {true, false})
  void eventsWrittenWithTheSubscriptionAnswer_allReachTheSubscriberInOrder(boolean beforeAnswer) throws Exception {
    List<DeviceEvent> burst = IntStream.range(0, 200).mapToObj(i -> TestHome.event("burst-" + i, i)).toList();
    simulator.pushWithSubscriptionAnswer(burst, beforeAnswer);
    connect();
    Collector<DeviceEvent> events = new Collector<>();

    session.subscribe(EventFilter.location(TestHome.HOME)).subscribe(events);

    events.subscribed.get(10, TimeUnit.SECONDS);
    await().atMost(Duration.ofSeconds(10)).until(() -> events.items.size() >= burst.size());
    assertThat(events.items).extracting(event -> event.eventId().value())
        .containsExactlyElementsOf(burst.stream().map(event -> event.eventId().value()).toList());
  }

  @Test
  void refusedSubscription_subscriberGetsItsSubscriptionThenTheError() throws Exception {
    simulator.refuse("create api/subscription", "Forbidden", 403, "not allowed");
    connect();
    Collector<DeviceEvent> events = new Collector<>();

    session.subscribe(EventFilter.location(TestHome.HOME)).subscribe(events);

    events.subscribed.get(10, TimeUnit.SECONDS);
    assertThat(events.completed).failsWithin(Duration.ofSeconds(10))
        .withThrowableOfType(ExecutionException.class)
        .withCauseInstanceOf(HomeportException.class);
    assertThat(events.items).isEmpty();
  }

  @Test
  void batchingSubscriber_isToldWhereABurstEnds() throws Exception {
    connect();
    java.util.concurrent.atomic.AtomicInteger batchEnds = new java.util.concurrent.atomic.AtomicInteger();
    class BatchCollector extends Collector<DeviceEvent> implements dev.homeport.ports.flow.BatchingSubscriber<DeviceEvent> {
      @Override
      public void onBatchEnd() {
        batchEnds.incrementAndGet();
      }
    }
    BatchCollector events = new BatchCollector();
    session.subscribe(EventFilter.location(TestHome.HOME)).subscribe(events);
    events.subscribed.get(10, TimeUnit.SECONDS);

    home.publish(TestHome.event("e1", 1));

    await().atMost(Duration.ofSeconds(10)).until(() -> events.items.size() == 1 && batchEnds.get() >= 1);
  }
}
