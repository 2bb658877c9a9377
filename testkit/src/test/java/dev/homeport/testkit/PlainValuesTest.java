package dev.homeport.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.domain.FieldMap;
import dev.homeport.domain.home.AttributeValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlainValuesTest {

  @Test
  void numbersOfAnyJavaType_compareByValue() {
    assertThat(PlainValues.normalize(1)).isEqualTo(PlainValues.normalize(1L));
    assertThat(PlainValues.normalize(1)).isEqualTo(PlainValues.normalize(1.0));
    assertThat(PlainValues.normalize(BigInteger.TEN)).isEqualTo(PlainValues.normalize(new BigDecimal("10.000")));
    assertThat(PlainValues.normalize(0.0)).isEqualTo(PlainValues.normalize(new BigDecimal("0E-5")));
    assertThat(PlainValues.normalize(9.2)).isNotEqualTo(PlainValues.normalize(9.21));
  }

  @Test
  void nestedMapsAndLists_areNormalizedDeeply() {
    FieldMap a = FieldMap.of("outer", Map.of("n", 1, "list", List.of(2, "x", true)));
    Map<String, Object> b = Map.of("outer", Map.of("n", 1L, "list", List.of(2.0, "x", true)));
    assertThat(PlainValues.normalize(a)).isEqualTo(PlainValues.normalize(b));
    assertThat(PlainValues.normalize(a)).isNotEqualTo(PlainValues.normalize(Map.of("outer", Map.of("n", 2))));
  }

  @Test
  void attributeValues_normalizeTheirPlainForm_andNameTheirKind() {
    assertThat(PlainValues.normalize(Optional.of(AttributeValue.NumberValue.of(3))))
        .isEqualTo(PlainValues.normalize(3));
    assertThat(PlainValues.normalize(Optional.<AttributeValue>empty())).isNull();
    assertThat(PlainValues.kind(AttributeValue.NumberValue.of(1))).isEqualTo("number");
    assertThat(PlainValues.kind(new AttributeValue.TextValue("t"))).isEqualTo("text");
    assertThat(PlainValues.kind(new AttributeValue.BooleanValue(true))).isEqualTo("boolean");
    assertThat(PlainValues.kind(new AttributeValue.StructuredValue(List.of()))).isEqualTo("structured");
  }
}
