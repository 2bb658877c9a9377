package dev.homeport.cli.internal;

import dev.homeport.support.FieldMapJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.homeport.domain.FieldMap;
import java.util.Optional;

/**
 * The JSON side of every view: the node factory, FieldMaps through the support library's one
 * bridge, and any value a view shows as JSON.
 */
public final class JsonViews {

  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonViews() {}

  /** A FieldMap as a JSON object (the support library's bridge). */
  public static ObjectNode fieldMap(FieldMap fields) {
    return FieldMapJson.toJson(fields);
  }

  /** A value for JSON output: plain values through the support bridge, Optional unwrapped, others as text. */
  public static JsonNode plain(Object value) {
    if (value instanceof Optional<?> optional) {
      return optional.map(JsonViews::plain).orElse(NODES.nullNode());
    }
    try {
      return FieldMapJson.toJsonValue(value);
    } catch (IllegalArgumentException notPlain) {
      return NODES.textNode(value.toString());
    }
  }
}
