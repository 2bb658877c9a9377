package dev.homeport.adapter.events.wss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.homeport.adapter.events.wss.internal.SmartThingsSession;
import dev.homeport.domain.home.DeviceEvent;
import dev.homeport.domain.home.EventFilter;
import dev.homeport.domain.home.PushedMessage;
import dev.homeport.domain.home.UnknownMessage;
import dev.homeport.simulators.smartthings.SmartThingsSimulator;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A server pushing device events with extreme numbers or out-of-range instants (issue 10 item 11):
 * each is refused quickly as a protocol error naming the field, reported on {@code messages()},
 * and the subscription goes on with the next good event. One simulator and session for all cases.
 */
class ExtremeValuesTest {

  private static final TestHome HOME = new TestHome();
  private static SmartThingsSimulator simulator;
  private static SmartThingsSession session;
  private static Collector<DeviceEvent> events;
  private static Collector<PushedMessage> messages;
  private static int good;

  @BeforeAll
  static void connect() throws Exception {
    simulator = SimulatorHarness.simulator(HOME);
    session = (SmartThingsSession) SmartThingsGateway.create(SimulatorHarness.config(simulator)).connect().get(10, TimeUnit.SECONDS);
    events = new Collector<>();
    session.subscribe(EventFilter.location(TestHome.HOME)).subscribe(events);
    events.subscribed.get(10, TimeUnit.SECONDS);
    messages = new Collector<>();
    session.messages().subscribe(messages);
    messages.subscribed.get(10, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() {
    session.close();
    simulator.close();
  }

  private static String event(String id, String value, String time) {
    return "42[\"api/subscription DEVICE_EVENT\",{\"data\":{\"eventType\":\"DEVICE_EVENT\",\"eventId\":\"" + id
        + "\",\"locationId\":\"loc-1\",\"deviceId\":\"dev-plug\",\"componentId\":\"main\",\"capability\":\"powerMeter\","
        + "\"attribute\":\"power\",\"value\":" + value + ",\"valueType\":\"number\",\"unit\":\"W\",\"stateChange\":true,"
        + "\"time\":" + time + "},\"subscriptionId\":\"sub\"}]";
  }

  @ParameterizedTest(name = "{0} in {1}")
  @CsvSource(delimiter = '|', value = {
      "1e2147483647|value",
      "1e999999999|value",
      "-1e999999999|value",
      "1e-999999999|value",
      "'\"1e2147483647\"'|value",
      "DIGITS400|value",
      "TIME:253402300800000|time",
      "TIME:-99999999999999999|time",
      "'TIME:\"+1000000-01-01T00:00:00Z\"'|time",
  })
  void extremeValue_isReportedNamingTheField_andTheSubscriptionGoesOn(String raw, String field) throws Exception {
    String value = raw.equals("DIGITS400") ? "9".repeat(400) : raw.startsWith("TIME:") ? "1" : raw;
    String time = raw.startsWith("TIME:") ? raw.substring(5) : "\"2021-06-09T04:16:03.854Z\"";
    int messagesBefore = messages.items.size();
    int eventsBefore = events.items.size();

    simulator.sendRaw(event("bad-" + raw.hashCode(), value, time));
    String goodId = "good-" + (++good);
    HOME.publish(TestHome.event(goodId, 1));

    await().atMost(Duration.ofSeconds(10)).until(() -> events.items.size() > eventsBefore);
    assertThat(events.items.subList(eventsBefore, events.items.size()))
        .extracting(e -> e.eventId().value()).containsExactly(goodId);
    await().atMost(Duration.ofSeconds(10)).until(() -> messages.items.size() > messagesBefore);
    assertThat(messages.items.get(messagesBefore)).isInstanceOfSatisfying(UnknownMessage.class, unknown ->
        assertThat(unknown.reason()).contains("invalid device event").contains("field " + field).contains("out of range"));
    assertThat(events.completed).isNotDone();
  }
}
