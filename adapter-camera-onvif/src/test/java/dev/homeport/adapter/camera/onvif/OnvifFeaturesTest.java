package dev.homeport.adapter.camera.onvif;

import static dev.homeport.adapter.camera.onvif.OnvifTestSupport.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.homeport.adapter.inmemory.InMemoryCamera;
import dev.homeport.domain.Secret;
import dev.homeport.domain.camera.CameraCommand;
import dev.homeport.domain.camera.Direction;
import dev.homeport.domain.camera.GetPosition;
import dev.homeport.domain.camera.GetSetting;
import dev.homeport.domain.camera.GetSnapshot;
import dev.homeport.domain.camera.GetStreamUri;
import dev.homeport.domain.camera.GoToPreset;
import dev.homeport.domain.camera.ListPresets;
import dev.homeport.domain.camera.Move;
import dev.homeport.domain.camera.NightVisionMode;
import dev.homeport.domain.camera.Position;
import dev.homeport.domain.camera.RawCommand;
import dev.homeport.domain.camera.SetPosition;
import dev.homeport.domain.camera.SetSetting;
import dev.homeport.domain.camera.Setting;
import dev.homeport.domain.camera.Snapshot;
import dev.homeport.domain.camera.Stop;
import dev.homeport.ports.CameraCommandException;
import dev.homeport.ports.ProtocolException;
import dev.homeport.ports.TransportException;
import dev.homeport.ports.UnsupportedCommandException;
import dev.homeport.ports.camera.BatchResult;
import dev.homeport.ports.camera.Camera;
import dev.homeport.ports.camera.ImmutableCameraEndpoint;
import dev.homeport.simulators.onvif.OnvifCameraSimulator;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Snapshots, stream addresses, discovery fall-backs, profiles, PTZ mapping and options. */
class OnvifFeaturesTest {

  private static Throwable failure(CompletableFuture<?> future) {
    Throwable t = catchThrowable(() -> future.get(20, TimeUnit.SECONDS));
    assertThat(t).isInstanceOf(ExecutionException.class);
    return t.getCause();
  }

  @Test
  void snapshot_isTheBackendsJpeg_andTheCapRefusesLargerOnes() {
    InMemoryCamera backend = OnvifTestSupport.backend();
    byte[] jpeg = new byte[40_000];
    jpeg[0] = (byte) 0xFF;
    jpeg[1] = (byte) 0xD8;
    jpeg[jpeg.length - 2] = (byte) 0xFF;
    jpeg[jpeg.length - 1] = (byte) 0xD9;
    backend.setSnapshot(new Snapshot("image/jpeg", jpeg));
    try (OnvifCameraSimulator sim = OnvifCameraSimulator.builder().backend(backend).start();
        Camera camera = OnvifTestSupport.connect(sim, Map.of())) {
      Snapshot got = await(camera.execute(new GetSnapshot()));
      assertThat(got.contentType()).isEqualTo("image/jpeg");
      assertThat(got.bytes()).isEqualTo(jpeg);
      assertThat(failure(camera.execute(new GetSnapshot(10_000)))).isInstanceOf(ProtocolException.class)
          .hasMessageContaining("more than 10000 bytes");
    }
  }

  @Test
  void snapshotWithAnotherContentType_isRefused() {
    InMemoryCamera backend = OnvifTestSupport.backend();
    try (OnvifCameraSimulator sim = OnvifCameraSimulator.builder().backend(backend).start();
        Camera camera = OnvifTestSupport.connect(sim, Map.of())) {
      sim.setSnapshotContentType("text/html; charset=utf-8");
      assertThat(failure(camera.execute(new GetSnapshot()))).isInstanceOf(ProtocolException.class)
          .hasMessageContaining("not a JPEG").hasMessageContaining("text/html");
    }
  }

  @Test
  void cameraWithoutSnapshots_failsUnsupported() {
    InMemoryCamera backend = OnvifTestSupport.backend();
    try (OnvifCameraSimulator sim = OnvifCameraSimulator.builder().backend(backend).start();
        Camera camera = OnvifTestSupport.connect(sim, Map.of())) {
      sim.setSnapshotSupported(false);
      Throwable cause = failure(camera.execute(new GetSnapshot()));
      assertThat(cause).isInstanceOf(UnsupportedCommandException.class).hasMessageContaining("ActionNotSupported");
    }
  }

  @Test
  void streamUri_isTheBackendsRtspAddress() {
    InMemoryCamera backend = OnvifTestSupport.backend();
    try (OnvifCameraSimulator sim = OnvifCameraSimulator.builder().backend(backend).start();
        Camera camera = OnvifTestSupport.connect(sim, Map.of())) {
      URI uri = await(camera.execute(new GetStreamUri()));
      assertThat(uri).isEqualTo(backend.execute(new GetStreamUri()).join());
      assertThat(uri.getScheme()).isEqualTo("rtsp");
    }
  }

