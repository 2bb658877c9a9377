package dev.homeport.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.homeport.domain.FieldMap;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one bridge between {@link FieldMap} plain values and Jackson trees. JSON to plain: objects
 * become {@code FieldMap}s, arrays {@code List}s, integers {@code Integer} when they fit, else
 * {@code Long}, else {@code BigInteger}, other numbers {@code BigDecimal}. Plain to JSON: the
 * reverse, for exactly the plain kinds {@code FieldMap} holds (and {@code Map}s, as
 * {@code FieldMap.of} would convert them). Stateless and thread-safe.
 */
public final class FieldMapJson {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private FieldMapJson() {}

  /** The JSON object for {@code fields}. */
  public static ObjectNode toJson(FieldMap fields) {
    ObjectNode out = NODES.objectNode();
    fields.asMap().forEach((name, value) -> out.set(name, toJsonValue(value)));
    return out;
  }

  /**
   * The JSON for one plain value.
   *
   * @throws IllegalArgumentException if {@code value} is not a plain value (naming its type)
   */
  public static JsonNode toJsonValue(Object value) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof String text) {
      return NODES.textNode(text);
    }
    if (value instanceof Boolean flag) {
      return NODES.booleanNode(flag);
    }
    if (value instanceof Integer number) {
      return NODES.numberNode(number);
    }
    if (value instanceof Long number) {
      return NODES.numberNode(number);
    }
    if (value instanceof Double number) {
      return NODES.numberNode(number);
    }
    if (value instanceof BigInteger number) {
      return NODES.numberNode(number);
    }
    if (value instanceof BigDecimal number) {
      return NODES.numberNode(number);
    }
    if (value instanceof FieldMap map) {
      return toJson(map);
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode out = NODES.objectNode();
      map.forEach((name, item) -> out.set(String.valueOf(name), toJsonValue(item)));
      return out;
    }
    if (value instanceof List<?> list) {
      ArrayNode array = NODES.arrayNode(list.size());
      for (Object item : list) {
        array.add(toJsonValue(item));
      }
      return array;
    }
    throw new IllegalArgumentException("not a plain value: " + value.getClass().getName());
  }

  /** The field map for a JSON object's fields. */
  public static FieldMap toFieldMap(JsonNode object) {
    return toFieldMap(object, Set.of());
  }

  /** The field map for a JSON object's fields other than {@code excluded}. */
  public static FieldMap toFieldMap(JsonNode object, Set<String> excluded) {
    // sized for every field at once (a Kasa sysinfo answer has dozens; the default would grow twice)
    Map<String, Object> fields = new LinkedHashMap<>(object.size() * 4 / 3 + 1);
    for (Map.Entry<String, JsonNode> e : object.properties()) {
      if (!excluded.contains(e.getKey())) {
        fields.put(e.getKey(), toPlain(e.getValue()));
      }
    }
    return FieldMap.of(fields);
  }

  /** A JSON tree as a plain value (see the class comment); null for JSON null or a missing node. */
  public static Object toPlain(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber()) {
      if (node.canConvertToInt()) {
        return node.intValue();
      }
      return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>(node.size());
      node.forEach(item -> list.add(toPlain(item)));
      return list;
    }
    if (node.isObject()) {
      return toFieldMap(node, Set.of());
    }
    return node.asText();
  }
}
