package dev.homeport.adapter.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeport.domain.home.AlertMessage;
import dev.homeport.domain.home.AttributeValue;
import dev.homeport.domain.home.Device;
import dev.homeport.domain.home.DeviceEvent;
import dev.homeport.domain.home.DeviceId;
import dev.homeport.domain.home.EventFilter;
import dev.homeport.domain.home.EventId;
import dev.homeport.domain.home.ImmutableDevice;
import dev.homeport.domain.home.ImmutableDeviceEvent;
import dev.homeport.domain.home.ImmutableDeviceState;
import dev.homeport.domain.home.ImmutableEventFilter;
import dev.homeport.domain.home.ImmutableLocation;
import dev.homeport.domain.home.ImmutableRoom;
import dev.homeport.domain.home.LocationId;
import dev.homeport.domain.home.PushedMessage;
import dev.homeport.domain.home.RoomId;
import dev.homeport.domain.home.UnknownMessage;
import dev.homeport.ports.AuthenticationException;
import dev.homeport.ports.ClosedException;
import dev.homeport.ports.HomeportException;
import dev.homeport.ports.ServiceCallException;
import dev.homeport.ports.SessionExpiredException;
import dev.homeport.ports.SubscriberOverflowException;
import dev.homeport.ports.TransportException;
import dev.homeport.ports.flow.OverflowPolicy;
import dev.homeport.ports.home.LifecycleEvent;
import dev.homeport.ports.home.SessionState;
import dev.homeport.ports.home.SmartHomeSession;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class InMemorySmartHomeTest {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final LocationId HOME = LocationId.of("loc-home");
  private static final LocationId CABIN = LocationId.of("loc-cabin");
  private static final RoomId KITCHEN = RoomId.of("room-kitchen");
  private static final DeviceId PLUG = DeviceId.of("dev-plug");
  private static final DeviceId LAMP = DeviceId.of("dev-lamp");
  private static final AtomicInteger EVENT_IDS = new AtomicInteger();

  private static InMemorySmartHome.Builder homeBuilder() {
    return InMemorySmartHome.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static InMemorySmartHome populated(InMemorySmartHome home) {
    home.addLocation(ImmutableLocation.builder().id(HOME).name("Home").build())
        .addLocation(ImmutableLocation.builder().id(CABIN).name("Cabin").build())
        .addRoom(ImmutableRoom.builder().id(KITCHEN).locationId(HOME).name("Kitchen").build())
        .addDevice(device(PLUG, "Plug"))
        .addDevice(device(LAMP, "Lamp"));
    return home;
  }

  private static Device device(DeviceId id, String name) {
    return ImmutableDevice.builder()
        .id(id)
        .locationId(HOME)
        .roomId(KITCHEN)
        .name(name)
        .addStates(
            ImmutableDeviceState.builder()
                .componentId("main")
                .capability("powerMeter")
                .attribute("power")
                .value(AttributeValue.NumberValue.of(1.0))
                .build())
        .build();
  }

  private static DeviceEvent power(DeviceId device, double watts) {
    return ImmutableDeviceEvent.builder()
        .eventId(EventId.of("evt-" + EVENT_IDS.incrementAndGet()))
        .locationId(HOME)
        .deviceId(device)
        .componentId("main")
        .capability("powerMeter")
        .attribute("power")
        .value(AttributeValue.NumberValue.of(watts))
        .unit("W")
        .stateChange(true)
        .time(NOW)
        .build();
  }

  private static HomeportException failureOf(CompletableFuture<?> future) {
    assertThat(future).isCompletedExceptionally();
    Throwable cause = future.handle((value, error) -> error).join();
    assertThat(cause).isInstanceOf(HomeportException.class);
    return (HomeportException) cause;
  }

  @Nested
  class Sessions {

    @Test
    void connect_givesAnAuthenticatedSessionForTheUser() {
      InMemorySmartHome home = homeBuilder().sessionLength(Duration.ofHours(2)).stayLoggedIn(false).build();

      SmartHomeSession session = home.connect().join();

      assertThat(session).isInstanceOf(InMemorySmartHomeSession.class);
      assertThat(session.sessionInfo().userId().value()).isEqualTo("user-1");
      assertThat(session.sessionInfo().sessionLength()).isEqualTo(Duration.ofHours(2));
      assertThat(session.sessionInfo().stayLoggedIn()).isFalse();
      assertThat(home.openSessions()).containsExactly((InMemorySmartHomeSession) session);
    }

    @Test
    void lifecycleSubscriberAfterConnect_receivesTheLatestStateFirst() {
      SmartHomeSession session = homeBuilder().build().connect().join();
      RecordingSubscriber<LifecycleEvent> lifecycle = RecordingSubscriber.unbounded();

      session.lifecycle().subscribe(lifecycle);

      assertThat(lifecycle.items()).extracting(LifecycleEvent::state).containsExactly(SessionState.AUTHENTICATED);
      assertThat(lifecycle.items().get(0).time()).isEqualTo(NOW);
    }

    @Test
    void rejectedCredentials_failConnectWithAuthenticationException() {
      InMemorySmartHome home = homeBuilder().build();
      home.rejectCredentials(true);

      assertThat(failureOf(home.connect())).isInstanceOf(AuthenticationException.class);
      home.rejectCredentials(false);
      assertThat(home.connect()).isCompleted();
    }

    @Test
    void failNextCall_failsOnlyTheNextCall() {
      InMemorySmartHome home = populated(homeBuilder().build());
      SmartHomeSession session = home.connect().join();
      ServiceCallException throttled = new ServiceCallException("TooManyRequests", 429, "slow down");
      home.failNextCall(throttled);

      assertThat(failureOf(session.locations())).isSameAs(throttled);
      assertThat(session.locations().join()).hasSize(2);
    }

    @Test
    void failNextCall_alsoAppliesToConnect() {
      InMemorySmartHome home = homeBuilder().build();
      TransportException down = new TransportException("refused", null);
      home.failNextCall(down);

      assertThat(failureOf(home.connect())).isSameAs(down);
      assertThat(home.connect()).isCompleted();
    }

    @Test
    void close_emitsClosedCompletesPublishersAndRefusesLaterCalls() {
      InMemorySmartHome home = populated(homeBuilder().build());
      SmartHomeSession session = home.connect().join();
      Watched watched = Watched.everything(session);

      session.close();
      session.close();

      assertThat(watched.lifecycle().items()).extracting(LifecycleEvent::state)
          .containsExactly(SessionState.AUTHENTICATED, SessionState.CLOSED);
      assertThat(watched.lifecycle().completed).isTrue();
      assertThat(watched.events().completed).isTrue();
      assertThat(watched.messages().completed).isTrue();
      assertThat(failureOf(session.locations())).isInstanceOf(ClosedException.class);
      assertThat(home.openSessions()).isEmpty();
      home.publish(power(PLUG, 3));
      assertThat(watched.events().items()).isEmpty();
    }
  }

  @Nested
  class Queries {

    @Test
    void queries_answerFromTheDataAndFillTheDirectory() {
      SmartHomeSession session = populated(homeBuilder().build()).connect().join();

      assertThat(session.user().join().userName()).isEqualTo("user@example.com");
      assertThat(session.locations().join()).extracting(l -> l.name()).containsExactly("Home", "Cabin");
      assertThat(session.rooms(HOME).join()).extracting(r -> r.name()).containsExactly("Kitchen");
      assertThat(session.devices(HOME).join()).extracting(Device::id).containsExactly(PLUG, LAMP);
      assertThat(session.devices(CABIN).join()).isEmpty();

      assertThat(session.directory().user()).isPresent();
      assertThat(session.directory().locations()).hasSize(2);
      assertThat(session.directory().rooms(HOME)).hasSize(1);
      assertThat(session.directory().device(PLUG)).isPresent();
    }

    @Test
    void unknownLocation_failsWithNotFound404() {
      SmartHomeSession session = populated(homeBuilder().build()).connect().join();
      LocationId unknown = LocationId.of("nowhere");

      HomeportException rooms = failureOf(session.rooms(unknown));
      HomeportException devices = failureOf(session.devices(unknown));

      assertThat(rooms).isInstanceOf(ServiceCallException.class);
      assertThat(((ServiceCallException) rooms).code()).isEqualTo(404);
      assertThat(((ServiceCallException) rooms).name()).isEqualTo("NotFound");
      assertThat(devices).isInstanceOf(ServiceCallException.class);
      assertThat(rooms.retryable()).isFalse();
    }

    @Test
    void deviceOfUnknownLocation_isRefusedNamingTheLocation() {
      InMemorySmartHome home = homeBuilder().build();

      assertThatThrownBy(() -> home.addDevice(device(PLUG, "Plug")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("loc-home")
          .hasMessageContaining("addLocation");
    }

    @Test
    void publishedDeviceEvent_updatesTheDeviceState() {
      InMemorySmartHome home = populated(homeBuilder().build());

      home.publish(power(PLUG, 9.2));

      Device plug = home.device(PLUG).orElseThrow();
      assertThat(plug.states()).hasSize(1);
      assertThat(plug.states().get(0).value())
          .contains(new AttributeValue.NumberValue(BigDecimal.valueOf(9.2)));
      SmartHomeSession session = home.connect().join();
      assertThat(session.devices(HOME).join().get(0).states().get(0).value())
          .contains(new AttributeValue.NumberValue(BigDecimal.valueOf(9.2)));
    }
  }

  @Nested
  class Delivery {

    @Test
    void deviceEvents_reachMatchingSubscribersWithTheirDevice() {
      InMemorySmartHome home = populated(homeBuilder().build());
      SmartHomeSession session = home.connect().join();
      session.devices(HOME).join();
      RecordingSubscriber<DeviceEvent> plugOnly = RecordingSubscriber.unbounded();
      RecordingSubscriber<DeviceEvent> all = RecordingSubscriber.unbounded();
      session.subscribe(ImmutableEventFilter.builder().locationId(HOME).addDeviceIds(PLUG).build()).subscribe(plugOnly);
      session.subscribe(EventFilter.location(HOME)).subscribe(all);

      home.publish(power(PLUG, 5));
      home.publish(power(LAMP, 6));

      assertThat(plugOnly.items()).extracting(DeviceEvent::deviceId).containsExactly(PLUG);
      assertThat(plugOnly.items().get(0).device()).map(Device::name).contains("Plug");
      assertThat(all.items()).extracting(DeviceEvent::deviceId).containsExactly(PLUG, LAMP);
    }

    @Test
    void eventBeforeDevicesQuery_arrivesWithoutDevice() {
      InMemorySmartHome home = populated(homeBuilder().build());
      SmartHomeSession session = home.connect().join();
      RecordingSubscriber<DeviceEvent> events = RecordingSubscriber.unbounded();
      session.subscribe(EventFilter.location(HOME)).subscribe(events);

      home.publish(power(PLUG, 5));

      assertThat(events.items()).hasSize(1);
      assertThat(events.items().get(0).device()).isEmpty();
    }

    @Test
    void messages_receiveEveryKind() {
      InMemorySmartHome home = populated(homeBuilder().build());
      SmartHomeSession session = home.connect().join();
      RecordingSubscriber<PushedMessage> messages = RecordingSubscriber.unbounded();
      session.messages().subscribe(messages);
      UnknownMessage unknown = new UnknownMessage("odd", "{}", "no known shape");

      home.publish(power(PLUG, 1));
      home.publish(new AlertMessage("smoke"));
      home.publish(unknown);

      assertThat(messages.items()).hasSize(3);
      assertThat(messages.items().get(1)).isEqualTo(new AlertMessage("smoke"));
      assertThat(messages.items().get(2)).isEqualTo(unknown);
    }

    @Test
    void publish_reachesEveryOpenSession() {
      InMemorySmartHome home = populated(homeBuilder().build());
      RecordingSubscriber<DeviceEvent> first = RecordingSubscriber.unbounded();
      RecordingSubscriber<DeviceEvent> second = RecordingSubscriber.unbounded();
      home.connect().join().subscribe(EventFilter.location(HOME)).subscribe(first);
      home.connect().join().subscribe(EventFilter.location(HOME)).subscribe(second);

      home.publish(power(PLUG, 1));

      assertThat(first.items()).hasSize(1);
      assertThat(second.items()).hasSize(1);
    }

    @Test
    void demand_isHonoured() {
      InMemorySmartHome home = populated(homeBuilder().build());
      SmartHomeSession session = home.connect().join();
      RecordingSubscriber<DeviceEvent> slow = new RecordingSubscriber<>(1);
      session.subscribe(EventFilter.location(HOME)).subscribe(slow);

      home.publish(power(PLUG, 1));
      home.publish(power(PLUG, 2));
      home.publish(power(PLUG, 3));
      assertThat(slow.items()).hasSize(1);

      slow.request(5);
      assertThat(slow.items()).hasSize(3);
    }

    @Test
    void overflowWithFailPolicy_failsOnlyTheSlowSubscriber() {
      InMemorySmartHome home = populated(homeBuilder().bufferSize(2).overflowPolicy(OverflowPolicy.FAIL).build());
      SmartHomeSession session = home.connect().join();
      RecordingSubscriber<DeviceEvent> stalled = new RecordingSubscriber<>(0);
      RecordingSubscriber<DeviceEvent> fast = RecordingSubscriber.unbounded();
      session.subscribe(EventFilter.location(HOME)).subscribe(stalled);
      session.subscribe(EventFilter.location(HOME)).subscribe(fast);

      for (int i = 0; i < 3; i++) {
        home.publish(power(PLUG, i));
      }

      assertThat(stalled.error).isInstanceOf(SubscriberOverflowException.class);
      assertThat(stalled.items()).isEmpty();
      assertThat(fast.error).isNull();
      assertThat(fast.items()).hasSize(3);
    }

    /** Waits until {@code condition} holds, at most 10 s. */
    private void awaitTrue(java.util.function.BooleanSupplier condition) {
      long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
      while (!condition.getAsBoolean()) {
        assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
        java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
      }
    }

    @Test
    void subscriberClosingTheSessionInsideOnNext_publishGoesOn() {
      // The flake of EventsCommandsTest$Watch: with direct delivery a subscriber (there: the
      // simulator, whose send failed) closed the session on the publishing thread between the
      // events and the messages offer, and publish threw "publisher is closed".
      InMemorySmartHome home = populated(homeBuilder().build());
      SmartHomeSession session = home.connect().join();
      RecordingSubscriber<PushedMessage> messages = RecordingSubscriber.unbounded();
      session.messages().subscribe(messages);
      java.util.concurrent.Flow.Subscriber<DeviceEvent> closer =
          new java.util.concurrent.Flow.Subscriber<>() {
            @Override
            public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
              s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(DeviceEvent item) {
              session.close();
            }

            @Override
            public void onError(Throwable throwable) {}

            @Override
            public void onComplete() {}
          };
      session.subscribe(EventFilter.location(HOME)).subscribe(closer);

      home.publish(power(PLUG, 1));
      home.publish(power(PLUG, 2));

      assertThat(messages.completed).as("messages completed by the close").isTrue();
    }

    @Test
    void backpressure_publishWaitsForTheSubscriber_andNothingIsLost() throws Exception {
      InMemorySmartHome home = populated(homeBuilder().bufferSize(2).overflowPolicy(OverflowPolicy.BACKPRESSURE).build());
      SmartHomeSession session = home.connect().join();
      RecordingSubscriber<DeviceEvent> stalled = new RecordingSubscriber<>(0);
      session.subscribe(EventFilter.location(HOME)).subscribe(stalled);

      java.util.concurrent.CompletableFuture<Void> published =
          java.util.concurrent.CompletableFuture.runAsync(() -> {
            for (int watts = 1; watts <= 10; watts++) {
              home.publish(power(PLUG, watts));
            }
          });
      // Publishing cannot finish while the subscriber holds 2 (its buffer) and requests nothing.
      awaitTrue(() -> home.publishedMessages().size() == 2);
      assertThat(published).isNotDone();
      for (int i = 1; i <= 10; i++) {
        stalled.request(1);
        int wanted = i;
        awaitTrue(() -> stalled.items().size() >= wanted);
      }
      published.get(10, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(stalled.error).isNull();
      assertThat(stalled.items())
          .extracting(event -> event.value().orElseThrow())
          .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 10).mapToObj(AttributeValue.NumberValue::of).collect(java.util.stream.Collectors.toList()));
    }

    @Test
    void overflowWithDropOldest_keepsTheNewestItems() {
      InMemorySmartHome home = populated(homeBuilder().bufferSize(2).overflowPolicy(OverflowPolicy.DROP_OLDEST).build());
      SmartHomeSession session = home.connect().join();
      RecordingSubscriber<DeviceEvent> stalled = new RecordingSubscriber<>(0);
      session.subscribe(EventFilter.location(HOME)).subscribe(stalled);

      for (int watts = 1; watts <= 4; watts++) {
        home.publish(power(PLUG, watts));
      }
      stalled.request(10);

      assertThat(stalled.error).isNull();
      assertThat(stalled.items())
          .extracting(event -> event.value().orElseThrow())
          .containsExactly(AttributeValue.NumberValue.of(3), AttributeValue.NumberValue.of(4));
    }

    @Test
    void customExecutor_runsDelivery() {
      Queue<Runnable> tasks = new ArrayDeque<>();
      Executor queued = tasks::add;
      InMemorySmartHome home = populated(homeBuilder().executor(queued).build());
      SmartHomeSession session = home.connect().join();
      RecordingSubscriber<DeviceEvent> events = RecordingSubscriber.unbounded();
      session.subscribe(EventFilter.location(HOME)).subscribe(events);

      home.publish(power(PLUG, 1));
      assertThat(events.items()).as("nothing delivered before the executor runs").isEmpty();

      while (!tasks.isEmpty()) {
        tasks.poll().run();
      }
      assertThat(events.items()).hasSize(1);
    }
  }

  @Nested
  class Faults {

    @Test
    void expiredSession_emitsSessionExpiredAndEndsPublishersWithSessionExpiredException() {
      InMemorySmartHome home = populated(homeBuilder().build());
      SmartHomeSession session = home.connect().join();
      Watched watched = Watched.everything(session);

      home.expireSession();

      assertThat(watched.lifecycle().items()).extracting(LifecycleEvent::state)
          .containsExactly(SessionState.AUTHENTICATED, SessionState.SESSION_EXPIRED);
      assertThat(watched.lifecycle().error).isInstanceOf(SessionExpiredException.class);
      assertThat(watched.events().error).isInstanceOf(SessionExpiredException.class);
      assertThat(watched.messages().error).isInstanceOf(SessionExpiredException.class);
      assertThat(failureOf(session.devices(HOME))).isInstanceOf(SessionExpiredException.class);
      assertThat(home.openSessions()).isEmpty();
    }

    @Test
    void subscriberAfterExpiry_failsAtOnce() {
      InMemorySmartHome home = populated(homeBuilder().build());
      SmartHomeSession session = home.connect().join();
      home.expireSession();
      RecordingSubscriber<DeviceEvent> late = RecordingSubscriber.unbounded();

      session.subscribe(EventFilter.location(HOME)).subscribe(late);

      assertThat(late.error).isInstanceOf(SessionExpiredException.class);
    }

    @Test
    void newSessionAfterExpiry_works() {
      InMemorySmartHome home = populated(homeBuilder().build());
      home.connect().join();
      home.expireSession();

      SmartHomeSession fresh = home.connect().join();

      assertThat(fresh.locations().join()).hasSize(2);
    }

    @Test
    void disconnect_emitsReconnectingThenAuthenticatedWithGapNotice() {
      InMemorySmartHome home = populated(homeBuilder().build());
      SmartHomeSession session = home.connect().join();
      RecordingSubscriber<LifecycleEvent> lifecycle = RecordingSubscriber.unbounded();
      session.lifecycle().subscribe(lifecycle);

      home.simulateDisconnect();

      assertThat(lifecycle.items()).extracting(LifecycleEvent::state)
          .containsExactly(SessionState.AUTHENTICATED, SessionState.RECONNECTING, SessionState.AUTHENTICATED);
      assertThat(lifecycle.items().get(0).eventsMayBeMissing()).isFalse();
      assertThat(lifecycle.items().get(2).eventsMayBeMissing()).isTrue();
    }

    @Test
    void messagesPublishedWhileDisconnected_areNeverDelivered() {
      InMemorySmartHome home = populated(homeBuilder().build());
      SmartHomeSession session = home.connect().join();
      RecordingSubscriber<DeviceEvent> events = RecordingSubscriber.unbounded();
      session.subscribe(EventFilter.location(HOME)).subscribe(events);
      DeviceEvent lost = power(PLUG, 1);
      DeviceEvent after = power(PLUG, 2);

      home.simulateDisconnect(() -> home.publish(lost));
      home.publish(after);

      assertThat(events.items()).extracting(DeviceEvent::eventId).containsExactly(after.eventId());
      assertThat(events.error).isNull();
      assertThat(home.publishedMessages()).containsExactly(lost, after);
    }

    @Test
    void queriesWhileDisconnected_failWithRetryableTransportException() {
      InMemorySmartHome home = populated(homeBuilder().build());
      InMemorySmartHomeSession session = (InMemorySmartHomeSession) home.connect().join();

      home.beginDisconnect();
      HomeportException failure = failureOf(session.locations());
      assertThat(session.state()).isEqualTo(SessionState.RECONNECTING);
      home.endDisconnect();

      assertThat(failure).isExactlyInstanceOf(TransportException.class);
      assertThat(failure.retryable()).isTrue();
      assertThat(session.state()).isEqualTo(SessionState.AUTHENTICATED);
      assertThat(session.locations().join()).hasSize(2);
    }

    @Test
    void disconnectActionThrowing_stillReconnects() {
      InMemorySmartHome home = populated(homeBuilder().build());
      InMemorySmartHomeSession session = (InMemorySmartHomeSession) home.connect().join();

      assertThatThrownBy(() -> home.simulateDisconnect(() -> {
        throw new IllegalStateException("boom");
      })).hasMessage("boom");

      assertThat(session.state()).isEqualTo(SessionState.AUTHENTICATED);
      assertThat(Optional.of(session.isOpen())).contains(true);
    }
  }

  @Nested
  class Concurrency {

    @Test
    void publishersOnManyThreads_deliverEveryEventInPerThreadOrderOnTheExecutor() throws Exception {
      ExecutorService delivery = Executors.newFixedThreadPool(2);
      ExecutorService publishers = Executors.newFixedThreadPool(4);
      try {
        InMemorySmartHome home = populated(homeBuilder().executor(delivery).bufferSize(10_000).build());
        SmartHomeSession session = home.connect().join();
        int perThread = 500;
        CountDownLatch all = new CountDownLatch(4 * perThread);
        List<DeviceEvent> received = new CopyOnWriteArrayList<>();
        session.subscribe(EventFilter.location(HOME)).subscribe(new Flow.Subscriber<>() {
          @Override
          public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
          }

          @Override
          public void onNext(DeviceEvent item) {
            received.add(item);
            all.countDown();
          }

          @Override
          public void onError(Throwable throwable) {}

          @Override
          public void onComplete() {}
        });

        for (int t = 0; t < 4; t++) {
          DeviceId device = t % 2 == 0 ? PLUG : LAMP;
          int thread = t;
          publishers.submit(() -> {
            for (int i = 0; i < perThread; i++) {
              home.publish(ImmutableDeviceEvent.copyOf(power(device, i)).withEventId(EventId.of(thread + "-" + i)));
            }
          });
        }

        assertThat(all.await(10, TimeUnit.SECONDS)).as("every event delivered").isTrue();
        for (int t = 0; t < 4; t++) {
          String prefix = t + "-";
          List<String> ids = received.stream()
              .map(event -> event.eventId().value())
              .filter(id -> id.startsWith(prefix))
              .collect(Collectors.toList());
          assertThat(ids).hasSize(perThread);
          for (int i = 0; i < perThread; i++) {
            assertThat(ids.get(i)).isEqualTo(prefix + i);
          }
        }
      } finally {
        publishers.shutdownNow();
        delivery.shutdownNow();
      }
    }
  }

  /** Unbounded recorders on a session's lifecycle, its device events of {@code HOME} and all its messages. */
  private record Watched(
      RecordingSubscriber<LifecycleEvent> lifecycle,
      RecordingSubscriber<DeviceEvent> events,
      RecordingSubscriber<PushedMessage> messages) {

    static Watched everything(SmartHomeSession session) {
      Watched watched =
          new Watched(RecordingSubscriber.unbounded(), RecordingSubscriber.unbounded(), RecordingSubscriber.unbounded());
      session.lifecycle().subscribe(watched.lifecycle());
      session.subscribe(EventFilter.location(HOME)).subscribe(watched.events());
      session.messages().subscribe(watched.messages());
      return watched;
    }
  }
}
