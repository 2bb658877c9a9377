package dev.homeport.adapter.camera.onvif;

import static dev.homeport.adapter.camera.onvif.OnvifTestSupport.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeport.domain.camera.GetPosition;
import dev.homeport.domain.camera.ListPresets;
import dev.homeport.ports.ProtocolException;
import dev.homeport.ports.camera.BatchResult;
import dev.homeport.ports.camera.Camera;
import dev.homeport.ports.camera.CameraEvents;
import dev.homeport.ports.camera.CameraEventsNotice;
import dev.homeport.ports.camera.CameraEventsNotice.State;
import dev.homeport.simulators.onvif.OnvifCameraSimulator;
import dev.homeport.testkit.RecordingSubscriber;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An ONVIF camera answering numbers and times out of any range (issue 10 item 11), through the
 * simulator's {@code overrideAnswerValue}: each is a {@link ProtocolException} naming the element
 * for the command it belongs to (a batch keeps its other outcomes), never a crash, a long line or
 * pulls that stop without a word.
 */
class OnvifExtremeValuesTest {

  @ParameterizedTest
  @ValueSource(strings = {"1e999999999", "-1e2147483647", "NaN", "Infinity", "1.5", "DIGITS10000", "0x1p9"})
  void extremePanTilt_failsThatCommandNamingTheElement_andTheBatchKeepsTheRest(String raw) {
    String value = raw.equals("DIGITS10000") ? "9".repeat(10_000) : raw;
    try (OnvifCameraSimulator sim = OnvifCameraSimulator.builder().backend(OnvifTestSupport.backend()).start();
        Camera camera = OnvifTestSupport.connect(sim, Map.of())) {
      sim.overrideAnswerValue("PanTilt@x", value);

      BatchResult batch = await(camera.executeAll(List.of(new GetPosition(), new ListPresets())));

      assertThat(batch.get(0).failure()).get().isInstanceOf(ProtocolException.class)
          .satisfies(e -> assertThat(e.getMessage()).contains("PanTilt@x").contains("GetStatus").hasSizeLessThan(300));
      assertThat(batch.get(1).succeeded()).isTrue();
      sim.overrideAnswerValue("PanTilt@x", null);
      assertThat(await(camera.execute(new GetPosition()))).isNotNull();
    }
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
      "Year, 999999999, 'Date/Year = 999999999, outside 1..9999'",
      "Year, 0, 'Date/Year = 0, outside 1..9999'",
      "Year, 99999999999999999999, 'Date/Year = \"99999999999999999999\", not a whole number'",
      "Hour, 1e9, 'Time/Hour = \"1e9\", not a whole number'",
  })
  void extremeCameraClock_failsTheCommandAsAProtocolError(String element, String value, String expected) {
    try (OnvifCameraSimulator sim = OnvifCameraSimulator.builder().backend(OnvifTestSupport.backend()).start();
        Camera camera = OnvifTestSupport.connect(sim, Map.of())) {
      sim.overrideAnswerValue(element, value);

      // The clock answer serves every authenticated request, so every command fails with it.
      assertThatThrownBy(() -> camera.execute(new GetPosition()).join())
          .isInstanceOf(CompletionException.class).cause().isInstanceOf(ProtocolException.class)
          .hasMessageContaining("GetSystemDateAndTime").hasMessageContaining(expected);
    }
  }

  @Test
  void subscriptionTimesOutOfRange_areReportedAndRetried_notAStopWithoutAWord() {
    try (OnvifCameraSimulator sim = OnvifCameraSimulator.builder().backend(OnvifTestSupport.backend()).start();
        Camera camera = OnvifTestSupport.connect(sim, Map.of("pullTimeout", "1s"))) {
      // A difference of ~2e9 years: added to our clock it would overflow Instant.
      sim.overrideAnswerValue("CurrentTime", "-999999999-01-01T00:00:00Z");
      sim.overrideAnswerValue("TerminationTime", "+999999999-12-31T23:59:59Z");
      RecordingSubscriber<CameraEventsNotice> lifecycle = RecordingSubscriber.unbounded();
      try (CameraEvents events = camera.openEvents()) {
        events.lifecycle().subscribe(lifecycle);

        CameraEventsNotice refused = lifecycle.awaitItem(n -> n.state() == State.RESUBSCRIBING
            && n.detail().contains("CreatePullPointSubscription"));
        assertThat(refused.detail()).contains("CurrentTime").contains("not an xs:dateTime within years 1..9999");

        sim.overrideAnswerValue("CurrentTime", null);
        sim.overrideAnswerValue("TerminationTime", null);
        lifecycle.awaitItem(n -> n.state() == State.SUBSCRIBED);
      }
    }
  }
}
