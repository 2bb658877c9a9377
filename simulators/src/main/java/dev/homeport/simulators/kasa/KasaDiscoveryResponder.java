package dev.homeport.simulators.kasa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.homeport.ports.camera.Camera;
import dev.homeport.simulators.harness.BackendBridge;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the Kasa discovery probe on a UDP port of its own on {@code 127.0.0.1}, the way a camera
 * answers on UDP 9999 (kasa-firmware.md §6): a datagram that decrypts (XOR autokey, no length
 * prefix) to {@code {"system":{"get_sysinfo":{}}}} is answered with the XOR of
 * {@code {"system":{"get_sysinfo":{"err_code":0,"system":{...}}}}}, the sysinfo coming from the
 * backend camera (its info's other fields carry {@code stream_version}, {@code dev_name}...).
 * Anything else is ignored, as devices do. Written from the notes, not from the client's codec.
 *
 * <p>Thread-safe; one daemon thread while running.
 */
public final class KasaDiscoveryResponder implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(KasaDiscoveryResponder.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger INSTANCES = new AtomicInteger();

  private final KasaCommandTable dispatcher;
  private final DatagramSocket socket;
  private final Thread thread;
  private final AtomicInteger probes = new AtomicInteger();

  private KasaDiscoveryResponder(KasaCommandTable dispatcher, int port) {
    this.dispatcher = dispatcher;
    try {
      this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
    } catch (IOException e) {
      throw new IllegalStateException("cannot listen on UDP 127.0.0.1:" + port + " (" + e.getMessage() + ")", e);
    }
    this.thread = new Thread(this::serve, "kasa-discovery-" + INSTANCES.incrementAndGet());
    thread.setDaemon(true);
  }

  /**
   * Starts answering for {@code backend} on a free UDP port of {@code 127.0.0.1}.
   *
   * @throws IllegalStateException if no port can be bound
   */
  public static KasaDiscoveryResponder start(Camera backend) {
    return start(backend, 0);
  }

  /**
   * Starts answering for {@code backend} on UDP {@code 127.0.0.1:port} (0 for any free port).
   *
   * @throws IllegalStateException if the port cannot be bound
   */
  public static KasaDiscoveryResponder start(Camera backend, int port) {
    KasaDiscoveryResponder responder =
        new KasaDiscoveryResponder(
            new KasaCommandTable(new BackendBridge(Objects.requireNonNull(backend, "backend"))), port);
    responder.thread.start();
    return responder;
  }

  /** The bound UDP port. */
  public int port() {
    return socket.getLocalPort();
  }

  /** How many valid probes were answered. */
  public int probesAnswered() {
    return probes.get();
  }

  private void serve() {
    byte[] buffer = new byte[4096];
    while (!socket.isClosed()) {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        socket.receive(packet);
      } catch (SocketException closed) {
        return;
      } catch (IOException e) {
        LOG.debug("discovery responder: receive failed: {}", e.getMessage());
        continue;
      }
      byte[] data = java.util.Arrays.copyOfRange(packet.getData(), packet.getOffset(),
          packet.getOffset() + packet.getLength());
      try {
        JsonNode probe = JSON.readTree(new String(WireFormat.unscramble(data), StandardCharsets.UTF_8));
        if (probe == null || !probe.path("system").path("get_sysinfo").isObject()) {
          continue;
        }
        ObjectNode method = dispatcher.call("system", "get_sysinfo", JSON.createObjectNode())
            .get(5, TimeUnit.SECONDS);
        ObjectNode answer = JSON.createObjectNode();
        answer.putObject("system").set("get_sysinfo", method);
        byte[] out = WireFormat.scramble(JSON.writeValueAsBytes(answer));
        socket.send(new DatagramPacket(out, out.length, packet.getSocketAddress()));
        probes.incrementAndGet();
      } catch (IOException | RuntimeException | java.util.concurrent.ExecutionException
          | java.util.concurrent.TimeoutException e) {
        LOG.debug("discovery responder: ignoring a datagram: {}", e.toString());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public void close() {
    socket.close();
    try {
      thread.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "KasaDiscoveryResponder[udp 127.0.0.1:" + port() + "]";
  }
}
