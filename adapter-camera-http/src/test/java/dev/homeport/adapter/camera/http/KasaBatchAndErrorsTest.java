package dev.homeport.adapter.camera.http;

import static dev.homeport.adapter.camera.http.KasaTestSupport.await;
import static dev.homeport.adapter.camera.http.KasaTestSupport.backend;
import static dev.homeport.adapter.camera.http.KasaTestSupport.failureOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeport.adapter.camera.http.internal.KasaCommands;
import dev.homeport.domain.FieldMap;
import dev.homeport.domain.camera.CameraCommand;
import dev.homeport.domain.camera.Direction;
import dev.homeport.domain.camera.GetCameraInfo;
import dev.homeport.domain.camera.GetSetting;
import dev.homeport.domain.camera.Move;
import dev.homeport.domain.camera.NightVisionMode;
import dev.homeport.domain.camera.RawCommand;
import dev.homeport.domain.camera.SetSetting;
import dev.homeport.domain.camera.Setting;
import dev.homeport.ports.CameraCommandException;
import dev.homeport.ports.ClosedException;
import dev.homeport.ports.ProtocolException;
import dev.homeport.ports.UnsupportedCommandException;
import dev.homeport.ports.camera.BatchResult;
import dev.homeport.ports.camera.Camera;
import dev.homeport.simulators.kasa.KasaCameraSimulator;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KasaBatchAndErrorsTest {

  private static final String PTZ = KasaCommands.PREFIX + "ptz";
  private static final String DAY_NIGHT = KasaCommands.PREFIX + "dayNight";
  private static final String SWITCH = KasaCommands.PREFIX + "switch";

  @TempDir Path dir;

  @Test
  void batchWithOneFailingMethod_isOneRequest_andReportsEachCommand() {
    try (KasaCameraSimulator sim = KasaCameraSimulator.builder().backend(backend()).start();
        Camera camera = KasaTestSupport.connect(sim, dir)) {
      sim.failMethod(DAY_NIGHT, "set_mode", -40409, "The parameter [value] values error");
      List<CameraCommand<?>> batch = List.of(
          GetSetting.of(Setting.POWER),
          SetSetting.of(Setting.NIGHT_VISION, NightVisionMode.NIGHT),
          SetSetting.of(Setting.POWER, false),
          new GetCameraInfo());
      BatchResult result = await(camera.executeAll(batch));

      assertThat(sim.receivedRequests()).hasSize(1);
      assertThat(result.allSucceeded()).isFalse();
      assertThat(result.get(0).value().orElseThrow()).isEqualTo(true);
      assertThat(result.get(1).failure()).get()
          .isInstanceOfSatisfying(CameraCommandException.class, e -> {
            assertThat(e.operation()).isEqualTo(DAY_NIGHT + ".set_mode");
            assertThat(e.command()).contains(batch.get(1));
            assertThat(e.errorCode()).isEqualTo("-40409");
            assertThat(e.remoteMessage()).isEqualTo("The parameter [value] values error");
            assertThat(e.retryable()).isFalse();
          });
      assertThat(result.get(2).succeeded()).isTrue();
      assertThat(result.get(3).succeeded()).isTrue();
      assertThat(await(camera.execute(GetSetting.of(Setting.POWER)))).isFalse();
    }
  }

  @Test
  void batchRepeatingAMethod_isSplitIntoRequestsThatKeepTheOrder() {
    try (KasaCameraSimulator sim = KasaCameraSimulator.builder().backend(backend()).start();
        Camera camera = KasaTestSupport.connect(sim, dir)) {
      BatchResult result = await(camera.executeAll(List.of(
          GetSetting.of(Setting.POWER),
          SetSetting.of(Setting.POWER, false),
          GetSetting.of(Setting.POWER))));
      assertThat(result.allSucceeded()).isTrue();
      assertThat(result.get(0).value().orElseThrow()).isEqualTo(true);
      assertThat(result.get(2).value().orElseThrow()).isEqualTo(false);
      assertThat(sim.receivedRequests()).hasSize(2);
    }
  }

  @Test
  void emptyOrNullBatch_isRefusedBeforeAnyIo() {
    try (KasaCameraSimulator sim = KasaCameraSimulator.builder().backend(backend()).start();
        Camera camera = KasaTestSupport.connect(sim, dir)) {
      assertThatThrownBy(() -> camera.executeAll(List.of()))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
      assertThatThrownBy(() -> camera.executeAll(java.util.Arrays.asList(new GetCameraInfo(), null)))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("commands[1]");
      assertThat(sim.receivedRequests()).isEmpty();
    }
  }

  @Test
  void unsupportedModule_failsWithUnsupportedCommandException() {
    try (KasaCameraSimulator sim = KasaCameraSimulator.builder().backend(backend()).start();
        Camera camera = KasaTestSupport.connect(sim, dir)) {
      sim.unsupportedModule(PTZ);
      assertThat(failureOf(camera.execute(new Move(Direction.LEFT, 1))))
          .isInstanceOf(UnsupportedCommandException.class)
          .hasMessageContaining(PTZ);
    }
  }

  @Test
  void unknownMethod_failsWithUnsupportedCommandException() {
    try (KasaCameraSimulator sim = KasaCameraSimulator.builder().backend(backend()).start();
        Camera camera = KasaTestSupport.connect(sim, dir)) {
      sim.failMethod(SWITCH, "get_is_enable", -10008, "Unsupported API call.");
      assertThat(failureOf(camera.execute(GetSetting.of(Setting.POWER))))
          .isInstanceOf(UnsupportedCommandException.class)
          .hasMessageContaining(SWITCH + ".get_is_enable");
    }
  }

  @Test
  void transientError_idempotentCommandIsAskedOnceMore() {
    try (KasaCameraSimulator sim = KasaCameraSimulator.builder().backend(backend()).start();
        Camera camera = KasaTestSupport.connect(sim, dir)) {
      sim.failMethod(SWITCH, "get_is_enable", -40602, "other error");
      Throwable failure = failureOf(camera.execute(GetSetting.of(Setting.POWER)));
      assertThat(failure).isInstanceOfSatisfying(CameraCommandException.class, e -> {
        assertThat(e.errorCode()).isEqualTo("-40602");
        assertThat(e.retryable()).isTrue();
      });
      assertThat(sim.countRequestsMentioning("get_is_enable")).isEqualTo(2);
    }
  }

  @Test
  void transientError_moveIsNeverSentTwice() {
    try (KasaCameraSimulator sim = KasaCameraSimulator.builder().backend(backend()).start();
        Camera camera = KasaTestSupport.connect(sim, dir)) {
      sim.failMethod(PTZ, "set_move", -40602, "other error");
      assertThat(failureOf(camera.execute(new Move(Direction.LEFT, 4))))
          .isInstanceOf(CameraCommandException.class);
      assertThat(sim.countRequestsMentioning("set_move")).isEqualTo(1);
    }
  }

  @Test
  void rawCommand_sendsAnyModuleAndMethod_andReturnsTheAnswerFields() {
    try (KasaCameraSimulator sim = KasaCameraSimulator.builder().backend(backend()).start();
        Camera camera = KasaTestSupport.connect(sim, dir)) {
      sim.overrideAnswer("smartlife.cam.ipcamera.audio", "get_mic_config",
          "{\"err_code\":0,\"volume\":42,\"name\":\"Caméra\"}");
      FieldMap answer = await(camera.execute(new RawCommand("smartlife.cam.ipcamera.audio.get_mic_config", FieldMap.of("channel", 1))));
      assertThat(answer).isEqualTo(FieldMap.of("volume", 42, "name", "Caméra"));
      assertThat(sim.receivedRequests().get(0).json())
          .isEqualTo("{\"smartlife.cam.ipcamera.audio\":{\"get_mic_config\":{\"channel\":1}}}");
    }
  }

  @Test
  void missingField_failsWithProtocolExceptionNamingIt() {
    try (KasaCameraSimulator sim = KasaCameraSimulator.builder().backend(backend()).start();
        Camera camera = KasaTestSupport.connect(sim, dir)) {
      sim.overrideAnswer("system", "get_sysinfo",
          "{\"err_code\":0,\"system\":{\"alias\":\"a\",\"type\":\"IOT.IPCAMERA\",\"sw_ver\":\"1\","
              + "\"hw_ver\":\"1\",\"mac\":\"m\",\"deviceId\":\"d\"}}");
      assertThat(failureOf(camera.execute(new GetCameraInfo())))
          .isInstanceOf(ProtocolException.class)
          .hasMessageContaining("'model'")
          .hasMessageContaining("system.get_sysinfo");
    }
  }

  @Test
  void mistypedField_failsWithProtocolExceptionNamingIt() {
    try (KasaCameraSimulator sim = KasaCameraSimulator.builder().backend(backend()).start();
        Camera camera = KasaTestSupport.connect(sim, dir)) {
      sim.overrideAnswer(SWITCH, "get_is_enable", "{\"err_code\":0,\"value\":true}");
      sim.overrideAnswer(DAY_NIGHT, "get_mode", "{\"err_code\":0,\"value\":\"dusk\"}");
      sim.overrideAnswer(PTZ, "get_position", "{\"err_code\":0,\"x\":\"left\",\"y\":3}");
      assertThat(failureOf(camera.execute(GetSetting.of(Setting.POWER))))
          .isInstanceOf(ProtocolException.class).hasMessageContaining("'value'")
          .hasMessageContaining("a string was expected");
      assertThat(failureOf(camera.execute(GetSetting.of(Setting.NIGHT_VISION))))
          .isInstanceOf(ProtocolException.class).hasMessageContaining("\"dusk\"")
          .hasMessageContaining("auto, day, night");
      assertThat(failureOf(camera.execute(new dev.homeport.domain.camera.GetPosition())))
          .isInstanceOf(ProtocolException.class).hasMessageContaining("'x'");
    }
  }

  @Test
  void missingErrCodeOrMethod_failsWithProtocolException() {
    try (KasaCameraSimulator sim = KasaCameraSimulator.builder().backend(backend()).start();
        Camera camera = KasaTestSupport.connect(sim, dir)) {
      sim.overrideAnswer(SWITCH, "get_is_enable", "{\"value\":\"on\"}");
      assertThat(failureOf(camera.execute(GetSetting.of(Setting.POWER))))
          .isInstanceOf(ProtocolException.class).hasMessageContaining("'err_code'");
    }
  }

  @Test
  void closedCamera_failsCommandsWithClosedException() {
    try (KasaCameraSimulator sim = KasaCameraSimulator.builder().backend(backend()).start()) {
      Camera camera = KasaTestSupport.connect(sim, dir);
      camera.close();
      assertThat(failureOf(camera.execute(GetSetting.of(Setting.POWER))))
          .isInstanceOf(ClosedException.class);
      assertThat(sim.receivedRequests()).isEmpty();
      camera.close();
    }
  }
}
