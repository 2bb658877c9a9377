package dev.homeport.adapter.camera.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.adapter.inmemory.InMemoryCamera;
import dev.homeport.domain.camera.CameraEvent;
import dev.homeport.domain.camera.ImmutableDetectionEvent;
import dev.homeport.ports.camera.Camera;
import dev.homeport.ports.camera.CameraEvents;
import dev.homeport.ports.camera.CameraEventsNotice;
import dev.homeport.ports.camera.CameraEventsNotice.State;
import dev.homeport.simulators.kasa.KasaCameraSimulator;
import dev.homeport.testkit.RecordingSubscriber;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kasa's polled events: new latest activity becomes a motion event; outages give a gap notice. */
class KasaPolledEventsTest {

  @TempDir Path dir;

  private static final Instant T0 = Instant.parse("2026-12-02T05:00:00Z");

  @Test
  void newActivity_becomesOneMotionEvent_andAnOutageGivesAGapNotice() {
    InMemoryCamera backend = KasaTestSupport.backend();
    backend.addDetection(ImmutableDetectionEvent.builder().start(T0).kind("motion").build());
    try (KasaCameraSimulator sim = KasaCameraSimulator.builder().backend(backend).start();
        Camera camera = KasaTestSupport.DRIVER.connect(KasaTestSupport.config(sim, dir)
            .eventPollInterval(Duration.ofMillis(100)).build());
        CameraEvents events = camera.openEvents()) {
      RecordingSubscriber<CameraEventsNotice> lifecycle = RecordingSubscriber.unbounded();
      RecordingSubscriber<CameraEvent> received = RecordingSubscriber.unbounded();
      events.lifecycle().subscribe(lifecycle);
      events.events().subscribe(received);
      lifecycle.awaitItem(n -> n.state() == State.SUBSCRIBED);

      backend.addDetection(ImmutableDetectionEvent.builder().start(T0.plusSeconds(60)).kind("motion").build());
      CameraEvent motion = received.awaitItem(e -> true);
      assertThat(motion.kind()).isEqualTo(CameraEvent.Kind.MOTION);
      assertThat(motion.active()).isTrue();
      assertThat(motion.time()).isEqualTo(T0.plusSeconds(60));
      assertThat(motion.topic()).isEqualTo("last_activity_timestamp");
      assertThat(received.items()).as("activity from before the stream opened is not reported").hasSize(1);

      backend.setUnreachable(true);
      lifecycle.awaitItem(n -> n.state() == State.RESUBSCRIBING);
      backend.setUnreachable(false);
      assertThat(lifecycle.awaitItem(n -> n.state() == State.SUBSCRIBED && n.eventsMayBeMissing()).detail())
          .contains("may be missing");

      events.close();
      received.awaitCompletion();
      received.assertNoViolations();
    }
  }
}
