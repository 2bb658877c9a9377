package dev.homeport.adapter.camera.http.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.homeport.domain.FieldMap;
import dev.homeport.support.FieldMapJson;
import dev.homeport.ports.ProtocolException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JSON for the LINKIE wire: parsing answers, conversions between Jackson trees and
 * {@link FieldMap}, and typed field readers that fail with a {@link ProtocolException} naming the
 * field (never a NullPointerException, never a silent default).
 *
 * <p>Stateless and thread-safe.
 */
public final class WireJson {

  static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** Built once: {@code MAPPER.readTree} would resolve its configuration and target type per call. */
  private static final com.fasterxml.jackson.databind.ObjectReader TREE_READER = MAPPER.reader();

  private WireJson() {}

  /** A new empty object node. */
  public static ObjectNode object() {
    return NODES.objectNode();
  }

  /**
   * Parses an answer's JSON text, which must be an object.
   *
   * @throws ProtocolException if it is not JSON or not an object
   */
  public static ObjectNode parseObject(String json, String what) {
    JsonNode node;
    try {
      node = TREE_READER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new ProtocolException(what + " is not valid JSON (" + e.getOriginalMessage() + ")");
    }
    if (node == null || !node.isObject()) {
      throw new ProtocolException(what + " must be a JSON object, was "
          + (node == null ? "empty" : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
    }
    return (ObjectNode) node;
  }

  /**
   * Parses an answer's JSON as UTF-8 bytes (already checked to be valid UTF-8), which must be an
   * object; the same rules and messages as {@link #parseObject(String, String)}.
   *
   * @throws ProtocolException if it is not JSON or not an object
   */
  public static ObjectNode parseObject(byte[] json, String what) {
    JsonNode node;
    try {
      node = TREE_READER.readTree(json);
    } catch (java.io.IOException e) {
      throw new ProtocolException(what + " is not valid JSON (" + (e instanceof JsonProcessingException
          ? ((JsonProcessingException) e).getOriginalMessage() : e.getClass().getSimpleName()) + ")");
    }
    if (node == null || node.isMissingNode() || !node.isObject()) {
      throw new ProtocolException(what + " must be a JSON object, was "
          + (node == null || node.isMissingNode() ? "empty" : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
    }
    return (ObjectNode) node;
  }

  /** Serializes a node compactly. */
  public static String write(JsonNode node) {
    return node.toString();
  }

  // --------------------------------------------------------------- FieldMap <-> JSON

  /** The JSON object for a field map: the support library's one bridge. */
  public static ObjectNode toJson(FieldMap fields) {
    return FieldMapJson.toJson(fields);
  }

  /** The field map for a JSON object, leaving out {@code excluded} names (the support bridge). */
  public static FieldMap toFieldMap(JsonNode object, Set<String> excluded) {
    return FieldMapJson.toFieldMap(object, excluded);
  }

  // --------------------------------------------------------------- typed readers

  /** Where a value came from, for error messages: {@code module.method} plus field. */
  static String where(String context, String field) {
    return "field '" + field + "' of " + context;
  }

  static JsonNode required(JsonNode object, String field, String context) {
    JsonNode value = object.get(field);
    if (value == null || value.isNull()) {
      throw new ProtocolException("camera answer lacks " + where(context, field));
    }
    return value;
  }

  static String text(JsonNode object, String field, String context) {
    JsonNode value = required(object, field, context);
    if (!value.isTextual()) {
      throw mistyped(context, field, "a string", value);
    }
    return value.textValue();
  }

  static long integer(JsonNode object, String field, String context) {
    JsonNode value = required(object, field, context);
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      return value.longValue();
    }
    if (value.isTextual()) {
      try {
        return Long.parseLong(value.textValue().strip());
      } catch (NumberFormatException e) {
        // fall through to the error
      }
    }
    throw mistyped(context, field, "an integer", value);
  }

  static java.util.OptionalLong optionalInteger(JsonNode object, String field, String context) {
    JsonNode value = object.get(field);
    if (value == null || value.isNull()) {
      return java.util.OptionalLong.empty();
    }
    return java.util.OptionalLong.of(integer(object, field, context));
  }

  /** A flag written as {@code true/false}, {@code 1/0} or {@code "on"/"off"}. */
  static boolean flag(JsonNode object, String field, String context) {
    JsonNode value = required(object, field, context);
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isIntegralNumber() && (value.intValue() == 0 || value.intValue() == 1)) {
      return value.intValue() == 1;
    }
    if (value.isTextual() && ("on".equals(value.textValue()) || "off".equals(value.textValue()))) {
      return "on".equals(value.textValue());
    }
    throw mistyped(context, field, "a flag (true/false, 1/0 or \"on\"/\"off\")", value);
  }

  static java.util.Optional<Boolean> optionalFlag(JsonNode object, String field, String context) {
    JsonNode value = object.get(field);
    if (value == null || value.isNull()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(flag(object, field, context));
  }

  static java.util.Optional<String> optionalText(JsonNode object, String field, String context) {
    JsonNode value = object.get(field);
    if (value == null || value.isNull()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(text(object, field, context));
  }

  static JsonNode objectField(JsonNode object, String field, String context) {
    JsonNode value = required(object, field, context);
    if (!value.isObject()) {
      throw mistyped(context, field, "an object", value);
    }
    return value;
  }

  static JsonNode arrayField(JsonNode object, String field, String context) {
    JsonNode value = required(object, field, context);
    if (!value.isArray()) {
      throw mistyped(context, field, "a list", value);
    }
    return value;
  }

  static ProtocolException mistyped(String context, String field, String expected, JsonNode value) {
    return new ProtocolException("camera answer has " + where(context, field) + " as "
        + describe(value) + " where " + expected + " was expected");
  }

  static ProtocolException badValue(String context, String field, String allowed, JsonNode value) {
    return new ProtocolException("camera answer has " + where(context, field) + " = "
        + abbreviate(value.toString()) + ", not one of " + allowed);
  }

  private static String describe(JsonNode value) {
    return value.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " "
        + abbreviate(value.toString());
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 37) + "...";
  }
}
