package dev.homeport.simulators.harness;

import dev.homeport.simulators.tls.SelfSignedCertificate;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real HTTP/1.1 server on {@code 127.0.0.1}, in the shape of OkHttp's MockWebServer, that every
 * simulator builds on: plain HTTP or HTTPS (a self-signed certificate made at start unless one is
 * given, {@linkplain #replaceCertificate replaceable while running}, TLS protocols and cipher
 * suites restrictable), keep-alive, a bounded {@linkplain #requestLog() log} of recorded requests
 * with their raw header lines, behaviour as a pluggable {@link Dispatcher}, streaming answers, and
 * the transport half of the {@link Fault}s (dropped connections, held requests, resets of
 * overlapping requests, slow answers).
 *
 * <p>It is written on plain sockets, not on the JDK's {@code com.sun.net.httpserver}: every
 * accepted socket gets {@code TCP_NODELAY} (no Nagle/delayed-ACK stall on kept-alive answers,
 * whatever classes were loaded first), each answer leaves in one write, and a fault can close or
 * hold a connection exactly where a camera would.
 *
 * <p>Limits (memory stays bounded whatever a peer sends): request head 64 KiB (431), request body
 * {@linkplain Builder#maxRequestBodyBytes 1 MiB by default} (413), {@linkplain
 * Builder#maxConnections 1024 connections} (then the longest-idle one is closed to make room),
 * idle connections closed after {@linkplain Builder#idleTimeout 30 s}, {@linkplain
 * Builder#recordedRequestLimit 256 recorded requests} (older ones are forgotten, the total is kept).
 *
 * <p>Thread-safe. One daemon thread accepts, one daemon thread serves each connection. Build with
 * {@link #builder()}, {@link #start()}, and {@link #close()} when done.
 */
public final class SimulatorServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SimulatorServer.class);
  private static final int MAX_HEAD_BYTES = 64 * 1024;
  private static final AtomicInteger INSTANCES = new AtomicInteger();

  private final String name;
  private final int requestedPort;
  private final boolean tls;
  private final List<String> tlsProtocols;
  private final List<String> cipherSuites;
  private final Dispatcher dispatcher;
  private final FaultPlan faults;
  private final RequestLog<RecordedRequest> log;
  private final int maxBodyBytes;
  private final int maxConnections;
  private final Duration holdTimeout;
  private final Duration idleTimeout;
  private final Duration handshakeTimeout;

  private volatile SelfSignedCertificate certificate;
  private volatile SSLContext serverContext;

  private final AtomicLong requestNumbers = new AtomicLong();
  private final AtomicLong connectionNumbers = new AtomicLong();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  /**
   * Connections waiting for their next request, with the System.nanoTime() their last answer was
   * complete (or they were accepted).
   */
  private final Map<Socket, Long> idleSince = new ConcurrentHashMap<>();

  private ServerSocket serverSocket;
  private ExecutorService threads;
  private volatile boolean closed;

  private SimulatorServer(Builder b) {
    this.name = b.name;
    this.requestedPort = b.port;
    this.tls = b.tls;
    this.tlsProtocols = b.tlsProtocols;
    this.cipherSuites = b.cipherSuites;
    this.dispatcher = b.dispatcher;
    this.faults = b.faults;
    this.log = new RequestLog<>(b.recordedRequestLimit);
    this.maxBodyBytes = b.maxRequestBodyBytes;
    this.maxConnections = b.maxConnections;
    this.holdTimeout = b.holdTimeout;
    this.idleTimeout = b.idleTimeout;
    this.handshakeTimeout = b.handshakeTimeout;
    this.certificate = b.certificate;
  }

  /** A builder: HTTPS, any free port, a new certificate, JDK TLS defaults, no dispatcher yet. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Makes the certificate (HTTPS, unless one was given), binds {@code 127.0.0.1} and starts
   * accepting.
   *
   * @return this server
   * @throws IllegalStateException if already started or closed, or the port cannot be bound
   */
  public synchronized SimulatorServer start() {
    if (serverSocket != null || closed) {
      throw new IllegalStateException(name + " already started" + (closed ? " and closed" : ""));
    }
    if (tls) {
      if (certificate == null) {
        certificate = SelfSignedCertificate.create(name);
      }
      serverContext = certificate.serverContext();
    }
    try {
      ServerSocket socket = new ServerSocket();
      socket.setReuseAddress(requestedPort != 0);
      socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), requestedPort), 128);
      serverSocket = socket;
    } catch (IOException e) {
      throw new IllegalStateException("cannot listen on 127.0.0.1:" + requestedPort + " (" + e.getMessage() + ")", e);
    }
    threads = Executors.newCachedThreadPool(daemon(name + "-" + INSTANCES.incrementAndGet()));
    threads.execute(this::acceptLoop);
    LOG.debug("{} listening on {}", name, baseUri());
    return this;
  }

  private static ThreadFactory daemon(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  // ------------------------------------------------------------------ what tests read

  /** The bound port. @throws IllegalStateException before {@link #start()} */
  public int port() {
    ServerSocket s = serverSocket;
    if (s == null) {
      throw new IllegalStateException(name + " not started");
    }
    return s.getLocalPort();
  }

  /** The host to connect to: {@code 127.0.0.1}. */
  public String host() {
    return "127.0.0.1";
  }

  /** Whether it serves HTTPS. */
  public boolean secure() {
    return tls;
  }

  /** {@code https://127.0.0.1:PORT} (or {@code http://}). @throws IllegalStateException before start */
  public URI baseUri() {
    return URI.create((tls ? "https" : "http") + "://127.0.0.1:" + port());
  }

  /** The base URI resolved against {@code path} (e.g. {@code /data/LINKIE.json}). */
  public URI url(String path) {
    return baseUri().resolve(path);
  }

  /**
   * The certificate presented to new connections.
   *
   * @throws IllegalStateException on plain HTTP, or before start when none was given
   */
  public SelfSignedCertificate certificate() {
    SelfSignedCertificate c = certificate;
    if (!tls || c == null) {
      throw new IllegalStateException(name + (tls ? " has no certificate before start" : " serves plain HTTP"));
    }
    return c;
  }

  /** Lower-case hex SHA-256 of the certificate now presented. @throws IllegalStateException as {@link #certificate()} */
  public String fingerprint() {
    return certificate().sha256Fingerprint();
  }

  /**
   * Presents {@code replacement} to new connections from now on (kept-alive ones keep theirs): a
   * camera reset that comes back with a new certificate, to provoke a pin mismatch.
   *
   * @return this server
   * @throws IllegalStateException on plain HTTP
   */
  public SimulatorServer replaceCertificate(SelfSignedCertificate replacement) {
    Objects.requireNonNull(replacement, "replacement");
    if (!tls) {
      throw new IllegalStateException(name + " serves plain HTTP: there is no certificate to replace");
    }
    SSLContext next = replacement.serverContext();
    synchronized (this) {
      certificate = replacement;
      if (serverSocket != null) {
        serverContext = next;
      }
    }
    return this;
  }

  /** The fault plan: arm faults here while the server runs. */
  public FaultPlan faults() {
    return faults;
  }

  /** The bounded log of requests read (every request, before it is dispatched). */
  public RequestLog<RecordedRequest> requestLog() {
    return log;
  }

  /** The recorded requests kept, oldest first. */
  public List<RecordedRequest> recordedRequests() {
    return log.entries();
  }

  /** How many requests were read so far (kept in the log or not). */
  public long requestCount() {
    return log.total();
  }

  /** How many connections are open now. */
  public int openConnections() {
    return open.size();
  }

  /** How many open connections are waiting for their next request now (the ones a new connection at the limit may close). */
  public int idleConnections() {
    return idleSince.size();
  }

  // ------------------------------------------------------------------ serving

  private void acceptLoop() {
    while (!closed) {
      Socket socket;
      try {
        socket = serverSocket.accept();
      } catch (IOException e) {
        if (!closed) {
          LOG.debug("{} accept failed: {}", name, e.toString());
        }
        continue;
      }
      if (open.size() >= maxConnections && !evictLongestIdle()) {
        LOG.debug("{} refuses a connection: {} open, none idle", name, maxConnections);
        closeQuietly(socket);
        continue;
      }
      open.add(socket);
      try {
        threads.execute(() -> serve(socket));
      } catch (RuntimeException e) {
        open.remove(socket);
        closeQuietly(socket);
      }
    }
  }

  /** Closes the connection idle the longest to make room; false when every connection is busy. */
  private boolean evictLongestIdle() {
    while (true) {
      Socket oldest = null;
      long since = Long.MAX_VALUE;
      for (Map.Entry<Socket, Long> e : idleSince.entrySet()) {
        if (oldest == null || e.getValue() - since < 0) {
          since = e.getValue();
          oldest = e.getKey();
        }
      }
      if (oldest == null) {
        return false;
      }
      // only if it is still idle since then: one that began a request meanwhile is busy, not evicted
      if (idleSince.remove(oldest, since)) {
        open.remove(oldest);
        closeQuietly(oldest);
        return true;
      }
    }
  }

  private void serve(Socket raw) {
    Socket socket = raw;
    long connection = connectionNumbers.incrementAndGet();
    try {
      raw.setTcpNoDelay(true);
      String protocol = null;
      String suite = null;
      if (tls) {
        SSLSocket ssl = (SSLSocket) serverContext.getSocketFactory().createSocket(raw, null, true);
        if (tlsProtocols != null) {
          ssl.setEnabledProtocols(tlsProtocols.toArray(String[]::new));
        }
        if (cipherSuites != null) {
          ssl.setEnabledCipherSuites(cipherSuites.toArray(String[]::new));
        }
        open.add(ssl);
        open.remove(raw);
        socket = ssl;
        ssl.setSoTimeout(millis(handshakeTimeout));
        ssl.startHandshake();
        SSLSession session = ssl.getSession();
        protocol = session.getProtocol();
        suite = session.getCipherSuite();
      }
      InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
      OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
      AtomicLong answered = new AtomicLong(System.nanoTime());
      boolean keepGoing = true;
      while (keepGoing && !closed) {
        socket.setSoTimeout(millis(idleTimeout));
        keepGoing = serveOne(socket, in, out, connection, protocol, suite, answered);
      }
    } catch (SocketTimeoutException e) {
      LOG.debug("{} connection {} idle or slow: closed", name, connection);
    } catch (IOException | RuntimeException e) {
      if (!closed) {
        LOG.debug("{} connection {} ended: {}", name, connection, e.toString());
      }
    } finally {
      idleSince.remove(socket);
      open.remove(socket);
      open.remove(raw);
      closeQuietly(socket);
    }
  }

  /**
   * Serves one request; false when the connection must end. {@code answered} holds when the last
   * answer on this connection was complete: the connection counts as idle since then, not since
   * its thread came round to wait (which may be after a client got the answer and another
   * connection went idle), so the longest-idle order is the order in which clients got answers.
   */
  private boolean serveOne(Socket socket, InputStream in, OutputStream out, long connection,
      String protocol, String suite, AtomicLong answered) throws IOException {
    List<String> head;
    idleSince.put(socket, answered.get());
    try {
      head = readHead(in);
    } catch (HeadTooLarge e) {
      writeSimple(out, 431, "request head too large");
      return false;
    } finally {
      idleSince.remove(socket);
    }
    if (head == null) {
      return false; // the client closed the connection between requests
    }
    String[] line = head.get(0).split(" ", -1);
    if (line.length != 3 || !line[2].startsWith("HTTP/1.")) {
      writeSimple(out, 400, "malformed request line");
      return false;
    }
    List<RecordedRequest.Header> headers = new ArrayList<>(head.size() - 1);
    for (String h : head.subList(1, head.size())) {
      int colon = h.indexOf(':');
      if (colon <= 0) {
        writeSimple(out, 400, "malformed header line");
        return false;
      }
      headers.add(new RecordedRequest.Header(h.substring(0, colon), h.substring(colon + 1).strip()));
    }
    long sequence = requestNumbers.incrementAndGet();
    int clientPort = socket.getPort();
    RecordedRequest headOnly = new RecordedRequest(sequence, connection, line[0], line[1], line[2],
        headers, new byte[0], InputStream.nullInputStream(), clientPort, protocol, suite);
    String transferEncoding = headOnly.header("Transfer-Encoding").orElse("").toLowerCase(Locale.ROOT);
    boolean chunked = transferEncoding.contains("chunked");
    long length;
    try {
      length = chunked ? -1 : Long.parseLong(headOnly.header("Content-Length").orElse("0").strip());
    } catch (NumberFormatException e) {
      writeSimple(out, 400, "malformed Content-Length");
      return false;
    }
    if (length < -1) {
      writeSimple(out, 400, "malformed Content-Length");
      return false;
    }
    if (headOnly.header("Expect").filter(v -> v.equalsIgnoreCase("100-continue")).isPresent()) {
      out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }
    boolean streamedBody = dispatcher.streamsRequestBody(headOnly);
    RecordedRequest request;
    if (streamedBody) {
      InputStream body = chunked ? new ChunkedInputStream(in, Long.MAX_VALUE) : new LimitedInputStream(in, length);
      request = new RecordedRequest(sequence, connection, line[0], line[1], line[2], headers,
          new byte[0], body, clientPort, protocol, suite);
    } else {
      byte[] body;
      try {
        body = chunked ? new ChunkedInputStream(in, maxBodyBytes).readAllBytes() : readBody(in, length);
      } catch (BodyTooLarge e) {
        writeSimple(out, 413, "request body larger than " + maxBodyBytes + " bytes");
        return false;
      }
      request = new RecordedRequest(sequence, connection, line[0], line[1], line[2], headers, body,
          InputStream.nullInputStream(), clientPort, protocol, suite);
    }
    log.add(request);

    boolean overlapped = inFlight.getAndIncrement() > 0;
    AtomicBoolean released = new AtomicBoolean();
    Runnable release = () -> {
      if (released.compareAndSet(false, true)) {
        inFlight.decrementAndGet();
      }
    };
    try {
      if (overlapped && faults.isOn(Fault.RESET_OVERLAPPING)) {
        faults.count(Fault.RESET_OVERLAPPING);
        release.run();
        return false; // closed without a status line
      }
      HttpAnswer answer = await(request);
      // released just before the answer is written: once the client has it, it may send the next
      release.run();
      boolean keep = perform(answer, request, socket, in, out, answered);
      return keep && !streamedBody && !request.wantsClose();
    } finally {
      release.run();
    }
  }

  private HttpAnswer await(RecordedRequest request) {
    try {
      CompletableFuture<HttpAnswer> future = dispatcher.dispatch(request).toCompletableFuture();
      HttpAnswer answer = future.get();
      if (answer == null) {
        throw new IllegalStateException("dispatcher answered null");
      }
      return answer;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return HttpAnswer.fault(Fault.DROP_CONNECTION);
    } catch (ExecutionException e) {
      LOG.debug("{} dispatcher failed on {}: {}", name, request, String.valueOf(e.getCause()));
      return HttpAnswer.text(500, "text/plain", "500 Internal Server Error");
    } catch (RuntimeException e) {
      LOG.debug("{} dispatcher failed on {}: {}", name, request, e.toString());
      return HttpAnswer.text(500, "text/plain", "500 Internal Server Error");
    }
  }

  /** Carries out the answer, setting {@code answered} just before its last bytes leave; false when the connection must end. */
  private boolean perform(HttpAnswer answer, RecordedRequest request, Socket socket, InputStream in,
      OutputStream out, AtomicLong answered) throws IOException {
    Fault fault = answer.fault().orElse(null);
    if (fault == Fault.DROP_CONNECTION) {
      faults.count(Fault.DROP_CONNECTION);
      return false;
    }
    if (fault == Fault.NO_ANSWER) {
      faults.count(Fault.NO_ANSWER);
      hold(socket, in);
      return false;
    }
    if (fault == Fault.ENDLESS_ANSWER || fault == Fault.HUGE_CONTENT_LENGTH || fault == Fault.TRICKLE_ANSWER) {
      oversized(fault, socket, out);
      return false;
    }
    if (fault == Fault.REJECT_LOGIN) {
      // a bare dispatcher asked for it: the generic refusal (a ProtocolDispatcher uses the brand's)
      faults.count(Fault.REJECT_LOGIN);
      answer = HttpAnswer.text(401, "text/plain", "401 Unauthorized").withHeader("WWW-Authenticate", "Basic realm=\"simulator\"");
    }
    boolean head = "HEAD".equals(request.method());
    StringBuilder sb = new StringBuilder(256);
    sb.append("HTTP/1.1 ").append(answer.status()).append(' ').append(reason(answer.status())).append("\r\n");
    boolean framed = false;
    boolean close = answer.closesConnection() || request.wantsClose();
    for (RecordedRequest.Header h : answer.headers()) {
      if (h.name().equalsIgnoreCase("Content-Length") || h.name().equalsIgnoreCase("Transfer-Encoding")) {
        framed = true;
      }
      if (h.name().equalsIgnoreCase("Connection") && h.value().toLowerCase(Locale.ROOT).contains("close")) {
        close = true;
      }
      sb.append(h.name()).append(": ").append(h.value()).append("\r\n");
    }
    if (!answer.isStreaming()) {
      byte[] body = answer.rawBody();
      if (!framed && answer.status() >= 200 && answer.status() != 204 && answer.status() != 304) {
        sb.append("Content-Length: ").append(body.length).append("\r\n");
      }
      if (close && answer.header("Connection").isEmpty()) {
        sb.append("Connection: close\r\n");
      }
      sb.append("\r\n");
      out.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
      if (!head) {
        out.write(body);
      }
      answered.set(System.nanoTime());
      out.flush();
      return !close;
    }
    boolean chunked = answer.framing() == HttpAnswer.Framing.CHUNKED;
    if (!framed && chunked) {
      sb.append("Transfer-Encoding: chunked\r\n");
    }
    if (!chunked && answer.header("Connection").isEmpty()) {
      sb.append("Connection: close\r\n");
      close = true;
    }
    sb.append("\r\n");
    out.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    socket.setSoTimeout(0);
    if (chunked && !framed) {
      ChunkedOutputStream body = new ChunkedOutputStream(out);
      answer.streamer().writeTo(body);
      answered.set(System.nanoTime());
      body.finish();
    } else {
      answer.streamer().writeTo(new NonClosing(out));
      out.flush();
    }
    return !close;
  }

  /**
   * Writes the body of an endless, huge or trickled answer until it is done, the client closes or
   * the server closes, counting the body bytes written; counts the fault when it ends.
   */
  private void oversized(Fault fault, Socket socket, OutputStream out) {
    String framing = fault == Fault.ENDLESS_ANSWER ? "Transfer-Encoding: chunked"
        : "Content-Length: " + (fault == Fault.HUGE_CONTENT_LENGTH ? 500_000_000 : 4096);
    long limit = fault == Fault.ENDLESS_ANSWER ? Long.MAX_VALUE : fault == Fault.HUGE_CONTENT_LENGTH ? 500_000_000 : 4096;
    byte[] chunk = new byte[64 * 1024];
    java.util.Arrays.fill(chunk, (byte) 'A');
    long sent = 0;
    try {
      socket.setSoTimeout(0);
      out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n" + framing + "\r\n\r\n")
          .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      while (!closed && sent < limit) {
        if (fault == Fault.TRICKLE_ANSWER) {
          Thread.sleep(100);
          out.write('A');
          out.flush();
          sent++;
        } else if (fault == Fault.ENDLESS_ANSWER) {
          out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
          out.write(chunk);
          out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
          sent += chunk.length;
        } else {
          int n = (int) Math.min(chunk.length, limit - sent);
          out.write(chunk, 0, n);
          sent += n;
        }
        faults.addBodyBytesSent(fault == Fault.TRICKLE_ANSWER ? 1 : chunk.length);
      }
    } catch (IOException e) {
      // the client closed: what the fault is there to show
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      faults.count(fault);
    }
  }

  /** Leaves the request unanswered until the client closes, the hold time passes or the server closes. */
  private void hold(Socket socket, InputStream in) {
    try {
      socket.setSoTimeout(millis(holdTimeout));
      byte[] sink = new byte[1024];
      while (!closed && in.read(sink) >= 0) {
        // discard whatever the client sends meanwhile
      }
    } catch (IOException e) {
      // time-out, reset or server closing: the connection goes
    }
  }

  private static int millis(Duration d) {
    long ms = d.toMillis();
    return ms > Integer.MAX_VALUE ? 0 : (int) Math.max(1, ms);
  }

  private static void writeSimple(OutputStream out, int status, String text) throws IOException {
    byte[] body = (status + " " + text).getBytes(StandardCharsets.UTF_8);
    out.write(("HTTP/1.1 " + status + " " + reason(status) + "\r\nContent-Type: text/plain\r\nContent-Length: "
        + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
    out.write(body);
    out.flush();
  }

  private static final Map<Integer, String> REASONS = Map.ofEntries(
      Map.entry(100, "Continue"), Map.entry(200, "OK"), Map.entry(201, "Created"),
      Map.entry(202, "Accepted"), Map.entry(204, "No Content"), Map.entry(301, "Moved Permanently"),
      Map.entry(302, "Found"), Map.entry(304, "Not Modified"), Map.entry(400, "Bad Request"),
      Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"),
      Map.entry(405, "Method Not Allowed"), Map.entry(408, "Request Timeout"),
      Map.entry(413, "Content Too Large"), Map.entry(415, "Unsupported Media Type"),
      Map.entry(431, "Request Header Fields Too Large"), Map.entry(500, "Internal Server Error"),
      Map.entry(501, "Not Implemented"), Map.entry(502, "Bad Gateway"), Map.entry(503, "Service Unavailable"),
      Map.entry(504, "Gateway Timeout"));

  private static String reason(int status) {
    return REASONS.getOrDefault(status, "Status");
  }

  // ------------------------------------------------------------------ wire reading

  private static final class HeadTooLarge extends IOException {
    HeadTooLarge() {
      super("request head too large", null);
    }
  }

  private static final class BodyTooLarge extends IOException {
    BodyTooLarge() {
      super("request body too large", null);
    }
  }

  /** The head's lines (request line first), or null at a clean end of stream before any byte. */
  private static List<String> readHead(InputStream in) throws IOException {
    List<String> lines = new ArrayList<>();
    ByteArrayOutputStream line = new ByteArrayOutputStream(128);
    int total = 0;
    while (true) {
      int b = in.read();
      if (b < 0) {
        if (total == 0) {
          return null;
        }
        throw new EOFException("connection closed inside a request head");
      }
      if (++total > MAX_HEAD_BYTES) {
        throw new HeadTooLarge();
      }
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        String text = new String(bytes, 0, len, StandardCharsets.ISO_8859_1);
        line.reset();
        if (text.isEmpty()) {
          if (lines.isEmpty()) {
            continue; // tolerate blank lines before a request line (RFC 9112 2.2)
          }
          return lines;
        }
        lines.add(text);
      } else {
        line.write(b);
      }
    }
  }

  private byte[] readBody(InputStream in, long length) throws IOException {
    if (length > maxBodyBytes) {
      throw new BodyTooLarge();
    }
    byte[] body = in.readNBytes((int) length);
    if (body.length < length) {
      throw new EOFException("connection closed inside a request body");
    }
    return body;
  }

  /** Reads exactly {@code remaining} bytes of a body, then reports its end. */
  private static final class LimitedInputStream extends InputStream {
    private final InputStream in;
    private long remaining;

    LimitedInputStream(InputStream in, long length) {
      this.in = in;
      this.remaining = Math.max(0, length);
    }

    @Override
    public int read() throws IOException {
      if (remaining <= 0) {
        return -1;
      }
      int b = in.read();
      if (b >= 0) {
        remaining--;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (remaining <= 0) {
        return -1;
      }
      int n = in.read(b, off, (int) Math.min(len, remaining));
      if (n > 0) {
        remaining -= n;
      }
      return n;
    }

    @Override
    public void close() {
      // the connection's stream stays open
    }
  }

  /** Decodes a chunked body, refusing more than {@code limit} bytes. */
  private static final class ChunkedInputStream extends InputStream {
    private final InputStream in;
    private final long limit;
    private long inChunk;
    private long total;
    private boolean needCrlf;
    private boolean done;

    ChunkedInputStream(InputStream in, long limit) {
      this.in = in;
      this.limit = limit;
    }

    private boolean ready() throws IOException {
      if (done) {
        return false;
      }
      if (inChunk > 0) {
        return true;
      }
      if (needCrlf) {
        if (!readLine().isEmpty()) {
          throw new IOException("malformed chunk end");
        }
        needCrlf = false;
      }
      String size = readLine();
      int semicolon = size.indexOf(';');
      try {
        inChunk = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).strip(), 16);
      } catch (NumberFormatException e) {
        throw new IOException("malformed chunk size");
      }
      if (inChunk < 0) {
        throw new IOException("malformed chunk size");
      }
      if (inChunk == 0) {
        while (!readLine().isEmpty()) {
          // trailers are ignored
        }
        done = true;
        return false;
      }
      if (total + inChunk > limit) {
        throw new BodyTooLarge();
      }
      total += inChunk;
      return true;
    }

    private String readLine() throws IOException {
      StringBuilder sb = new StringBuilder();
      int b;
      while ((b = in.read()) != '\n') {
        if (b < 0) {
          throw new EOFException("connection closed inside a chunked body");
        }
        if (sb.length() > 1024) {
          throw new IOException("chunk line too long");
        }
        if (b != '\r') {
          sb.append((char) b);
        }
      }
      return sb.toString();
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (!ready()) {
        return -1;
      }
      int n = in.read(b, off, (int) Math.min(len, inChunk));
      if (n < 0) {
        throw new EOFException("connection closed inside a chunk");
      }
      inChunk -= n;
      if (inChunk == 0) {
        needCrlf = true;
      }
      return n;
    }

    @Override
    public void close() {
      // the connection's stream stays open
    }
  }

  /** Writes each write as one chunk; {@link #finish()} writes the last chunk. */
  private static final class ChunkedOutputStream extends FilterOutputStream {
    ChunkedOutputStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return;
      }
      out.write((Integer.toHexString(len) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(b, off, len);
      out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    void finish() throws IOException {
      out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }

    @Override
    public void close() throws IOException {
      flush(); // the streamer closing its stream must not close the connection
    }
  }

  private static final class NonClosing extends FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // going away anyway
    }
  }

  @Override
  public String toString() {
    ServerSocket s = serverSocket;
    return "SimulatorServer[" + name + ", " + (s == null ? "not started" : (tls ? "https" : "http") + "://127.0.0.1:" + s.getLocalPort()) + "]";
  }

  /** Stops at once: closes the listening socket and every connection, held ones included. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (serverSocket != null) {
      try {
        serverSocket.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
    for (Socket s : open.toArray(Socket[]::new)) {
      closeQuietly(s);
    }
    open.clear();
    if (threads != null) {
      threads.shutdownNow();
    }
  }

  /** Builder for {@link SimulatorServer}. Not thread-safe. */
  public static final class Builder {
    private String name = "simulator";
    private int port;
    private boolean tls = true;
    private List<String> tlsProtocols;
    private List<String> cipherSuites;
    private SelfSignedCertificate certificate;
    private Dispatcher dispatcher;
    private FaultPlan faults = new FaultPlan();
    private int recordedRequestLimit = 256;
    private int maxRequestBodyBytes = 1024 * 1024;
    private int maxConnections = 1024;
    private Duration holdTimeout = Duration.ofSeconds(60);
    private Duration idleTimeout = Duration.ofSeconds(30);
    private Duration handshakeTimeout = Duration.ofSeconds(30);

    private Builder() {}

    /** A short name for threads, logs and the certificate's CN (default {@code simulator}). */
    public Builder name(String name) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("name must be non-blank");
      }
      this.name = name;
      return this;
    }

    /** The port on 127.0.0.1; 0 (the default) takes any free port. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0..65535 (0: any free port), was " + port);
      }
      this.port = port;
      return this;
    }

    /** Serves plain HTTP (no TLS): ONVIF devices, snapshot URIs. */
    public Builder plainHttp() {
      this.tls = false;
      return this;
    }

    /** Serves HTTPS (the default). */
    public Builder https() {
      this.tls = true;
      return this;
    }

    /** The certificate to present (default: a new EC P-256 one made by {@link #start()}). Implies HTTPS. */
    public Builder certificate(SelfSignedCertificate certificate) {
      this.certificate = Objects.requireNonNull(certificate, "certificate");
      this.tls = true;
      return this;
    }

    /**
     * Enables only these TLS protocols (e.g. {@code "TLSv1.2"}); default: the JDK's.
     *
     * @throws IllegalArgumentException if empty
     */
    public Builder tlsProtocols(String... protocols) {
      this.tlsProtocols = nonEmpty("tlsProtocols", protocols);
      return this;
    }

    /**
     * Enables only these cipher suites, by their JSSE names (e.g. {@code
     * "TLS_RSA_WITH_AES_128_GCM_SHA256"}: static RSA needs an {@linkplain
     * SelfSignedCertificate#createRsa RSA certificate}); default: the JDK's. A suite the JDK does not
     * know fails the handshake of each connection (logged at debug), not the build.
     *
     * @throws IllegalArgumentException if empty
     */
    public Builder cipherSuites(String... suites) {
      this.cipherSuites = nonEmpty("cipherSuites", suites);
      return this;
    }

    private static List<String> nonEmpty(String field, String... values) {
      if (values == null || values.length == 0) {
        throw new IllegalArgumentException(field + " must name at least one");
      }
      List<String> list = Arrays.asList(values.clone());
      list.forEach(v -> Objects.requireNonNull(v, field));
      return List.copyOf(list);
    }

    /** The behaviour. Required. */
    public Builder dispatcher(Dispatcher dispatcher) {
      this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
      return this;
    }

    /** The fault plan to carry out (default: a new, empty one; share it with a {@link ProtocolDispatcher}). */
    public Builder faults(FaultPlan faults) {
      this.faults = Objects.requireNonNull(faults, "faults");
      return this;
    }

    /** How many recent requests the log keeps (default 256). */
    public Builder recordedRequestLimit(int limit) {
      if (limit < 1) {
        throw new IllegalArgumentException("recordedRequestLimit must be at least 1, was " + limit);
      }
      this.recordedRequestLimit = limit;
      return this;
    }

    /** The largest request body read whole (default 1 MiB); larger ones get 413. */
    public Builder maxRequestBodyBytes(int bytes) {
      if (bytes < 0) {
        throw new IllegalArgumentException("maxRequestBodyBytes must be zero or more, was " + bytes);
      }
      this.maxRequestBodyBytes = bytes;
      return this;
    }

    /**
     * The most connections open at once (default 1024): a new one beyond it closes the connection
     * idle the longest, or is closed itself when every connection is busy.
     */
    public Builder maxConnections(int connections) {
      if (connections < 1) {
        throw new IllegalArgumentException("maxConnections must be at least 1, was " + connections);
      }
      this.maxConnections = connections;
      return this;
    }

    /** How long a {@link Fault#NO_ANSWER} request is held before the server closes it (default 60 s). */
    public Builder holdTimeout(Duration timeout) {
      this.holdTimeout = positive("holdTimeout", timeout);
      return this;
    }

    /**
     * How long a kept-alive connection may wait for its next request before the server closes it
     * (default 30 s, as the JDK's own HTTP server; cameras drop idle sockets too).
     */
    public Builder idleTimeout(Duration timeout) {
      this.idleTimeout = positive("idleTimeout", timeout);
      return this;
    }

    /** How long a TLS handshake may take (default 30 s). */
    public Builder handshakeTimeout(Duration timeout) {
      this.handshakeTimeout = positive("handshakeTimeout", timeout);
      return this;
    }

    private static Duration positive(String field, Duration d) {
      if (d == null || d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException(field + " must be positive, was " + d);
      }
      return d;
    }

    /** Builds the server (not started). @throws IllegalStateException without a dispatcher */
    public SimulatorServer build() {
      if (dispatcher == null) {
        throw new IllegalStateException("dispatcher is required: what the server answers");
      }
      return new SimulatorServer(this);
    }

    /** Builds and starts. */
    public SimulatorServer start() {
      return build().start();
    }
  }
}
