package dev.homeport.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.homeport.domain.FieldMap;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FieldMapJsonTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void jsonToPlain_keepsEveryKindAndNumberWidth() throws Exception {
    JsonNode json = MAPPER.readTree("{\"s\":\"x\",\"b\":true,\"i\":1,\"l\":5000000000,"
        + "\"big\":123456789012345678901234567890,\"d\":1.5,\"n\":null,\"a\":[1,\"y\"],\"o\":{\"k\":2}}");
    FieldMap fields = FieldMapJson.toFieldMap(json);
    assertThat(fields.get("s")).contains("x");
    assertThat(fields.get("b")).contains(true);
    assertThat(fields.get("i")).contains(1);
    assertThat(fields.get("l")).contains(5_000_000_000L);
    assertThat(fields.get("big")).contains(new BigInteger("123456789012345678901234567890"));
    assertThat(fields.get("d")).contains(new BigDecimal("1.5"));
    assertThat(fields.asMap()).containsEntry("n", null);
    assertThat(fields.get("a")).contains(List.of(1, "y"));
    assertThat(fields.get("o")).contains(FieldMap.of("k", 2));
  }

  @Test
  void roundTrip_givesTheSameJson() throws Exception {
    String text = "{\"s\":\"x\",\"i\":1,\"l\":5000000000,\"d\":1.5,\"a\":[true,null],\"o\":{\"k\":[{\"z\":0}]}}";
    JsonNode json = MAPPER.readTree(text);
    assertThat(FieldMapJson.toJson(FieldMapJson.toFieldMap(json)).toString()).isEqualTo(text);
  }

  @Test
  void excludedFields_areLeftOut() throws Exception {
    FieldMap fields = FieldMapJson.toFieldMap(MAPPER.readTree("{\"err_code\":0,\"v\":1}"), Set.of("err_code"));
    assertThat(fields.asMap()).containsOnlyKeys("v");
  }

  @Test
  void plainToJson_takesMapsToo_andRefusesOtherObjects() {
    assertThat(FieldMapJson.toJsonValue(Map.of("k", List.of(1L))).toString()).isEqualTo("{\"k\":[1]}");
    assertThatThrownBy(() -> FieldMapJson.toJsonValue(new Object()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not a plain value: java.lang.Object");
  }
}
