package dev.homeport.adapter.events.wss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.homeport.adapter.events.wss.internal.SmartThingsSession;
import dev.homeport.domain.FieldMap;
import dev.homeport.domain.home.AlertMessage;
import dev.homeport.domain.home.AttributeValue;
import dev.homeport.domain.home.ControlMessage;
import dev.homeport.domain.home.DeviceEvent;
import dev.homeport.domain.home.DeviceId;
import dev.homeport.domain.home.EventFilter;
import dev.homeport.domain.home.EventId;
import dev.homeport.domain.home.ImmutableDeviceEvent;
import dev.homeport.domain.home.ImmutableEventFilter;
import dev.homeport.domain.home.PushedMessage;
import dev.homeport.domain.home.SubscriptionId;
import dev.homeport.domain.home.SubscriptionStateChange;
import dev.homeport.domain.home.UnknownMessage;
import dev.homeport.ports.SubscriberOverflowException;
import dev.homeport.ports.flow.OverflowPolicy;
import dev.homeport.simulators.smartthings.SmartThingsSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pushed events: typing, enrichment, filters, duplicates, bursts and slow subscribers. */
class SmartThingsEventsTest {

  private final TestHome home = new TestHome();
  private final SmartThingsSimulator simulator = SimulatorHarness.simulator(home);
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

  private <T> Collector<T> subscribe(java.util.concurrent.Flow.Publisher<T> publisher, Collector<T> collector)
      throws Exception {
    publisher.subscribe(collector);
    collector.subscribed.get(10, TimeUnit.SECONDS);
    return collector;
  }

  private static DeviceEvent event(String id, String device, String capability, String attribute, AttributeValue value) {
    return ImmutableDeviceEvent.copyOf(TestHome.event(id, 0))
        .withDeviceId(DeviceId.of(device))
        .withCapability(capability)
        .withAttribute(attribute)
        .withValue(Optional.ofNullable(value));
  }

  @Test
  void valuesOfEveryType_arriveTyped() throws Exception {
    connect(SimulatorHarness.config(simulator));
    Collector<DeviceEvent> events = subscribe(session.subscribe(EventFilter.location(TestHome.HOME)), new Collector<>());
    List<AttributeValue> values =
        List.of(
            new AttributeValue.NumberValue(new java.math.BigDecimal("21.50")),
            new AttributeValue.NumberValue(new java.math.BigDecimal("3")),
            new AttributeValue.TextValue("on"),
            new AttributeValue.BooleanValue(true),
            new AttributeValue.StructuredValue(FieldMap.of("r", 255, "label", "red")),
            new AttributeValue.StructuredValue(List.of("a", "b")));

    for (int i = 0; i < values.size(); i++) {
      home.publish(event("v" + i, "dev-x", "cap", "attr", values.get(i)));
    }
    home.publish(event("none", "dev-x", "cap", "attr", null));

    await().atMost(Duration.ofSeconds(10)).until(() -> events.items.size() == values.size() + 1);
    assertThat(events.items.subList(0, values.size())).extracting(e -> e.value().orElseThrow()).containsExactlyElementsOf(values);
    assertThat(events.items.get(values.size()).value()).isEmpty();
    assertThat(events.items.get(0).unit()).contains("W");
    assertThat(events.items.get(0).subscriptionId()).isPresent();
  }

  @Test
  void filters_narrowByDeviceCapabilityAndAttribute() throws Exception {
    connect(SimulatorHarness.config(simulator));
    Collector<DeviceEvent> all = subscribe(session.subscribe(EventFilter.location(TestHome.HOME)), new Collector<>());
    Collector<DeviceEvent> byDevice =
        subscribe(
            session.subscribe(ImmutableEventFilter.builder().locationId(TestHome.HOME).addDeviceIds(DeviceId.of("a")).build()),
            new Collector<>());
    Collector<DeviceEvent> byCapability =
        subscribe(
            session.subscribe(ImmutableEventFilter.builder().locationId(TestHome.HOME).addCapabilities("switch").build()),
            new Collector<>());
    Collector<DeviceEvent> byAttribute =
        subscribe(
            session.subscribe(ImmutableEventFilter.builder().locationId(TestHome.HOME).addAttributes("power").build()),
            new Collector<>());
    Collector<DeviceEvent> otherLocation =
        subscribe(
            session.subscribe(EventFilter.location(dev.homeport.domain.home.LocationId.of("elsewhere"))),
            new Collector<>());

    home.publish(event("1", "a", "switch", "switch", new AttributeValue.TextValue("on")));
    home.publish(event("2", "b", "powerMeter", "power", AttributeValue.NumberValue.of(5)));
    home.publish(event("3", "b", "switch", "switch", new AttributeValue.TextValue("off")));

    await().atMost(Duration.ofSeconds(10)).until(() -> all.items.size() == 3);
    assertThat(ids(byDevice.items)).containsExactly("1");
    assertThat(ids(byCapability.items)).containsExactly("1", "3");
    assertThat(ids(byAttribute.items)).containsExactly("2");
    assertThat(otherLocation.items).isEmpty();
    assertThat(simulator.callCount("create api/subscription")).isEqualTo(2);
  }

