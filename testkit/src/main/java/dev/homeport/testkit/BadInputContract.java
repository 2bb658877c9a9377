package dev.homeport.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeport.domain.camera.Direction;
import dev.homeport.domain.camera.GetVodState;
import dev.homeport.domain.camera.GoToPreset;
import dev.homeport.domain.camera.ListDetections;
import dev.homeport.domain.camera.Move;
import dev.homeport.domain.camera.RawCommand;
import dev.homeport.domain.camera.SavePreset;
import dev.homeport.domain.camera.SetPosition;
import dev.homeport.domain.camera.SetSetting;
import dev.homeport.domain.camera.Setting;
import dev.homeport.domain.camera.Stop;
import dev.homeport.domain.camera.TriggerTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The camera contract on bad input: invalid values refused when the command is built, before any I/O (the running
 * {@code CameraContract} also checks that nothing reached the backend).
 *
 * <p>One concern of {@link CameraContract}, which runs it as a {@code @Nested} group; each test
 * gets a fresh camera and backend from the fixture through {@link CameraContractSupport}.
 */
public interface BadInputContract extends CameraContractSupport {


  @Test
  @DisplayName("a blank preset token is refused when the command is built, naming field and rule")
  default void blankPreset_refusedBeforeIo() {
    assertThatThrownBy(() -> camera().execute(new GoToPreset(" ")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("preset must be 1..64 characters, not blank");
  }

  @Test
  @DisplayName("a blank preset name is refused when the command is built, naming field and rule")
  default void blankPresetName_refusedBeforeIo() {
    int before = executedCount();
    assertThatThrownBy(() -> camera().execute(new SavePreset(" ")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("preset name must be empty or 1..64 characters, not blank");
    assertThat(executedCount()).isEqualTo(before);
  }

  @Test
  @DisplayName("speed 11 is refused when the command is built, naming field and range")
  default void speedEleven_refusedBeforeIo() {
    assertThatThrownBy(() -> camera().execute(new Move(Direction.LEFT, 11)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("speed must be 1..10, was 11");
  }

  @Test
  @DisplayName("a detection window whose start is not before its end is refused when built")
  default void emptyWindow_refusedBeforeIo() {
    assertThatThrownBy(() -> camera().execute(new ListDetections(T0, T0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("start must be before end");
    assertThatThrownBy(() -> camera().execute(new ListDetections(T0.plusSeconds(1), T0)))
        .hasMessageStartingWith("start must be before end");
  }

  @Test
  @DisplayName("blank aliases, blank resolutions, blank players and bad raw names are refused when built")
  default void otherInvalidValues_refusedBeforeIo() {
    assertThatThrownBy(() -> camera().execute(new dev.homeport.domain.camera.Rename(" ")))
        .hasMessageStartingWith("alias must be non-blank");
    assertThatThrownBy(() -> camera().execute(SetSetting.of(Setting.RESOLUTION,
            dev.homeport.domain.camera.Resolution.parse(" "))))
        .hasMessageStartingWith("resolution must be one of");
    assertThatThrownBy(() -> camera().execute(new GetVodState(" "))).hasMessageStartingWith("playerId must be");
    assertThatThrownBy(() -> camera().execute(RawCommand.of("bad operation")))
        .hasMessageStartingWith("operation must be");
    assertThatThrownBy(() -> camera().execute(SetSetting.of(Setting.MOTION_TRIGGER_TIME, TriggerTime.ofMillis(600_001, 0))))
        .hasMessageStartingWith("trigger time day must be 0..600000 ms");
  }

  @Test
  @DisplayName("a setting value of the wrong type is refused when built")
  @SuppressWarnings({"unchecked", "rawtypes"})
  default void wrongSettingType_refusedBeforeIo() {
    Setting raw = Setting.RESOLUTION;
    assertThatThrownBy(() -> camera().execute(new SetSetting(raw, "1920x1080")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("resolution takes a Resolution");
  }

  @Test
  @DisplayName("a null command is refused synchronously")
  default void nullCommand_refusedSynchronously() {
    assertThatThrownBy(() -> camera().execute(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  @DisplayName("an empty batch or a batch with a null command is refused synchronously")
  default void badBatch_refusedSynchronously() {
    assertThatThrownBy(() -> camera().executeAll(List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> camera().executeAll(Arrays.asList(new Stop(), null)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
