package dev.homeport.ports.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeport.domain.camera.CameraCommand;
import dev.homeport.domain.camera.Direction;
import dev.homeport.domain.camera.GetCameraInfo;
import dev.homeport.domain.camera.GetSetting;
import dev.homeport.domain.camera.GoToPreset;
import dev.homeport.domain.camera.Move;
import dev.homeport.domain.camera.SetSetting;
import dev.homeport.domain.camera.Setting;
import dev.homeport.domain.camera.Sensitivity;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CameraCapabilitiesTest {

  @Test
  void all_supportsEveryCommandTypeAndEverySetting() {
    CameraCapabilities all = CameraCapabilities.all();
    assertThat(all.commandTypes()).containsExactlyInAnyOrder(castTypes(CameraCommand.class.getPermittedSubclasses()));
    assertThat(all.settings()).containsExactlyInAnyOrderElementsOf(Setting.all());
    for (Setting<?> setting : Setting.all()) {
      assertThat(all.supports(GetSetting.of(setting))).as("get %s", setting).isTrue();
    }
    assertThat(all.supports(new Move(Direction.LEFT, 3))).isTrue();
  }

  @Test
  void commandTypeMissing_isUnsupported() {
    CameraCapabilities noPtz =
        ImmutableCameraCapabilities.builder().addCommandTypes(GetCameraInfo.class).build();
    assertThat(noPtz.supports(new GetCameraInfo())).isTrue();
    assertThat(noPtz.supports(new GoToPreset(1))).isFalse();
    assertThat(noPtz.supports(new Move(Direction.UP, 1))).isFalse();
  }

  @Test
  void settingMissing_makesItsGetAndSetUnsupported_evenWhenTheCommandTypesAreSupported() {
    CameraCapabilities motionOnly =
        CameraCapabilities.of(Set.of(GetSetting.class, SetSetting.class), Set.of(Setting.MOTION_DETECTION));
    assertThat(motionOnly.supports(GetSetting.of(Setting.MOTION_DETECTION))).isTrue();
    assertThat(motionOnly.supports(SetSetting.of(Setting.MOTION_DETECTION, false))).isTrue();
    assertThat(motionOnly.supports(GetSetting.of(Setting.SOUND_SENSITIVITY))).isFalse();
    assertThat(motionOnly.supports(SetSetting.of(Setting.SOUND_SENSITIVITY, Sensitivity.LOW))).isFalse();
  }

  @Test
  void ofWithANonCommandClass_isRefusedNamingTheClass() {
    assertThatThrownBy(() -> CameraCapabilities.of(Set.of(String.class), Set.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("command types must implement CameraCommand, was java.lang.String");
  }

  @SuppressWarnings("unchecked")
  private static Class<? extends CameraCommand<?>>[] castTypes(Class<?>[] types) {
    return Arrays.copyOf(types, types.length, Class[].class);
  }
}
