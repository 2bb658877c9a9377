package dev.homeport.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Forwards TCP connections from a chosen port on 127.0.0.1 to another local port, byte for byte
 * (TLS passes through untouched). Lets {@code simulate --port P} offer a fixed port in front of a
 * simulator that binds an ephemeral one. Thread-safe; close it to stop.
 */
final class LoopbackRelay implements AutoCloseable {

  private final ServerSocket server;
  private final int targetPort;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final AtomicInteger threads = new AtomicInteger();
  private volatile boolean closed;

  private LoopbackRelay(ServerSocket server, int targetPort) {
    this.server = server;
    this.targetPort = targetPort;
  }

  /**
   * Listens on {@code 127.0.0.1:port} and forwards to {@code 127.0.0.1:targetPort}.
   *
   * @throws UsageException if the port cannot be bound (in use, or privileged)
   */
  static LoopbackRelay start(int port, int targetPort) {
    ServerSocket server;
    try {
      server = new ServerSocket();
      server.setReuseAddress(true);
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    } catch (IOException e) {
      throw new UsageException("cannot listen on 127.0.0.1:" + port + " (" + e.getMessage() + "); choose another --port");
    }
    LoopbackRelay relay = new LoopbackRelay(server, targetPort);
    relay.thread("accept", relay::acceptLoop).start();
    return relay;
  }

  int port() {
    return server.getLocalPort();
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket client = server.accept();
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        sockets.add(client);
        sockets.add(upstream);
        thread("up", () -> pump(client, upstream)).start();
        thread("down", () -> pump(upstream, client)).start();
      } catch (IOException e) {
        if (closed) {
          return;
        }
      }
    }
  }

  private void pump(Socket from, Socket to) {
    byte[] buffer = new byte[16 * 1024];
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // one side closed: close both below
    } finally {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private Thread thread(String role, Runnable body) {
    Thread thread = new Thread(body, "relay-" + role + "-" + threads.incrementAndGet());
    thread.setDaemon(true);
    return thread;
  }

  private void closeQuietly(Socket socket) {
    sockets.remove(socket);
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException e) {
      // already closed
    }
    for (Socket socket : sockets) {
      closeQuietly(socket);
    }
  }
}
