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

  /**
   * The longest number text parsed at all (Jackson's own default, stated so it cannot drift): a
   * longer one fails the whole answer as invalid JSON, bounding the parser's work. Shorter numbers
   * that are still absurd are refused per command by {@link #checkNumbers}.
   */
  static final int MAX_NUMBER_TEXT = 1000;
  /** Nesting deeper than this fails the answer: real answers nest four levels. */
  static final int MAX_NESTING = 64;
  /**
   * The most digits a number may have when written out in full (no exponent): a 64-bit integer has
   * 19, sizes and timestamps fewer. {@code 1e999999999} would be a gigabyte when printed.
   */
  static final int MAX_NUMBER_DIGITS = 40;
  /** The last epoch second accepted from a camera: 9999-12-31T23:59:59Z (cameras send 2020s). */
  static final long MAX_EPOCH_SECOND = 253_402_300_799L;

  static final ObjectMapper MAPPER =
      new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
          .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
              .maxNumberLength(MAX_NUMBER_TEXT)
              .maxNestingDepth(MAX_NESTING)
              .build())
          .build())
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
    } catch (ArithmeticException | NumberFormatException e) {
      throw numberOutOfReach(what);
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
    } catch (ArithmeticException | NumberFormatException e) {
      throw numberOutOfReach(what);
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

  /** A number whose exponent is beyond what a decimal can hold (its scale overflows 32 bits). */
  private static ProtocolException numberOutOfReach(String what) {
    return new ProtocolException(what + " is not valid JSON (a number's exponent is out of range)");
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

  /**
   * An epoch-seconds field read as an instant: an integer 0..{@value #MAX_EPOCH_SECOND} (year
   * 9999); anything else is a protocol error naming the field (never a {@code DateTimeException}).
   */
  static java.time.Instant epochSecond(JsonNode object, String field, String context) {
    long seconds = integer(object, field, context);
    if (seconds < 0 || seconds > MAX_EPOCH_SECOND) {
      throw new ProtocolException("camera answer has " + where(context, field) + " = " + seconds
          + ", not an epoch second in 0.." + MAX_EPOCH_SECOND + " (1970..9999)");
    }
    return java.time.Instant.ofEpochSecond(seconds);
  }

  /** {@link #epochSecond} when the field is present and not null. */
  static java.util.Optional<java.time.Instant> optionalEpochSecond(JsonNode object, String field,
      String context) {
    JsonNode value = object.get(field);
    if (value == null || value.isNull()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(epochSecond(object, field, context));
  }

  /**
   * Refuses an answer holding a number of more than {@value #MAX_NUMBER_DIGITS} digits when
   * written out in full ({@code 1e2147483647}, {@code 1e-999999999}, a 400-digit integer), naming
   * the field by its path. Run on each method's answer before it is read, so one absurd value
   * fails only its own command, and never reaches code that would expand it (printing it plainly,
   * {@code toBigInteger}) or truncate it silently. The check is linear in the answer's size and
   * never expands a number: it uses only precision and scale.
   *
   * @throws ProtocolException naming the field and what is allowed
   */
  static void checkNumbers(JsonNode answer, String context) {
    Extreme bad = firstExtreme(answer);
    if (bad != null) {
      throw new ProtocolException("camera answer has "
          + where(context, bad.path().isEmpty() ? "(the answer)" : bad.path()) + " = "
          + abbreviate(bad.value().toString()) + ", a number of more than " + MAX_NUMBER_DIGITS
          + " digits written out (cameras send 64-bit integers and short decimals)");
    }
  }

  /** An extreme number and where it is. */
  private record Extreme(String path, JsonNode value) {}

  /** The first extreme number under {@code node}; its path is built only when one is found. */
  private static Extreme firstExtreme(JsonNode node) {
    if (node.isNumber()) {
      return extreme(node) ? new Extreme("", node) : null;
    }
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        Extreme bad = firstExtreme(e.getValue());
        if (bad != null) {
          return new Extreme(bad.path().isEmpty() || bad.path().startsWith("[")
              ? e.getKey() + bad.path() : e.getKey() + "." + bad.path(), bad.value());
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        Extreme bad = firstExtreme(node.get(i));
        if (bad != null) {
          return new Extreme("[" + i + "]" + (bad.path().isEmpty() || bad.path().startsWith("[")
              ? bad.path() : "." + bad.path()), bad.value());
        }
      }
    }
    return null;
  }

  /** Whether a number would take more than MAX_NUMBER_DIGITS digits written out in full. */
  static boolean extreme(JsonNode number) {
    if (number.isIntegralNumber()) {
      // int and long nodes always fit; a BigInteger node is measured by its bit length (cheap)
      return number.isBigInteger()
          && new BigDecimal(number.bigIntegerValue()).precision() > MAX_NUMBER_DIGITS;
    }
    if (number.isBigDecimal()) {
      BigDecimal d = number.decimalValue();
      if (d.signum() == 0) {
        return d.scale() > MAX_NUMBER_DIGITS || d.scale() < -MAX_NUMBER_DIGITS;
      }
      long precision = d.precision();
      long scale = d.scale();
      // digits written in full: integer part (precision - scale, when positive) plus fraction (scale)
      long digits = scale <= 0 ? precision - scale : Math.max(precision, scale + 1);
      return digits > MAX_NUMBER_DIGITS;
    }
    // float/double nodes (not produced by this mapper): NaN and infinities are extreme
    double v = number.doubleValue();
    return Double.isNaN(v) || Double.isInfinite(v);
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
