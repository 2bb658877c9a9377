package dev.homeport.domain.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingTest {

  @Test
  void all_listsTheNineteenSettingsInTheDocumentedOrder() {
    assertThat(Setting.all().stream().map(Setting::id).collect(Collectors.toList()))
        .containsExactly(
            "power", "record-video", "record-audio", "motion-detection", "motion-sensitivity",
            "motion-trigger-time", "baby-cry-detection", "person-detection", "sound-detection",
            "sound-sensitivity", "motion-tracking", "patrol", "resolution", "rotation",
            "night-vision", "status-led", "do-not-disturb", "time", "time-zone");
  }

  @Test
  void everySetting_hasGeneratorsForItsValueType_andRoundTripsASample() {
    for (Setting<?> setting : Setting.all()) {
      assertSampleRoundTrips(setting);
    }
  }

  private static <T> void assertSampleRoundTrips(Setting<T> setting) {
    Arbitrary<T> values = SettingValues.valuesOf(setting);
    List<T> samples = values.sampleStream().limit(20).collect(Collectors.toList());
    for (T value : samples) {
      assertThat(setting.parse(setting.format(value))).as("%s", setting).isEqualTo(value);
    }
  }

  @Test
  void byId_findsEverySettingByItsId() {
    for (Setting<?> setting : Setting.all()) {
      assertThat(Setting.byId(setting.id())).isSameAs(setting);
      assertThat(Setting.find(setting.id())).containsSame(setting);
    }
  }

  @Test
  void byIdOfUnknownSetting_namesEveryKnownId() {
    assertThatThrownBy(() -> Setting.byId("volume"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("setting must be one of power, record-video,")
        .hasMessageEndingWith("time, time-zone, was volume");
    assertThat(Setting.find("volume")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "power, maybe, 'power must be on, off, was \"maybe\"'",
    "motion-sensitivity, loud, 'motion-sensitivity must be low, medium, high, was \"loud\"'",
    "resolution, 'x y', 'resolution must be 1080P, 720P, 360P, 2560x1440, 1920x1080, 1280x720 or another camera label, was \"x y\"'",
    "rotation, 90, 'rotation must be 0, 180, was \"90\"'",
    "motion-trigger-time, 5, 'motion-trigger-time must be DAY_MS/NIGHT_MS, each 0..600000, was \"5\"'",
    "time, yesterday, 'time must be epoch seconds or an ISO-8601 instant'",
    "time-zone, Paris, 'time-zone must be UTC-05:00/America/New_York, was \"Paris\"'",
  })
  void parseOfBadText_namesTheSettingAndTheAllowedValues(String id, String text, String expectedStart) {
    assertThatThrownBy(() -> Setting.byId(id).parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(expectedStart);
  }

  @Test
  void parse_acceptsTheCommonSpellingsOfOnAndOff() {
    for (String on : List.of("on", "ON", "true", "yes", "1", " on ")) {
      assertThat(Setting.POWER.parse(on)).as(on).isTrue();
    }
    for (String off : List.of("off", "false", "no", "0")) {
      assertThat(Setting.POWER.parse(off)).as(off).isFalse();
    }
  }

  @Test
  void format_writesTheDocumentedTextForms() {
    assertThat(Setting.POWER.format(true)).isEqualTo("on");
    assertThat(Setting.MOTION_SENSITIVITY.format(Sensitivity.HIGH)).isEqualTo("high");
    assertThat(Setting.MOTION_TRIGGER_TIME.format(TriggerTime.ofMillis(1000, 2000))).isEqualTo("1000/2000");
    assertThat(Setting.RESOLUTION.format(Resolution.P720)).isEqualTo("1280x720");
    assertThat(Setting.ROTATION.format(Rotation.UPSIDE_DOWN)).isEqualTo("180");
    assertThat(Setting.CLOCK.format(Instant.ofEpochSecond(1_700_000_000L))).isEqualTo("1700000000");
    assertThat(Setting.TIME_ZONE.format(new TimeZoneSetting("UTC+01:00", "Europe/Paris")))
        .isEqualTo("UTC+01:00/Europe/Paris");
  }

  @Test
  void clock_parsesAnIsoInstantToo() {
    assertThat(Setting.CLOCK.parse("2026-01-01T12:00:00Z")).isEqualTo(Instant.parse("2026-01-01T12:00:00Z"));
  }

  @Test
  void validateOfWrongTypeOrNull_namesTheSetting() {
    assertThatThrownBy(() -> Setting.ROTATION.validate(180))
        .hasMessage("rotation takes a Rotation (0, 180), was a Integer");
    assertThatThrownBy(() -> Setting.ROTATION.validate(null)).hasMessage("rotation value is required (0, 180)");
  }

  @Test
  void settings_areSingletonsWithReadableToString() {
    assertThat(Setting.byId("night-vision")).isEqualTo(Setting.NIGHT_VISION).hasToString("night-vision");
    assertThat(Setting.POWER).isNotEqualTo(Setting.STATUS_LED);
    assertThat(Setting.CLOCK.valueType()).isEqualTo(Instant.class);
    assertThat(Setting.STATUS_LED.label()).isEqualTo("status LED");
  }
}
