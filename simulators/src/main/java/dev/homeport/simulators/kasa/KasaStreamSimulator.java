package dev.homeport.simulators.kasa;

import dev.homeport.simulators.tls.SelfSignedCertificate;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLServerSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live-stream and talk ports of a simulated Kasa camera, as the protocol notes (kasa-firmware.md
 * §7) describe them, on {@code 127.0.0.1} over TLS with raw sockets so every byte is under control:
 *
 * <ul>
 *   <li>stream (19443 on a camera; an ephemeral port here): {@code GET /https/stream/mixed?video=h264
 *       &audio=g711&resolution=hd|vga} with Basic {@code user:base64(password)}; one viewer at a time
 *       (a second gets 503); answers {@code multipart/x-mixed-replace;boundary=data-boundary--} with
 *       {@code video/x-h264} and {@code audio/g711u} parts, each with {@code Content-Length} and
 *       {@code X-Timestamp} (seconds, with milliseconds), made from the {@link SampleClip} looped
 *       with increasing timestamps; the outer body oddly chunked, or with {@code Content-Length: -1}
 *       (see {@link Framing});
 *   <li>talk (18443 on a camera): {@code POST /https/speaker/audio/g711block?playerId=tty.<32 chars>}
 *       with Basic {@code user:md5hex(password)} and {@code X-APP-ID: <playerId>}, a chunked
 *       {@code multipart/x-mixed-replace;boundary=audio-boundary--} body whose parts it records
 *       ({@link #talkSessions()}).
 * </ul>
 *
 * <p>Faults ({@link #inject(StreamFault, int)}): stall, drop mid-part, truncated part, wrong
 * Content-Length, a part of unknown type. Not in the notes, so chosen here and said so: the size of
 * the camera's audio parts (160 bytes here), how it paces them, and what it answers at the end of a
 * talk (200 with an empty body here).
 *
 * <p>Its wire code is its own, independent of any client's. Thread-safe; close it when done.
 */
public final class KasaStreamSimulator implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(KasaStreamSimulator.class);

  /** The stream's boundary, as real cameras send it. */
  public static final String BOUNDARY = "data-boundary--";
  /** The talk body's boundary. */
  public static final String TALK_BOUNDARY = "audio-boundary--";
  /** Camera timestamps start here (seconds since the epoch), like a camera's clock. */
  public static final long EPOCH_SECONDS = 1_764_650_000L;

  /** How the outer body is framed. */
  public enum Framing {
    /** {@code Transfer-Encoding: chunked} with chunk sizes unrelated to the parts (1..4096 bytes). */
    ODD_CHUNKS,
    /** {@code Content-Length: -1}, no chunking, the body ends when the connection closes. */
    LENGTH_MINUS_ONE,
    /** Both: chunked, and a {@code Content-Length: -1} header that a client must ignore. */
    ODD_CHUNKS_AND_LENGTH_MINUS_ONE
  }

  /** One part of a talk body as received. */
  public record TalkPart(String contentType, int length, long receivedNanos) {}

  /** One talk request as received. */
  public record TalkSession(String playerId, String appId, String contentType, List<TalkPart> parts) {}

  /** One stream request as received. */
  public record StreamRequest(String pathAndQuery, int status) {}

  private final String username;
  private final String password;
  private final SelfSignedCertificate certificate;
  private final double speed;
  private final int audioPartBytes;
  private final int requestedStreamPort;
  private final int requestedTalkPort;
  private volatile Framing framing;
  private final SampleClip clip = SampleClip.get();
  private final AtomicBoolean viewing = new AtomicBoolean();
  private final AtomicReference<Fault> fault = new AtomicReference<>();
  private final AtomicLong mediaClockMs = new AtomicLong(-1);
  private final AtomicInteger streamConnections = new AtomicInteger();
  private final AtomicInteger busyAnswers = new AtomicInteger();
  private final AtomicInteger faultsApplied = new AtomicInteger();
  private final AtomicLong partsSent = new AtomicLong();
  private final List<StreamRequest> streamRequests = new CopyOnWriteArrayList<>();
  private final List<TalkSession> talkSessions = new CopyOnWriteArrayList<>();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final long wallStart = System.nanoTime();
  private volatile boolean closed;
  private ServerSocket streamServer;
  private ServerSocket talkServer;

  private record Fault(StreamFault kind, int afterParts) {}

  private KasaStreamSimulator(Builder b) {
    this.username = b.username;
    this.password = b.password;
    this.certificate = b.certificate != null ? b.certificate : SelfSignedCertificate.create("kasa-simulator");
    this.speed = b.speed;
    this.audioPartBytes = b.audioPartBytes;
    this.framing = b.framing;
    this.requestedStreamPort = b.streamPort;
    this.requestedTalkPort = b.talkPort;
  }

  /** A builder: user {@code user@example.com}, password {@code secret}, real time, odd chunks. */
  public static Builder builder() {
    return new Builder();
  }

  /** Binds both ports on 127.0.0.1 and starts serving. */
  public synchronized KasaStreamSimulator start() {
    try {
      InetAddress loopback = InetAddress.getLoopbackAddress();
      streamServer = certificate.serverContext().getServerSocketFactory().createServerSocket(requestedStreamPort, 8, loopback);
      talkServer = certificate.serverContext().getServerSocketFactory().createServerSocket(requestedTalkPort, 8, loopback);
      for (ServerSocket s : List.of(streamServer, talkServer)) {
        ((SSLServerSocket) s).setEnabledProtocols(new String[] {"TLSv1.2"});
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot bind the stream simulator", e);
    }
    daemon("kasa-sim-stream-accept", () -> accept(streamServer, this::serveStream));
    daemon("kasa-sim-talk-accept", () -> accept(talkServer, this::serveTalk));
    return this;
  }

  /** The stream port (19443 on a real camera). */
  public int streamPort() {
    return streamServer.getLocalPort();
  }

  /** The talk port (18443 on a real camera). */
  public int talkPort() {
    return talkServer.getLocalPort();
  }

  /** The SHA-256 fingerprint of the certificate both ports present. */
  public String fingerprint() {
    return certificate.sha256Fingerprint();
  }

  /** A client TLS context trusting only this simulator's certificate (for tests of raw clients). */
  public javax.net.ssl.SSLContext certificateTrustingContext() {
    return certificate.clientContextTrustingThis();
  }

  /** Changes how later streams frame their outer body. */
  public KasaStreamSimulator framing(Framing framing) {
    this.framing = Objects.requireNonNull(framing, "framing");
    return this;
  }

  /** Injects {@code kind} once, after {@code afterParts} more parts of the current or next stream. */
  public KasaStreamSimulator inject(StreamFault kind, int afterParts) {
    fault.set(new Fault(Objects.requireNonNull(kind, "kind"), afterParts));
    return this;
  }

  /** Whether an injected fault is still waiting to happen. */
  public boolean faultPending() {
    return fault.get() != null;
  }

  /** Faults applied so far. */
  public int faultsApplied() {
    return faultsApplied.get();
  }

  /** Stream connections that got 200 so far. */
  public int streamConnections() {
    return streamConnections.get();
  }

  /** Stream requests refused with 503 because someone was watching. */
  public int busyAnswers() {
    return busyAnswers.get();
  }

  /** Whether a viewer is connected now. */
  public boolean viewing() {
    return viewing.get();
  }

  /** Media parts sent so far over all streams. */
  public long partsSent() {
    return partsSent.get();
  }

  /** Every stream request so far, with the status answered. */
  public List<StreamRequest> streamRequests() {
    return List.copyOf(streamRequests);
  }

  /** Every talk request so far; the last one's parts grow while it runs. */
  public List<TalkSession> talkSessions() {
    return List.copyOf(talkSessions);
  }

  private void daemon(String name, Runnable r) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    t.start();
  }

  private interface Handler {
    void serve(Socket socket) throws IOException;
  }

  private void accept(ServerSocket server, Handler handler) {
    while (!closed) {
      Socket s;
      try {
        s = server.accept();
      } catch (IOException e) {
        if (!closed) {
          LOG.debug("stream simulator accept failed", e);
        }
        return;
      }
      open.add(s);
      daemon("kasa-sim-conn", () -> {
        try (s) {
          handler.serve(s);
        } catch (IOException e) {
          LOG.debug("stream simulator connection ended: {}", e.toString());
        } finally {
          open.remove(s);
        }
      });
    }
  }

  // ---- requests ----

  private record Request(String method, String target, Map<String, String> headers) {
    String path() {
      int q = target.indexOf('?');
      return q < 0 ? target : target.substring(0, q);
    }

    Map<String, String> query() {
      Map<String, String> m = new LinkedHashMap<>();
      int q = target.indexOf('?');
      if (q >= 0) {
        for (String kv : target.substring(q + 1).split("&")) {
          int eq = kv.indexOf('=');
          if (eq > 0) {
            m.put(URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8),
                URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
          }
        }
      }
      return m;
    }
  }

  private static String line(InputStream in, int max) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (int c; (c = in.read()) != '\n'; ) {
      if (c < 0) {
        throw new EOFException("connection closed in a line");
      }
      if (b.size() >= max) {
        throw new IOException("line too long");
      }
      b.write(c);
    }
    String s = b.toString(StandardCharsets.ISO_8859_1);
    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
  }

  private static Request readRequest(InputStream in) throws IOException {
    String first = line(in, 8192);
    String[] parts = first.split(" ");
    if (parts.length != 3) {
      throw new IOException("bad request line");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (int n = 0; n < 100; n++) {
      String h = line(in, 8192);
      if (h.isEmpty()) {
        return new Request(parts[0], parts[1], headers);
      }
      int colon = h.indexOf(':');
      if (colon > 0) {
        headers.put(h.substring(0, colon).strip().toLowerCase(Locale.ROOT), h.substring(colon + 1).strip());
      }
    }
    throw new IOException("too many headers");
  }

  private static void answer(OutputStream out, int status, String reason) throws IOException {
    out.write(("HTTP/1.1 " + status + " " + reason + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        .getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  private String basic(String secretForm) {
    return "Basic " + Base64.getEncoder().encodeToString((username + ":" + secretForm).getBytes(StandardCharsets.UTF_8));
  }

  // ---- stream ----

  private void serveStream(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    OutputStream out = socket.getOutputStream();
    Request req = readRequest(in);
    Map<String, String> q = req.query();
    if (!req.method().equals("GET") || !req.path().equals("/https/stream/mixed")) {
      streamRequests.add(new StreamRequest(req.target(), 404));
      answer(out, 404, "Not Found");
      return;
    }
    if (!"h264".equals(q.get("video")) || !"g711".equals(q.get("audio"))
        || !Set.of("hd", "vga").contains(q.getOrDefault("resolution", "hd"))) {
      streamRequests.add(new StreamRequest(req.target(), 400));
      answer(out, 400, "Bad Request");
      return;
    }
    String expected = basic(Base64.getEncoder().encodeToString(password.getBytes(StandardCharsets.UTF_8)));
    if (!expected.equals(req.headers().get("authorization"))) {
      streamRequests.add(new StreamRequest(req.target(), 401));
      answer(out, 401, "Unauthorized");
      return;
    }
    if (!viewing.compareAndSet(false, true)) {
      busyAnswers.incrementAndGet();
      streamRequests.add(new StreamRequest(req.target(), 503));
      answer(out, 503, "Service Unavailable");
      return;
    }
    try {
      streamRequests.add(new StreamRequest(req.target(), 200));
      streamConnections.incrementAndGet();
      Framing f = framing;
      StringBuilder head = new StringBuilder("HTTP/1.1 200 OK\r\nContent-Type: multipart/x-mixed-replace;boundary=")
          .append(BOUNDARY).append("\r\nConnection: close\r\n");
      if (f != Framing.LENGTH_MINUS_ONE) {
        head.append("Transfer-Encoding: chunked\r\n");
      }
      if (f != Framing.ODD_CHUNKS) {
        head.append("Content-Length: -1\r\n");
      }
      out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      Body body = f == Framing.LENGTH_MINUS_ONE ? new Body(out, false) : new Body(out, true);
      stream(socket, body);
    } finally {
      viewing.set(false);
    }
  }

  /** The outer body: raw, or chunked in sizes that have nothing to do with the parts. */
  private static final class Body {
    private final OutputStream out;
    private final boolean chunked;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final Random random = new Random(7);
    private int nextChunk = 1;

    Body(OutputStream out, boolean chunked) {
      this.out = out;
      this.chunked = chunked;
    }

    void write(byte[] b, int off, int len) throws IOException {
      if (!chunked) {
        out.write(b, off, len);
        return;
      }
      pending.write(b, off, len);
      while (pending.size() >= nextChunk) {
        byte[] all = pending.toByteArray();
        chunk(all, 0, nextChunk);
        pending.reset();
        pending.write(all, nextChunk, all.length - nextChunk);
        nextChunk = 1 + random.nextInt(4096);
      }
    }

    void write(byte[] b) throws IOException {
      write(b, 0, b.length);
    }

    private void chunk(byte[] b, int off, int len) throws IOException {
      out.write((Integer.toHexString(len) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.write(b, off, len);
      out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }

    void flush() throws IOException {
      if (chunked && pending.size() > 0) {
        byte[] all = pending.toByteArray();
        chunk(all, 0, all.length);
        pending.reset();
      }
      out.flush();
    }
  }

  private static byte[] head(String type, long contentLength, long timestampMs) {
    return ("--" + BOUNDARY + "\r\nContent-Type: " + type + "\r\nContent-Length: " + contentLength
        + "\r\nX-Timestamp: " + String.format(Locale.ROOT, "%d.%03d", timestampMs / 1000, timestampMs % 1000)
        + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
  }

  private static final byte[] CRLF = {'\r', '\n'};

  private void stream(Socket socket, Body body) throws IOException {
    List<byte[]> units = clip.accessUnits();
    byte[] audio = clip.audio();
    long frameMs = 1000 / SampleClip.FPS;
    long clipMs = units.size() * frameMs;
    long gopMs = 1000; // an IDR every 10 frames at 10 fps
    long wallMs = (long) ((System.nanoTime() - wallStart) / 1e6 * speed);
    long last = mediaClockMs.get();
    long t = Math.max(last + 1, wallMs);
    t = (t + gopMs - 1) / gopMs * gopMs; // a camera starts a new viewer at a key frame
    long connStartNanos = System.nanoTime();
    long connStartMs = t;
    long stampBase = EPOCH_SECONDS * 1000;
    sendPart(body, "video/x-h264", clip.parameterSets(), stampBase + t, -1);
    int sentHere = 0;
    while (!closed) {
      long pos = t % clipMs;
      if (pos % frameMs == 0) {
        int index = (int) (pos / frameMs);
        if (!sendWithFaults(socket, body, "video/x-h264", units.get(index), stampBase + t, sentHere++)) {
          return;
        }
      }
      int from = (int) (pos * 8) % audio.length;
      byte[] part = java.util.Arrays.copyOfRange(audio, from, Math.min(audio.length, from + audioPartBytes));
      if (!sendWithFaults(socket, body, "audio/g711u", part, stampBase + t, sentHere++)) {
        return;
      }
      mediaClockMs.set(t);
      t += audioPartBytes / 8;
      body.flush();
      long dueNanos = connStartNanos + (long) ((t - connStartMs) * 1e6 / speed);
      long wait = dueNanos - System.nanoTime();
      if (wait > 0) {
        try {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private void sendPart(Body body, String type, byte[] payload, long stampMs, long declared) throws IOException {
    body.write(head(type, declared < 0 ? payload.length : declared, stampMs));
    body.write(payload);
    body.write(CRLF);
    partsSent.incrementAndGet();
  }

  /** Sends a part, applying a due fault; false when the connection is over. */
  private boolean sendWithFaults(Socket socket, Body body, String type, byte[] payload, long stampMs, int index)
      throws IOException {
    Fault f = fault.get();
    if (f == null) {
      sendPart(body, type, payload, stampMs, -1);
      return true;
    }
    if (f.afterParts() > 0) {
      fault.compareAndSet(f, new Fault(f.kind(), f.afterParts() - 1));
      sendPart(body, type, payload, stampMs, -1);
      return true;
    }
    boolean video = type.startsWith("video");
    switch (f.kind()) {
      case STALL:
        take(f);
        body.flush();
        LOG.debug("stream simulator: stalling");
        stall(socket);
        return false;
      case DROP_MID_PART:
        take(f);
        body.write(head(type, payload.length, stampMs));
        body.write(payload, 0, payload.length / 2);
        body.flush();
        socket.close();
        return false;
      case TRUNCATED_PART:
        if (!video) {
          break;
        }
        take(f);
        body.write(head(type, payload.length, stampMs));
        body.write(payload, 0, payload.length / 2);
        body.write(CRLF);
        return true;
      case WRONG_CONTENT_LENGTH:
        if (!video) {
          break;
        }
        take(f);
        sendPart(body, type, payload, stampMs, payload.length + 7);
        return true;
      case UNKNOWN_PART_TYPE:
        take(f);
        sendPart(body, "application/x-unknown", "{\"status\":\"ok\"}".getBytes(StandardCharsets.US_ASCII), stampMs, -1);
        break;
      default:
        break;
    }
    sendPart(body, type, payload, stampMs, -1);
    return true;
  }

  private void take(Fault f) {
    if (fault.compareAndSet(f, null)) {
      faultsApplied.incrementAndGet();
    }
  }

  /** Keeps the connection open without sending, until the client or the simulator closes it. */
  private void stall(Socket socket) throws IOException {
    socket.setSoTimeout(100);
    InputStream in = socket.getInputStream();
    while (!closed && !socket.isClosed()) {
      try {
        if (in.read() < 0) {
          return;
        }
      } catch (SocketTimeoutException e) {
        // still open: go on waiting
      } catch (SocketException e) {
        return;
      }
    }
  }

  // ---- talk ----

  private static String md5hex(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void serveTalk(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    OutputStream out = socket.getOutputStream();
    Request req = readRequest(in);
    String playerId = req.query().get("playerId");
    if (!req.method().equals("POST") || !req.path().equals("/https/speaker/audio/g711block")) {
      answer(out, 404, "Not Found");
      return;
    }
    if (playerId == null || !playerId.matches("tty\\.[A-Za-z0-9]{32}")
        || !playerId.equals(req.headers().get("x-app-id"))) {
      answer(out, 400, "Bad Request");
      return;
    }
    if (!basic(md5hex(password)).equals(req.headers().get("authorization"))) {
      answer(out, 401, "Unauthorized");
      drain(socket, in); // let the client read the answer before the connection closes
      return;
    }
    List<TalkPart> parts = new CopyOnWriteArrayList<>();
    talkSessions.add(new TalkSession(playerId, req.headers().get("x-app-id"),
        req.headers().getOrDefault("content-type", ""), parts));
    InputStream bodyIn = "chunked".equalsIgnoreCase(req.headers().get("transfer-encoding"))
        ? new Dechunk(in) : in;
    String delimiter = "--" + TALK_BOUNDARY;
    while (true) {
      String l;
      try {
        l = line(bodyIn, 1024);
      } catch (EOFException e) {
        break;
      }
      if (!l.equals(delimiter)) {
        continue; // the CRLF after a part body, or padding
      }
      String type = "";
      int length = -1;
      for (String h; !(h = line(bodyIn, 1024)).isEmpty(); ) {
        String lower = h.toLowerCase(Locale.ROOT);
        if (lower.startsWith("content-type:")) {
          type = h.substring(13).strip();
        } else if (lower.startsWith("content-length:")) {
          length = Integer.parseInt(h.substring(15).strip());
        }
      }
      byte[] data = bodyIn.readNBytes(Math.max(0, length));
      if (data.length < length) {
        break;
      }
      parts.add(new TalkPart(type, length, System.nanoTime()));
    }
    answer(out, 200, "OK");
  }

  /** Reads and discards what the client still sends, for at most 2 s. */
  private static void drain(Socket socket, InputStream in) {
    try {
      socket.setSoTimeout(2000);
      byte[] sink = new byte[4096];
      while (in.read(sink) >= 0) {
        // discard
      }
    } catch (IOException e) {
      // done either way
    }
  }

  /** Reads a chunked body (its own decoder, not the JDK's). */
  private static final class Dechunk extends InputStream {
    private final InputStream in;
    private int left;
    private boolean done;

    Dechunk(InputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      if (done) {
        return -1;
      }
      if (left == 0) {
        String size = line(in, 100);
        if (size.isEmpty()) {
          size = line(in, 100); // the CRLF ending the previous chunk
        }
        int semi = size.indexOf(';');
        left = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).strip(), 16);
        if (left == 0) {
          done = true;
          return -1;
        }
      }
      int c = in.read();
      if (c < 0) {
        throw new EOFException("chunked body cut");
      }
      left--;
      return c;
    }
  }

  /** Closes the current viewer's connection abruptly (as a camera rebooting would). */
  public void dropViewers() {
    for (Socket s : open) {
      try {
        s.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    for (ServerSocket s : new ServerSocket[] {streamServer, talkServer}) {
      if (s != null) {
        try {
          s.close();
        } catch (IOException e) {
          // closing anyway
        }
      }
    }
    dropViewers();
  }

  @Override
  public String toString() {
    return "KasaStreamSimulator[stream " + (streamServer == null ? "-" : streamPort()) + ", talk "
        + (talkServer == null ? "-" : talkPort()) + "]";
  }

  /** Builds a {@link KasaStreamSimulator}. */
  public static final class Builder {
    private String username = "user@example.com";
    private String password = "secret";
    private SelfSignedCertificate certificate;
    private double speed = 1.0;
    private int audioPartBytes = 160;
    private Framing framing = Framing.ODD_CHUNKS;
    private int streamPort;
    private int talkPort;

    private Builder() {}

    /** The account the camera accepts. */
    public Builder credentials(String username, String password) {
      this.username = Objects.requireNonNull(username, "username");
      this.password = Objects.requireNonNull(password, "password");
      return this;
    }

    /** The certificate both ports present (a camera's LINKIE port presents the same one). */
    public Builder certificate(SelfSignedCertificate certificate) {
      this.certificate = Objects.requireNonNull(certificate, "certificate");
      return this;
    }

    /** How much faster than real time to send (1 = real time; tests use more). */
    public Builder speed(double speed) {
      if (!(speed > 0)) {
        throw new IllegalArgumentException("speed must be positive, was " + speed);
      }
      this.speed = speed;
      return this;
    }

    /** The outer framing of streams. */
    public Builder framing(Framing framing) {
      this.framing = Objects.requireNonNull(framing, "framing");
      return this;
    }

    /** Ports to bind (0, the default, for ephemeral ones). */
    public Builder ports(int streamPort, int talkPort) {
      this.streamPort = streamPort;
      this.talkPort = talkPort;
      return this;
    }

    /** Builds and starts the simulator. */
    public KasaStreamSimulator start() {
      return new KasaStreamSimulator(this).start();
    }
  }
}
