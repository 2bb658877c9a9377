package dev.homeport.adapter.camera.http.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * An incremental parser of a {@code multipart/x-mixed-replace} body, fed bytes as they arrive in
 * whatever pieces the transport delivers (the outer chunking of camera streams is arbitrary), with
 * bounded memory: one part's headers ({@code maxHeaderBytes}) and body ({@code maxBodyBytes}) at most.
 *
 * <p>A part ends at the next delimiter ({@code CRLF--boundary}); its {@code Content-Length}, when
 * present, is checked against the bytes actually found before the delimiter, and a part that
 * disagrees (cut short by the camera, or announcing the wrong length) is reported as
 * {@link Skip#LENGTH_MISMATCH} instead of being handed on damaged. So a part is delivered once the
 * delimiter after it arrives (on a live stream, the next part's start). Bytes outside parts, headers
 * or bodies over their bounds are skipped and the parser resynchronizes at the next delimiter.
 *
 * <p>Not thread-safe: one instance per connection, fed by one thread.
 */
public final class MixedReplaceParser {

  /** Why a part was not delivered. */
  public enum Skip {
    /** Its headers exceeded the bound, or were not headers. */
    BAD_HEADERS,
    /** Its body exceeded the bound. */
    TOO_LARGE,
    /** Its body was not as long as its {@code Content-Length} said. */
    LENGTH_MISMATCH
  }

  /** Receives the parts. */
  public interface Listener {
    /**
     * A complete part.
     *
     * @param contentType its {@code Content-Type}, lower case, parameters removed ("" if none)
     * @param timestamp its {@code X-Timestamp} as sent, or null
     * @param body its body (owned by the listener)
     */
    void part(String contentType, String timestamp, byte[] body);

    /** A part that was not delivered, and why; {@code contentType} as far as known ("" if not). */
    void skipped(Skip why, String contentType);
  }

  private enum State { SEEK, AFTER_DELIMITER, HEADERS, BODY }

  private final byte[] delimiter;
  private final int maxHeaderBytes;
  private final int maxBodyBytes;
  private final Listener listener;
  private byte[] buf;
  private int len;
  private State state = State.SEEK;
  private int scanFrom;
  private String contentType = "";
  private String timestamp;
  private long contentLength = -1;
  private boolean discardingBody;

  /**
   * @param boundary the boundary parameter of the body's content type, e.g. {@code data-boundary--}
   * @param maxHeaderBytes the largest header block of one part
   * @param maxBodyBytes the largest body of one part
   */
  public MixedReplaceParser(String boundary, int maxHeaderBytes, int maxBodyBytes, Listener listener) {
    Objects.requireNonNull(boundary, "boundary");
    if (boundary.isEmpty()) {
      throw new IllegalArgumentException("boundary must be non-empty");
    }
    this.delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    this.maxHeaderBytes = maxHeaderBytes;
    this.maxBodyBytes = maxBodyBytes;
    this.listener = Objects.requireNonNull(listener, "listener");
    this.buf = new byte[Math.min(64 * 1024, maxBodyBytes + maxHeaderBytes + 4 * delimiter.length)];
  }

  /** The boundary parameter of a {@code Content-Type} header value, or {@code fallback}. */
  public static String boundaryOf(String contentType, String fallback) {
    if (contentType == null) {
      return fallback;
    }
    for (String param : contentType.split(";")) {
      String p = param.strip();
      if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
        String b = p.substring("boundary=".length()).strip();
        if (b.length() >= 2 && b.startsWith("\"") && b.endsWith("\"")) {
          b = b.substring(1, b.length() - 1);
        }
        return b.isEmpty() ? fallback : b;
      }
    }
    return fallback;
  }

  /** Bytes held now (for tests of the memory bound). */
  public int buffered() {
    return len;
  }

  /** Parses {@code n} more bytes of the body from {@code data[offset]}. */
  public void feed(byte[] data, int offset, int n) {
    while (n > 0) {
      int room = capacityLimit() - len;
      if (room <= 0) {
        overflow();
        continue;
      }
      int take = Math.min(room, n);
      ensure(len + take);
      System.arraycopy(data, offset, buf, len, take);
      len += take;
      offset += take;
      n -= take;
      parse();
    }
  }

  private int capacityLimit() {
    return maxBodyBytes + maxHeaderBytes + 4 * delimiter.length;
  }

  private void ensure(int size) {
    if (size > buf.length) {
      buf = Arrays.copyOf(buf, Math.min(capacityLimit(), Math.max(size, buf.length * 2)));
    }
  }

  /** The buffer is full without a part ending: drop what is held and look for the next delimiter. */
  private void overflow() {
    if (state == State.BODY) {
      listener.skipped(Skip.TOO_LARGE, contentType);
    } else if (state == State.HEADERS || state == State.AFTER_DELIMITER) {
      listener.skipped(Skip.BAD_HEADERS, contentType);
    }
    keepTail();
    state = State.SEEK;
  }

  /** Keeps only the bytes that could still begin a delimiter. */
  private void keepTail() {
    int keep = Math.min(len, delimiter.length - 1);
    System.arraycopy(buf, len - keep, buf, 0, keep);
    len = keep;
    scanFrom = 0;
  }

  private void consume(int n) {
    System.arraycopy(buf, n, buf, 0, len - n);
    len -= n;
    scanFrom = 0;
  }

  private void parse() {
    while (true) {
      switch (state) {
        case SEEK: {
          int at = indexOf(delimiter, scanFrom);
          if (at < 0) {
            keepTail();
            return;
          }
          consume(at + delimiter.length);
          state = State.AFTER_DELIMITER;
          break;
        }
        case AFTER_DELIMITER: {
          // the rest of the delimiter line: "--" closes the body; else optional padding, then CRLF
          int nl = indexOf(new byte[] {'\n'}, 0);
          if (nl < 0) {
            if (len > maxHeaderBytes) {
              overflow();
              break;
            }
            return;
          }
          consume(nl + 1);
          state = State.HEADERS;
          contentType = "";
          timestamp = null;
          contentLength = -1;
          break;
        }
        case HEADERS: {
          int end = headerEnd();
          if (end < 0) {
            if (len > maxHeaderBytes) {
              overflow();
              break;
            }
            return;
          }
          if (!readHeaders(end)) {
            listener.skipped(Skip.BAD_HEADERS, contentType);
            state = State.SEEK;
            break;
          }
          consume(end + (buf[end] == '\r' ? 2 : 1));
          state = State.BODY;
          discardingBody = contentLength > maxBodyBytes;
          if (discardingBody) {
            listener.skipped(Skip.TOO_LARGE, contentType);
          }
          break;
        }
        case BODY: {
          if (!body()) {
            return;
          }
          break;
        }
        default:
          throw new IllegalStateException(state.toString());
      }
    }
  }

  /** Index of the blank line that ends the headers (its first byte, after the last header's line break), or -1. */
  private int headerEnd() {
    if (len >= 1 && buf[0] == '\n' || len >= 2 && buf[0] == '\r' && buf[1] == '\n') {
      return 0;
    }
    for (int i = 0; i < len; i++) {
      if (buf[i] == '\n') {
        if (i + 1 < len && buf[i + 1] == '\n') {
          return i + 1;
        }
        if (i + 2 < len && buf[i + 1] == '\r' && buf[i + 2] == '\n') {
          return i + 1;
        }
      }
    }
    return -1;
  }

  private boolean readHeaders(int end) {
    String block = new String(buf, 0, end, StandardCharsets.ISO_8859_1);
    for (String line : block.split("\r?\n")) {
      if (line.isBlank()) {
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        return false;
      }
      String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).strip();
      switch (name) {
        case "content-type":
          int semi = value.indexOf(';');
          contentType = (semi < 0 ? value : value.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
          break;
        case "content-length":
          try {
            contentLength = Long.parseLong(value);
          } catch (NumberFormatException e) {
            contentLength = -2; // present but unreadable: the body can only mismatch
          }
          break;
        case "x-timestamp":
          timestamp = value;
          break;
        default:
          break;
      }
    }
    return true;
  }

  /** Handles body bytes; true when the part ended (state changed), false to wait for more. */
  private boolean body() {
    if (contentLength >= 0 && !discardingBody) {
      int cl = (int) contentLength;
      if (len >= cl + 2 + delimiter.length && buf[cl] == '\r' && buf[cl + 1] == '\n'
          && regionIs(cl + 2, delimiter)) {
        deliver(cl, cl + 2);
        return true;
      }
    }
    int at = indexOf(delimiter, scanFrom);
    if (at < 0) {
      if (discardingBody) {
        keepTail();
      } else {
        scanFrom = Math.max(0, len - delimiter.length + 1);
      }
      return false;
    }
    int bodyEnd = at;
    if (bodyEnd >= 2 && buf[bodyEnd - 2] == '\r' && buf[bodyEnd - 1] == '\n') {
      bodyEnd -= 2;
    } else if (bodyEnd >= 1 && buf[bodyEnd - 1] == '\n') {
      bodyEnd -= 1;
    }
    if (discardingBody) {
      consume(at);
      state = State.SEEK;
      return true;
    }
    if (contentLength != -1 && contentLength != bodyEnd) {
      listener.skipped(Skip.LENGTH_MISMATCH, contentType);
      consume(at);
      state = State.SEEK;
      return true;
    }
    deliver(bodyEnd, at);
    return true;
  }

  private void deliver(int bodyLength, int next) {
    byte[] body = Arrays.copyOf(buf, bodyLength);
    consume(next);
    state = State.SEEK;
    listener.part(contentType, timestamp, body);
  }

  private boolean regionIs(int at, byte[] what) {
    for (int i = 0; i < what.length; i++) {
      if (buf[at + i] != what[i]) {
        return false;
      }
    }
    return true;
  }

  private int indexOf(byte[] what, int from) {
    byte first = what[0];
    int last = len - what.length;
    outer:
    for (int i = Math.max(0, from); i <= last; i++) {
      if (buf[i] != first) {
        continue;
      }
      for (int j = 1; j < what.length; j++) {
        if (buf[i + j] != what[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
