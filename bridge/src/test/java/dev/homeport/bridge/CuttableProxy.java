package dev.homeport.bridge;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on loopback between the bridge and the broker that can be cut abruptly (reset, no
 * MQTT DISCONNECT): to the broker, that is the bridge process dying.
 */
final class CuttableProxy implements AutoCloseable {

  private final ServerSocket server;
  private final int upstream;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private volatile boolean accepting = true;

  CuttableProxy(int upstreamPort) throws IOException {
    this.upstream = upstreamPort;
    this.server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    Thread acceptor = new Thread(this::acceptLoop, "proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        if (!accepting) {
          client.setSoLinger(true, 0);
          client.close();
          continue;
        }
        Socket broker = new Socket(InetAddress.getLoopbackAddress(), upstream);
        sockets.add(client);
        sockets.add(broker);
        pipe(client, broker);
        pipe(broker, client);
      } catch (IOException e) {
        // closed or refused: keep accepting until closed
      }
    }
  }

  private static void pipe(Socket from, Socket to) {
    Thread thread =
        new Thread(
            () -> {
              byte[] buffer = new byte[8192];
              try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                  out.write(buffer, 0, n);
                  out.flush();
                }
              } catch (IOException e) {
                // cut
              }
            },
            "proxy-pipe");
    thread.setDaemon(true);
    thread.start();
  }

  /** Resets every relayed connection and refuses new ones. */
  void cut() {
    accepting = false;
    for (Socket socket : sockets) {
      try {
        socket.setSoLinger(true, 0);
        socket.close();
      } catch (IOException e) {
        // already closed
      }
    }
    sockets.clear();
  }

  @Override
  public void close() throws IOException {
    cut();
    server.close();
  }
}
