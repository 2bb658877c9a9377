package dev.homeport.adapter.camera.onvif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.homeport.adapter.inmemory.InMemoryCamera;
import dev.homeport.domain.camera.CameraEvent;
import dev.homeport.ports.camera.Camera;
import dev.homeport.ports.camera.CameraEvents;
import dev.homeport.ports.camera.CameraEventsNotice;
import dev.homeport.ports.camera.CameraEventsNotice.State;
import dev.homeport.testkit.RecordingSubscriber;
import dev.homeport.simulators.onvif.OnvifCameraSimulator;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Detection events over pull points: delivery, demand, renewal, reboots, slow polls, no Unsubscribe. */
class OnvifEventsTest {

  private static final Duration WAIT = Duration.ofSeconds(20);
  /** Short polls keep the tests short; the simulator holds each poll at most this long. */
  private static final Map<String, String> FAST = Map.of("pullTimeout", "1s", "requestTimeout", "1s");

  private static OnvifCameraSimulator simulator(InMemoryCamera backend) {
    return OnvifCameraSimulator.builder().backend(backend).start();
  }

  private static void awaitState(RecordingSubscriber<CameraEventsNotice> lifecycle, State state) {
    lifecycle.awaitItem(n -> n.state() == state);
  }

  @Test
  void motionPersonAndTamper_arriveAsTypedStateChanges() {
    InMemoryCamera backend = OnvifTestSupport.backend();
    try (OnvifCameraSimulator sim = simulator(backend);
        Camera camera = OnvifTestSupport.connect(sim, FAST);
        CameraEvents events = camera.openEvents()) {
      RecordingSubscriber<CameraEventsNotice> lifecycle = RecordingSubscriber.unbounded();
      RecordingSubscriber<CameraEvent> received = RecordingSubscriber.unbounded();
      events.lifecycle().subscribe(lifecycle);
      events.events().subscribe(received);
      awaitState(lifecycle, State.SUBSCRIBED);

      sim.motion(true);
      CameraEvent start = received.awaitItem(e -> e.active());
      assertThat(start.camera()).isEqualTo("garden");
      assertThat(start.kind()).isEqualTo(CameraEvent.Kind.MOTION);
      assertThat(start.topic()).isEqualTo("tns1:RuleEngine/CellMotionDetector/Motion");
      assertThat(start.source()).contains("VideoSourceConfig_1");
      sim.motion(false);
      received.awaitItem(e -> e.kind() == CameraEvent.Kind.MOTION && !e.active());
      sim.person(true);
      assertThat(received.awaitItem(e -> e.kind() == CameraEvent.Kind.PERSON).active()).isTrue();
      sim.tamper(true);
      assertThat(received.awaitItem(e -> e.kind() == CameraEvent.Kind.TAMPER).topic())
          .isEqualTo("tns1:VideoSource/GlobalSceneChange/ImagingService");
      received.assertNoViolations();
    }
  }

  @Test
  void aSubscriberGetsNoMoreThanItRequested() {
    InMemoryCamera backend = OnvifTestSupport.backend();
    try (OnvifCameraSimulator sim = simulator(backend);
        Camera camera = OnvifTestSupport.connect(sim, FAST);
        CameraEvents events = camera.openEvents()) {
      RecordingSubscriber<CameraEventsNotice> lifecycle = RecordingSubscriber.unbounded();
      RecordingSubscriber<CameraEvent> one = RecordingSubscriber.requesting(1);
      RecordingSubscriber<CameraEvent> all = RecordingSubscriber.unbounded();
      events.lifecycle().subscribe(lifecycle);
      events.events().subscribe(one);
      events.events().subscribe(all);
      awaitState(lifecycle, State.SUBSCRIBED);
      // the first poll reports the current state (Initialized): no motion
      assertThat(all.awaitItems(1).get(0).active()).isFalse();
      sim.motion(true);
      sim.motion(false);
      sim.motion(true);
      all.awaitItems(4);
      assertThat(one.items()).hasSize(1);
      one.request(3);
      assertThat(one.awaitItems(4)).extracting(CameraEvent::active).containsExactly(false, true, false, true);
      one.assertNoViolations();
    }
  }