  @Test
  void oldFirmwareWithoutGetServices_isDiscoveredThroughGetCapabilities() {
    InMemoryCamera backend = OnvifTestSupport.backend();
    try (OnvifCameraSimulator sim = OnvifCameraSimulator.builder().backend(backend).withoutGetServices().start();
        Camera camera = OnvifTestSupport.connect(sim, Map.of())) {
      await(camera.execute(SetSetting.of(Setting.NIGHT_VISION, NightVisionMode.NIGHT)));
      assertThat(backend.peek(Setting.NIGHT_VISION)).isEqualTo(NightVisionMode.NIGHT);
      assertThat(await(camera.execute(GetSetting.of(Setting.NIGHT_VISION)))).isEqualTo(NightVisionMode.NIGHT);
      await(camera.execute(SetSetting.of(Setting.NIGHT_VISION, NightVisionMode.DAY)));
      assertThat(backend.peek(Setting.NIGHT_VISION)).isEqualTo(NightVisionMode.DAY);
    }
  }

  @Test
  void theFirstProfileWithPtz_isChosen_andANamedProfileWithoutPtzNarrowsTheCapabilities() {
    InMemoryCamera backend = OnvifTestSupport.backend();
    try (OnvifCameraSimulator sim = OnvifCameraSimulator.builder().backend(backend).ptzOnSecondProfile().start()) {
      try (Camera camera = OnvifTestSupport.connect(sim, Map.of())) {
        await(camera.execute(new Move(Direction.UP, 3)));
        assertThat(backend.isMoving()).isTrue();
      }
      try (Camera camera = OnvifTestSupport.connect(sim, Map.of("profile", "mainStream"))) {
        await(camera.execute(new GetStreamUri()));
        assertThat(camera.capabilities().supports(new Move(Direction.UP, 3))).isFalse();
        assertThat(failure(camera.execute(new Move(Direction.UP, 3)))).isInstanceOf(UnsupportedCommandException.class);
      }
      try (Camera camera = OnvifTestSupport.connect(sim, Map.of("profile", "nope"))) {
        assertThat(failure(camera.execute(new GetStreamUri()))).isInstanceOf(CameraCommandException.class)
            .hasMessageContaining("no profile named or tokened 'nope'").hasMessageContaining("profile_1");
      }
    }
  }

  @Test
  void batchOnAProfileWithoutPtz_reportsMotionUnsupportedInItsOwnOutcome_namingWhatTheProfileSupports() {
    InMemoryCamera backend = OnvifTestSupport.backend();
    try (OnvifCameraSimulator sim = OnvifCameraSimulator.builder().backend(backend).ptzOnSecondProfile().start();
        Camera camera = OnvifTestSupport.connect(sim, Map.of("profile", "mainStream"))) {
      // Before the first exchange the camera claims every ONVIF command; the batch's first command
      // discovers that this profile has no PTZ, so Move is found unsupported while the batch runs.
      List<CameraCommand<?>> batch = List.of(RawCommand.of("device.GetUsers"), new GetStreamUri(),
          new Move(Direction.UP, 3), new GetStreamUri());

      BatchResult result = await(camera.executeAll(batch));

      for (int i = 0; i < batch.size(); i++) {
        assertThat(result.get(i).command()).as("outcome %s", i).isEqualTo(batch.get(i));
      }
      assertThat(result.get(0).failure()).get().isInstanceOf(UnsupportedCommandException.class);
      assertThat(result.get(1).succeeded()).isTrue();
      assertThat(result.get(2).failure().orElseThrow()).isInstanceOf(UnsupportedCommandException.class)
          .hasMessageContaining("(onvif) does not support Move; supported: [GetCameraInfo, GetSetting")
          .hasMessageNotContaining("SetPosition");
      assertThat(result.get(3).succeeded()).isTrue();
      assertThat(backend.isMoving()).isFalse();
    }
  }

