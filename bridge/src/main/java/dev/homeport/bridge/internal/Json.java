package dev.homeport.bridge.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The bridge's one JSON mapper and its few uses. Thread-safe. */
public final class Json {

  /** The shared mapper (thread-safe once configured). */
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /** A new empty object. */
  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** The UTF-8 bytes of {@code node}. */
  public static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  /** The text of {@code node}. */
  public static String text(JsonNode node) {
    return new String(bytes(node), StandardCharsets.UTF_8);
  }

  /** {@code plain} (maps, lists, scalars) as a tree. */
  public static JsonNode tree(Object plain) {
    return MAPPER.valueToTree(plain);
  }

  /**
   * Reads a JSON object.
   *
   * @throws IllegalArgumentException when the payload is not a JSON object
   */
  public static ObjectNode readObject(byte[] payload) {
    JsonNode node;
    try {
      node = MAPPER.readTree(payload);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("payload must be a JSON object, was not JSON (" + e.getOriginalMessage() + ")");
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("payload must be a JSON object, was not JSON");
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("payload must be a JSON object");
    }
    return (ObjectNode) node;
  }

  /** A map as a tree (for rule commands). */
  public static ObjectNode objectOf(Map<String, Object> map) {
    return MAPPER.valueToTree(map);
  }
}