  private static List<String> ids(List<DeviceEvent> events) {
    return events.stream().map(e -> e.eventId().value()).collect(Collectors.toList());
  }

  @Test
  void otherPushedKinds_arriveOnMessages() throws Exception {
    connect(SimulatorHarness.config(simulator));
    subscribe(session.subscribe(EventFilter.location(TestHome.HOME)), new Collector<>());
    Collector<PushedMessage> messages = subscribe(session.messages(), new Collector<>());

    home.publish(new AlertMessage("hub offline"));
    home.publish(new ControlMessage(Optional.of(SubscriptionId.of("s-1")), "refresh"));
    home.publish(new SubscriptionStateChange(Optional.of(SubscriptionId.of("s-1")), "ACTIVE"));
    home.publish(new UnknownMessage("api/other thing", "{\"shape\":[1,2]}", "test"));
    home.publish(TestHome.event("e", 1));

    await().atMost(Duration.ofSeconds(10)).until(() -> messages.items.size() == 5);
    assertThat(messages.items.get(0)).isEqualTo(new AlertMessage("hub offline"));
    assertThat(messages.items.get(1)).isEqualTo(new ControlMessage(Optional.of(SubscriptionId.of("s-1")), "refresh"));
    assertThat(messages.items.get(2)).isEqualTo(new SubscriptionStateChange(Optional.of(SubscriptionId.of("s-1")), "ACTIVE"));
    assertThat(messages.items.get(3)).isInstanceOfSatisfying(UnknownMessage.class, unknown -> {
      assertThat(unknown.name()).isEqualTo("api/other thing");
      assertThat(unknown.payload()).isEqualTo("{\"shape\":[1,2]}");
    });
    assertThat(messages.items.get(4)).isInstanceOf(DeviceEvent.class);
  }

  @Test
  void duplicatedEventIds_areDeliveredOnce() throws Exception {
    connect(SimulatorHarness.config(simulator));
    Collector<DeviceEvent> events = subscribe(session.subscribe(EventFilter.location(TestHome.HOME)), new Collector<>());
    simulator.duplicateEvents(true);

    for (int i = 0; i < 100; i++) {
      home.publish(TestHome.event("dup-" + i, i));
    }

    await().atMost(Duration.ofSeconds(10)).until(() -> session.duplicateCount() == 100);
    // the duplicate count moves before the originals reach the subscriber: wait for those too
    await().atMost(Duration.ofSeconds(10)).until(() -> events.items.size() >= 100);
    assertThat(ids(events.items)).hasSize(100).doesNotHaveDuplicates();
  }

  @Test
  void burstOfTenThousandEvents_allArriveInOrderPerDeviceNoneTwice() throws Exception {
    connect(SimulatorHarness.config(simulator).withBufferSize(20_000));
    Collector<DeviceEvent> events = subscribe(session.subscribe(EventFilter.location(TestHome.HOME)), new Collector<>());
    List<DeviceEvent> burst = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      burst.add(event("burst-" + i, "device-" + (i % 7), "powerMeter", "power", AttributeValue.NumberValue.of(i)));
    }

    simulator.pushAll(burst, Duration.ZERO).get(60, TimeUnit.SECONDS);

