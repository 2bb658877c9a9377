package dev.homeport.adapter.camera.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.homeport.adapter.camera.http.internal.LinkieCodec;
import dev.homeport.adapter.camera.http.internal.WireJson;
import dev.homeport.ports.ProtocolException;
import dev.homeport.ports.TransportException;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds Kasa cameras on the local network with the UDP probe of kasa-firmware.md §6: the
 * XOR-autokey of {@code {"system":{"get_sysinfo":{}}}} (no length prefix) sent to port 9999, by
 * broadcast and to each given address (a KC420WS ignores broadcasts, so give its address when you
 * know it). Answers are parsed into {@link DiscoveredCamera}s.
 *
 * <pre>{@code
 * List<DiscoveredCamera> found = KasaDiscovery.builder()
 *     .target("192.168.1.20")            // unicast; omit to broadcast only
 *     .timeout(Duration.ofSeconds(3))
 *     .build()
 *     .discover();
 * }</pre>
 *
 * <p>Memory stays bounded: one datagram buffer of {@value #MAX_DATAGRAM} bytes and at most
 * {@value #MAX_ANSWERS} answers; undecodable answers are skipped (logged at debug). Immutable and
 * thread-safe; each {@link #discover()} uses its own socket.
 */
public final class KasaDiscovery {

  private static final Logger LOG = LoggerFactory.getLogger(KasaDiscovery.class);

  /** The discovery port of Kasa devices. */
  public static final int PORT = 9999;
  /** The largest datagram read. */
  public static final int MAX_DATAGRAM = 16 * 1024;
  /** The most answers kept from one discovery. */
  public static final int MAX_ANSWERS = 256;
  /** The probe's JSON. */
  static final String PROBE = "{\"system\":{\"get_sysinfo\":{}}}";

  private final List<InetSocketAddress> targets;
  private final boolean broadcast;
  private final Duration timeout;

  private KasaDiscovery(Builder b) {
    this.targets = List.copyOf(b.targets);
    this.broadcast = b.broadcast != null ? b.broadcast : b.targets.isEmpty();
    this.timeout = b.timeout;
  }

  /** A builder: no targets (broadcast), port 9999, 3 s. */
  public static Builder builder() {
    return new Builder();
  }

  /** The probe datagram's bytes. */
  static byte[] probe() {
    return LinkieCodec.encrypt(PROBE.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Sends the probe and collects answers until the time-out has passed since sending.
   *
   * @return the devices that answered, one per address and device id, in order of answer
   * @throws TransportException when no socket can be opened or the probe cannot be sent to any
   *     address
   */
  public List<DiscoveredCamera> discover() {
    byte[] probe = probe();
    Map<String, DiscoveredCamera> found = new LinkedHashMap<>();
    try (DatagramSocket socket = new DatagramSocket(0)) {
      socket.setBroadcast(broadcast);
      int sent = 0;
      IOException lastFailure = null;
      List<InetSocketAddress> to = new ArrayList<>(targets);
      if (broadcast) {
        to.add(new InetSocketAddress(InetAddress.getByName("255.255.255.255"), PORT));
      }
      for (InetSocketAddress target : to) {
        try {
          socket.send(new DatagramPacket(probe, probe.length, target));
          sent++;
        } catch (IOException e) {
          lastFailure = e;
          LOG.debug("discovery probe to {} failed: {}", target, e.getMessage());
        }
      }
      if (sent == 0) {
        throw new TransportException("cannot send the discovery probe"
            + (lastFailure == null ? "" : ": " + lastFailure.getMessage()), lastFailure, true);
      }
      long deadline = System.nanoTime() + timeout.toNanos();
      byte[] buffer = new byte[MAX_DATAGRAM];
      while (found.size() < MAX_ANSWERS) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, left / 1_000_000)));
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
          socket.receive(packet);
        } catch (SocketTimeoutException e) {
          break;
        }
        String host = packet.getAddress().getHostAddress();
        byte[] data = java.util.Arrays.copyOfRange(packet.getData(), packet.getOffset(),
            packet.getOffset() + packet.getLength());
        try {
          DiscoveredCamera camera = parse(host, data);
          found.putIfAbsent(host + "/" + camera.deviceId().orElse(""), camera);
        } catch (ProtocolException e) {
          LOG.debug("discovery: ignoring an answer from {}: {}", host, e.getMessage());
        }
      }
    } catch (IOException e) {
      throw new TransportException("discovery failed: " + e.getMessage(), e, true);
    }
    return List.copyOf(found.values());
  }

  /**
   * Parses one answer datagram from {@code host}: XOR-autokey of
   * {@code {"system":{"get_sysinfo":{"err_code":0,"system":{...}}}}} (cameras) or of
   * {@code {"system":{"get_sysinfo":{...}}}} (plugs).
   *
   * @throws ProtocolException when it is not such an answer
   */
  public static DiscoveredCamera parse(String host, byte[] datagram) {
    Objects.requireNonNull(host, "host");
    byte[] json = LinkieCodec.decrypt(datagram);
    ObjectNode answer = WireJson.parseObject(json, "discovery answer from " + host);
    JsonNode info = answer.path("system").path("get_sysinfo");
    if (!info.isObject()) {
      throw new ProtocolException("discovery answer from " + host + " lacks system.get_sysinfo");
    }
    if (info.path("system").isObject()) {
      info = info.get("system");
    }
    ImmutableDiscoveredCamera.Builder b = ImmutableDiscoveredCamera.builder()
        .host(host)
        .type(text(info, "type").orElse(text(info, "mic_type").orElse("")))
        .sysinfo(WireJson.toFieldMap(info, Set.of()));
    text(info, "model").ifPresent(b::model);
    text(info, "alias").ifPresent(b::alias);
    text(info, "deviceId").ifPresent(b::deviceId);
    text(info, "dev_name").ifPresent(b::deviceName);
    JsonNode stream = info.get("stream_version");
    if (stream != null && stream.canConvertToInt() && stream.isIntegralNumber()) {
      b.streamVersion(stream.intValue());
    } else if (stream != null && stream.isTextual() && stream.textValue().matches("\\d{1,3}")) {
      b.streamVersion(Integer.parseInt(stream.textValue()));
    }
    return b.build();
  }

  private static java.util.Optional<String> text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && v.isTextual() ? java.util.Optional.of(v.textValue()) : java.util.Optional.empty();
  }

  @Override
  public String toString() {
    return "KasaDiscovery[targets " + targets + ", broadcast " + broadcast + ", " + timeout + "]";
  }

  /** Builds a {@link KasaDiscovery}; not thread-safe. */
  public static final class Builder {
    private final List<InetSocketAddress> targets = new ArrayList<>();
    private Boolean broadcast;
    private Duration timeout = Duration.ofSeconds(3);

    private Builder() {}

    /**
     * Also probes {@code address} by unicast, on port 9999 or the port given as {@code host:port}
     * ({@code [v6]:port} for IPv6).
     *
     * @throws IllegalArgumentException naming the address when it is blank, has a bad port or does
     *     not resolve
     */
    public Builder target(String address) {
      if (address == null || address.isBlank()) {
        throw new IllegalArgumentException("target must be a host name or IP address, was "
            + (address == null ? "null" : "\"" + address + "\""));
      }
      String host = address.strip();
      int port = PORT;
      int colon = host.lastIndexOf(':');
      boolean bracketed = host.startsWith("[");
      if (colon > 0 && (bracketed ? host.indexOf(']') < colon : host.indexOf(':') == colon)) {
        String p = host.substring(colon + 1);
        host = host.substring(0, colon);
        try {
          port = Integer.parseInt(p);
        } catch (NumberFormatException e) {
          port = -1;
        }
        if (port < 1 || port > 65535) {
          throw new IllegalArgumentException("target port must be 1..65535, was \"" + p + "\" in \"" + address + "\"");
        }
      }
      if (bracketed) {
        host = host.substring(1, host.length() - 1);
      }
      try {
        targets.add(new InetSocketAddress(InetAddress.getByName(host), port));
      } catch (IOException e) {
        throw new IllegalArgumentException("target \"" + address + "\" does not resolve to an address");
      }
      return this;
    }

    /** Adds a target address and port. */
    public Builder target(InetSocketAddress address) {
      targets.add(Objects.requireNonNull(address, "address"));
      return this;
    }

    /** Whether to broadcast too (default: only when no target is given). */
    public Builder broadcast(boolean on) {
      this.broadcast = on;
      return this;
    }

    /**
     * How long to wait for answers after sending (default 3 s).
     *
     * @throws IllegalArgumentException unless 1 ms..60 s
     */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.toMillis() < 1 || timeout.compareTo(Duration.ofSeconds(60)) > 0) {
        throw new IllegalArgumentException("timeout must be 1ms..60s, was " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /** The discovery. */
    public KasaDiscovery build() {
      return new KasaDiscovery(this);
    }
  }
}
