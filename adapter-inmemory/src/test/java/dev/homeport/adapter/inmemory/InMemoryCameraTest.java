package dev.homeport.adapter.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeport.domain.FieldMap;
import dev.homeport.domain.camera.CameraCommand;
import dev.homeport.domain.camera.Direction;
import dev.homeport.domain.camera.FormatSdCard;
import dev.homeport.domain.camera.GetCameraInfo;
import dev.homeport.domain.camera.GetPosition;
import dev.homeport.domain.camera.GetSdCardState;
import dev.homeport.domain.camera.GetSetting;
import dev.homeport.domain.camera.GetThumbnailLink;
import dev.homeport.domain.camera.GetTimeStatus;
import dev.homeport.domain.camera.GetVodState;
import dev.homeport.domain.camera.GoToPreset;
import dev.homeport.domain.camera.ImmutableDetectionEvent;
import dev.homeport.domain.camera.ImmutableSdCardState;
import dev.homeport.domain.camera.ListDetections;
import dev.homeport.domain.camera.ListPresets;
import dev.homeport.domain.camera.Move;
import dev.homeport.domain.camera.Position;
import dev.homeport.domain.camera.Preset;
import dev.homeport.domain.camera.RawCommand;
import dev.homeport.domain.camera.Resolution;
import dev.homeport.domain.camera.SavePreset;
import dev.homeport.domain.camera.SetPosition;
import dev.homeport.domain.camera.SetSetting;
import dev.homeport.domain.camera.Setting;
import dev.homeport.domain.camera.Stop;
import dev.homeport.domain.camera.TimeZoneSetting;
import dev.homeport.ports.AuthenticationException;
import dev.homeport.ports.CameraCommandException;
import dev.homeport.ports.ClosedException;
import dev.homeport.ports.HomeportException;
import dev.homeport.ports.RequestTimeoutException;
import dev.homeport.ports.TransportException;
import dev.homeport.ports.UnsupportedCommandException;
import dev.homeport.ports.camera.BatchResult;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class InMemoryCameraTest {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00.250Z");

  private final MutableClock clock = new MutableClock(NOW);
  private final List<InMemoryCamera> cameras = new ArrayList<>();

  private InMemoryCamera camera() {
    return track(InMemoryCamera.builder().name("porch").clock(clock).build());
  }

  private InMemoryCamera track(InMemoryCamera camera) {
    cameras.add(camera);
    return camera;
  }

  @AfterEach
  void closeCameras() {
    cameras.forEach(InMemoryCamera::close);
  }

  /** Unwraps the HomeportException a failed future carries. */
  private static HomeportException failureOf(CompletableFuture<?> future) {
    assertThat(future).isCompletedExceptionally();
    try {
      future.get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(HomeportException.class);
      return (HomeportException) e.getCause();
    } catch (Exception e) {
      throw new AssertionError("unexpected " + e, e);
    }
    throw new AssertionError("future did not fail");
  }

  private static HomeportException awaitFailure(CompletableFuture<?> future) throws Exception {
    try {
      future.get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(HomeportException.class);
      return (HomeportException) e.getCause();
    }
    throw new AssertionError("future did not fail");
  }

  @Nested
  class State {

    @Test
    void newCamera_answersEverySettingSynchronously() {
      InMemoryCamera camera = camera();
      for (Setting<?> setting : Setting.all()) {
        CompletableFuture<?> answer = camera.execute(GetSetting.of(setting));
        assertThat(answer).as(setting.id()).isCompleted();
        assertThat(answer.join()).as(setting.id()).isInstanceOf(setting.valueType());
      }
    }

    @Test
    void setSetting_isVisibleThroughGetAndPeek() {
      InMemoryCamera camera = camera();
      camera.execute(SetSetting.of(Setting.RESOLUTION, Resolution.P720)).join();

      assertThat(camera.execute(GetSetting.of(Setting.RESOLUTION)).join()).isEqualTo(Resolution.P720);
      assertThat(camera.peek(Setting.RESOLUTION)).isEqualTo(Resolution.P720);
    }

    @Test
    void builderSetting_isTheInitialValue() {
      InMemoryCamera camera =
          track(InMemoryCamera.builder().clock(clock).setting(Setting.STATUS_LED, false).build());

      assertThat(camera.peek(Setting.STATUS_LED)).isFalse();
    }

    @Test
    void clockByDefault_followsInjectedClockToTheSecond() {
      InMemoryCamera camera = camera();

      assertThat(camera.execute(GetSetting.of(Setting.CLOCK)).join())
          .isEqualTo(Instant.parse("2026-03-01T12:00:00Z"));
      clock.advance(Duration.ofSeconds(90));
      assertThat(camera.peek(Setting.CLOCK)).isEqualTo(Instant.parse("2026-03-01T12:01:30Z"));
    }

    @Test
    void clockSet_keepsItsOffsetAsTimePasses() {
      InMemoryCamera camera = camera();
      camera.execute(SetSetting.of(Setting.CLOCK, Instant.parse("2020-01-01T00:00:00Z"))).join();

      clock.advance(Duration.ofMinutes(5));

      assertThat(camera.execute(new GetTimeStatus()).join().time())
          .isEqualTo(Instant.parse("2020-01-01T00:05:00Z"));
    }

    @Test
    void timeStatus_reportsTheTimeZoneSetting() {
      InMemoryCamera camera = camera();
      TimeZoneSetting newYork = new TimeZoneSetting("UTC-05:00", "America/New_York");
      camera.execute(SetSetting.of(Setting.TIME_ZONE, newYork)).join();

      assertThat(camera.execute(new GetTimeStatus()).join().timeZone()).isEqualTo(newYork);
    }

    @Test
    void cameraInfo_defaultsToTheName() {
      assertThat(camera().execute(new GetCameraInfo()).join().alias()).isEqualTo("porch");
    }

    @Test
    void thumbnailLink_isConfigurable() {
      URI link = URI.create("https://example.invalid/thumb.jpg");
      InMemoryCamera camera = track(InMemoryCamera.builder().thumbnailLink(link).build());

      assertThat(camera.execute(new GetThumbnailLink()).join()).isEqualTo(link);
    }

    @Test
    void vodPlayerMarkedOccupied_isReportedOccupied() {
      InMemoryCamera camera = camera();
      camera.setVodOccupied("player-1", true);

      assertThat(camera.execute(new GetVodState("player-1")).join().occupied()).isTrue();
      assertThat(camera.execute(new GetVodState("player-2")).join().occupied()).isFalse();
    }
  }

  @Nested
  class Motion {

    @Test
    void move_changesPositionBySpeedSteps() {
      InMemoryCamera camera =
          track(InMemoryCamera.builder().position(new Position(5000, 5000)).build());

      camera.execute(new Move(Direction.RIGHT, 3)).join();
      camera.execute(new Move(Direction.DOWN, 2)).join();

      assertThat(camera.execute(new GetPosition()).join()).isEqualTo(new Position(5300, 4800));
      assertThat(camera.isMoving()).isTrue();
    }

    @Test
    void moveBeyondTheEdge_stopsAtTheLimit() {
      InMemoryCamera camera =
          track(InMemoryCamera.builder().position(new Position(Position.MAX - 50, 30)).build());

      camera.execute(new Move(Direction.RIGHT, 10)).join();
      camera.execute(new Move(Direction.DOWN, 10)).join();

      assertThat(camera.peekPosition()).isEqualTo(new Position(Position.MAX, 0));
    }

    @Test
    void stop_endsMotionWithoutMoving() {
      InMemoryCamera camera = camera();
      camera.execute(new Move(Direction.LEFT, 1)).join();
      Position before = camera.peekPosition();

      camera.execute(new Stop()).join();

      assertThat(camera.isMoving()).isFalse();
      assertThat(camera.peekPosition()).isEqualTo(before);
    }

    @Test
    void goToPreset_movesToThePresetPosition() {
      InMemoryCamera camera =
          track(InMemoryCamera.builder().preset(2, "Gate", new Position(100, 200)).build());

      camera.execute(new GoToPreset(2)).join();

      assertThat(camera.peekPosition()).isEqualTo(new Position(100, 200));
      assertThat(camera.execute(new ListPresets()).join()).contains(new Preset(2, "Gate"));
    }

    @Test
    void savePreset_storesTheCurrentPositionUnderTheLowestFreeNumber() {
      InMemoryCamera camera = track(InMemoryCamera.builder().noPresets().preset(2, "Gate", new Position(1, 2)).build());
      camera.execute(SetPosition.of(300, 400)).join();

      String token = camera.execute(new SavePreset("Porch")).join();
      String unnamed = camera.execute(new SavePreset()).join();

      assertThat(token).isEqualTo("1");
      assertThat(unnamed).isEqualTo("3");
      assertThat(camera.execute(new ListPresets()).join())
          .containsExactly(new Preset(1, "Porch"), new Preset(2, "Gate"), new Preset(3, ""));
      camera.execute(SetPosition.of(9000, 9000)).join();
      camera.execute(new GoToPreset(token)).join();
      assertThat(camera.peekPosition()).isEqualTo(new Position(300, 400));
    }

    @Test
    void savePreset_whenSixtyFourAreSaved_isRefused() {
      InMemoryCamera camera = track(InMemoryCamera.builder().noPresets().build());
      for (int i = 1; i <= 64; i++) {
        assertThat(camera.execute(new SavePreset()).join()).isEqualTo(Integer.toString(i));
      }

      HomeportException failure = failureOf(camera.execute(new SavePreset("one too many")));

      assertThat(failure).isInstanceOf(CameraCommandException.class).hasMessageContaining("at most 64 presets");
      assertThat(camera.execute(new ListPresets()).join()).hasSize(64);
    }

    @Test
    void goToUnsavedPreset_failsWithCameraCommandException() {
      InMemoryCamera camera = track(InMemoryCamera.builder().noPresets().build());

      HomeportException failure = failureOf(camera.execute(new GoToPreset(1)));

      assertThat(failure).isInstanceOf(CameraCommandException.class);
      assertThat(((CameraCommandException) failure).errorCode()).isEqualTo("-40409");
      assertThat(camera.execute(new ListPresets()).join()).isEmpty();
    }

    @Test
    void setPosition_movesThere() {
      InMemoryCamera camera = camera();

      camera.execute(SetPosition.of(1, 9999)).join();

      assertThat(camera.peekPosition()).isEqualTo(new Position(1, 9999));
    }
  }

  @Nested
  class Recordings {

    private ImmutableDetectionEvent detection(String start, String kind) {
      return ImmutableDetectionEvent.builder().start(Instant.parse(start)).kind(kind).build();
    }

    @Test
    void listDetections_returnsThoseStartingInTheWindow() {
      InMemoryCamera camera = camera();
      camera.addDetection(detection("2026-03-01T10:00:00Z", "motion"));
      camera.addDetection(detection("2026-03-01T11:00:00Z", "person"));
      camera.addDetection(detection("2026-03-01T12:00:00Z", "sound"));

      var found =
          camera
              .execute(new ListDetections(Instant.parse("2026-03-01T10:00:00Z"), Instant.parse("2026-03-01T12:00:00Z")))
              .join();

      assertThat(found).extracting(event -> event.kind().orElseThrow()).containsExactly("motion", "person");
    }

    @Test
    void formatSdCard_erasesDetectionsAndFreesSpace() {
      InMemoryCamera camera = camera();
      camera.addDetection(detection("2026-03-01T10:00:00Z", "motion"));

      camera.execute(new FormatSdCard()).join();

      assertThat(camera.detections()).isEmpty();
      var card = camera.execute(new GetSdCardState()).join();
      assertThat(card.freeBytes()).isEqualTo(card.totalBytes());
    }

    @Test
    void formatMissingSdCard_failsAndKeepsDetections() {
      InMemoryCamera camera = camera();
      camera.addDetection(detection("2026-03-01T10:00:00Z", "motion"));
      camera.setSdCardState(ImmutableSdCardState.builder().status("absent").build());

      assertThat(failureOf(camera.execute(new FormatSdCard()))).isInstanceOf(CameraCommandException.class);
      assertThat(camera.detections()).hasSize(1);
    }
  }

  @Nested
  class RawCommands {

    @Test
    void unknownRawCommand_failsWithUnsupportedCommandException() {
      HomeportException failure = failureOf(camera().execute(RawCommand.of("audio.get_mic_config")));

      assertThat(failure).isInstanceOf(UnsupportedCommandException.class).hasMessageContaining("audio.get_mic_config");
    }

    @Test
    void registeredRawCommand_isAnsweredByItsHandler() {
      InMemoryCamera camera = camera();
      camera.onRaw("audio.get_mic_config", params -> FieldMap.of("volume", 42L, "echo", params.get("x").orElse(null)));

      FieldMap answer =
          camera.execute(new RawCommand("audio.get_mic_config", FieldMap.of("x", "y"))).join();

      assertThat(answer.get("volume")).contains(42L);
      assertThat(answer.get("echo")).contains("y");
    }

    @Test
    void handlerRejectingParameters_failsWithParameterError() {
      InMemoryCamera camera = camera();
      camera.onRaw("audio.set_mic_config", params -> {
        throw new IllegalArgumentException("volume must be 0..100");
      });

      HomeportException failure = failureOf(camera.execute(RawCommand.of("audio.set_mic_config")));

      assertThat(failure).isInstanceOf(CameraCommandException.class);
      assertThat(((CameraCommandException) failure).errorCode()).isEqualTo("-40409");
      assertThat(((CameraCommandException) failure).remoteMessage()).isEqualTo("volume must be 0..100");
    }
  }

  @Nested
  class Capabilities {

    @Test
    void commandOutsideCapabilities_failsWithUnsupportedCommandException() {
      InMemoryCamera camera =
          track(InMemoryCamera.builder().withoutCommands(Move.class).withoutSettings(Setting.PATROL).build());

      assertThat(camera.capabilities().commandTypes()).doesNotContain(Move.class).contains(Stop.class);
      assertThat(camera.capabilities().settings()).doesNotContain(Setting.PATROL).contains(Setting.POWER);
      assertThat(failureOf(camera.execute(new Move(Direction.UP, 1)))).isInstanceOf(UnsupportedCommandException.class);
      assertThat(failureOf(camera.execute(GetSetting.of(Setting.PATROL))))
          .isInstanceOf(UnsupportedCommandException.class)
          .hasMessageContaining("patrol");
      assertThat(failureOf(camera.execute(SetSetting.of(Setting.PATROL, true))))
          .isInstanceOf(UnsupportedCommandException.class);
      assertThat(camera.execute(GetSetting.of(Setting.POWER)).join()).isTrue();
    }
  }

  @Nested
  class Faults {

    @Test
    void failNext_failsOnlyTheNextMatchingCommandOnce() {
      InMemoryCamera camera = camera();
      CameraCommandException refused = new CameraCommandException("m.set_is_enable", "-40602", "busy", true);
      camera.failNext(command -> command instanceof SetSetting, refused);

      assertThat(camera.execute(GetSetting.of(Setting.POWER)).join()).isTrue();
      assertThat(failureOf(camera.execute(SetSetting.of(Setting.POWER, false)))).isSameAs(refused);
      assertThat(camera.peek(Setting.POWER)).as("a failed command has no effect").isTrue();
      camera.execute(SetSetting.of(Setting.POWER, false)).join();
      assertThat(camera.peek(Setting.POWER)).isFalse();
      assertThat(camera.armedFaultCount()).isZero();
    }

    @Test
    void severalArmedFaults_triggerInTheOrderArmed() {
      InMemoryCamera camera = camera();
      CameraCommandException first = new CameraCommandException("m.a", "-1", "first", false);
      CameraCommandException second = new CameraCommandException("m.b", "-1", "second", false);
      camera.failNext(first);
      camera.failNext(second);

      assertThat(failureOf(camera.execute(new GetPosition()))).isSameAs(first);
      assertThat(failureOf(camera.execute(new GetPosition()))).isSameAs(second);
      assertThat(camera.execute(new GetPosition())).isCompleted();
    }

    @Test
    void unreachable_failsWithRetryableTransportExceptionUntilReachableAgain() {
      InMemoryCamera camera = camera();
      camera.setUnreachable(true);

      HomeportException failure = failureOf(camera.execute(new GetPosition()));
      assertThat(failure).isExactlyInstanceOf(TransportException.class);
      assertThat(failure.retryable()).isTrue();
      assertThat(camera.executedCommands()).isEmpty();

      camera.setUnreachable(false);
      assertThat(camera.execute(new GetPosition())).isCompleted();
    }

    @Test
    void rejectedCredentials_failWithAuthenticationException() {
      InMemoryCamera camera = camera();
      camera.rejectCredentials(true);

      HomeportException failure = failureOf(camera.execute(new GetCameraInfo()));

      assertThat(failure).isInstanceOf(AuthenticationException.class);
      assertThat(failure.retryable()).isFalse();
      camera.rejectCredentials(false);
      assertThat(camera.execute(new GetCameraInfo())).isCompleted();
    }

    @Test
    void closedCamera_failsWithClosedExceptionButStaysPeekable() {
      InMemoryCamera camera = camera();
      camera.execute(SetSetting.of(Setting.PATROL, true)).join();
      camera.close();
      camera.close();

      assertThat(failureOf(camera.execute(new GetPosition()))).isInstanceOf(ClosedException.class);
      assertThat(failureOf(camera.executeAll(List.of(new GetPosition())))).isInstanceOf(ClosedException.class);
      assertThat(camera.peek(Setting.PATROL)).isTrue();
      assertThat(camera.isClosed()).isTrue();
    }

    @Test
    void executedCommands_listsWhatTheCameraProcessed() {
      InMemoryCamera camera = camera();
      camera.failNext(new CameraCommandException("m.x", "-40409", "bad", false));
      camera.execute(new GetPosition());
      camera.execute(new Stop());
      camera.setUnreachable(true);
      camera.execute(new GetCameraInfo());

      assertThat(camera.executedCommands()).containsExactly(new GetPosition(), new Stop());
      camera.clearExecutedCommands();
      assertThat(camera.executedCommands()).isEmpty();
    }
  }

  @Nested
  class Latency {

    @Test
    void latency_completesTheAnswerLaterWithTheEffectAppliedAtOnce() throws Exception {
      InMemoryCamera camera = camera();
      camera.setLatency(Duration.ofMillis(20));

      CompletableFuture<Void> answer = camera.execute(SetSetting.of(Setting.PATROL, true));

      assertThat(camera.peek(Setting.PATROL)).isTrue();
      assertThat(answer.get(10, TimeUnit.SECONDS)).isNull();
    }

    @Test
    void latencyBeyondRequestTimeout_failsWithRequestTimeoutException() throws Exception {
      InMemoryCamera camera =
          track(InMemoryCamera.builder().requestTimeout(Duration.ofMillis(30)).latency(Duration.ofHours(1)).build());

      HomeportException failure = awaitFailure(camera.execute(new GetPosition()));

      assertThat(failure).isInstanceOf(RequestTimeoutException.class);
      assertThat(failure.retryable()).isTrue();
    }

    @Test
    void latencyWithinRequestTimeout_answers() throws Exception {
      InMemoryCamera camera =
          track(InMemoryCamera.builder().requestTimeout(Duration.ofMinutes(1)).latency(Duration.ofMillis(10)).build());

      assertThat(camera.execute(new GetPosition()).get(10, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void closeWhileAnswerPending_failsItWithClosedException() throws Exception {
      InMemoryCamera camera = camera();
      camera.setLatency(Duration.ofHours(1));
      CompletableFuture<Position> answer = camera.execute(new GetPosition());

      camera.close();

      assertThat(awaitFailure(answer)).isInstanceOf(ClosedException.class);
    }

    @Test
    void failuresToo_areDelayed() throws Exception {
      InMemoryCamera camera =
          track(InMemoryCamera.builder().requestTimeout(Duration.ofMillis(30)).latency(Duration.ofHours(1)).build());
      camera.setUnreachable(true);

      assertThat(awaitFailure(camera.execute(new GetPosition()))).isInstanceOf(RequestTimeoutException.class);
    }

    @Test
    void batchWithLatency_answersOnceWithEveryOutcome() throws Exception {
      InMemoryCamera camera = camera();
      camera.setLatency(Duration.ofMillis(10));

      BatchResult result =
          camera.executeAll(List.of(new Stop(), new GetPosition())).get(10, TimeUnit.SECONDS);

      assertThat(result.allSucceeded()).isTrue();
      assertThat(result.size()).isEqualTo(2);
    }

    @Test
    void negativeLatency_isRefusedNamingTheField() {
      assertThatThrownBy(() -> camera().setLatency(Duration.ofMillis(-1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("latency");
    }
  }

  @Nested
  class Batches {

    @Test
    void batch_reportsEachOutcomeInOrder() {
      InMemoryCamera camera = camera();
      camera.failNext(c -> c instanceof GetPosition, new CameraCommandException("ptz.get_position", "-40602", "busy", true));

      BatchResult result =
          camera
              .executeAll(List.of(SetSetting.of(Setting.PATROL, true), new GetPosition(), GetSetting.of(Setting.PATROL)))
              .join();

      assertThat(result.allSucceeded()).isFalse();
      assertThat(result.get(0).succeeded()).isTrue();
      assertThat(result.get(1).failure()).containsInstanceOf(CameraCommandException.class);
      assertThat((Object) result.get(2).value().orElseThrow()).isEqualTo(Boolean.TRUE);
    }

    @Test
    void armedTransportFault_failsTheWholeBatchAndConsumesOnlyItself() {
      InMemoryCamera camera = camera();
      CameraCommandException refused = new CameraCommandException("m.x", "-40409", "bad", false);
      camera.failNext(c -> c instanceof GetPosition, refused);
      camera.failNext(c -> c instanceof Stop, new TransportException("dropped", null));

      HomeportException failure =
          failureOf(camera.executeAll(List.of(SetSetting.of(Setting.PATROL, true), new GetPosition(), new Stop())));

      assertThat(failure).isExactlyInstanceOf(TransportException.class);
      assertThat(camera.peek(Setting.PATROL)).as("nothing of the batch applied").isFalse();
      assertThat(camera.executedCommands()).isEmpty();
      assertThat(failureOf(camera.execute(new GetPosition()))).isSameAs(refused);
    }

    @Test
    void emptyBatch_isRefusedBeforeAnything() {
      assertThatThrownBy(() -> camera().executeAll(List.of()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("commands");
    }

    @Test
    void batchWithNull_isRefusedNamingTheIndex() {
      List<CameraCommand<?>> commands = new ArrayList<>();
      commands.add(new Stop());
      commands.add(null);

      assertThatThrownBy(() -> camera().executeAll(commands))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("commands[1]");
    }

    @Test
    void unreachableCamera_failsTheWholeBatch() {
      InMemoryCamera camera = camera();
      camera.setUnreachable(true);

      assertThat(failureOf(camera.executeAll(List.of(new Stop())))).isInstanceOf(TransportException.class);
    }
  }

  @Nested
  class Concurrency {

    @Test
    void commandsFromManyThreads_areAllProcessed() throws Exception {
      InMemoryCamera camera = camera();
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
          done.add(pool.submit(() -> {
            for (int i = 0; i < 250; i++) {
              camera.execute(new Move(Direction.RIGHT, 1)).join();
              camera.failNext(c -> false, new TransportException("never", null));
            }
          }));
        }
        for (Future<?> future : done) {
          future.get(10, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }

      assertThat(camera.executedCommands()).hasSize(1000);
      assertThat(camera.armedFaultCount()).isEqualTo(1000);
      assertThat(camera.peekPosition().x()).isEqualTo(Position.MAX);
    }
  }

  /** A clock tests move by hand. */
  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