  @Test
  void batchWithAPositionOffTheGenericGrid_isRefusedWholeBeforeIo() {
    InMemoryCamera backend = OnvifTestSupport.backend();
    try (OnvifCameraSimulator sim = OnvifCameraSimulator.builder().backend(backend).start();
        Camera camera = OnvifTestSupport.connect(sim, Map.of())) {
      int executed = backend.executedCommands().size();
      assertThatThrownBy(() -> camera.executeAll(List.of(new Stop(), new SetPosition(new Position(0, -1)))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("position y must be 0..10000 for onvif (the generic space -1..1), was -1");
      assertThat(backend.executedCommands()).hasSize(executed);
    }
  }

  @Test
  void positions_mapLinearlyOntoTheGenericSpace_andPresetsAreTokens() {
    InMemoryCamera backend = OnvifTestSupport.backend();
    try (OnvifCameraSimulator sim = OnvifCameraSimulator.builder().backend(backend).start();
        Camera camera = OnvifTestSupport.connect(sim, Map.of())) {
      for (Position p : new Position[] {new Position(0, 0), new Position(10_000, 10_000), new Position(1, 9_999),
          new Position(5000, 2500)}) {
        await(camera.execute(new SetPosition(p)));
        assertThat(backend.peekPosition()).isEqualTo(p);
        assertThat(await(camera.execute(new GetPosition()))).isEqualTo(p);
      }
      assertThat(await(camera.execute(new ListPresets()))).extracting(pr -> pr.token())
          .containsExactly("1", "2", "3", "4");
      await(camera.execute(new GoToPreset("3")));
      assertThat(backend.executedCommands()).last().isEqualTo(new GoToPreset(3));
      Throwable unknown = failure(camera.execute(new GoToPreset("Preset_9")));
      assertThat(unknown).isInstanceOf(CameraCommandException.class).hasMessageContaining("NoToken");
    }
  }

  @Test
  void diagonalMoves_setBothAxes_andPositionsOffTheGenericGridAreRefusedBeforeIo() {
    InMemoryCamera backend = OnvifTestSupport.backend();
    try (OnvifCameraSimulator sim = OnvifCameraSimulator.builder().backend(backend).start();
        Camera camera = OnvifTestSupport.connect(sim, Map.of())) {
      await(camera.execute(new Move(Direction.UP_LEFT, 4)));
      assertThat(backend.executedCommands()).last().isEqualTo(new Move(Direction.UP_LEFT, 4));
      await(camera.execute(new Move(Direction.DOWN_RIGHT, 10)));
      assertThat(backend.executedCommands()).last().isEqualTo(new Move(Direction.DOWN_RIGHT, 10));
      int executed = backend.executedCommands().size();
      assertThatThrownBy(() -> camera.execute(new SetPosition(new Position(-49, 0))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("position x must be 0..10000 for onvif (the generic space -1..1), was -49");
      assertThat(backend.executedCommands()).hasSize(executed);
    }
  }

  @Test
  void reboot_isSystemReboot_andTheNextCommandRediscoversTheCamera() {
    InMemoryCamera backend = OnvifTestSupport.backend();
    try (OnvifCameraSimulator sim = OnvifCameraSimulator.builder().backend(backend).start();
        Camera camera = OnvifTestSupport.connect(sim, Map.of())) {
      await(camera.execute(new GetPosition()));
      assertThat(await(camera.execute(new dev.homeport.domain.camera.Reboot()))).isNull();
      assertThat(backend.executedCommands()).last().isEqualTo(new dev.homeport.domain.camera.Reboot());
      assertThat(await(camera.execute(new GetPosition()))).isEqualTo(backend.peekPosition());
    }
  }

  @Test
  void unreachableCamera_isARetryableTransportException() {
    InMemoryCamera backend = OnvifTestSupport.backend();
    try (OnvifCameraSimulator sim = OnvifCameraSimulator.builder().backend(backend).start();
        Camera camera = OnvifTestSupport.connect(sim, Map.of())) {
      backend.setUnreachable(true);
      Throwable cause = failure(camera.execute(new GetPosition()));
      assertThat(cause).isInstanceOf(TransportException.class);
      assertThat(((TransportException) cause).retryable()).isTrue();
      backend.setUnreachable(false);
      assertThat(await(camera.execute(new GetPosition()))).isEqualTo(backend.peekPosition());
    }
    try (Camera nobody = OnvifCameraDriver.shared().connect(ImmutableCameraEndpoint.builder().name("x").brand("onvif")
        .host("127.0.0.1").port(1).build())) {
      assertThat(failure(nobody.execute(new GetPosition()))).isInstanceOf(TransportException.class)
          .hasMessageContaining("unreachable");
    }
  }

  @Test
  void badOptions_areRefusedBeforeAnyIo_namingTheOption() {
    ImmutableCameraEndpoint.Builder base = ImmutableCameraEndpoint.builder().name("g").brand("onvif").host("10.0.0.9");
    assertThatThrownBy(() -> OnvifCameraDriver.shared().connect(base.putOptions("trust", "tofu").build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown option 'trust'")
        .hasMessageContaining("profile, path");
    assertThatThrownBy(() -> OnvifCameraDriver.shared().connect(ImmutableCameraEndpoint.builder().name("g")
        .brand("onvif").host("10.0.0.9").putOptions("requestTimeout", "soon").build()))
        .hasMessageContaining("option 'requestTimeout' must be a positive duration");
    assertThatThrownBy(() -> OnvifCameraDriver.shared().connect(ImmutableCameraEndpoint.builder().name("g")
        .brand("onvif").host("10.0.0.9").password(Secret.of("pw-only")).build()))
        .hasMessageContaining("password but no username").hasMessageNotContaining("pw-only");
    assertThatThrownBy(() -> OnvifCameraDriver.shared().connect(ImmutableCameraEndpoint.builder().name("g")
        .brand("kasa").host("10.0.0.9").build())).hasMessageContaining("not 'onvif'");
  }
}
