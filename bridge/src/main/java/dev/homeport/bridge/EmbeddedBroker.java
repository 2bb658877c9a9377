package dev.homeport.bridge;

import dev.homeport.ports.TransportException;
import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import io.moquette.interception.AbstractInterceptHandler;
import io.moquette.interception.messages.InterceptConnectMessage;
import io.moquette.interception.messages.InterceptConnectionLostMessage;
import io.moquette.interception.messages.InterceptDisconnectMessage;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttQoS;

/**
 * An MQTT 3.1.1 broker inside this process (Moquette), for running the bridge with nothing
 * installed and for tests. It keeps retained messages in memory only, allows anonymous clients,
 * listens on one address (loopback unless told otherwise), and has Moquette's telemetry off (it
 * would otherwise report to its authors over the network). Thread-safe; {@link #close()} is idempotent.
 *
 * <p>Moquette 0.17 publishes a last will to the subscribers of the moment but does not retain it,
 * even when the will asks to be retained; so a late subscriber (Home Assistant restarting) would
 * see a dead bridge as {@code online}. This broker retains such wills itself when a client's
 * connection is lost, unless the client is already connected again. Moquette also delivers
 * retained messages to new subscriptions without the retain flag set (nothing here relies on it).
 *
 * <p>Moquette 0.17 may also close a connection whose first SUBSCRIBE follows its CONNACK too
 * closely on a loaded machine (it marks the connection connected in a listener attached after the
 * CONNACK is written, and drops a SUBSCRIBE read before that: "SUBSCRIBE received on already closed
 * connection"). No setting avoids it; clients that reconnect (the bridge, Home Assistant) recover.
 */
public final class EmbeddedBroker implements AutoCloseable {

  private final Server server;
  private final String host;
  private final int port;
  private volatile boolean closed;

  private EmbeddedBroker(Server server, String host, int port) {
    this.server = server;
    this.host = host;
    this.port = port;
  }

  /** Starts a broker on 127.0.0.1 at any free port. */
  public static EmbeddedBroker start() {
    return start("127.0.0.1", 0);
  }

  /**
   * Starts a broker on {@code host}:{@code port} (0: any free port).
   *
   * @throws TransportException if the address cannot be bound
   */
  public static EmbeddedBroker start(String host, int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("broker port must be 0..65535, was " + port);
    }
    int attempts = port == 0 ? 3 : 1;
    for (int attempt = 1; ; attempt++) {
      int chosen = port == 0 ? freePort(host) : port;
      try {
        return new EmbeddedBroker(startOn(host, chosen), host, chosen);
      } catch (TransportException e) {
        if (attempt >= attempts) {
          throw e;
        }
      }
    }
  }

  /**
   * A free port on {@code host}. Moquette's {@code getPort()} does not reliably give the bound port
   * of port 0, so the port is chosen here; another process could take it in between (then the
   * start is tried again with another).
   */
  private static int freePort(String host) {
    try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
      socket.bind(new java.net.InetSocketAddress(host, 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new TransportException("cannot bind " + host + " for the embedded MQTT broker: " + e.getMessage(), e);
    }
  }

  /** The largest message the embedded broker accepts: 8 MiB, room for the default 4 MiB snapshot cap and more. */
  public static final int MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

  private static Server startOn(String host, int port) {
    Properties properties = new Properties();
    properties.setProperty("host", host);
    properties.setProperty("port", Integer.toString(port));
    properties.setProperty("websocket_port", "disabled");
    properties.setProperty("persistence_enabled", "false");
    properties.setProperty("telemetry_enabled", "false");
    properties.setProperty("allow_anonymous", "true");
    // mosquitto_sub and many devices connect with an empty client id and a clean session
    properties.setProperty("allow_zero_byte_client_id", "true");
    properties.setProperty("netty.epoll", "false");
    // Moquette refuses messages over 8092 bytes by default: snapshots (camera entities) are larger
    properties.setProperty("netty.mqtt.message_size", Integer.toString(MAX_MESSAGE_BYTES));
    Server server = new Server();
    try {
      server.startServer(new MemoryConfig(properties), List.of(new RetainedWill(server)));
    } catch (IOException | RuntimeException e) {
      server.stopServer();
      throw new TransportException("cannot start the embedded MQTT broker on " + host + ":" + port + ": " + e.getMessage(), e);
    }
    return server;
  }

  /** The port it listens on. */
  public int port() {
    return port;
  }

  /** The address it listens on. */
  public String host() {
    return host;
  }

  /** {@code tcp://host:port}. */
  public URI uri() {
    return URI.create("tcp://" + host + ":" + port);
  }

  /** Stops the broker: clients lose their connections (their last wills are published to no one). */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      server.stopServer();
    }
  }

  /** Retains the will of a client whose connection was lost, as the will asked (see the class note). */
  private static final class RetainedWill extends AbstractInterceptHandler {
    private final Server server;
    private final Map<String, InterceptConnectMessage> wills = new ConcurrentHashMap<>();

    RetainedWill(Server server) {
      this.server = server;
    }

    @Override
    public String getID() {
      return "homeport-retained-will";
    }

    @Override
    public void onConnect(InterceptConnectMessage message) {
      if (message.isWillFlag() && message.isWillRetain()) {
        wills.put(message.getClientID(), message);
      } else {
        wills.remove(message.getClientID());
      }
    }

    @Override
    public void onDisconnect(InterceptDisconnectMessage message) {
      wills.remove(message.getClientID()); // a clean DISCONNECT discards the will
    }

    @Override
    public void onConnectionLost(InterceptConnectionLostMessage message) {
      InterceptConnectMessage will = wills.remove(message.getClientID());
      if (will == null) {
        return;
      }
      boolean back = server.listConnectedClients().stream().anyMatch(client -> client.getClientID().equals(message.getClientID()));
      if (back) {
        return;
      }
      server.internalPublish(
          MqttMessageBuilders.publish()
              .topicName(will.getWillTopic())
              .retained(true)
              .qos(MqttQoS.AT_LEAST_ONCE)
              .payload(Unpooled.copiedBuffer(will.getWillMessage()))
              .build(),
          "homeport-embedded-broker");
    }

    @Override
    public void onSessionLoopError(Throwable error) {
      // Moquette logs it
    }
  }
}