    await().atMost(Duration.ofSeconds(60)).until(() -> events.items.size() >= 10_000);
    assertThat(events.items).hasSize(10_000);
    assertThat(new HashSet<>(ids(events.items))).hasSize(10_000);
    Map<DeviceId, List<Integer>> perDevice =
        events.items.stream()
            .collect(Collectors.groupingBy(DeviceEvent::deviceId,
                Collectors.mapping(e -> Integer.parseInt(e.eventId().value().substring(6)), Collectors.toList())));
    perDevice.values().forEach(sequence -> assertThat(sequence).isSorted());
    assertThat(session.reconnectCount()).isZero();
  }

  @Test
  void eventsPushedAtAChosenRate_allArriveInOrder() throws Exception {
    connect(SimulatorHarness.config(simulator));
    Collector<DeviceEvent> events = subscribe(session.subscribe(EventFilter.location(TestHome.HOME)), new Collector<>());
    List<DeviceEvent> paced = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      paced.add(TestHome.event("paced-" + i, i));
    }

    simulator.pushAll(paced, Duration.ofMillis(10)).get(10, TimeUnit.SECONDS);

    await().atMost(Duration.ofSeconds(10)).until(() -> events.items.size() == 20);
    assertThat(ids(events.items)).containsExactlyElementsOf(paced.stream().map(e -> e.eventId().value()).collect(Collectors.toList()));
  }

  @Test
  void slowSubscriber_failsWithOverflowWhileOthersGoOn() throws Exception {
    connect(SimulatorHarness.config(simulator).withBufferSize(16).withOverflowPolicy(OverflowPolicy.FAIL));
    Collector<DeviceEvent> slow = subscribe(session.subscribe(EventFilter.location(TestHome.HOME)), new Collector<>(0));
    Collector<DeviceEvent> fast = subscribe(session.subscribe(EventFilter.location(TestHome.HOME)), new Collector<>());

    for (int i = 0; i < 100; i++) {
      home.publish(TestHome.event("o-" + i, i));
      int expected = i + 1;
      await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(2)).atMost(Duration.ofSeconds(10))
          .until(() -> fast.items.size() == expected);
    }

    ExecutionException failure = org.junit.jupiter.api.Assertions.assertThrows(
        ExecutionException.class, () -> slow.completed.get(10, TimeUnit.SECONDS));
    assertThat(failure.getCause()).isInstanceOf(SubscriberOverflowException.class);
    assertThat(slow.items).isEmpty();
    assertThat(fast.items).hasSize(100);
  }

  @Test
  void dropOldestPolicy_keepsTheNewestAndCountsTheRest() throws Exception {
    connect(SimulatorHarness.config(simulator).withBufferSize(16).withOverflowPolicy(OverflowPolicy.DROP_OLDEST));
    Collector<DeviceEvent> slow = subscribe(session.subscribe(EventFilter.location(TestHome.HOME)), new Collector<>(0));
    Collector<DeviceEvent> fast = subscribe(session.subscribe(EventFilter.location(TestHome.HOME)), new Collector<>());

    for (int i = 0; i < 100; i++) {
      home.publish(TestHome.event("d-" + i, i));
      int expected = i + 1;
      await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(2)).atMost(Duration.ofSeconds(10))
          .until(() -> fast.items.size() == expected);
    }
    slow.subscribed.get().request(Long.MAX_VALUE);

    await().atMost(Duration.ofSeconds(10)).until(() -> slow.items.size() == 16);
    assertThat(ids(slow.items)).first().isEqualTo("d-84");
    assertThat(ids(slow.items)).last().isEqualTo("d-99");
    assertThat(session.droppedCount()).isEqualTo(84);
    assertThat(slow.completed).isNotDone();
  }

  @Test
  void demand_isHonoured() throws Exception {
    connect(SimulatorHarness.config(simulator));
    Collector<DeviceEvent> events = subscribe(session.subscribe(EventFilter.location(TestHome.HOME)), new Collector<>(2));
    Collector<DeviceEvent> all = subscribe(session.subscribe(EventFilter.location(TestHome.HOME)), new Collector<>());

    for (int i = 0; i < 5; i++) {
      home.publish(TestHome.event("q-" + i, i));
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> all.items.size() == 5);
    assertThat(ids(events.items)).containsExactly("q-0", "q-1");

    events.subscribed.get().request(3);
    await().atMost(Duration.ofSeconds(10)).until(() -> events.items.size() == 5);
  }

  @Test
  void eventWithoutEventType_butWithDeviceFields_isStillADeviceEvent() throws Exception {
    connect(SimulatorHarness.config(simulator));
    Collector<DeviceEvent> events = subscribe(session.subscribe(EventFilter.location(TestHome.HOME)), new Collector<>());

    simulator.sendRaw(
        "42[\"whatever\",{\"data\":{\"eventId\":\"x1\",\"locationId\":\"loc-1\",\"deviceId\":\"dev-plug\","
            + "\"capability\":\"switch\",\"attribute\":\"switch\",\"value\":\"on\",\"time\":1623212163854},"
            + "\"subscriptionId\":\"s\"}]");

    await().atMost(Duration.ofSeconds(10)).until(() -> events.items.size() == 1);
    DeviceEvent event = events.items.get(0);
    assertThat(event.eventId()).isEqualTo(EventId.of("x1"));
    assertThat(event.componentId()).isEqualTo("main");
    assertThat(event.stateChange()).isTrue();
    assertThat(event.time()).isEqualTo(java.time.Instant.ofEpochMilli(1623212163854L));
  }
}
