package dev.homeport.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecretTest {

  private static final String VALUE = "hunter2-csrf-9f8e7d";

  @Test
  void toString_neverShowsTheValue() {
    Secret secret = Secret.of(VALUE);
    assertThat(secret.toString()).isEqualTo("Secret[redacted]").doesNotContain(VALUE);
    assertThat(String.valueOf(secret)).doesNotContain(VALUE);
    assertThat("password=" + secret).doesNotContain(VALUE);
  }

  @Test
  void reveal_givesTheValue() {
    assertThat(Secret.of(VALUE).reveal()).isEqualTo(VALUE);
  }

  @Test
  void equality_comparesTheValues() {
    assertThat(Secret.of(VALUE)).isEqualTo(Secret.of(VALUE)).hasSameHashCodeAs(Secret.of("other"));
    assertThat(Secret.of(VALUE)).isNotEqualTo(Secret.of(VALUE + "x")).isNotEqualTo(VALUE);
  }

  @Test
  void emptyOrNull_isRefusedWithoutEchoingAnything() {
    assertThatThrownBy(() -> Secret.of("")).hasMessage("secret must be a non-empty string");
    assertThatThrownBy(() -> Secret.of(null)).hasMessage("secret must be a non-empty string");
  }
}
