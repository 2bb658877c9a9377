package dev.homeport.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.adapter.inmemory.InMemoryCamera;
import dev.homeport.domain.camera.CameraCommand;
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
import dev.homeport.domain.camera.ListDetections;
import dev.homeport.domain.camera.ListPresets;
import dev.homeport.domain.camera.Move;
import dev.homeport.domain.camera.RawCommand;
import dev.homeport.domain.camera.SavePreset;
import dev.homeport.domain.camera.SetPosition;
import dev.homeport.domain.camera.SetSetting;
import dev.homeport.domain.camera.Setting;
import dev.homeport.domain.camera.Stop;
import dev.homeport.domain.camera.TimeZoneSetting;
import dev.homeport.domain.camera.TriggerTime;
import dev.homeport.ports.HomeportException;
import dev.homeport.ports.camera.Camera;
import dev.homeport.ports.camera.CommandOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * What every concern of the camera contract ({@link SettingsContract}, {@link ActionsContract},
 * ...) stands on: the camera under test and its in-memory backend for the current test, and the
 * bounded helpers the tests share. {@link CameraContract} implements it for each of its {@code
 * @Nested} groups from the fixture it opens before every test; a suite of your own can compose
 * the concern interfaces the same way. Every wait is bounded by {@link #WAIT}; nothing sleeps.
 */
public interface CameraContractSupport {

  /** The bound of every wait for an answer that should come promptly. */
  Duration WAIT = Duration.ofSeconds(10);

  /** A fixed instant the tests build detection windows around. */
  Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  /** The camera under test, fresh for this test. */
  Camera camera();

  /** The in-memory state behind it. */
  InMemoryCamera backend();

  /** The fixture that made them (its request timeout, its brand's examples). */
  CameraFixture fixture();

  /** See {@link CameraContract#knownRawQuery()}. */
  Optional<RawCommand> knownRawQuery();

  /** Executes {@code command} and returns its result, failing the test on failure or after {@link #WAIT}. */
  default <R> R ok(CameraCommand<R> command) {
    return await(camera().execute(command), WAIT, command);
  }

  /** Executes {@code command} on the backend directly: what the camera under test should report. */
  default <R> R truth(CameraCommand<R> command) {
    return await(backend().execute(command), WAIT, command);
  }

  /** Waits (bounded) for {@code future} and returns its value, failing the test on failure or time-out. */
  default <R> R await(CompletableFuture<R> future, Duration bound, Object what) {
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
  default HomeportException failureOf(CompletableFuture<?> future, Duration bound) {
    return CameraContract.failureOf(future, bound);
  }

  /** {@link #failureOf(CompletableFuture, Duration)} with {@link #WAIT}. */
  default HomeportException failureOf(CompletableFuture<?> future) {
    return CameraContract.failureOf(future, WAIT);
  }

  /** Every setting, for parameterized tests ({@code @MethodSource("dev.homeport.testkit.CameraContractSupport#settings")}). */
  static Stream<Setting<?>> settings() {
    return Setting.all().stream();
  }

  /** The values to write to {@code setting}, each different from the one before, starting from {@code current}. */
  default <T> List<T> valuesToWrite(Setting<T> setting, T current) {
    Class<T> type = setting.valueType();
    List<Object> values = new ArrayList<>();
    if (type == Boolean.class) {
      values.add(!(Boolean) current);
      values.add(current);
    } else if (type == dev.homeport.domain.camera.Resolution.class) {
      // the firmware labels; the in-memory camera keeps any string, a real one its own list
      dev.homeport.domain.camera.Resolution hd = dev.homeport.domain.camera.Resolution.HD1080;
      dev.homeport.domain.camera.Resolution hd720 = dev.homeport.domain.camera.Resolution.HD720;
      values.add(hd.equals(current) ? hd720 : hd);
      values.add(hd.equals(current) ? hd : hd720);
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
  default <T> void assertSettingValue(Setting<T> setting, T actual, T expected, String where) {
    if (setting == Setting.CLOCK) {
      Instant time = (Instant) actual;
      Instant written = (Instant) expected;
      assertThat(time).as("%s of %s", where, setting).isBetween(written.minusSeconds(1), written.plusSeconds(60));
    } else {
      assertThat(actual).as("%s of %s", where, setting).isEqualTo(expected);
    }
  }

  /** Aborts the test visibly unless the camera claims every one of {@code commands}. */
  default void assumeSupported(CameraCommand<?>... commands) {
    for (CameraCommand<?> command : commands) {
      if (!camera().capabilities().supports(command)) {
        Assumptions.abort("the camera does not support " + command + " (see capabilities())");
      }
    }
  }

  /** One command of every type (raw commands aside), valid and harmless on a default backend. */
  default List<CameraCommand<?>> oneOfEveryType() {
    return List.of(
        new GetCameraInfo(),
        GetSetting.of(Setting.STATUS_LED),
        SetSetting.of(Setting.STATUS_LED, Boolean.TRUE),
        new GoToPreset(1),
        new SavePreset("Contract"),
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
  default Object valueOf(CommandOutcome<?> outcome) {
    return outcome.value().orElse(null);
  }

  /** How many commands have reached the backend so far. */
  default int executedCount() {
    return backend().executedCommands().size();
  }
}
