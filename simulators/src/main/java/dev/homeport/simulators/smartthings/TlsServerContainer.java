package dev.homeport.simulators.smartthings;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.util.Collections;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.ConnectionProbe;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.ssl.SSLEngineConfigurator;
import org.glassfish.tyrus.container.grizzly.server.WebSocketAddOn;
import org.glassfish.tyrus.core.TyrusWebSocketEngine;
import org.glassfish.tyrus.server.TyrusServerContainer;
import org.glassfish.tyrus.spi.UpgradeRequest;
import org.glassfish.tyrus.spi.UpgradeResponse;
import org.glassfish.tyrus.spi.WebSocketEngine;
import org.glassfish.tyrus.spi.Writer;

/**
 * A Tyrus server container on a Grizzly TLS listener bound to 127.0.0.1 on an ephemeral port (Tyrus'
 * own {@code Server} has no TLS option). Tracks accepted TCP connections so they can be dropped, and
 * hands each WebSocket session's byte {@link Writer} (Tyrus' public SPI) to its endpoint, so the
 * simulator can write many ready-made frames in one write (see {@link WebSocketFrames}).
 */
final class TlsServerContainer extends TyrusServerContainer {

  private final SSLContext sslContext;
  private final WebSocketEngine engine;
  /** The writer of the connection being created on this thread; Tyrus opens its session inside. */
  private final ThreadLocal<Writer> opening = new ThreadLocal<>();
  private final WebSocketEngine writerCapturingEngine = new WebSocketEngine() {
    @Override
    public UpgradeInfo upgrade(UpgradeRequest request, UpgradeResponse response) {
      UpgradeInfo upgrade = engine.upgrade(request, response);
      return new UpgradeInfo() {
        @Override
        public UpgradeStatus getStatus() {
          return upgrade.getStatus();
        }

        @Override
        public org.glassfish.tyrus.spi.Connection createConnection(Writer writer,
            org.glassfish.tyrus.spi.Connection.CloseListener closeListener) {
          opening.set(writer);
          try {
            return upgrade.createConnection(writer, closeListener);
          } finally {
            opening.remove();
          }
        }
      };
    }

    @Override
    public void register(Class<?> endpointClass, String contextPath) throws DeploymentException {
      engine.register(endpointClass, contextPath);
    }

    @Override
    public void register(ServerEndpointConfig serverConfig, String contextPath) throws DeploymentException {
      engine.register(serverConfig, contextPath);
    }
  };
  private final Set<Connection<?>> connections = ConcurrentHashMap.newKeySet();
  private HttpServer server;
  private NetworkListener listener;

  TlsServerContainer(SSLContext sslContext) {
    super(Collections.<Class<?>>emptySet());
    this.sslContext = sslContext;
    this.engine = TyrusWebSocketEngine.builder(this).build();
  }

  @Override
  public void register(Class<?> endpointClass) throws DeploymentException {
    engine.register(endpointClass, "/");
  }

  @Override
  public void register(ServerEndpointConfig config) throws DeploymentException {
    engine.register(config, "/");
  }

  @Override
  public java.util.Map<String, Object> getProperties() {
    return java.util.Map.of();
  }

  @Override
  public WebSocketEngine getWebSocketEngine() {
    return writerCapturingEngine;
  }

  /**
   * The byte writer under the WebSocket session whose {@code onOpen} runs on this thread (Tyrus
   * opens the session while it creates the connection), or null outside {@code onOpen}. Writes
   * through it bypass Tyrus' framing: what is written must be whole WebSocket frames.
   */
  Writer writerOfOpeningSession() {
    return opening.get();
  }

  @Override
  public void start(String rootPath, int port) throws IOException, DeploymentException {
    super.start(rootPath, port);
    server = new HttpServer();
    listener = new NetworkListener("smartthings-simulator", "127.0.0.1", port);
    listener.setSecure(true);
    listener.setSSLEngineConfig(new SSLEngineConfigurator(sslContext, false, false, false));
    listener.registerAddOn(new WebSocketAddOn(this, "/"));
    server.addListener(listener);
    listener
        .getTransport()
        .getConnectionMonitoringConfig()
        .addProbes(
            new ConnectionProbe.Adapter() {
              @Override
              @SuppressWarnings("rawtypes")
              public void onAcceptEvent(Connection serverConnection, Connection clientConnection) {
                connections.add(clientConnection);
              }

              @Override
              @SuppressWarnings("rawtypes")
              public void onCloseEvent(Connection connection) {
                connections.remove(connection);
              }
            });
    server.start();
  }

  @Override
  public int getPort() {
    return listener == null ? -1 : listener.getPort();
  }

  /** Closes every accepted TCP connection abruptly (no WebSocket close frame). */
  void dropAllConnections() {
    for (Connection<?> connection : connections) {
      connection.closeSilently();
    }
  }

  @Override
  public void stop() {
    super.stop();
    if (server != null) {
      server.shutdownNow();
    }
  }
}
