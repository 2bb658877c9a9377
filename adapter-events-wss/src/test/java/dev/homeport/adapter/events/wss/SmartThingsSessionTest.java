package dev.homeport.adapter.events.wss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.homeport.domain.home.DeviceEvent;
import dev.homeport.domain.home.EventFilter;
import dev.homeport.ports.home.SmartHomeSession;
import dev.homeport.simulators.smartthings.SmartThingsSimulator;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
}
