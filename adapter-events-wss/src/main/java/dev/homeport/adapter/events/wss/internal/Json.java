package dev.homeport.adapter.events.wss.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** The adapter's one Jackson mapper: exact decimals, no trailing garbage. Thread-safe. */
public final class Json {

  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  public static final JsonNodeFactory NODES = MAPPER.getNodeFactory();

  private Json() {}

  /** Parses JSON text, turning every failure into a {@link MalformedFrameException}. */
  public static JsonNode parse(String text, String what) {
    try {
      JsonNode node = MAPPER.readTree(text);
      if (node == null || node.isMissingNode()) {
        throw new MalformedFrameException(what + " is empty, expected JSON");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new MalformedFrameException(what + " is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (RuntimeException e) {
      throw new MalformedFrameException(what + " could not be parsed: " + e.getClass().getSimpleName(), e);
    } catch (StackOverflowError e) {
      throw new MalformedFrameException(what + " is nested too deeply");
    }
  }

  /** Writes a tree as compact JSON text. */
  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not write JSON", e);
    }
  }
}
