package dev.homeport.adapter.camera.http;

import static dev.homeport.adapter.camera.http.KasaTestSupport.await;
import static dev.homeport.adapter.camera.http.KasaTestSupport.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.adapter.camera.http.internal.KasaCamera;
import dev.homeport.adapter.camera.http.internal.LinkieTransport;
import dev.homeport.domain.camera.CameraInfo;
import dev.homeport.domain.camera.CloudInfo;
import dev.homeport.domain.camera.GetCameraInfo;
import dev.homeport.domain.camera.GetCloudInfo;
import dev.homeport.domain.camera.GetLatestActivity;
import dev.homeport.domain.camera.GetPosition;
import dev.homeport.domain.camera.GetSdCardState;
import dev.homeport.domain.camera.GetSetting;
import dev.homeport.domain.camera.LatestActivity;
import dev.homeport.domain.camera.Move;
import dev.homeport.domain.camera.Direction;
import dev.homeport.domain.camera.Position;
import dev.homeport.domain.camera.RawCommand;
import dev.homeport.domain.camera.Resolution;
import dev.homeport.domain.camera.SdCardState;
import dev.homeport.domain.camera.SetSetting;
import dev.homeport.domain.camera.Setting;
import dev.homeport.ports.AuthenticationException;
import dev.homeport.ports.CameraCommandException;
import dev.homeport.ports.UnsupportedCommandException;
import dev.homeport.ports.camera.Camera;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The answers real cameras send (test resources written from kasa-firmware.md), served over real
 * HTTPS and decoded by the adapter's whole path: transport, codec, batch split, readers.
 */
class KasaRealAnswersTest {

  @TempDir Path dir;

  @Test
  void ec60Sysinfo_decodesWithEveryRealFieldKept() {
    try (ReplayCamera replay = new ReplayCamera().answerResource("ec60-sysinfo.json");
        Camera camera = KasaTestSupport.DRIVER.connect(replay.config(dir).build())) {
      CameraInfo info = await(camera.execute(new GetCameraInfo()));
      assertThat(info.model()).isEqualTo("EC60(US)");
      assertThat(info.type()).isEqualTo("IOT.IPCAMERA");
      assertThat(info.softwareVersion()).isEqualTo("2.3.22 Build 20230731 rel.69808");
      assertThat(info.hardwareVersion()).isEqualTo("4.0");
      assertThat(info.mac()).isEqualTo("74:FE:CE:00:00:00");
      assertThat(info.otherFields().asMap())
          .containsEntry("dev_name", "Kasa Spot, 24/7 Recording")
          .containsEntry("mic_mac", "74FECE000000")
          .containsEntry("resolution", "720P")
          .containsEntry("bind_status", false)
          .containsKeys("c_opt", "f_list", "new_feature", "oemId", "hwId", "rssi", "system_time", "updating");
      assertThat(info.otherFields().asMap().get("stream_version")).isIn(2, 2L);
    }
  }

  @Test
  void ec60Sysinfo_givesTheLatestActivity_withoutTheDetectionStatesItDoesNotAnswer() {
    try (ReplayCamera replay = new ReplayCamera().answerResource("ec60-sysinfo.json");
        Camera camera = KasaTestSupport.DRIVER.connect(replay.config(dir).build())) {
      LatestActivity latest = await(camera.execute(new GetLatestActivity()));
      assertThat(latest.time()).contains(Instant.ofEpochSecond(1_700_000_000L));
      assertThat(latest.kindCode()).hasValue(2);
      assertThat(latest.eventStates()).isEmpty();
      assertThat(replay.received().get(0).json())
          .contains("\"system\":{\"get_sysinfo\":{}}")
          .contains("smartlife.cam.ipcamera.motionDetect").contains("get_detect_event_state");
    }
  }

  @Test
  void kc115BadLogin_onHttp200_isRecognisedAndEveryPasswordFormIsTried() {
    ReplayCamera replay = new ReplayCamera();
    for (int i = 0; i < 5; i++) {
      replay.answerResource("kc115-bad-login.json");
    }
    try (replay; Camera camera = KasaTestSupport.DRIVER.connect(replay.config(dir).build())) {
      Throwable failure = failureOf(camera.execute(GetSetting.of(Setting.NIGHT_VISION)));
      assertThat(failure).isInstanceOf(AuthenticationException.class)
          .hasMessageContaining("-10007")
          .hasMessageContaining("base64, md5, plain, admin-md5, admin-default");
      assertThat(replay.received()).hasSize(5);
      assertThat(replay.received()).extracting(r -> r.header("Authorization")).doesNotHaveDuplicates();
    }
  }

