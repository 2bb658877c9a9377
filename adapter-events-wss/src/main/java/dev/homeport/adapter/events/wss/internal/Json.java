package dev.homeport.adapter.events.wss.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;

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
      // Jackson's limits (number length, string length, nesting) are our bounds too: a number of
      // thousands of digits costs quadratic time to parse, so it is refused before it is read.
      throw new MalformedFrameException(what + " is not valid JSON" + where(text, from) + ": "
          + e.getOriginalMessage().replaceAll(", from `[^`]*`", ""), e);
    } catch (IOException | RuntimeException e) {
      throw new MalformedFrameException(what + " could not be parsed: " + e.getClass().getSimpleName(), e);
    } catch (StackOverflowError e) {
      throw new MalformedFrameException(what + " is nested too deeply");
    }
  }

  /**
   * A streaming parser (this mapper's limits) over the JSON text that starts at {@code from} in
   * {@code text}, read without a copy; for paths that map tokens straight to values.
   */
  static JsonParser parser(String text, int from) throws IOException {
    return MAPPER.createParser(new TailReader(text, from));
  }

  /**
   * Where parsing {@code text} from {@code from} stops, as {@code " at <JSON pointer>"} (e.g.
   * {@code /1/data/0/basic/states/0/value}), or empty; read again token by token, only after a failure.
   */
  private static String where(String text, int from) {
    try (JsonParser parser = parser(text, from)) {
      try {
        while (parser.nextToken() != null) {
          // only looking for the failing token
        }
        return "";
      } catch (IOException | RuntimeException e) {
        String path = parser.getParsingContext().pathAsPointer().toString();
        return path.isEmpty() ? "" : " at " + path;
      }
    } catch (IOException e) {
      return "";
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
