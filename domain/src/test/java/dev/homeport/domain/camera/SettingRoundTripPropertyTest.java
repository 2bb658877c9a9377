package dev.homeport.domain.camera;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Every setting's text form reads back as the same value. */
class SettingRoundTripPropertyTest {

  @Property(tries = 2000)
  void formatThenParse_givesTheSameValue(@ForAll("samples") SettingValues.Sample<?> sample) {
    assertRoundTrip(sample);
  }

  @Property(tries = 500)
  void setSettingParse_ofTheFormattedValue_buildsTheSameCommand(
      @ForAll("samples") SettingValues.Sample<?> sample) {
    assertCommandRoundTrip(sample);
  }

  @Provide
  Arbitrary<SettingValues.Sample<?>> samples() {
    return SettingValues.samples();
  }

  private static <T> void assertRoundTrip(SettingValues.Sample<T> sample) {
    Setting<T> setting = sample.setting();
    String text = setting.format(sample.value());
    assertThat(setting.parse(text)).as("%s parsed from \"%s\"", setting, text).isEqualTo(sample.value());
    assertThat(setting.validate(sample.value())).isSameAs(sample.value());
  }

  private static <T> void assertCommandRoundTrip(SettingValues.Sample<T> sample) {
    Setting<T> setting = sample.setting();
    assertThat(SetSetting.parse(setting, setting.format(sample.value())))
        .isEqualTo(SetSetting.of(setting, sample.value()));
  }
}
