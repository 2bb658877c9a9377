package dev.homeport.testkit.onvif;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A small HTTP/1.1 server on 127.0.0.1 with persistent connections, for the ONVIF simulator: it
 * can answer anything, answer late, or close a connection without answering (what an unreachable or
 * rebooting camera does). Bounded: request heads of at most 16 KiB, bodies of at most 1 MiB.
 * Thread-safe; one daemon thread per connection.
 */
final class LoopbackHttpServer implements AutoCloseable {

  /** A request as received. */
  record Request(String method, String target, Map<String, String> headers, byte[] body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    String path() {
      int q = target.indexOf('?');
      return q < 0 ? target : target.substring(0, q);
    }
  }

  /** An answer; {@link #DROP} closes the connection without one. */
  record Response(int status, Map<String, String> headers, byte[] body) {
    static final Response DROP = new Response(-1, Map.of(), new byte[0]);
  }

  private static final int MAX_HEAD = 16 * 1024;
  private static final int MAX_BODY = 1024 * 1024;
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final ServerSocket socket;
  private final Function<Request, Response> handler;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "onvif-sim-" + THREADS.incrementAndGet());
    t.setDaemon(true);
    return t;
  });
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  LoopbackHttpServer(int port, Function<Request, Response> handler) {
    this.handler = handler;
    try {
      socket = new ServerSocket();
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
    } catch (IOException e) {
      throw new IllegalStateException("cannot bind the ONVIF simulator to 127.0.0.1", e);
    }
    threads.execute(this::accept);
  }

  int port() {
    return socket.getLocalPort();
  }

  private void accept() {
    while (!closed) {
      try {
        Socket connection = socket.accept();
        open.add(connection);
        threads.execute(() -> serve(connection));
      } catch (IOException e) {
        if (!closed) {
          continue;
        }
        return;
      }
    }
  }

  private void serve(Socket connection) {
    try (connection) {
      InputStream in = new BufferedInputStream(connection.getInputStream());
      OutputStream out = connection.getOutputStream();
      while (!closed) {
        Request request = read(in);
        if (request == null) {
          return;
        }
        Response response = handler.apply(request);
        if (response.status() < 0) {
          return;
        }
        write(out, response);
        if ("close".equalsIgnoreCase(request.header("connection"))) {
          return;
        }
      }
    } catch (IOException e) {
      // the client went away
    } finally {
      open.remove(connection);
    }
  }

  private static Request read(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      head.write(b);
      if (head.size() > MAX_HEAD) {
        throw new IOException("request head too large");
      }
      matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
          ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
    String[] start = lines[0].split(" ");
    if (start.length != 3) {
      throw new IOException("bad request line");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).trim(), (a, b) -> a + ", " + b);
      }
    }
    int length = 0;
    if (headers.containsKey("content-length")) {
      length = Integer.parseInt(headers.get("content-length"));
      if (length < 0 || length > MAX_BODY) {
        throw new IOException("request body too large");
      }
    }
    byte[] body = in.readNBytes(length);
    if (body.length < length) {
      return null;
    }
    return new Request(start[0], start[1], headers, body);
  }

  private static void write(OutputStream out, Response response) throws IOException {
    StringBuilder head = new StringBuilder("HTTP/1.1 ").append(response.status()).append(' ')
        .append(reason(response.status())).append("\r\n");
    response.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
    head.append("Content-Length: ").append(response.body().length).append("\r\n\r\n");
    out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.write(response.body());
    out.flush();
  }

  private static String reason(int status) {
    switch (status) {
      case 200:
        return "OK";
      case 400:
        return "Bad Request";
      case 401:
        return "Unauthorized";
      case 404:
        return "Not Found";
      case 500:
        return "Internal Server Error";
      default:
        return "Status";
    }
  }

  /** Closes every open connection (the simulated camera reboots its network stack). */
  void dropConnections() {
    for (Socket s : Set.copyOf(open)) {
      try {
        s.close();
      } catch (IOException ignored) {
        // already gone
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    dropConnections();
    threads.shutdownNow();
  }

  static boolean isReset(IOException e) {
    return e instanceof SocketException;
  }
}