  @Test
  void aRebootLosesThePullPoint_theStreamResubscribesWithAGapNotice_andNeverUnsubscribes() {
    InMemoryCamera backend = OnvifTestSupport.backend();
    try (OnvifCameraSimulator sim = simulator(backend);
        Camera camera = OnvifTestSupport.connect(sim, FAST)) {
      CameraEvents events = camera.openEvents();
      RecordingSubscriber<CameraEventsNotice> lifecycle = RecordingSubscriber.unbounded();
      RecordingSubscriber<CameraEvent> received = RecordingSubscriber.unbounded();
      events.lifecycle().subscribe(lifecycle);
      events.events().subscribe(received);
      awaitState(lifecycle, State.SUBSCRIBED);
      assertThat(lifecycle.items()).extracting(CameraEventsNotice::state).containsExactly(State.STARTING, State.SUBSCRIBED);
      assertThat(lifecycle.items().get(1).eventsMayBeMissing()).isFalse();

      sim.reboot();
      awaitState(lifecycle, State.RESUBSCRIBING);
      CameraEventsNotice back = lifecycle.awaitItem(n -> n.state() == State.SUBSCRIBED && n.eventsMayBeMissing());
      assertThat(back.detail()).contains("may be missing");
      assertThat(sim.subscriptionsCreated()).isEqualTo(2);

      sim.motion(true);
      assertThat(received.awaitItem(CameraEvent::active).kind()).isEqualTo(CameraEvent.Kind.MOTION);

      events.close();
      lifecycle.awaitCompletion();
      received.awaitCompletion();
      assertThat(lifecycle.items()).last().extracting(CameraEventsNotice::state).isEqualTo(State.CLOSED);
      assertThat(sim.unsubscribes()).isZero();
    }
  }

  @Test
  void aShortLivedPullPoint_isRenewedBeforeItLapses() {
    InMemoryCamera backend = OnvifTestSupport.backend();
    try (OnvifCameraSimulator sim = OnvifCameraSimulator.builder().backend(backend)
            .subscriptionLifetimeCap(Duration.ofSeconds(3)).start();
        Camera camera = OnvifTestSupport.connect(sim, FAST);
        CameraEvents events = camera.openEvents()) {
      RecordingSubscriber<CameraEventsNotice> lifecycle = RecordingSubscriber.unbounded();
      events.lifecycle().subscribe(lifecycle);
      awaitState(lifecycle, State.SUBSCRIBED);
      await().atMost(WAIT).until(() -> sim.renewals() >= 2);
      assertThat(sim.subscriptionsCreated()).as("renewed, never recreated").isEqualTo(1);
      assertThat(lifecycle.items()).extracting(CameraEventsNotice::state).doesNotContain(State.RESUBSCRIBING);
    }
  }

  @Test
  void aPollThatNeverAnswers_timesOut_andTheStreamRecovers() {
    InMemoryCamera backend = OnvifTestSupport.backend();
    try (OnvifCameraSimulator sim = simulator(backend);
        Camera camera = OnvifTestSupport.connect(sim, FAST);
        CameraEvents events = camera.openEvents()) {
      RecordingSubscriber<CameraEventsNotice> lifecycle = RecordingSubscriber.unbounded();
      RecordingSubscriber<CameraEvent> received = RecordingSubscriber.unbounded();
      events.lifecycle().subscribe(lifecycle);
      events.events().subscribe(received);
      awaitState(lifecycle, State.SUBSCRIBED);
      sim.setSlowPolls(Duration.ofSeconds(5));
      CameraEventsNotice lost = lifecycle.awaitItem(n -> n.state() == State.RESUBSCRIBING);
      assertThat(lost.detail()).contains("did not answer PullMessages in time");
      sim.setSlowPolls(Duration.ZERO);
      lifecycle.awaitItem(n -> n.state() == State.SUBSCRIBED && n.eventsMayBeMissing());
      sim.motion(true);
      received.awaitItem(CameraEvent::active);
    }
  }

  @Test
  void wrongCredentials_endTheStreamWithAFailedNotice() {
    InMemoryCamera backend = OnvifTestSupport.backend();
    try (OnvifCameraSimulator sim = simulator(backend);
        Camera camera = OnvifTestSupport.connect(sim, "not-the-password", FAST);
        CameraEvents events = camera.openEvents()) {
      RecordingSubscriber<CameraEventsNotice> lifecycle = RecordingSubscriber.unbounded();
      RecordingSubscriber<CameraEvent> received = RecordingSubscriber.unbounded();
      events.lifecycle().subscribe(lifecycle);
      events.events().subscribe(received);
      CameraEventsNotice failed = lifecycle.awaitItem(n -> n.state() == State.FAILED);
      assertThat(received.awaitError()).isInstanceOf(dev.homeport.ports.AuthenticationException.class);
      assertThat(failed.detail()).contains("not authorised").doesNotContain("not-the-password");
      lifecycle.awaitCompletion();
      assertThat(sim.subscriptionsCreated()).isZero();
    }
  }

  @Test
  void closingTheCamera_closesItsStreams() {
    InMemoryCamera backend = OnvifTestSupport.backend();
    try (OnvifCameraSimulator sim = simulator(backend)) {
      Camera camera = OnvifTestSupport.connect(sim, FAST);
      CameraEvents events = camera.openEvents();
      RecordingSubscriber<CameraEvent> received = RecordingSubscriber.unbounded();
      events.events().subscribe(received);
      camera.close();
      received.awaitCompletion();
    }
  }
}
