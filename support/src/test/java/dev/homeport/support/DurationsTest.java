package dev.homeport.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DurationsTest {

  @ParameterizedTest
  @CsvSource({"500ms,500", "5s,5000", "5 s,5000", "2m,120000", "1h,3600000", "7,7000", "PT0.25S,250",
      "pt8s,8000", " 10S ,10000"})
  void everyForm_isAccepted(String text, long millis) {
    assertThat(Durations.positive("option 'x'", text)).isEqualTo(Duration.ofMillis(millis));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "soon", "-5s", "5 seconds", "0s", "PT0S", "99999999999999h"})
  void badOrNonPositive_isRefusedNamingTheFieldAndForms(String text) {
    assertThatThrownBy(() -> Durations.positive("option 'request-timeout'", text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("option 'request-timeout' must be a positive duration such as 500ms")
        .hasMessageEndingWith("was \"" + text + "\"");
  }

  @Test
  void nonNegative_acceptsZero_refusesNegative() {
    assertThat(Durations.nonNegative("latency", "0ms")).isZero();
    assertThatThrownBy(() -> Durations.nonNegative("latency", "-PT1S")).hasMessageContaining("zero or more");
    assertThatThrownBy(() -> Durations.positive("t", null)).hasMessageEndingWith("was \"null\"");
  }

  @Test
  void format_writesTheShortFormBack() {
    assertThat(Durations.format(Duration.ofSeconds(8))).isEqualTo("8s");
    assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
    assertThat(Durations.format(Duration.ofMinutes(2))).isEqualTo("2m");
    assertThat(Durations.format(Duration.ZERO)).isEqualTo("0ms");
    assertThat(Durations.positive("t", Durations.format(Duration.ofMillis(1500)))).isEqualTo(Duration.ofMillis(1500));
  }
}
