package dev.homeport.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.domain.camera.GetSetting;
import dev.homeport.domain.camera.SetSetting;
import dev.homeport.domain.camera.Setting;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The camera contract on settings: every setting reads the backend's value and every written value reaches the
 * backend and reads back.
 *
 * <p>One concern of {@link CameraContract}, which runs it as a {@code @Nested} group; each test
 * gets a fresh camera and backend from the fixture through {@link CameraContractSupport}.
 */
public interface SettingsContract extends CameraContractSupport {

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.homeport.testkit.CameraContractSupport#settings")
  @DisplayName("each setting reads the backend's value and every written value reaches the backend and reads back")
  default void setting_readsAndWritesRoundTrip(Setting<?> setting) {
    roundTrip(setting);
  }

  private <T> void roundTrip(Setting<T> setting) {
    assumeSupported(GetSetting.of(setting));
    T initial = backend().peek(setting);
    assertSettingValue(setting, ok(GetSetting.of(setting)), initial, "initial read");
    for (T value : valuesToWrite(setting, initial)) {
      assumeSupported(SetSetting.of(setting, value));
      assertThat(ok(SetSetting.of(setting, value))).as("result of SetSetting").isNull();
      assertSettingValue(setting, backend().peek(setting), value, "backend value after writing " + value);
      assertSettingValue(setting, ok(GetSetting.of(setting)), value, "read after writing " + value);
    }
  }

  @Test
  @DisplayName("every one of the 19 settings is covered")
  default void allSettings_areNineteen() {
    assertThat(Setting.all()).hasSize(19);
  }

  @Test
  @DisplayName("a setting changed on the camera's side is what the next read reports")
  default void settingChangedOnTheBackend_isReadBack() {
    assumeSupported(GetSetting.of(Setting.MOTION_DETECTION));
    boolean before = ok(GetSetting.of(Setting.MOTION_DETECTION));
    truth(SetSetting.of(Setting.MOTION_DETECTION, !before));
    assertThat(ok(GetSetting.of(Setting.MOTION_DETECTION))).isEqualTo(!before);
  }
}
