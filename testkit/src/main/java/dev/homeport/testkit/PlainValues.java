package dev.homeport.testkit;

import dev.homeport.domain.FieldMap;
import dev.homeport.domain.home.AttributeValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares plain values (as in {@link FieldMap}) the way a wire format sees them: numbers by value
 * ({@code 1}, {@code 1L} and {@code 1.0} are equal), maps by content. A JSON codec may choose any
 * Java number type, so the contracts compare through {@link #normalize(Object)}.
 */
public final class PlainValues {

  private PlainValues() {}

  /**
   * {@code value} with every number turned into a {@link BigDecimal} without trailing zeros and
   * every {@link FieldMap} into a plain {@link Map}; lists and maps normalized deeply.
   */
  public static Object normalize(Object value) {
    if (value instanceof FieldMap map) {
      return normalize(map.asMap());
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      map.forEach((key, item) -> copy.put(key, normalize(item)));
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>();
      list.forEach(item -> copy.add(normalize(item)));
      return copy;
    }
    if (value instanceof BigDecimal number) {
      return number.signum() == 0 ? BigDecimal.ZERO : number.stripTrailingZeros();
    }
    if (value instanceof Double || value instanceof Float) {
      return normalize(BigDecimal.valueOf(((Number) value).doubleValue()));
    }
    if (value instanceof BigInteger || value instanceof Long || value instanceof Integer
        || value instanceof Short || value instanceof Byte) {
      return normalize(new BigDecimal(value.toString()));
    }
    return value;
  }

  /** The attribute value's plain form, normalized; null for an absent value. */
  public static Object normalize(java.util.Optional<AttributeValue> value) {
    return value.map(v -> normalize(v.plain())).orElse(null);
  }

  /** The attribute kind: "number", "text", "boolean" or "structured". */
  public static String kind(AttributeValue value) {
    if (value instanceof AttributeValue.NumberValue) {
      return "number";
    }
    if (value instanceof AttributeValue.TextValue) {
      return "text";
    }
    if (value instanceof AttributeValue.BooleanValue) {
      return "boolean";
    }
    return "structured";
  }
}
