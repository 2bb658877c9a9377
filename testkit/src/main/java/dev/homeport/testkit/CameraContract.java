package dev.homeport.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.homeport.adapter.inmemory.InMemoryCamera;
import dev.homeport.domain.FieldMap;
import dev.homeport.domain.camera.CameraCommand;
import dev.homeport.domain.camera.CameraInfo;
import dev.homeport.domain.camera.CloudInfo;
import dev.homeport.domain.camera.DetectionEvent;
import dev.homeport.domain.camera.Direction;
import dev.homeport.domain.camera.FormatSdCard;
import dev.homeport.domain.camera.GetCameraInfo;
import dev.homeport.domain.camera.GetCloudInfo;
import dev.homeport.domain.camera.GetPosition;
import dev.homeport.domain.camera.GetSdCardState;
import dev.homeport.domain.camera.GetSetting;
import dev.homeport.domain.camera.GetThumbnailLink;
import dev.homeport.domain.camera.GetTimeStatus;
import dev.homeport.domain.camera.GetVodState;
import dev.homeport.domain.camera.GoToPreset;
import dev.homeport.domain.camera.ImmutableCloudInfo;
import dev.homeport.domain.camera.ImmutableDetectionEvent;
import dev.homeport.domain.camera.ImmutableSdCardState;
import dev.homeport.domain.camera.ListDetections;
import dev.homeport.domain.camera.ListPresets;
import dev.homeport.domain.camera.Move;
import dev.homeport.domain.camera.Position;
import dev.homeport.domain.camera.Preset;
import dev.homeport.domain.camera.RawCommand;
import dev.homeport.domain.camera.SdCardState;
import dev.homeport.domain.camera.SetPosition;
import dev.homeport.domain.camera.SetSetting;
import dev.homeport.domain.camera.Setting;
import dev.homeport.domain.camera.Stop;
import dev.homeport.domain.camera.TimeStatus;
import dev.homeport.domain.camera.TimeZoneSetting;
import dev.homeport.domain.camera.TriggerTime;
import dev.homeport.domain.camera.VodState;
import dev.homeport.ports.AuthenticationException;
import dev.homeport.ports.CameraCommandException;
import dev.homeport.ports.ClosedException;
import dev.homeport.ports.HomeportException;
import dev.homeport.ports.RequestTimeoutException;
import dev.homeport.ports.TransportException;
import dev.homeport.ports.UnsupportedCommandException;
import dev.homeport.ports.camera.BatchResult;
import dev.homeport.ports.camera.Camera;
import dev.homeport.ports.camera.CameraCapabilities;
import dev.homeport.ports.camera.CommandOutcome;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract every {@link Camera} adapter passes: settings, actions, queries, raw commands,
 * batches, input validation, capabilities, failures, close and concurrency.
 *
 * <p>Extend it, implement {@link #createFixture()} (a fresh camera and its {@link InMemoryCamera}
 * backend for every test), and optionally {@link #knownRawQuery()}. The contract changes and checks
 * state, and injects faults, on the backend; see {@link CameraFixture} for what a simulator-backed
 * fixture must do. Every wait is bounded; nothing sleeps.
 */
public abstract class CameraContract {

  /** The bound of every wait for an answer that should come promptly. */
  protected static final Duration WAIT = Duration.ofSeconds(10);

  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  private CameraFixture fixture;
  /** The camera under test (from the fixture). */
  protected Camera camera;
  /** The in-memory state behind it (from the fixture). */
  protected InMemoryCamera backend;

  /** A new camera and backend for one test. Called before every test; closed after it. */
  protected abstract CameraFixture createFixture();

  /**
   * A raw command the adapter can send that the brand does not model as a typed command (for Kasa,
   * e.g. {@code smartlife.cam.ipcamera.audio.get_mic_config}). The contract teaches the backend to
   * answer it ({@link InMemoryCamera#onRaw}) and checks the answer and the parameters make the round
   * trip. Empty (the default) skips that test visibly.
   */
  protected Optional<RawCommand> knownRawQuery() {
    return Optional.empty();
  }

  @BeforeEach
  void openFixture() {
    fixture = createFixture();
    assertThat(fixture).as("createFixture()").isNotNull();
    camera = fixture.camera();
    backend = fixture.backend();
    assertThat(camera).as("fixture.camera()").isNotNull();
    assertThat(backend).as("fixture.backend()").isNotNull();
    assertThat(fixture.requestTimeout()).as("fixture.requestTimeout()").isPositive();
  }

  @AfterEach
  void closeFixture() throws Exception {
    if (fixture != null) {
      fixture.close();
    }
  }

  // ------------------------------------------------------------------------------------- helpers

  /** Executes {@code command} and returns its result, failing the test on failure or after {@link #WAIT}. */
  protected <R> R ok(CameraCommand<R> command) {
    return await(camera.execute(command), WAIT, command);
  }

  /** Executes {@code command} on the backend directly: what the camera under test should report. */
  protected <R> R truth(CameraCommand<R> command) {
    return await(backend.execute(command), WAIT, command);
  }

  private static <R> R await(CompletableFuture<R> future, Duration bound, Object what) {
    assertThat(future).as("future of %s", what).isNotNull();
    try {
      return future.get(bound.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError(what + " failed: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new AssertionError(what + " did not complete within " + bound, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** Waits (bounded) for {@code future} to fail and returns its cause, which must be a {@link HomeportException}. */
  protected static HomeportException failureOf(CompletableFuture<?> future, Duration bound) {
    assertThat(future).as("future").isNotNull();
    try {
      Object value = future.get(bound.toMillis(), TimeUnit.MILLISECONDS);
      throw new AssertionError("expected a failure, but the command succeeded with " + value);
    } catch (ExecutionException e) {
      assertThat(e.getCause()).as("failure cause").isInstanceOf(HomeportException.class);
      return (HomeportException) e.getCause();
    } catch (TimeoutException e) {
      throw new AssertionError("expected a failure within " + bound + ", but the future is still pending", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** {@link #failureOf(CompletableFuture, Duration)} with {@link #WAIT}. */
  protected static HomeportException failureOf(CompletableFuture<?> future) {
    return failureOf(future, WAIT);
  }

  /** Every setting, for parameterized tests. */
  static Stream<Setting<?>> settings() {
    return Setting.all().stream();
  }

  /** The values to write to {@code setting}, each different from the one before, starting from {@code current}. */
  static <T> List<T> valuesToWrite(Setting<T> setting, T current) {
    Class<T> type = setting.valueType();
    List<Object> values = new ArrayList<>();
    if (type == Boolean.class) {
      values.add(!(Boolean) current);
      values.add(current);
    } else if (type.isEnum()) {
      List<T> constants = Arrays.asList(type.getEnumConstants());
      int start = constants.indexOf(current);
      for (int i = 1; i <= constants.size(); i++) {
        values.add(constants.get((start + i) % constants.size()));
      }
    } else if (type == TriggerTime.class) {
      TriggerTime now = (TriggerTime) current;
      values.add(
          now.day().toMillis() == 2500
              ? TriggerTime.ofMillis(4000, 60_000)
              : TriggerTime.ofMillis(2500, 600_000));
      values.add(TriggerTime.ofMillis(0, 1500));
    } else if (type == TimeZoneSetting.class) {
      TimeZoneSetting newYork = new TimeZoneSetting("UTC-05:00", "America/New_York");
      TimeZoneSetting kolkata = new TimeZoneSetting("UTC+05:30", "Asia/Kolkata");
      values.add(newYork.equals(current) ? kolkata : newYork);
      values.add(newYork.equals(current) ? newYork : kolkata);
    } else if (type == Instant.class) {
      values.add(Instant.parse("2031-07-14T08:09:10Z"));
      values.add(Instant.parse("2027-01-02T03:04:05Z"));
    } else {
      throw new IllegalStateException("the contract does not know how to vary setting " + setting + " of " + type);
    }
    List<T> typed = new ArrayList<>();
    values.forEach(value -> typed.add(type.cast(value)));
    return typed;
  }

  /** Asserts a setting value read back equals what was written (the clock may have run on). */
  private static <T> void assertSettingValue(Setting<T> setting, T actual, T expected, String where) {
    if (setting == Setting.CLOCK) {
      Instant time = (Instant) actual;
      Instant written = (Instant) expected;
      assertThat(time).as("%s of %s", where, setting).isBetween(written.minusSeconds(1), written.plusSeconds(60));
    } else {
      assertThat(actual).as("%s of %s", where, setting).isEqualTo(expected);
    }
  }

  /** Aborts the test visibly unless the camera claims every one of {@code commands}. */
  protected void assumeSupported(CameraCommand<?>... commands) {
    for (CameraCommand<?> command : commands) {
      if (!camera.capabilities().supports(command)) {
        Assumptions.abort("the camera does not support " + command + " (see capabilities())");
      }
    }
  }

  /** One command of every type (raw commands aside), valid and harmless on a default backend. */
  static List<CameraCommand<?>> oneOfEveryType() {
    return List.of(
        new GetCameraInfo(),
        GetSetting.of(Setting.STATUS_LED),
        SetSetting.of(Setting.STATUS_LED, Boolean.TRUE),
        new GoToPreset(1),
        new Move(Direction.RIGHT, 1),
        new Stop(),
        new GetPosition(),
        SetPosition.of(5000, 5000),
        new ListPresets(),
        new GetSdCardState(),
        new FormatSdCard(),
        new GetCloudInfo(),
        new GetTimeStatus(),
        new ListDetections(T0, T0.plusSeconds(3600)),
        new GetThumbnailLink(),
        new GetVodState("contract-player"));
  }

  /** The value of a batch outcome, or null (for Void results and failures). */
  protected static Object valueOf(CommandOutcome<?> outcome) {
    return outcome.value().orElse(null);
  }

  private int executedCount() {
    return backend.executedCommands().size();
  }

  // -------------------------------------------------------------------------------------- groups

  @Nested
  @DisplayName("settings")
  class Settings {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.homeport.testkit.CameraContract#settings")
    @DisplayName("each setting reads the backend's value and every written value reaches the backend and reads back")
    void setting_readsAndWritesRoundTrip(Setting<?> setting) {
      roundTrip(setting);
    }

    private <T> void roundTrip(Setting<T> setting) {
      assumeSupported(GetSetting.of(setting));
      T initial = backend.peek(setting);
      assertSettingValue(setting, ok(GetSetting.of(setting)), initial, "initial read");
      for (T value : valuesToWrite(setting, initial)) {
        assumeSupported(SetSetting.of(setting, value));
        assertThat(ok(SetSetting.of(setting, value))).as("result of SetSetting").isNull();
        assertSettingValue(setting, backend.peek(setting), value, "backend value after writing " + value);
        assertSettingValue(setting, ok(GetSetting.of(setting)), value, "read after writing " + value);
      }
    }

    @Test
    @DisplayName("every one of the 19 settings is covered")
    void allSettings_areNineteen() {
      assertThat(Setting.all()).hasSize(19);
    }

    @Test
    @DisplayName("a setting changed on the camera's side is what the next read reports")
    void settingChangedOnTheBackend_isReadBack() {
      assumeSupported(GetSetting.of(Setting.MOTION_DETECTION));
      boolean before = ok(GetSetting.of(Setting.MOTION_DETECTION));
      truth(SetSetting.of(Setting.MOTION_DETECTION, !before));
      assertThat(ok(GetSetting.of(Setting.MOTION_DETECTION))).isEqualTo(!before);
    }
  }

  @Nested
  @DisplayName("actions")
  class Actions {

    @ParameterizedTest(name = "preset {0}")
    @ValueSource(ints = {1, 2, 3, 4})
    @DisplayName("going to a preset sends that preset and moves to where the backend saved it")
    void goToPreset_reachesTheBackendWithItsIndex(int preset) {
      assumeSupported(new GoToPreset(preset));
      ok(SetPosition.of(Position.MAX, Position.MAX));
      assertThat(ok(new GoToPreset(preset))).isNull();
      assertThat(backend.executedCommands()).last().isEqualTo(new GoToPreset(preset));
      assertThat(backend.peekPosition()).isNotEqualTo(new Position(Position.MAX, Position.MAX));
      assertThat(backend.isMoving()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Direction.class)
    @DisplayName("moving sends the direction and speed, and stop ends the motion")
    void move_thenStop_reachTheBackend(Direction direction) {
      assumeSupported(new Move(direction, 1));
      ok(SetPosition.of(5000, 5000));
      for (int speed : new int[] {1, 10}) {
        assertThat(ok(new Move(direction, speed))).isNull();
        assertThat(backend.executedCommands()).last().isEqualTo(new Move(direction, speed));
        assertThat(backend.isMoving()).as("moving after Move").isTrue();
        assertThat(ok(new Stop())).isNull();
        assertThat(backend.executedCommands()).last().isEqualTo(new Stop());
        assertThat(backend.isMoving()).as("moving after Stop").isFalse();
      }
      Position after = backend.peekPosition();
      switch (direction) {
        case LEFT:
          assertThat(after.x()).isLessThan(5000);
          break;
        case RIGHT:
          assertThat(after.x()).isGreaterThan(5000);
          break;
        case UP:
          assertThat(after.y()).isGreaterThan(5000);
          break;
        default:
          assertThat(after.y()).isLessThan(5000);
          break;
      }
      assertThat(ok(new GetPosition())).isEqualTo(after);
    }

    @Test
    @DisplayName("setting the position moves the backend there, and reading it reports it")
    void setPosition_thenGetPosition_roundTrip() {
      assumeSupported(SetPosition.of(1, 1));
      assertThat(ok(SetPosition.of(1234, 8765))).isNull();
      assertThat(backend.peekPosition()).isEqualTo(new Position(1234, 8765));
      assertThat(ok(new GetPosition())).isEqualTo(new Position(1234, 8765));
      ok(SetPosition.of(0, Position.MAX));
      assertThat(ok(new GetPosition())).isEqualTo(new Position(0, Position.MAX));
    }

    @Test
    @DisplayName("formatting the SD card erases the recorded detections")
    void formatSdCard_erasesDetections() {
      assumeSupported(new FormatSdCard());
      backend.addDetection(ImmutableDetectionEvent.builder().start(T0).kind("motion").build());
      assertThat(ok(new FormatSdCard())).isNull();
      assertThat(backend.detections()).isEmpty();
      assertThat(backend.executedCommands()).last().isEqualTo(new FormatSdCard());
    }
  }

  @Nested
  @DisplayName("queries")
  class Queries {

    @Test
    @DisplayName("camera info reports the backend's identity")
    void cameraInfo_matchesTheBackend() {
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
    void listPresets_matchesTheBackend() {
      assumeSupported(new ListPresets());
      List<Preset> expected = truth(new ListPresets());
      assertThat(expected).as("backend presets").isNotEmpty();
      assertThat(ok(new ListPresets())).containsExactlyElementsOf(expected);
    }

    @Test
    @DisplayName("SD card state reports the backend's card, also when it changes")
    void sdCardState_matchesTheBackend() {
      assumeSupported(new GetSdCardState());
      assertSdCard(ok(new GetSdCardState()), truth(new GetSdCardState()));
      backend.setSdCardState(ImmutableSdCardState.builder().status("absent").build());
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
    void cloudInfo_matchesTheBackend() {
      assumeSupported(new GetCloudInfo());
      CloudInfo expected = truth(new GetCloudInfo());
      CloudInfo actual = ok(new GetCloudInfo());
      assertThat(actual.connected()).isEqualTo(expected.connected());
      actual.bound().ifPresent(value -> assertThat(Optional.of(value)).isEqualTo(expected.bound()));
      actual.server().ifPresent(value -> assertThat(Optional.of(value)).isEqualTo(expected.server()));

      backend.setCloudInfo(ImmutableCloudInfo.builder().connected(!expected.connected()).build());
      assertThat(ok(new GetCloudInfo()).connected()).isEqualTo(!expected.connected());
    }

    @Test
    @DisplayName("time status reports the backend's clock and time zone")
    void timeStatus_matchesTheBackend() {
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
    void listDetections_returnsTheWindow() {
      assumeSupported(new ListDetections(T0, T0.plusSeconds(1)));
      DetectionEvent before = ImmutableDetectionEvent.builder().start(T0.minusSeconds(5)).kind("motion").build();
      DetectionEvent first =
          ImmutableDetectionEvent.builder().start(T0).end(T0.plusSeconds(12)).kind("motion").build();
      DetectionEvent second = ImmutableDetectionEvent.builder().start(T0.plusSeconds(600)).kind("person").build();
      DetectionEvent after = ImmutableDetectionEvent.builder().start(T0.plusSeconds(3600)).kind("sound").build();
      for (DetectionEvent event : List.of(after, first, before, second)) {
        backend.addDetection(event);
      }

      List<DetectionEvent> found = ok(new ListDetections(T0, T0.plusSeconds(3600)));

      assertThat(found).extracting(DetectionEvent::start).containsExactly(first.start(), second.start());
      assertThat(found).extracting(DetectionEvent::kind).containsExactly("motion", "person");
      assertThat(found.get(0).end()).isEqualTo(first.end());
      assertThat(ok(new ListDetections(T0.plusSeconds(7200), T0.plusSeconds(7201)))).isEmpty();
      assertThat(backend.executedCommands()).last().isEqualTo(new ListDetections(T0.plusSeconds(7200), T0.plusSeconds(7201)));
    }

    @Test
    @DisplayName("the thumbnail link is the backend's link")
    void thumbnailLink_matchesTheBackend() {
      assumeSupported(new GetThumbnailLink());
      URI expected = truth(new GetThumbnailLink());
      assertThat(ok(new GetThumbnailLink())).isEqualTo(expected);
    }

    @Test
    @DisplayName("VOD state reports whether the named player is occupied")
    void vodState_reportsThePlayer() {
      assumeSupported(new GetVodState("p"));
      backend.setVodOccupied("player-busy", true);
      assertThat(ok(new GetVodState("player-busy"))).isEqualTo(new VodState("player-busy", true));
      assertThat(ok(new GetVodState("player-free"))).isEqualTo(new VodState("player-free", false));
      assertThat(backend.executedCommands()).last().isEqualTo(new GetVodState("player-free"));
    }
  }

  @Nested
  @DisplayName("raw commands")
  class RawCommands {

    @Test
    @DisplayName("an unknown raw method fails with UnsupportedCommandException")
    void unknownRawMethod_failsUnsupported() {
      RawCommand unknown = fixture.unknownRawCommand();
      HomeportException failure = failureOf(camera.execute(unknown));
      assertThat(failure).isInstanceOf(UnsupportedCommandException.class);
      assertThat(failure.retryable()).isFalse();
    }

    @Test
    @DisplayName("a raw command the backend knows makes the round trip with its parameters and answer")
    void knownRawCommand_roundTrip() {
      RawCommand query =
          knownRawQuery()
              .orElseGet(() -> Assumptions.abort("knownRawQuery() is not overridden: no raw command to try"));
      assumeSupported(query);
      Map<String, Object> nested = new LinkedHashMap<>();
      nested.put("level", 3);
      nested.put("tags", List.of("a", "b"));
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("contract", "homeport");
      answer.put("volume", 42);
      answer.put("enabled", true);
      answer.put("nested", nested);
      FieldMap answerFields = FieldMap.of(answer);
      List<FieldMap> received = new java.util.concurrent.CopyOnWriteArrayList<>();
      backend.onRaw(query.operation(), params -> {
        received.add(params);
        return answerFields;
      });

      FieldMap result = ok(query);

      for (Map.Entry<String, Object> field : answer.entrySet()) {
        assertThat(PlainValues.normalize(result.get(field.getKey()).orElse(null)))
            .as("answer field %s", field.getKey())
            .isEqualTo(PlainValues.normalize(answerFields.get(field.getKey()).orElse(null)));
      }
      assertThat(received).as("parameters the backend received").hasSize(1);
      assertThat(PlainValues.normalize(received.get(0))).isEqualTo(PlainValues.normalize(query.params()));
    }
  }

  @Nested
  @DisplayName("batches")
  class Batches {

    @Test
    @DisplayName("a batch reports one successful outcome per command, in order")
    void batch_allSucceed() {
      List<CameraCommand<?>> batch =
          List.of(
              SetSetting.of(Setting.STATUS_LED, !backend.peek(Setting.STATUS_LED)),
              GetSetting.of(Setting.MOTION_SENSITIVITY),
              new GetPosition(),
              new ListPresets(),
              new GetCameraInfo());
      assumeSupported(batch.toArray(CameraCommand<?>[]::new));
      boolean ledAfter = !backend.peek(Setting.STATUS_LED);

      BatchResult result = await(camera.executeAll(batch), WAIT, "batch");

      assertThat(result.size()).isEqualTo(batch.size());
      assertThat(result.allSucceeded()).as("all succeeded: %s", result.outcomes()).isTrue();
      for (int i = 0; i < batch.size(); i++) {
        assertThat(result.get(i).command()).as("outcome %s", i).isEqualTo(batch.get(i));
      }
      assertThat(backend.peek(Setting.STATUS_LED)).isEqualTo(ledAfter);
      assertThat(result.get(0).value()).isEmpty();
      assertThat(valueOf(result.get(1))).isEqualTo(backend.peek(Setting.MOTION_SENSITIVITY));
      assertThat(valueOf(result.get(2))).isEqualTo(backend.peekPosition());
      assertThat(valueOf(result.get(3))).isEqualTo(truth(new ListPresets()));
      assertThat(((CameraInfo) valueOf(result.get(4))).mac()).isEqualTo(truth(new GetCameraInfo()).mac());
    }

    @Test
    @DisplayName("a batch with one refused command reports that failure and the others' success")
    void batch_oneRefused_othersSucceed() {
      assumeSupported(
          GetSetting.of(Setting.POWER), GetSetting.of(Setting.SOUND_SENSITIVITY), SetSetting.of(Setting.DO_NOT_DISTURB, true));
      CameraCommandException refusal = fixture.refusalExample();
      backend.failNext(
          command -> command instanceof GetSetting<?> get && get.setting() == Setting.SOUND_SENSITIVITY,
          refusal);
      List<CameraCommand<?>> batch =
          List.of(
              GetSetting.of(Setting.POWER),
              GetSetting.of(Setting.SOUND_SENSITIVITY),
              SetSetting.of(Setting.DO_NOT_DISTURB, !backend.peek(Setting.DO_NOT_DISTURB)));
      boolean dndAfter = !backend.peek(Setting.DO_NOT_DISTURB);

      BatchResult result = await(camera.executeAll(batch), WAIT, "batch");

      assertThat(result.size()).isEqualTo(3);
      assertThat(result.allSucceeded()).isFalse();
      assertThat(valueOf(result.get(0))).isEqualTo(backend.peek(Setting.POWER));
      assertThat(result.get(1).succeeded()).isFalse();
      assertThat(result.get(1).failure()).get().isInstanceOf(CameraCommandException.class);
      assertThat(((CameraCommandException) result.get(1).failure().orElseThrow()).errorCode())
          .isEqualTo(refusal.errorCode());
      assertThat(result.get(2).succeeded()).as("outcome 2: %s", result.get(2)).isTrue();
      assertThat(backend.peek(Setting.DO_NOT_DISTURB)).isEqualTo(dndAfter);
    }

    @Test
    @DisplayName("a batch with an unknown raw command reports it unsupported and runs the others")
    void batch_unknownRaw_reportedPerCommand() {
      List<CameraCommand<?>> batch =
          List.of(
              GetSetting.of(Setting.NIGHT_VISION),
              RawCommand.of(fixture.unknownRawCommand().operation()),
              new GetPosition());
      assumeSupported(batch.get(0), batch.get(2));

      BatchResult result = await(camera.executeAll(batch), WAIT, "batch");

      assertThat(valueOf(result.get(0))).isEqualTo(backend.peek(Setting.NIGHT_VISION));
      assertThat(result.get(1).failure()).get().isInstanceOf(UnsupportedCommandException.class);
      assertThat(valueOf(result.get(2))).isEqualTo(backend.peekPosition());
    }

    @Test
    @DisplayName("an unreachable camera fails the whole batch with a retryable TransportException")
    void batch_unreachable_failsWhole() {
      backend.setUnreachable(true);
      HomeportException failure =
          failureOf(camera.executeAll(List.of(GetSetting.of(Setting.POWER), new GetPosition())));
      assertThat(failure).isInstanceOf(TransportException.class);
      assertThat(failure.retryable()).isTrue();
    }
  }

  @Nested
  @DisplayName("bad input")
  class BadInput {

    private int executedBefore;

    @BeforeEach
    void countExecuted() {
      executedBefore = executedCount();
    }

    @AfterEach
    void nothingReachedTheCamera() {
      assertThat(executedCount()).as("commands that reached the backend").isEqualTo(executedBefore);
    }

    @Test
    @DisplayName("preset 5 is refused when the command is built, naming field and range")
    void presetFive_refusedBeforeIo() {
      assertThatThrownBy(() -> camera.execute(new GoToPreset(5)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("preset must be 1..4, was 5");
      assertThatThrownBy(() -> camera.execute(new GoToPreset(0))).hasMessage("preset must be 1..4, was 0");
    }

    @Test
    @DisplayName("speed 11 is refused when the command is built, naming field and range")
    void speedEleven_refusedBeforeIo() {
      assertThatThrownBy(() -> camera.execute(new Move(Direction.LEFT, 11)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("speed must be 1..10, was 11");
    }

    @Test
    @DisplayName("a detection window whose start is not before its end is refused when built")
    void emptyWindow_refusedBeforeIo() {
      assertThatThrownBy(() -> camera.execute(new ListDetections(T0, T0)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("start must be before end");
      assertThatThrownBy(() -> camera.execute(new ListDetections(T0.plusSeconds(1), T0)))
          .hasMessageStartingWith("start must be before end");
    }

    @Test
    @DisplayName("positions off the grid, blank players and bad raw names are refused when built")
    void otherInvalidValues_refusedBeforeIo() {
      assertThatThrownBy(() -> camera.execute(SetPosition.of(10_001, 0)))
          .hasMessage("position x must be 0..10000, was 10001");
      assertThatThrownBy(() -> camera.execute(new GetVodState(" "))).hasMessageStartingWith("playerId must be");
      assertThatThrownBy(() -> camera.execute(RawCommand.of("bad operation")))
          .hasMessageStartingWith("operation must be");
      assertThatThrownBy(() -> camera.execute(SetSetting.of(Setting.MOTION_TRIGGER_TIME, TriggerTime.ofMillis(600_001, 0))))
          .hasMessageStartingWith("trigger time day must be 0..600000 ms");
    }

    @Test
    @DisplayName("a setting value of the wrong type is refused when built")
    @SuppressWarnings({"unchecked", "rawtypes"})
    void wrongSettingType_refusedBeforeIo() {
      Setting raw = Setting.RESOLUTION;
      assertThatThrownBy(() -> camera.execute(new SetSetting(raw, "1920x1080")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("resolution takes a Resolution");
    }

    @Test
    @DisplayName("a null command is refused synchronously")
    void nullCommand_refusedSynchronously() {
      assertThatThrownBy(() -> camera.execute(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    @DisplayName("an empty batch or a batch with a null command is refused synchronously")
    void badBatch_refusedSynchronously() {
      assertThatThrownBy(() -> camera.executeAll(List.of())).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> camera.executeAll(Arrays.asList(new Stop(), null)))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  @DisplayName("unsupported commands")
  class Unsupported {

    @Test
    @DisplayName("capabilities name command types and settings")
    void capabilities_areDescribed() {
      CameraCapabilities capabilities = camera.capabilities();
      assertThat(capabilities).isNotNull();
      assertThat(capabilities.commandTypes()).isNotEmpty();
      assertThat(capabilities.supports(new GetCameraInfo()))
          .as("every camera can say what it is")
          .isTrue();
    }

    @Test
    @DisplayName("every command the capabilities claim is not refused as unsupported")
    void supportedCommands_areNotRefusedAsUnsupported() {
      for (CameraCommand<?> command : oneOfEveryType()) {
        if (!camera.capabilities().supports(command)) {
          continue;
        }
        CompletableFuture<?> future = camera.execute(command);
        try {
          future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
          assertThat(e.getCause()).as("failure of supported %s", command)
              .isNotInstanceOf(UnsupportedCommandException.class);
        } catch (Exception e) {
          fail(command + " did not complete: " + e);
        }
      }
      for (Setting<?> setting : Setting.all()) {
        if (camera.capabilities().supports(GetSetting.of(setting))) {
          CompletableFuture<?> future = camera.execute(GetSetting.of(setting));
          assertThat(future).as("reading %s", setting).succeedsWithin(WAIT);
        }
      }
    }

    @Test
    @DisplayName("every command outside the capabilities fails with UnsupportedCommandException")
    void unsupportedCommands_failUnsupported() {
      List<CameraCommand<?>> unsupported = new ArrayList<>();
      for (CameraCommand<?> command : oneOfEveryType()) {
        if (!camera.capabilities().supports(command)) {
          unsupported.add(command);
        }
      }
      for (Setting<?> setting : Setting.all()) {
        if (!camera.capabilities().supports(GetSetting.of(setting))) {
          unsupported.add(GetSetting.of(setting));
        }
      }
      if (unsupported.isEmpty()) {
        Assumptions.abort("the camera claims every command type and setting: nothing to refuse");
      }
      for (CameraCommand<?> command : unsupported) {
        assertThat(failureOf(camera.execute(command))).as("%s", command)
            .isInstanceOf(UnsupportedCommandException.class);
      }
    }

    @Test
    @DisplayName("a command the device says it does not know fails with UnsupportedCommandException")
    void deviceSaysUnsupported_failsUnsupported() {
      backend.failNext(
          command -> command instanceof GetSetting<?>,
          new UnsupportedCommandException("method unknown to this model (simulated)"));
      HomeportException failure = failureOf(camera.execute(GetSetting.of(Setting.PATROL)));
      assertThat(failure).isInstanceOf(UnsupportedCommandException.class);
      assertThat(failure.retryable()).isFalse();
    }
  }

  @Nested
  @DisplayName("failures")
  class Failures {

    @Test
    @DisplayName("a refusal with an error code surfaces as CameraCommandException with that code, and changes nothing")
    void refusal_surfacesWithItsCode() {
      assumeSupported(GetSetting.of(Setting.POWER), SetSetting.of(Setting.POWER, true));
      boolean before = backend.peek(Setting.POWER);
      CameraCommandException refusal = fixture.refusalExample();
      backend.failNext(command -> command instanceof SetSetting<?>, refusal);

      HomeportException failure = failureOf(camera.execute(SetSetting.of(Setting.POWER, !before)));

      assertThat(failure).isInstanceOf(CameraCommandException.class);
      assertThat(((CameraCommandException) failure).errorCode()).isEqualTo(refusal.errorCode());
      assertThat(failure.retryable()).isEqualTo(refusal.retryable());
      assertThat(backend.peek(Setting.POWER)).isEqualTo(before);
      assertThat(ok(GetSetting.of(Setting.POWER))).as("the next command works").isEqualTo(before);
    }

    @Test
    @DisplayName("rejected credentials surface as AuthenticationException, not retryable")
    void rejectedCredentials_surfaceAsAuthenticationException() {
      backend.rejectCredentials(true);
      HomeportException failure = failureOf(camera.execute(new GetCameraInfo()));
      assertThat(failure).isInstanceOf(AuthenticationException.class);
      assertThat(failure.retryable()).isFalse();
      assertThat(failure.getMessage()).as("message").isNotBlank();

      backend.rejectCredentials(false);
      assertThat(ok(new GetCameraInfo())).isNotNull();
    }

    @Test
    @DisplayName("an unreachable camera surfaces as a retryable TransportException, and works again once reachable")
    void unreachable_surfacesAsRetryableTransportException() {
      assumeSupported(GetSetting.of(Setting.POWER));
      backend.setUnreachable(true);
      HomeportException failure = failureOf(camera.execute(GetSetting.of(Setting.POWER)));
      assertThat(failure).isInstanceOf(TransportException.class);
      assertThat(failure.retryable()).isTrue();

      backend.setUnreachable(false);
      assertThat(ok(GetSetting.of(Setting.POWER))).isEqualTo(backend.peek(Setting.POWER));
    }

    @Test
    @DisplayName("an answer slower than the request timeout surfaces as a retryable RequestTimeoutException")
    void slowAnswer_surfacesAsRequestTimeoutException() {
      Duration timeout = fixture.requestTimeout();
      backend.setLatency(timeout.multipliedBy(4));
      HomeportException failure =
          failureOf(camera.execute(new GetCameraInfo()), WAIT.plus(timeout.multipliedBy(4)));
      assertThat(failure).isInstanceOf(RequestTimeoutException.class);
      assertThat(failure.retryable()).isTrue();

      backend.setLatency(Duration.ZERO);
      assertThat(await(camera.execute(new GetCameraInfo()), WAIT.plus(timeout.multipliedBy(4)), "after time-out"))
          .isNotNull();
    }

    @Test
    @DisplayName("an answer slower than usual but within the request timeout still arrives")
    void slowAnswerWithinTimeout_arrives() {
      assumeSupported(GetSetting.of(Setting.RESOLUTION));
      backend.setLatency(fixture.requestTimeout().dividedBy(5));
      assertThat(ok(GetSetting.of(Setting.RESOLUTION))).isEqualTo(backend.peek(Setting.RESOLUTION));
    }

    @Test
    @DisplayName("every failure is a HomeportException (nothing else leaks)")
    void failures_areHomeportExceptions() {
      backend.failNext(fixture.refusalExample());
      assertThat(failureOf(camera.execute(new GetCameraInfo()))).isInstanceOf(HomeportException.class);
      backend.setUnreachable(true);
      assertThat(failureOf(camera.execute(new GetCameraInfo()))).isInstanceOf(HomeportException.class);
    }
  }

  @Nested
  @DisplayName("close")
  class Close {

    @Test
    @DisplayName("after close, commands fail with ClosedException")
    void afterClose_commandsFailWithClosedException() {
      camera.close();
      assertThat(failureOf(camera.execute(new GetCameraInfo()))).isInstanceOf(ClosedException.class);
      assertThat(failureOf(camera.executeAll(List.of(new GetPosition())))).isInstanceOf(ClosedException.class);
    }

    @Test
    @DisplayName("close is idempotent")
    void close_isIdempotent() {
      camera.close();
      camera.close();
      assertThat(failureOf(camera.execute(new Stop()))).isInstanceOf(ClosedException.class);
    }

    @Test
    @DisplayName("a command pending at close fails with ClosedException")
    void pendingAtClose_failsWithClosedException() {
      backend.setLatency(fixture.requestTimeout().multipliedBy(4));
      CompletableFuture<CameraInfo> pending = camera.execute(new GetCameraInfo());
      camera.close();
      assertThat(failureOf(pending)).isInstanceOf(ClosedException.class);
    }
  }

  @Nested
  @DisplayName("concurrency")
  class Concurrency {

    @Test
    @DisplayName("50 commands sent at once from 5 threads each get their own answer")
    void fiftyCommandsFromFiveThreads_eachGetTheirOwnAnswer() throws Exception {
      List<CameraCommand<?>> commands = new ArrayList<>();
      List<Setting<?>> readable = new ArrayList<>(Setting.all());
      readable.remove(Setting.CLOCK);
      readable.removeIf(setting -> !camera.capabilities().supports(GetSetting.of(setting)));
      List<CameraCommand<?>> others = new ArrayList<>(List.of(new GetPosition(), new ListPresets(), new GetCameraInfo()));
      others.removeIf(command -> !camera.capabilities().supports(command));
      for (int i = 0; i < 50; i++) {
        if (i % 5 == 4 || readable.isEmpty()) {
          commands.add(others.get(i % others.size()));
        } else {
          commands.add(GetSetting.of(readable.get(i % readable.size())));
        }
      }
      List<Object> expected = new ArrayList<>();
      for (CameraCommand<?> command : commands) {
        expected.add(truth(command));
      }
      List<CompletableFuture<?>> futures = new ArrayList<>(java.util.Collections.nCopies(commands.size(), null));
      ExecutorService threads = Executors.newFixedThreadPool(5);
      java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
      try {
        List<Future<?>> senders = new ArrayList<>();
        for (int t = 0; t < 5; t++) {
          int thread = t;
          senders.add(
              threads.submit(
                  () -> {
                    start.await();
                    for (int i = thread; i < commands.size(); i += 5) {
                      CompletableFuture<?> future = camera.execute(commands.get(i));
                      synchronized (futures) {
                        futures.set(i, future);
                      }
                    }
                    return null;
                  }));
        }
        start.countDown();
        for (Future<?> sender : senders) {
          sender.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        }
      } finally {
        threads.shutdownNow();
        assertThat(threads.awaitTermination(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
      }
      for (int i = 0; i < commands.size(); i++) {
        CompletableFuture<?> future;
        synchronized (futures) {
          future = futures.get(i);
        }
        assertThat(await(future, WAIT, commands.get(i))).as("answer to %s", commands.get(i))
            .isEqualTo(expected.get(i));
      }
    }

    @Test
    @DisplayName("commands from several threads at once all complete correctly")
    void commandsFromSeveralThreads_allCompleteCorrectly() throws Exception {
      List<Setting<Boolean>> owned =
          List.of(Setting.RECORD_AUDIO, Setting.BABY_CRY_DETECTION, Setting.PERSON_DETECTION,
              Setting.SOUND_DETECTION, Setting.DO_NOT_DISTURB);
      for (Setting<Boolean> setting : owned) {
        assumeSupported(GetSetting.of(setting), SetSetting.of(setting, true));
      }
      ExecutorService threads = Executors.newFixedThreadPool(owned.size());
      try {
        List<Future<Boolean>> results = new ArrayList<>();
        for (Setting<Boolean> setting : owned) {
          results.add(
              threads.submit(
                  () -> {
                    boolean value = false;
                    for (int i = 0; i < 5; i++) {
                      value = i % 2 == 0;
                      ok(SetSetting.of(setting, value));
                      assertThat(ok(GetSetting.of(setting))).as("%s read by its own thread", setting).isEqualTo(value);
                    }
                    return value;
                  }));
        }
        for (int i = 0; i < owned.size(); i++) {
          boolean last = results.get(i).get(WAIT.toMillis() * 2, TimeUnit.MILLISECONDS);
          assertThat(backend.peek(owned.get(i))).as("%s", owned.get(i)).isEqualTo(last);
        }
      } finally {
        threads.shutdownNow();
        assertThat(threads.awaitTermination(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
      }
    }
  }
}
