package dev.homeport.domain.camera;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Arbitrary valid values for every setting, by value type. */
final class SettingValues {

  private static final List<String> AREAS =
      ZoneId.getAvailableZoneIds().stream().sorted().filter(id -> id.contains("/")).collect(Collectors.toList());

  private SettingValues() {}

  /** A setting and one valid value of it. */
  record Sample<T>(Setting<T> setting, T value) {
    @Override
    public String toString() {
      return setting.id() + "=" + value;
    }
  }

  static Arbitrary<Sample<?>> samples() {
    return Arbitraries.of(Setting.all()).flatMap(SettingValues::samplesOf);
  }

  private static <T> Arbitrary<Sample<?>> samplesOf(Setting<T> setting) {
    return valuesOf(setting).map(value -> new Sample<>(setting, value));
  }

  /** Valid values of {@code setting}; fails for a value type this helper does not know. */
  static <T> Arbitrary<T> valuesOf(Setting<T> setting) {
    Class<T> type = setting.valueType();
    Arbitrary<?> values;
    if (type == Boolean.class) {
      values = Arbitraries.of(true, false);
    } else if (type.isEnum()) {
      values = Arbitraries.of(type.getEnumConstants());
    } else if (type == Resolution.class) {
      Arbitrary<Resolution> other =
          Arbitraries.strings().withCharRange('a', 'z').numeric().ofMinLength(1).ofMaxLength(Resolution.MAX_LENGTH)
              .map(Resolution::parse);
      values = Arbitraries.oneOf(Arbitraries.of(Resolution.known()), other);
    } else if (type == TriggerTime.class) {
      Arbitrary<Long> millis = Arbitraries.longs().between(0, TriggerTime.MAX.toMillis());
      values = Combinators.combine(millis, millis).as(TriggerTime::ofMillis);
    } else if (type == Instant.class) {
      values = Arbitraries.longs().between(0, 4_102_444_800L).map(Instant::ofEpochSecond);
    } else if (type == TimeZoneSetting.class) {
      Arbitrary<String> offsets =
          Combinators.combine(
                  Arbitraries.of("+", "-"),
                  Arbitraries.integers().between(0, 14),
                  Arbitraries.integers().between(0, 59))
              .as((sign, hours, minutes) -> String.format("UTC%s%02d:%02d", sign, hours, minutes));
      values = Combinators.combine(offsets, Arbitraries.of(AREAS)).as(TimeZoneSetting::new);
    } else {
      throw new IllegalStateException("no arbitrary values for setting " + setting + " of " + type);
    }
    return values.map(type::cast);
  }
}
