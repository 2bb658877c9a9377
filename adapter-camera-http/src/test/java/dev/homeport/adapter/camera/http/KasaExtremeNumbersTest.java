package dev.homeport.adapter.camera.http;

import static dev.homeport.adapter.camera.http.KasaTestSupport.await;
import static dev.homeport.adapter.camera.http.KasaTestSupport.backend;
import static dev.homeport.adapter.camera.http.KasaTestSupport.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.adapter.camera.http.internal.KasaCommands;
import dev.homeport.domain.camera.GetCameraInfo;
import dev.homeport.domain.camera.GetLatestActivity;
import dev.homeport.domain.camera.GetSetting;
import dev.homeport.domain.camera.Setting;
import dev.homeport.ports.ProtocolException;
import dev.homeport.ports.camera.BatchResult;
import dev.homeport.ports.camera.Camera;
import dev.homeport.ports.camera.CameraEvents;
import dev.homeport.ports.camera.CameraEventsNotice;
import dev.homeport.ports.camera.CameraEventsNotice.State;
import dev.homeport.simulators.kasa.KasaCameraSimulator;
import dev.homeport.testkit.RecordingSubscriber;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 item 11 for Kasa cameras: absurd numbers and epoch values in an answer fail the one
 * command whose answer holds them, as a protocol error naming the field; the other commands of the
 * same request keep their outcomes. One simulator and one camera serve every case.
 */
class KasaExtremeNumbersTest {

  private static final String DATE_TIME = KasaCommands.PREFIX + "dateTime";
  private static final String FOUR_HUNDRED_DIGITS = "9".repeat(400);

  @TempDir static Path dir;
  private static KasaCameraSimulator sim;
  private static Camera camera;

  @BeforeAll
  static void start() {
    sim = KasaCameraSimulator.builder().backend(backend()).start();
    camera = KasaTestSupport.connect(sim, dir);
  }

  @AfterAll
  static void stop() {
    camera.close();
    sim.close();
  }

  @BeforeEach
  void clear() {
    sim.clearFaults();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e2147483647", "1e999999999", "-1e999999999", "1e-999999999",
      "400 digits"})
  void extremeNumberInOneAnswer_failsOnlyThatCommand_namingTheField(String given) {
    String number = given.equals("400 digits") ? FOUR_HUNDRED_DIGITS : given;
    sim.overrideAnswer(DATE_TIME, "get_time", "{\"err_code\":0,\"epoch_sec\":" + number + "}");
    BatchResult result = await(camera.executeAll(List.of(
        GetSetting.of(Setting.POWER), GetSetting.of(Setting.CLOCK), new GetCameraInfo())));

    assertThat(sim.receivedRequests()).isNotEmpty();
    assertThat(result.get(0).value().orElseThrow()).isEqualTo(true);
    assertThat(result.get(1).failure()).get()
        .isInstanceOf(ProtocolException.class)
        .extracting(Throwable::getMessage).asString()
        .contains("'epoch_sec'", DATE_TIME + ".get_time")
        .hasSizeLessThan(400);
    assertThat(result.get(2).succeeded()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "253402300800", "9223372036854775807"})
  void epochOutOfRange_isAProtocolErrorNamingTheField(String seconds) {
    sim.overrideAnswer(DATE_TIME, "get_time", "{\"err_code\":0,\"epoch_sec\":" + seconds + "}");
    assertThat(failureOf(camera.execute(GetSetting.of(Setting.CLOCK))))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("'epoch_sec'")
        .hasMessageContaining(seconds)
        .hasMessageContaining("1970..9999");
  }

  @Test
  void epochAtTheEdgeOfTheRange_isRead() {
    sim.overrideAnswer(DATE_TIME, "get_time", "{\"err_code\":0,\"epoch_sec\":253402300799}");
    assertThat(await(camera.execute(GetSetting.of(Setting.CLOCK))).getEpochSecond())
        .isEqualTo(253402300799L);
  }

  @Test
  void extremeNumberDeepInSysinfo_failsTheInfoWithItsPath_andActivityAlike() {
    sim.overrideAnswer("system", "get_sysinfo", "{\"err_code\":0,\"system\":{\"alias\":\"porch\","
        + "\"model\":\"EC60(US)\",\"c_opt\":[0,1e999999999]}}");
    assertThat(failureOf(camera.execute(new GetCameraInfo())))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("'system.c_opt[1]'");
    assertThat(failureOf(camera.execute(new GetLatestActivity())))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("'system.c_opt[1]'");
  }

  @Test
  void extremeActivityTimestamp_whilePolling_isANoticeNamingTheField_andPollingGoesOn() {
    try (Camera polled = KasaTestSupport.DRIVER.connect(KasaTestSupport.config(sim, dir)
            .eventPollInterval(java.time.Duration.ofMillis(50)).build());
        CameraEvents events = polled.openEvents()) {
      RecordingSubscriber<CameraEventsNotice> lifecycle = RecordingSubscriber.unbounded();
      events.lifecycle().subscribe(lifecycle);
      lifecycle.awaitItem(n -> n.state() == State.SUBSCRIBED);

      sim.overrideAnswer("system", "get_sysinfo", "{\"err_code\":0,\"system\":{\"alias\":\"porch\","
          + "\"last_activity_timestamp\":1e2147483647,\"a_type\":1}}");
      assertThat(lifecycle.awaitItem(n -> n.state() == State.RESUBSCRIBING).detail())
          .contains("'system.last_activity_timestamp'");
      sim.clearFaults();
      lifecycle.awaitItem(n -> n.state() == State.SUBSCRIBED && n.eventsMayBeMissing());
    }
  }

  @Test
  void activityTimestampBeyondYear9999_isAProtocolErrorNamingTheField() {
    sim.overrideAnswer("system", "get_sysinfo", "{\"err_code\":0,\"system\":{\"alias\":\"porch\","
        + "\"last_activity_timestamp\":99999999999999,\"a_type\":1}}");
    assertThat(failureOf(camera.execute(new GetLatestActivity())))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("'last_activity_timestamp'");
  }
}
