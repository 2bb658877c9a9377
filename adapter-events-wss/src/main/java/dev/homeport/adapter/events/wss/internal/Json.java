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
    return parse(text, 0, what);
  }

  /**
   * Parses the JSON text that starts at {@code from} in {@code text} (to its end) without copying
   * it out first, turning every failure into a {@link MalformedFrameException}.
   */
  public static JsonNode parse(String text, int from, String what) {
    try {
      JsonNode node = MAPPER.readTree(new TailReader(text, from));
      if (node == null || node.isMissingNode()) {
        throw new MalformedFrameException(what + " is empty, expected JSON");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new MalformedFrameException(what + " is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (java.io.IOException | RuntimeException e) {
      throw new MalformedFrameException(what + " could not be parsed: " + e.getClass().getSimpleName(), e);
    } catch (StackOverflowError e) {
      throw new MalformedFrameException(what + " is nested too deeply");
    }
  }

  /** The chars of a String from an offset to its end, read straight into Jackson's (recycled) buffer. */
  private static final class TailReader extends java.io.Reader {
    private final String text;
    private int next;

    TailReader(String text, int from) {
      this.text = text;
      this.next = from;
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
      int count = Math.min(length, text.length() - next);
      if (count <= 0) {
        return length == 0 ? 0 : -1;
      }
      text.getChars(next, next + count, buffer, offset);
      next += count;
      return count;
    }

    @Override
    public void close() {}
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
