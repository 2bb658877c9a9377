package dev.homeport.adapter.events.wss;

import dev.homeport.domain.Secret;
import dev.homeport.simulators.tls.SelfSignedCertificate;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLServerSocket;

/**
 * A purpose-built misbehaving server on loopback for what the SmartThings simulator cannot do: it
 * speaks just enough HTTP upgrade, WebSocket framing (RFC 6455, unfragmented) and Engine.IO by
 * hand that each test can script a connection byte by byte — refuse the upgrade with 401, never
 * answer it, announce absurd ping values, send oversized frames, authenticate and then drop.
 * Every accepted connection runs its {@link Script} on its own thread; {@link #acceptedAt()}
 * records when each arrived ({@link System#nanoTime()}).
 */
final class HostileServer implements AutoCloseable {

  /** What the server does with one accepted connection. */
  @FunctionalInterface
  interface Script {
    void run(Peer peer) throws Exception;
  }

  static final String CSRF = "hostile-csrf-token";
  static final String COOKIE = "session=hostile-cookie";

  private final SelfSignedCertificate certificate = SelfSignedCertificate.create("hostile");
  private final ServerSocket socket;
  private final boolean tls;
  private final Script script;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread thread = new Thread(r, "hostile-server");
    thread.setDaemon(true);
    return thread;
  });
  private final List<Long> acceptedAt = new CopyOnWriteArrayList<>();
  private final List<Socket> open = new CopyOnWriteArrayList<>();

  /** A TLS server running {@code script} for every connection. */
  static HostileServer tls(Script script) throws IOException {
    return new HostileServer(true, script);
  }

  /** A plain TCP server (accepts and runs {@code script}; a TLS client gets no ServerHello). */
  static HostileServer plainTcp(Script script) throws IOException {
    return new HostileServer(false, script);
  }

  private HostileServer(boolean tls, Script script) throws IOException {
    this.tls = tls;
    this.script = script;
    InetAddress loopback = InetAddress.getLoopbackAddress();
    this.socket =
        tls
            ? (SSLServerSocket) certificate.serverContext().getServerSocketFactory().createServerSocket(0, 50, loopback)
            : new ServerSocket(0, 50, loopback);
    threads.execute(this::acceptLoop);
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        Socket connection = socket.accept();
        acceptedAt.add(System.nanoTime());
        open.add(connection);
        threads.execute(() -> {
          try (connection) {
            script.run(new Peer(connection));
          } catch (Exception | Error e) {
            // The client went away or the script ended the connection: both are expected here.
          } finally {
            open.remove(connection);
          }
        });
      } catch (IOException e) {
        return;
      }
    }
  }

  URI url() {
    return URI.create("wss://127.0.0.1:" + socket.getLocalPort() + "/socket.io/");
  }

  /** A config aimed at this server, pinned to its certificate, with a short call time-out. */
  ImmutableSmartThingsConfig.Builder config() {
    return ImmutableSmartThingsConfig.builder()
        .url(url())
        .csrfToken(Secret.of(CSRF))
        .cookie(Secret.of(COOKIE))
        .trust(SmartThingsTrust.pinnedSha256(certificate.sha256Fingerprint()))
        .callTimeout(Duration.ofSeconds(2));
  }

  /** When each connection was accepted, in order. */
  List<Long> acceptedAt() {
    return List.copyOf(acceptedAt);
  }

  int connections() {
    return acceptedAt.size();
  }

  /** Connections still open from the server's side (the client has not closed them). */
  int openConnections() {
    return open.size();
  }

  @Override
  public void close() throws IOException {
    socket.close();
    for (Socket connection : open) {
      connection.close();
    }
    threads.shutdownNow();
  }

  /** One accepted connection, seen from the server. Not thread-safe; used by its script only. */
  static final class Peer {
    private static final Pattern KEY = Pattern.compile("(?im)^sec-websocket-key:\\s*(\\S+)\\s*$");
    private static final Pattern ACK = Pattern.compile("^42(\\d+)\\[\"authenticate\"");
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    Peer(Socket socket) throws IOException {
      this.socket = socket;
      this.in = socket.getInputStream();
      this.out = socket.getOutputStream();
    }

    /** Reads the HTTP upgrade request head (through the blank line). */
    String readRequest() throws IOException {
      StringBuilder head = new StringBuilder();
      while (head.length() < 4 || head.lastIndexOf("\r\n\r\n") != head.length() - 4) {
        int b = in.read();
        if (b < 0) {
          throw new IOException("client closed during the request");
        }
        head.append((char) b);
      }
      return head.toString();
    }

    /** Answers the upgrade with {@code status} and no body, e.g. {@code "401 Unauthorized"}. */
    void refuse(String status) throws IOException {
      out.write(("HTTP/1.1 " + status + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
    }

    /** Reads the request and accepts the upgrade. */
    void upgrade() throws Exception {
      String request = readRequest();
      Matcher key = KEY.matcher(request);
      if (!key.find()) {
        throw new IOException("no Sec-WebSocket-Key");
      }
      byte[] digest = MessageDigest.getInstance("SHA-1")
          .digest((key.group(1) + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.ISO_8859_1));
      out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          + "Sec-WebSocket-Accept: " + Base64.getEncoder().encodeToString(digest) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
    }

    /** Upgrade, then the Engine.IO open packet with these ping values, and the Socket.IO connect. */
    void open(String pingInterval, String pingTimeout) throws Exception {
      upgrade();
      sendText("0{\"sid\":\"hostile\",\"upgrades\":[],\"pingInterval\":" + pingInterval + ",\"pingTimeout\":" + pingTimeout + "}");
      sendText("40");
    }

    /** {@link #open} with normal ping values, then answers the client's authenticate call. */
    void openAndAuthenticate() throws Exception {
      open("25000", "20000");
      while (true) {
        String frame = readText();
        Matcher ack = ACK.matcher(frame);
        if (ack.find()) {
          sendText("43" + ack.group(1) + "[null,{\"userId\":\"user-1\",\"sessionLength\":3600}]");
          return;
        }
      }
    }

    void sendText(String text) throws IOException {
      frame(0x1, text.getBytes(StandardCharsets.UTF_8));
    }

    void sendBinary(byte[] data) throws IOException {
      frame(0x2, data);
    }

    /** One unmasked, unfragmented frame (servers never mask). */
    void frame(int opcode, byte[] payload) throws IOException {
      ByteArrayOutputStream header = new ByteArrayOutputStream();
      header.write(0x80 | opcode);
      int n = payload.length;
      if (n < 126) {
        header.write(n);
      } else if (n < 65536) {
        header.write(126);
        header.write(n >>> 8);
        header.write(n);
      } else {
        header.write(127);
        for (int shift = 56; shift >= 0; shift -= 8) {
          header.write((int) ((long) n >>> shift));
        }
      }
      out.write(header.toByteArray());
      out.write(payload);
      out.flush();
    }

    /** The next text frame from the client (answers its WebSocket pings, skips other control frames). */
    String readText() throws IOException {
      while (true) {
        int b0 = readByte();
        int b1 = readByte();
        long length = b1 & 0x7f;
        if (length == 126) {
          length = (readByte() << 8) | readByte();
        } else if (length == 127) {
          length = 0;
          for (int i = 0; i < 8; i++) {
            length = (length << 8) | readByte();
          }
        }
        byte[] mask = (b1 & 0x80) != 0 ? in.readNBytes(4) : new byte[4];
        byte[] payload = in.readNBytes((int) length);
        for (int i = 0; i < payload.length; i++) {
          payload[i] ^= mask[i % 4];
        }
        int opcode = b0 & 0x0f;
        if (opcode == 0x8) {
          throw new IOException("client closed");
        }
        if (opcode == 0x1) {
          return new String(payload, StandardCharsets.UTF_8);
        }
      }
    }

    private int readByte() throws IOException {
      int b = in.read();
      if (b < 0) {
        throw new IOException("client went away");
      }
      return b;
    }

    /** Reads and discards until the client closes (keeps the connection open meanwhile). */
    void drain() throws IOException {
      while (in.read() >= 0) {
        // nothing: only keeps the socket open
      }
    }

    /** Drops the TCP connection without a close frame. */
    void drop() throws IOException {
      socket.setSoLinger(true, 0);
      socket.close();
    }

    @Override
    public String toString() {
      return "peer " + socket.getRemoteSocketAddress().toString().toLowerCase(Locale.ROOT);
    }
  }
}
