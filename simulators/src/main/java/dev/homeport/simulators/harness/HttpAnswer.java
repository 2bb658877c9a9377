package dev.homeport.simulators.harness;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the server does with one request: answer it with a status, headers and a body; answer it
 * with a body written over time ({@link #streaming}: a multipart live stream); or carry out a
 * {@link Fault} instead ({@link #fault}: drop the connection, hold it unanswered, refuse the login).
 *
 * <p>Immutable and thread-safe: the {@code with...} methods return new answers. The server adds
 * {@code Content-Length} (or, for a streaming answer, {@code Connection: close} or chunked
 * framing) unless the answer sets framing headers itself.
 */
public final class HttpAnswer {

  /** Writes a streaming body; runs on the connection's thread until it returns or the peer goes. */
  @FunctionalInterface
  public interface BodyStreamer {
    /**
     * Writes the body to {@code out} (flush to push bytes to the client at once). Return to end
     * the answer; an {@link IOException} (the client went away) ends it too.
     */
    void writeTo(OutputStream out) throws IOException;
  }

  /** How a streaming body is framed on the wire. */
  public enum Framing {
    /** No length: the body ends when the server closes the connection (what most cameras do). */
    UNTIL_CLOSE,
    /** {@code Transfer-Encoding: chunked}, one chunk per write; the connection stays usable. */
    CHUNKED
  }

  private final int status;
  private final List<RecordedRequest.Header> headers;
  private final byte[] body;
  private final BodyStreamer streamer;
  private final Framing framing;
  private final Fault fault;
  private final boolean closeAfter;

  private HttpAnswer(int status, List<RecordedRequest.Header> headers, byte[] body,
      BodyStreamer streamer, Framing framing, Fault fault, boolean closeAfter) {
    this.status = status;
    this.headers = List.copyOf(headers);
    this.body = body;
    this.streamer = streamer;
    this.framing = framing;
    this.fault = fault;
    this.closeAfter = closeAfter;
  }

  /**
   * An answer with this status and no body.
   *
   * @throws IllegalArgumentException if {@code status} is not 100..999
   */
  public static HttpAnswer status(int status) {
    return new HttpAnswer(checkStatus(status), List.of(), new byte[0], null, null, null, false);
  }

  /** A status with a UTF-8 text body and its {@code Content-Type}. */
  public static HttpAnswer text(int status, String contentType, String text) {
    return status(status).withHeader("Content-Type", contentType)
        .withBody(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * An answer whose body {@code streamer} writes over time, framed as {@code framing}.
   *
   * @throws IllegalArgumentException if {@code status} is not 100..999
   */
  public static HttpAnswer streaming(int status, Framing framing, BodyStreamer streamer) {
    return new HttpAnswer(checkStatus(status), List.of(), new byte[0],
        Objects.requireNonNull(streamer, "streamer"), Objects.requireNonNull(framing, "framing"), null,
        framing == Framing.UNTIL_CLOSE);
  }

  /**
   * Carries out {@code fault} instead of answering: {@link Fault#DROP_CONNECTION}, {@link
   * Fault#NO_ANSWER} or {@link Fault#REJECT_LOGIN} (which the protocol dispatcher turns into the
   * brand's refusal).
   *
   * @throws IllegalArgumentException for a switch-type fault (SLOW_ANSWER, MALFORMED_ANSWER,
   *     RESET_OVERLAPPING)
   */
  public static HttpAnswer fault(Fault fault) {
    Objects.requireNonNull(fault, "fault");
    if (fault == Fault.SLOW_ANSWER || fault == Fault.MALFORMED_ANSWER || fault == Fault.RESET_OVERLAPPING) {
      throw new IllegalArgumentException("fault must be DROP_CONNECTION, NO_ANSWER, REJECT_LOGIN,"
          + " ENDLESS_ANSWER, HUGE_CONTENT_LENGTH or TRICKLE_ANSWER for one answer, was " + fault);
    }
    return new HttpAnswer(0, List.of(), new byte[0], null, null, fault, true);
  }

  /** This answer with one more header line (several lines of one name are kept). */
  public HttpAnswer withHeader(String name, String value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    if (name.isEmpty() || name.indexOf(':') >= 0 || hasLineBreak(name) || hasLineBreak(value)) {
      throw new IllegalArgumentException("header name must be a token and neither part may hold a line break: " + name);
    }
    List<RecordedRequest.Header> more = new ArrayList<>(headers);
    more.add(new RecordedRequest.Header(name, value));
    return new HttpAnswer(status, more, body, streamer, framing, fault, closeAfter);
  }

  /** This answer with {@code body} (copied) instead of its body. */
  public HttpAnswer withBody(byte[] body) {
    if (streamer != null || fault != null) {
      throw new IllegalStateException("a streaming or fault answer has no fixed body");
    }
    return new HttpAnswer(status, headers, body.clone(), null, null, null, closeAfter);
  }

  /** This answer, after which the server closes the connection ({@code Connection: close}). */
  public HttpAnswer closingConnection() {
    return new HttpAnswer(status, headers, body, streamer, framing, fault, true);
  }

  /** The status (0 for a fault). */
  public int status() {
    return status;
  }

  /** The header lines, in order. */
  public List<RecordedRequest.Header> headers() {
    return headers;
  }

  /** The first value of header {@code name} (compared without case). */
  public Optional<String> header(String name) {
    return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(RecordedRequest.Header::value).findFirst();
  }

  /** The fixed body (a copy; empty for streaming and fault answers). */
  public byte[] body() {
    return body.clone();
  }

  /** The fault carried out instead of an answer, if this is one. */
  public Optional<Fault> fault() {
    return Optional.ofNullable(fault);
  }

  /** Whether the body is written over time. */
  public boolean isStreaming() {
    return streamer != null;
  }

  /** Whether the server closes the connection after this answer. */
  public boolean closesConnection() {
    return closeAfter;
  }

  byte[] rawBody() {
    return body;
  }

  BodyStreamer streamer() {
    return streamer;
  }

  Framing framing() {
    return framing;
  }

  private static boolean hasLineBreak(String s) {
    return s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0;
  }

  private static int checkStatus(int status) {
    if (status < 100 || status > 999) {
      throw new IllegalArgumentException("status must be 100..999, was " + status);
    }
    return status;
  }

  @Override
  public String toString() {
    if (fault != null) {
      return "HttpAnswer[" + fault + "]";
    }
    return "HttpAnswer[" + status + (streamer != null ? ", streaming" : ", " + body.length + " bytes") + "]";
  }
}
