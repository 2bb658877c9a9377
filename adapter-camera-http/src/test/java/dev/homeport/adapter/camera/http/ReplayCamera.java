package dev.homeport.adapter.camera.http;

import dev.homeport.support.TrustMode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.homeport.domain.Secret;
import dev.homeport.simulators.tls.SelfSignedCertificate;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A camera that replays fixed answers over real HTTPS: each request gets the next queued reply
 * (status and body, the body encrypted and base64-encoded the way cameras send it, or sent as plain
 * JSON text). It records what it received, decoded, so tests can check the adapter's requests.
 * Its XOR-autokey is written here, not taken from the adapter's codec.
 */
final class ReplayCamera implements AutoCloseable {

  record Reply(int status, String json, boolean plain, boolean silent) {}

  record Received(String path, Map<String, List<String>> headers, String json) {
    String header(String name) {
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          return e.getValue().get(0);
        }
      }
      return null;
    }
  }

  private final HttpsServer server;
  private final Deque<Reply> replies = new ArrayDeque<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();

  ReplayCamera() {
    try {
      server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 16);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setHttpsConfigurator(new HttpsConfigurator(SelfSignedCertificate.create("replay").serverContext()));
    server.setExecutor(Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "replay-camera");
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/", this::handle);
    server.start();
  }

  /** Queues an answer encoded as cameras encode it. */
  synchronized ReplayCamera answer(String json) {
    replies.add(new Reply(200, json, false, false));
    return this;
  }

  /** Queues an answer sent as plain JSON text. */
  synchronized ReplayCamera answerPlain(String json) {
    replies.add(new Reply(200, json, true, false));
    return this;
  }

  /** Queues a bare status with an empty body. */
  synchronized ReplayCamera status(int status) {
    replies.add(new Reply(status, "", true, false));
    return this;
  }

  /** Queues no answer at all (the exchange is left open until the client gives up). */
  synchronized ReplayCamera silence() {
    replies.add(new Reply(0, "", true, true));
    return this;
  }

  /** Queues an answer from a test resource under {@code kasa-firmware/}. */
  ReplayCamera answerResource(String name) {
    return answer(resource(name));
  }

  static String resource(String name) {
    try (InputStream in = ReplayCamera.class.getResourceAsStream("/kasa-firmware/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no resource kasa-firmware/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** A config for this camera: insecure trust (a test certificate), short time-outs. */
  ImmutableKasaCameraConfig.Builder config(Path dir) {
    return ImmutableKasaCameraConfig.builder()
        .name("replay")
        .host("127.0.0.1")
        .port(port())
        .username("me@example.com")
        .password(Secret.of("pw"))
        .trustMode(TrustMode.INSECURE)
        .knownHostsFile(dir.resolve("known_hosts"))
        .connectTimeout(Duration.ofSeconds(2))
        .requestTimeout(Duration.ofSeconds(2));
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.US_ASCII);
    String json = "";
    if (body.startsWith("content=")) {
      byte[] cipher = Base64.getDecoder().decode(URLDecoder.decode(body.substring(8), StandardCharsets.US_ASCII));
      json = new String(xor(cipher, false), StandardCharsets.UTF_8);
    }
    received.add(new Received(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()), json));
    Reply reply;
    synchronized (this) {
      reply = replies.isEmpty() ? new Reply(500, "", true, false) : replies.poll();
    }
    if (reply.silent()) {
      return; // never answered; closed with the server
    }
    byte[] out = reply.plain() ? reply.json().getBytes(StandardCharsets.UTF_8)
        : Base64.getEncoder().encode(xor(reply.json().getBytes(StandardCharsets.UTF_8), true));
    exchange.sendResponseHeaders(reply.status(), out.length == 0 ? -1 : out.length);
    try (OutputStream os = exchange.getResponseBody()) {
      os.write(out);
    }
  }

  /** XOR autokey from 0xAB: encrypting feeds the cipher byte forward, decrypting the input byte. */
  private static byte[] xor(byte[] in, boolean encrypt) {
    byte[] out = new byte[in.length];
    int key = 0xAB;
    for (int i = 0; i < in.length; i++) {
      out[i] = (byte) ((in[i] ^ key) & 0xFF);
      key = encrypt ? out[i] & 0xFF : in[i] & 0xFF;
    }
    return out;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
