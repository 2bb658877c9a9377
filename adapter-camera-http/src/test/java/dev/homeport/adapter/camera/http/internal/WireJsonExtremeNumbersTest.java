package dev.homeport.adapter.camera.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeport.ports.ProtocolException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The parser's own bounds on numbers (issue 10 item 11): each refusal is a ProtocolException. */
class WireJsonExtremeNumbersTest {

  @ParameterizedTest
  @ValueSource(strings = {"1e2147483648", "1e-2147483649", "1e99999999999", "1E+2147483650"})
  void numberWhoseScaleOverflows_isInvalidJson_notAnArithmeticException(String number) {
    String json = "{\"v\":" + number + "}";
    assertThatThrownBy(() -> WireJson.parseObject(json.getBytes(StandardCharsets.UTF_8), "the answer"))
        .isInstanceOf(ProtocolException.class).hasMessageContaining("the answer");
    assertThatThrownBy(() -> WireJson.parseObject(json, "the answer"))
        .isInstanceOf(ProtocolException.class).hasMessageContaining("the answer");
  }

  @Test
  void numberLongerThanTheParserTakes_isInvalidJson() {
    String json = "{\"v\":" + "7".repeat(WireJson.MAX_NUMBER_TEXT + 1) + "}";
    assertThatThrownBy(() -> WireJson.parseObject(json.getBytes(StandardCharsets.UTF_8), "the answer"))
        .isInstanceOf(ProtocolException.class).hasMessageContaining("not valid JSON");
  }

  @Test
  void nestingDeeperThanTheBound_isInvalidJson() {
    String json = "{\"v\":" + "[".repeat(WireJson.MAX_NESTING + 1) + "]".repeat(WireJson.MAX_NESTING + 1) + "}";
    assertThatThrownBy(() -> WireJson.parseObject(json, "the answer"))
        .isInstanceOf(ProtocolException.class).hasMessageContaining("not valid JSON");
  }

  @Test
  void ordinaryNumbers_passTheCheck() {
    WireJson.checkNumbers(WireJson.parseObject(
        "{\"a\":-49,\"b\":9223372036854775807,\"c\":0.000001,\"d\":1.5e10,\"e\":[0,1],\"f\":0.0}",
        "the answer"), "m.get");
  }

  @Test
  void trailingZerosBeforeAHugeExponent_parse_andAreExtreme() {
    assertThatThrownBy(() -> WireJson.checkNumbers(
        WireJson.parseObject("{\"v\":{\"w\":1000e2147483647}}", "the answer"), "m.get"))
        .isInstanceOf(ProtocolException.class).hasMessageContaining("'v.w' of m.get");
  }

  @Test
  void zeroWithAHugeExponent_isZero_andPasses() {
    WireJson.checkNumbers(WireJson.parseObject("{\"v\":0e999999999}", "the answer"), "m.get");
  }

  @Test
  void fortyOneDigitDecimal_isExtreme_fortyIsNot() {
    assertThat(WireJson.extreme(WireJson.parseObject("{\"v\":1e39}", "a").get("v"))).isFalse();
    assertThat(WireJson.extreme(WireJson.parseObject("{\"v\":1e40}", "a").get("v"))).isTrue();
    assertThat(WireJson.extreme(WireJson.parseObject("{\"v\":" + "9".repeat(40) + "}", "a").get("v"))).isFalse();
    assertThat(WireJson.extreme(WireJson.parseObject("{\"v\":" + "9".repeat(41) + "}", "a").get("v"))).isTrue();
  }
}
