package dev.homeport.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.domain.camera.CameraInfo;
import dev.homeport.domain.camera.CloudInfo;
import dev.homeport.domain.camera.DetectionEvent;
import dev.homeport.domain.camera.GetCameraInfo;
import dev.homeport.domain.camera.GetCloudInfo;
import dev.homeport.domain.camera.GetSdCardState;
import dev.homeport.domain.camera.GetThumbnailLink;
import dev.homeport.domain.camera.GetTimeStatus;
import dev.homeport.domain.camera.GetVodState;
import dev.homeport.domain.camera.ImmutableCloudInfo;
import dev.homeport.domain.camera.ImmutableDetectionEvent;
import dev.homeport.domain.camera.ImmutableSdCardState;
import dev.homeport.domain.camera.ListDetections;
import dev.homeport.domain.camera.ListPresets;
import dev.homeport.domain.camera.Preset;
import dev.homeport.domain.camera.SdCardState;
import dev.homeport.domain.camera.SetSetting;
import dev.homeport.domain.camera.Setting;
import dev.homeport.domain.camera.TimeStatus;
import dev.homeport.domain.camera.TimeZoneSetting;
import dev.homeport.domain.camera.VodState;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The camera contract on queries: camera info, presets, SD card, cloud, time status, detections, thumbnail and VOD
 * state, each as the backend holds it.
 *
 * <p>One concern of {@link CameraContract}, which runs it as a {@code @Nested} group; each test
 * gets a fresh camera and backend from the fixture through {@link CameraContractSupport}.
 */
public interface QueriesContract extends CameraContractSupport {

  @Test
  @DisplayName("camera info reports the backend's identity")
  default void cameraInfo_matchesTheBackend() {
    assumeSupported(new GetCameraInfo());
    CameraInfo expected = truth(new GetCameraInfo());
    CameraInfo actual = ok(new GetCameraInfo());
    assertThat(actual.alias()).isEqualTo(expected.alias());
    assertThat(actual.model()).isEqualTo(expected.model());
    assertThat(actual.type()).isEqualTo(expected.type());
    assertThat(actual.softwareVersion()).isEqualTo(expected.softwareVersion());
    assertThat(actual.hardwareVersion()).isEqualTo(expected.hardwareVersion());
    assertThat(actual.mac()).isEqualTo(expected.mac());
    assertThat(actual.deviceId()).isEqualTo(expected.deviceId());
  }

  @Test
  @DisplayName("presets list the backend's saved presets with their names")
  default void listPresets_matchesTheBackend() {
    assumeSupported(new ListPresets());
    List<Preset> expected = truth(new ListPresets());
    assertThat(expected).as("backend presets").isNotEmpty();
    assertThat(ok(new ListPresets())).containsExactlyElementsOf(expected);
  }

  @Test
  @DisplayName("SD card state reports the backend's card, also when it changes")
  default void sdCardState_matchesTheBackend() {
    assumeSupported(new GetSdCardState());
    assertSdCard(ok(new GetSdCardState()), truth(new GetSdCardState()));
    backend().setSdCardState(ImmutableSdCardState.builder().status("absent").build());
    SdCardState absent = ok(new GetSdCardState());
    assertThat(absent.status()).isEqualTo("absent");
  }

  private void assertSdCard(SdCardState actual, SdCardState expected) {
    assertThat(actual.status()).isEqualTo(expected.status());
    actual.encrypted().ifPresent(value -> assertThat(Optional.of(value)).isEqualTo(expected.encrypted()));
    if (actual.totalBytes().isPresent()) {
      assertThat(actual.totalBytes()).isEqualTo(expected.totalBytes());
    }
    if (actual.freeBytes().isPresent()) {
      assertThat(actual.freeBytes()).isEqualTo(expected.freeBytes());
    }
  }

  @Test
  @DisplayName("cloud info reports the backend's cloud link, also when it drops")
  default void cloudInfo_matchesTheBackend() {
    assumeSupported(new GetCloudInfo());
    CloudInfo expected = truth(new GetCloudInfo());
    CloudInfo actual = ok(new GetCloudInfo());
    assertThat(actual.connected()).isEqualTo(expected.connected());
    actual.bound().ifPresent(value -> assertThat(Optional.of(value)).isEqualTo(expected.bound()));
    actual.server().ifPresent(value -> assertThat(Optional.of(value)).isEqualTo(expected.server()));

    backend().setCloudInfo(ImmutableCloudInfo.builder().connected(!expected.connected()).build());
    assertThat(ok(new GetCloudInfo()).connected()).isEqualTo(!expected.connected());
  }

  @Test
  @DisplayName("time status reports the backend's clock and time zone")
  default void timeStatus_matchesTheBackend() {
    assumeSupported(new GetTimeStatus());
    TimeZoneSetting zone = new TimeZoneSetting("UTC+09:00", "Asia/Tokyo");
    truth(SetSetting.of(Setting.TIME_ZONE, zone));
    Instant clock = Instant.parse("2029-02-03T04:05:06Z");
    truth(SetSetting.of(Setting.CLOCK, clock));
    TimeStatus status = ok(new GetTimeStatus());
    assertThat(status.timeZone()).isEqualTo(zone);
    assertThat(status.time()).isBetween(clock.minusSeconds(1), clock.plusSeconds(60));
  }

  @Test
  @DisplayName("detections in a window list exactly the backend's detections that started in it")
  default void listDetections_returnsTheWindow() {
    assumeSupported(new ListDetections(T0, T0.plusSeconds(1)));
    DetectionEvent before = ImmutableDetectionEvent.builder().start(T0.minusSeconds(5)).kind("motion").build();
    DetectionEvent first =
        ImmutableDetectionEvent.builder().start(T0).end(T0.plusSeconds(12)).kind("motion").build();
    DetectionEvent second = ImmutableDetectionEvent.builder().start(T0.plusSeconds(600)).kind("person").build();
    DetectionEvent after = ImmutableDetectionEvent.builder().start(T0.plusSeconds(3600)).kind("sound").build();
    for (DetectionEvent event : List.of(after, first, before, second)) {
      backend().addDetection(event);
    }

    List<DetectionEvent> found = ok(new ListDetections(T0, T0.plusSeconds(3600)));

    assertThat(found).extracting(DetectionEvent::start).containsExactly(first.start(), second.start());
    assertThat(found).extracting(DetectionEvent::kind).containsExactly("motion", "person");
    assertThat(found.get(0).end()).isEqualTo(first.end());
    assertThat(ok(new ListDetections(T0.plusSeconds(7200), T0.plusSeconds(7201)))).isEmpty();
    assertThat(backend().executedCommands()).last().isEqualTo(new ListDetections(T0.plusSeconds(7200), T0.plusSeconds(7201)));
  }

  @Test
  @DisplayName("the thumbnail link is the backend's link")
  default void thumbnailLink_matchesTheBackend() {
    assumeSupported(new GetThumbnailLink());
    URI expected = truth(new GetThumbnailLink());
    assertThat(ok(new GetThumbnailLink())).isEqualTo(expected);
  }

  @Test
  @DisplayName("VOD state reports whether the named player is occupied")
  default void vodState_reportsThePlayer() {
    assumeSupported(new GetVodState("p"));
    backend().setVodOccupied("player-busy", true);
    assertThat(ok(new GetVodState("player-busy"))).isEqualTo(new VodState("player-busy", true));
    assertThat(ok(new GetVodState("player-free"))).isEqualTo(new VodState("player-free", false));
    assertThat(backend().executedCommands()).last().isEqualTo(new GetVodState("player-free"));
  }
}