  @Test
  void kc115BadLogin_thenThePlainForm_isRememberedForTheCamera() {
    ReplayCamera replay = new ReplayCamera()
        .answerResource("kc115-bad-login.json")   // base64
        .answerResource("kc115-bad-login.json")   // md5
        .answerResource("kc100-resolution.json")  // plain works
        .answerResource("kc100-resolution.json");
    try (replay; Camera camera = KasaTestSupport.DRIVER.connect(replay.config(dir).build())) {
      assertThat(await(camera.execute(GetSetting.of(Setting.RESOLUTION)))).isEqualTo(Resolution.HD1080);
      assertThat(((KasaCamera) camera).transport().resolvedVariant()).contains(AuthVariant.PLAIN);
      await(camera.execute(GetSetting.of(Setting.RESOLUTION)));
      assertThat(replay.received()).hasSize(4);
      assertThat(replay.received().get(3).header("Authorization"))
          .isEqualTo(replay.received().get(2).header("Authorization"));
    }
  }

  @Test
  void kc100Resolution_listForm_readsAndIsWrittenBackInTheSameForm() {
    try (ReplayCamera replay = new ReplayCamera()
            .answerResource("kc100-resolution.json")
            .answer("{\"smartlife.cam.ipcamera.videoControl\":{\"set_resolution\":{\"err_code\":0}}}");
        Camera camera = KasaTestSupport.DRIVER.connect(replay.config(dir).build())) {
      assertThat(await(camera.execute(GetSetting.of(Setting.RESOLUTION)))).isEqualTo(Resolution.HD1080);
      await(camera.execute(SetSetting.of(Setting.RESOLUTION, Resolution.HD720)));
      assertThat(replay.received().get(1).json())
          .contains("\"set_resolution\":{\"value\":[{\"channel\":1,\"resolution\":\"720P\"}]}");
    }
  }

  @Test
  void kc100Cloud_readsTheCamerasOwnFields() {
    try (ReplayCamera replay = new ReplayCamera().answerResource("kc100-cloud.json");
        Camera camera = KasaTestSupport.DRIVER.connect(replay.config(dir).build())) {
      CloudInfo cloud = await(camera.execute(new GetCloudInfo()));
      assertThat(cloud.connected()).isTrue();
      assertThat(cloud.server()).contains("n-devs-kipc.tplinkcloud.com");
      assertThat(cloud.entryDomain()).contains("n-deventry.tplinkcloud.com");
      assertThat(cloud.bound()).isEmpty();
    }
  }

  @Test
  void kc410sPosition_isSigned() {
    try (ReplayCamera replay = new ReplayCamera().answerResource("kc410s-position.json");
        Camera camera = KasaTestSupport.DRIVER.connect(replay.config(dir).build())) {
      assertThat(await(camera.execute(new GetPosition()))).isEqualTo(new Position(-49, 237));
    }
  }

  @Test
  void kc410sSpeedError_isACameraCommandExceptionWithItsCode() {
    try (ReplayCamera replay = new ReplayCamera().answerResource("kc410s-speed-error.json");
        Camera camera = KasaTestSupport.DRIVER.connect(replay.config(dir).build())) {
      Throwable failure = failureOf(camera.execute(new Move(Direction.LEFT, 10)));
      assertThat(failure).isInstanceOf(CameraCommandException.class);
      assertThat(((CameraCommandException) failure).errorCode()).isEqualTo("-41203");
      assertThat(replay.received().get(0).json()).contains("\"direction\":\"left\"");
    }
  }

  @Test
  void ec60SdCard_sizesAsStrings_areNumbers_andTheRefusedEncryptionConfigIsEmpty() {
    try (ReplayCamera replay = new ReplayCamera().answerResource("ec60-sd-card.json");
        Camera camera = KasaTestSupport.DRIVER.connect(replay.config(dir).build())) {
      SdCardState card = await(camera.execute(new GetSdCardState()));
      assertThat(card.status()).isEqualTo("ok");
      assertThat(card.ready()).isTrue();
      assertThat(card.detectState()).contains("ok");
      assertThat(card.totalBytes()).hasValue(31_166_976L);
      assertThat(card.freeBytes()).hasValue(30_113_792L);
      assertThat(card.usedBytes()).hasValue(1_053_184L);
      assertThat(card.capacityBytes()).hasValue(31_166_976L);
      assertThat(card.otherFields().asMap()).containsEntry("reserve_capacity", "0");
      assertThat(card.encryptionConfig().asMap()).isEmpty();
      assertThat(replay.received().get(0).json()).contains("get_sd_enc_config");
    }
  }

  @Test
  void kc100ModuleNotSupport_isUnsupportedCommand() {
    try (ReplayCamera replay = new ReplayCamera().answerResource("kc100-module-not-support.json");
        Camera camera = KasaTestSupport.DRIVER.connect(replay.config(dir).build())) {
      assertThat(failureOf(camera.execute(new GetPosition())))
          .isInstanceOf(UnsupportedCommandException.class).hasMessageContaining("module not support");
    }
  }

