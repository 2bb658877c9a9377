package dev.homeport.adapter.events.wss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.homeport.adapter.events.wss.internal.SmartThingsSession;
import dev.homeport.domain.home.Device;
import dev.homeport.domain.home.PushedMessage;
import dev.homeport.domain.home.UnknownMessage;
import dev.homeport.ports.ProtocolException;
import dev.homeport.simulators.smartthings.SmartThingsSimulator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Directory answers (device, room and user lists) with extreme numbers or out-of-range instants
 * (issue 10 item 11), written on the wire as is by the simulator: a bad device entry is skipped and
 * reported naming the entry and the field while the good one is answered; a number too long to
 * parse refuses the whole answer at once (not at the call time-out), naming where; nothing prints
 * a long line. One simulator and session for all cases.
 */
class DirectoryExtremeValuesTest {

  private static final TestHome HOME = new TestHome();
  private static final String GOOD =
      "{\"type\":\"DEVICE\",\"basic\":{\"locationId\":\"loc-1\",\"deviceId\":\"dev-good\",\"deviceName\":\"Good\","
          + "\"states\":[{\"capabilityId\":\"switch\",\"attributeName\":\"switch\",\"componentId\":\"main\",\"value\":\"on\"}]}}";
  private static SmartThingsSimulator simulator;
  private static SmartThingsSession session;
  private static Collector<PushedMessage> messages;

  @BeforeAll
  static void connect() throws Exception {
    simulator = SimulatorHarness.simulator(HOME);
    session = (SmartThingsSession) SmartThingsGateway.create(SimulatorHarness.config(simulator)).connect().get(10, TimeUnit.SECONDS);
    messages = new Collector<>();
    session.messages().subscribe(messages);
    messages.subscribed.get(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void answerNormally() {
    simulator.answerAll();
  }

  @AfterAll
  static void stop() {
    session.close();
    simulator.close();
  }

  private static String bad(String basicFields, String stateValue) {
    return "{\"type\":\"DEVICE\",\"basic\":{\"locationId\":\"loc-1\"," + basicFields + "\"deviceName\":\"Bad\","
        + "\"states\":[{\"capabilityId\":\"powerMeter\",\"attributeName\":\"power\",\"value\":" + stateValue + "}]}}";
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "'\"deviceId\":\"dev-bad\",'|1e2147483647|device state field value",
      "'\"deviceId\":\"dev-bad\",'|1e999999999|device state field value",
      "'\"deviceId\":\"dev-bad\",'|-1e999999999|device state field value",
      "'\"deviceId\":\"dev-bad\",'|1e-999999999|device state field value",
      "'\"deviceId\":\"dev-bad\",'|'{\"hue\":1e999999999}'|device state field value.hue",
      "'\"deviceId\":\"dev-bad\",\"battery\":1e999999999,'|1|device field battery",
      "'\"deviceId\":\"dev-bad\",\"deviceTypeData\":{\"type\":\"x\",\"ranges\":[0,9e2147483647]},'|1|device field deviceTypeData.ranges[1]",
      "'\"deviceId\":1e999999999,'|1|device field deviceId",
  })
  void badDeviceEntry_isSkippedNamingTheField_andTheOthersAreAnswered(String basicFields, String stateValue, String field)
      throws Exception {
    int before = messages.items.size();
    simulator.answerRaw("find api/device", "{\"data\":[" + GOOD + "," + bad(basicFields, stateValue) + "],\"version\":7}");

    List<Device> devices = session.devices(TestHome.HOME).get(10, TimeUnit.SECONDS);

    assertThat(devices).extracting(d -> d.id().value()).containsExactly("dev-good");
    assertThat(session.lastDeviceList(TestHome.HOME).orElseThrow().skipped()).singleElement()
        .asString().startsWith("device entry 1").contains(field + " is out of range").hasSizeLessThan(400);
    await().atMost(Duration.ofSeconds(10)).until(() -> messages.items.size() > before);
    assertThat(messages.items.get(before)).isInstanceOfSatisfying(UnknownMessage.class, unknown -> {
      assertThat(unknown.name()).isEqualTo("find api/device");
      assertThat(unknown.reason()).contains("device entry 1").contains(field);
    });
  }

  @Test
  void integerOfTenThousandDigits_refusesTheAnswerAtOnce_namingWhere() {
    simulator.answerRaw("find api/device",
        "{\"data\":[" + GOOD + "," + bad("\"deviceId\":\"dev-bad\",", "9".repeat(10_000)) + "]}");

    assertThatThrownBy(() -> session.devices(TestHome.HOME).join())
        .isInstanceOf(CompletionException.class).cause()
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("find api/device answer refused")
        .hasMessageContaining("at /1/data/1/basic/states/0/value")
        .hasMessageContaining("Number value length (10000) exceeds the maximum allowed (1000)")
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(400));
    assertThat(session.pendingCallCount()).isZero();
  }

  @Test
  void everyEntryBad_refusesTheList_namingTheFirst() {
    simulator.answerRaw("find api/device", "{\"data\":[" + bad("\"deviceId\":\"dev-bad\",", "1e999999999") + "]}");

    assertThatThrownBy(() -> session.devices(TestHome.HOME).join())
        .isInstanceOf(CompletionException.class).cause()
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("no usable entry: device entry 0 (deviceId \"dev-bad\") skipped: device state field value is out of range");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "find api/device|'{\"data\":[],\"version\":1e999999999}'|devices answer field version is out of range",
      "get api/user|'{\"uuid\":\"u-1\",\"exp\":1e999999999}'|user field exp is out of range",
      "get api/user|'{\"uuid\":\"u-1\",\"exp\":253402300800}'|user field exp is out of range",
      "get api/user|'{\"uuid\":\"u-1\",\"quota\":[1e2147483647]}'|user field quota[0] is out of range",
      "find api/room|'[{\"roomId\":\"r\",\"locationId\":\"loc-1\",\"created\":99999999999999999}]'|room field created is out of range",
      "find api/room|'[{\"roomId\":\"r\",\"locationId\":\"loc-1\",\"created\":1e999999999}]'|room field created must be",
  })
  void extremeValueInAnAnswer_isAProtocolErrorNamingTheField(String call, String result, String expected) {
    simulator.answerRaw(call, result);

    assertThatThrownBy(() -> (call.startsWith("get") ? session.user() : call.contains("room")
            ? session.rooms(TestHome.HOME) : session.devices(TestHome.HOME)).join())
        .isInstanceOf(CompletionException.class).cause()
        .isInstanceOf(ProtocolException.class).hasMessageContaining(expected)
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(400));
  }
}
