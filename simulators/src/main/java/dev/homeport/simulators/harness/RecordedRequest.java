package dev.homeport.simulators.harness;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP request as the simulator read it off the wire: the request line, every header line as
 * sent (original spelling and order, for firmware that checks e.g. the {@code User-Agent}), the
 * body, and where it came from (client port, connection and request sequence numbers, the TLS
 * protocol and suite negotiated).
 *
 * <p>Immutable and thread-safe, except {@link #bodyStream()}, which only a {@link Dispatcher} that
 * {@linkplain Dispatcher#streamsRequestBody streams request bodies} reads, on the connection's own
 * thread.
 */
public final class RecordedRequest {

  /**
   * One header line as sent.
   *
   * @param name the name, as spelled by the client
   * @param value the value, without leading or trailing blanks
   */
  public record Header(String name, String value) {
    /** @throws NullPointerException if an argument is null */
    public Header {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }
  }

  private final long sequence;
  private final long connection;
  private final String method;
  private final String target;
  private final String version;
  private final List<Header> headers;
  private final byte[] body;
  private final InputStream bodyStream;
  private final int clientPort;
  private final String tlsProtocol;
  private final String cipherSuite;

  RecordedRequest(long sequence, long connection, String method, String target, String version,
      List<Header> headers, byte[] body, InputStream bodyStream, int clientPort, String tlsProtocol,
      String cipherSuite) {
    this.sequence = sequence;
    this.connection = connection;
    this.method = method;
    this.target = target;
    this.version = version;
    this.headers = List.copyOf(headers);
    this.body = body;
    this.bodyStream = bodyStream;
    this.clientPort = clientPort;
    this.tlsProtocol = tlsProtocol;
    this.cipherSuite = cipherSuite;
  }

  /** The request's number on this server, from 1, in arrival order. */
  public long sequence() {
    return sequence;
  }

  /** The connection's number on this server, from 1: requests on one kept-alive connection share it. */
  public long connection() {
    return connection;
  }

  /** The method, e.g. {@code POST}. */
  public String method() {
    return method;
  }

  /** The request target as sent, e.g. {@code /data/LINKIE.json?x=1}. */
  public String target() {
    return target;
  }

  /** The path of the target (before {@code ?}), not decoded. */
  public String path() {
    int q = target.indexOf('?');
    return q < 0 ? target : target.substring(0, q);
  }

  /** The query of the target (after {@code ?}), not decoded, or empty. */
  public Optional<String> query() {
    int q = target.indexOf('?');
    return q < 0 ? Optional.empty() : Optional.of(target.substring(q + 1));
  }

  /** The target as a URI (relative); malformed targets give an {@link IllegalArgumentException}. */
  public URI uri() {
    return URI.create(target);
  }

  /** The protocol version, e.g. {@code HTTP/1.1}. */
  public String version() {
    return version;
  }

  /** Every header line as sent, in order. */
  public List<Header> headers() {
    return headers;
  }

  /** The first value of header {@code name} (compared without case), if sent. */
  public Optional<String> header(String name) {
    for (Header h : headers) {
      if (h.name().equalsIgnoreCase(name)) {
        return Optional.of(h.value());
      }
    }
    return Optional.empty();
  }

  /** Every value of header {@code name} (compared without case), in order. */
  public List<String> headerValues(String name) {
    List<String> values = new ArrayList<>();
    for (Header h : headers) {
      if (h.name().equalsIgnoreCase(name)) {
        values.add(h.value());
      }
    }
    return values;
  }

  /** The body as read (empty for a streamed body; a copy). */
  public byte[] body() {
    return body.clone();
  }

  /** The body decoded as UTF-8. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The body's size in bytes as read. */
  public int bodySize() {
    return body.length;
  }

  /**
   * The body as a stream, for a dispatcher that streams request bodies (a talk-back upload); an
   * empty stream otherwise. Read it on the dispatching thread only, before answering.
   */
  public InputStream bodyStream() {
    return bodyStream;
  }

  /** The client's TCP port. */
  public int clientPort() {
    return clientPort;
  }

  /** Whether the request came over TLS. */
  public boolean secure() {
    return tlsProtocol != null;
  }

  /** The TLS protocol negotiated (e.g. {@code TLSv1.2}), or empty on plain HTTP. */
  public Optional<String> tlsProtocol() {
    return Optional.ofNullable(tlsProtocol);
  }

  /** The TLS cipher suite negotiated (e.g. {@code TLS_RSA_WITH_AES_128_GCM_SHA256}), or empty on plain HTTP. */
  public Optional<String> cipherSuite() {
    return Optional.ofNullable(cipherSuite);
  }

  /** The request line, e.g. {@code POST /data/LINKIE.json HTTP/1.1}. */
  public String requestLine() {
    return method + " " + target + " " + version;
  }

  /** Whether the client asked to close the connection after this request. */
  boolean wantsClose() {
    String connectionHeader = header("Connection").orElse("").toLowerCase(Locale.ROOT);
    return connectionHeader.contains("close")
        || ("HTTP/1.0".equals(version) && !connectionHeader.contains("keep-alive"));
  }

  /** The request line and body size only: headers may hold credentials. */
  @Override
  public String toString() {
    return "RecordedRequest[#" + sequence + " " + method + " " + path() + ", " + body.length + " bytes]";
  }
}