  @Test
  void ec60UnsupportedApi_isUnsupportedCommand() {
    try (ReplayCamera replay = new ReplayCamera().answerResource("ec60-unsupported-api.json");
        Camera camera = KasaTestSupport.DRIVER.connect(replay.config(dir).build())) {
      assertThat(failureOf(camera.execute(RawCommand.of("emeter.get_realtime"))))
          .isInstanceOf(UnsupportedCommandException.class).hasMessageContaining("Unsupported API call.");
    }
  }

  @Test
  void plainJsonErrorBody_isAccepted() {
    try (ReplayCamera replay = new ReplayCamera().answerPlain(ReplayCamera.resource("kc100-module-not-support.json"));
        Camera camera = KasaTestSupport.DRIVER.connect(replay.config(dir).build())) {
      assertThat(failureOf(camera.execute(new GetPosition())))
          .isInstanceOf(UnsupportedCommandException.class);
    }
  }

  @Test
  void http403_isARejectedLogin_andTheNextFormIsTried() {
    try (ReplayCamera replay = new ReplayCamera().status(403).answerResource("kc410s-position.json");
        Camera camera = KasaTestSupport.DRIVER.connect(replay.config(dir).build())) {
      assertThat(await(camera.execute(new GetPosition()))).isEqualTo(new Position(-49, 237));
      assertThat(((KasaCamera) camera).transport().resolvedVariant()).contains(AuthVariant.MD5);
    }
  }

  @Test
  void requests_carryTheAppUserAgentAndCharset_andAConfiguredAgentWins() {
    try (ReplayCamera replay = new ReplayCamera().answerResource("kc410s-position.json")
            .answerResource("kc410s-position.json");
        Camera app = KasaTestSupport.DRIVER.connect(replay.config(dir).build());
        Camera custom = KasaTestSupport.DRIVER.connect(replay.config(dir).userAgent("Kasa/9999 test").build())) {
      await(app.execute(new GetPosition()));
      await(custom.execute(new GetPosition()));
      assertThat(replay.received().get(0).header("User-Agent")).isEqualTo(LinkieTransport.APP_USER_AGENT);
      assertThat(replay.received().get(0).header("Content-Type"))
          .isEqualTo("application/x-www-form-urlencoded; charset=utf-8");
      assertThat(replay.received().get(0).header("Authorization")).startsWith("Basic ");
      assertThat(replay.received().get(1).header("User-Agent")).isEqualTo("Kasa/9999 test");
    }
  }

  @Test
  void silentLinkie_movesToLinkie2_andStreamVersion2StartsThere() {
    try (ReplayCamera replay = new ReplayCamera().silence().answerResource("kc410s-position.json")
            .answerResource("kc410s-position.json");
        Camera silent = KasaTestSupport.DRIVER.connect(replay.config(dir).build().withRequestTimeout(java.time.Duration.ofMillis(700)));
        Camera known = KasaTestSupport.DRIVER.connect(replay.config(dir).streamVersion(2).build())) {
      assertThat(await(silent.execute(new GetPosition()))).isEqualTo(new Position(-49, 237));
      assertThat(((KasaCamera) silent).transport().currentPath()).isEqualTo(LinkieTransport.LINKIE2);
      await(known.execute(new GetPosition()));
      assertThat(replay.received()).extracting(ReplayCamera.Received::path)
          .containsExactly(LinkieTransport.LINKIE, LinkieTransport.LINKIE2, LinkieTransport.LINKIE2);
    }
  }

  @Test
  void moveWordRefused_triesTheSeedsWordOnce_andRemembersIt() {
    String refused = "{\"smartlife.cam.ipcamera.ptz\":{\"set_move\":{\"err_code\":-40409,"
        + "\"err_msg\":\"The parameter [direction] values error\"}}}";
    String ok = "{\"smartlife.cam.ipcamera.ptz\":{\"set_move\":{\"err_code\":0}}}";
    try (ReplayCamera replay = new ReplayCamera().answer(refused).answer(ok).answer(ok);
        Camera camera = KasaTestSupport.DRIVER.connect(replay.config(dir).build())) {
      await(camera.execute(new Move(Direction.UP, 2)));
      await(camera.execute(new Move(Direction.DOWN, 2)));
      assertThat(replay.received()).extracting(ReplayCamera.Received::json)
          .satisfiesExactly(
              first -> assertThat(first).contains("\"direction\":\"top\""),
              second -> assertThat(second).contains("\"direction\":\"up\""),
              third -> assertThat(third).contains("\"direction\":\"down\""));
    }
  }
}
