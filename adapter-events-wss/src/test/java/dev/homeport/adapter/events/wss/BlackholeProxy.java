package dev.homeport.adapter.events.wss;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on 127.0.0.1 (or another local address) that can switch its target, and can turn the connections it carries into black holes: both sockets
 * stay open, bytes are read and dropped in both directions, nothing is closed. This is a real
 * half-open connection, below TLS and WebSocket (unlike a silent application on a live socket).
 */
final class BlackholeProxy implements AutoCloseable {

  private final ServerSocket server;
  private volatile int targetPort;
  private final List<Relay> relays = new CopyOnWriteArrayList<>();
  private final Thread acceptor;

  BlackholeProxy(int targetPort) throws IOException {
    this(targetPort, InetAddress.getLoopbackAddress());
  }

  /** A relay listening on {@code address} (another loopback address reaches the target under a name its certificate lacks). */
  BlackholeProxy(int targetPort, InetAddress address) throws IOException {
    this.targetPort = targetPort;
    this.server = new ServerSocket(0, 50, address);
    this.acceptor = new Thread(this::acceptLoop, "blackhole-proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  /** Connections carried now become black holes; later ones are relayed normally. */
  void blackholeExisting() {
    relays.forEach(relay -> relay.blackholed = true);
  }

  /** New connections go to {@code port} from now on (e.g. another server with another certificate). */
  void retarget(int port) {
    this.targetPort = port;
  }

  int connectionCount() {
    return relays.size();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        Relay relay = new Relay(client, upstream);
        relays.add(relay);
        relay.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Relay relay : relays) {
      relay.close();
    }
  }

  private static final class Relay {
    final Socket client;
    final Socket upstream;
    volatile boolean blackholed;

    Relay(Socket client, Socket upstream) {
      this.client = client;
      this.upstream = upstream;
    }

    void start() throws IOException {
      pump(client.getInputStream(), upstream.getOutputStream(), "blackhole-proxy-up");
      pump(upstream.getInputStream(), client.getOutputStream(), "blackhole-proxy-down");
    }

    private void pump(InputStream in, OutputStream out, String name) {
      Thread thread =
          new Thread(
              () -> {
                byte[] buffer = new byte[16 * 1024];
                try {
                  int read;
                  while ((read = in.read(buffer)) >= 0) {
                    if (!blackholed) {
                      out.write(buffer, 0, read);
                      out.flush();
                    }
                  }
                } catch (IOException e) {
                  // connection ended
                } finally {
                  if (!blackholed) {
                    close();
                  }
                }
              },
              name);
      thread.setDaemon(true);
      thread.start();
    }

    void close() {
      try {
        client.close();
      } catch (IOException ignored) {
        // closing anyway
      }
      try {
        upstream.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }
}
