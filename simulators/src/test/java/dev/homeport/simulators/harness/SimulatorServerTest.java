package dev.homeport.simulators.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.homeport.simulators.tls.SelfSignedCertificate;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

/** The harness server on real loopback sockets, with the JDK's HTTP client and raw sockets. */
class SimulatorServerTest {

  private static final Dispatcher ECHO = request -> CompletableFuture.completedFuture(
      HttpAnswer.text(200, "text/plain", request.method() + " " + request.path() + " " + request.bodyText()));

  private static String exchange(SimulatorServer server, String rawRequest) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(rawRequest.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  @Test
  void plainHttp_answersAndRecordsEveryHeaderLineAsSent() throws Exception {
    try (SimulatorServer server = SimulatorServer.builder().plainHttp().dispatcher(ECHO).start()) {
      String answer = exchange(server, "POST /onvif/device_service HTTP/1.1\r\nHost: x\r\n"
          + "user-AGENT: Kasa/1752 CFNetwork\r\nX-Twice: 1\r\nx-twice: 2\r\nContent-Length: 5\r\n"
          + "Connection: close\r\n\r\nhello");
      assertThat(answer).startsWith("HTTP/1.1 200 OK\r\n").contains("Content-Length: 32\r\n")
          .endsWith("POST /onvif/device_service hello");
      RecordedRequest recorded = server.recordedRequests().get(0);
      assertThat(recorded.secure()).isFalse();
      assertThat(recorded.headers()).extracting(RecordedRequest.Header::name)
          .containsExactly("Host", "user-AGENT", "X-Twice", "x-twice", "Content-Length", "Connection");
      assertThat(recorded.header("User-Agent")).contains("Kasa/1752 CFNetwork");
      assertThat(recorded.headerValues("X-TWICE")).containsExactly("1", "2");
      assertThat(server.baseUri().getScheme()).isEqualTo("http");
      assertThatThrownBy(server::fingerprint).isInstanceOf(IllegalStateException.class).hasMessageContaining("plain HTTP");
    }
  }

  @Test
  void keepAlive_servesSeveralRequestsOnOneConnection() throws Exception {
    try (SimulatorServer server = SimulatorServer.builder().plainHttp().dispatcher(ECHO).start()) {
      HttpClient client = HttpClient.newHttpClient();
      for (int i = 0; i < 3; i++) {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(server.url("/n" + i))
            .POST(HttpRequest.BodyPublishers.ofString("b" + i)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.body()).isEqualTo("POST /n" + i + " b" + i);
      }
      assertThat(server.recordedRequests()).extracting(RecordedRequest::connection).containsOnly(1L);
      assertThat(server.recordedRequests()).extracting(RecordedRequest::sequence).containsExactly(1L, 2L, 3L);
    }
  }

  @Test
  void requestLog_keepsOnlyTheNewest_andCountsThemAll() throws Exception {
    try (SimulatorServer server = SimulatorServer.builder().plainHttp().recordedRequestLimit(2).dispatcher(ECHO).start()) {
      HttpClient client = HttpClient.newHttpClient();
      for (int i = 1; i <= 5; i++) {
        client.send(HttpRequest.newBuilder(server.url("/r" + i)).GET().build(), HttpResponse.BodyHandlers.discarding());
      }
      assertThat(server.recordedRequests()).extracting(RecordedRequest::path).containsExactly("/r4", "/r5");
      assertThat(server.requestCount()).isEqualTo(5);
      assertThat(server.requestLog().forgotten()).isEqualTo(3);
    }
  }

  @Test
  void https_presentsItsCertificate_andAReplacementToNewConnectionsOnly() throws Exception {
    SelfSignedCertificate first = SelfSignedCertificate.create("first");
    SelfSignedCertificate second = SelfSignedCertificate.create("second");
    try (SimulatorServer server = SimulatorServer.builder().certificate(first).dispatcher(ECHO).start()) {
      HttpClient trustingFirst = HttpClient.newBuilder().sslContext(first.clientContextTrustingThis()).build();
      assertThat(trustingFirst.send(HttpRequest.newBuilder(server.url("/a")).GET().build(),
          HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("GET /a ");
      assertThat(server.fingerprint()).isEqualTo(first.sha256Fingerprint());
      assertThat(server.recordedRequests().get(0).tlsProtocol()).isPresent();

      server.replaceCertificate(second);
      assertThat(server.fingerprint()).isEqualTo(second.sha256Fingerprint());
      HttpClient freshTrustingFirst = HttpClient.newBuilder().sslContext(first.clientContextTrustingThis()).build();
      assertThatThrownBy(() -> freshTrustingFirst.send(HttpRequest.newBuilder(server.url("/b")).GET().build(),
          HttpResponse.BodyHandlers.ofString())).isInstanceOf(SSLHandshakeException.class);
      HttpClient trustingSecond = HttpClient.newBuilder().sslContext(second.clientContextTrustingThis()).build();
      assertThat(trustingSecond.send(HttpRequest.newBuilder(server.url("/c")).GET().build(),
          HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void tlsRestrictions_offerOnlyTheChosenProtocolAndStaticRsaSuite() throws Exception {
    SelfSignedCertificate rsa = SelfSignedCertificate.createRsa("kc100", 2048);
    String suite = "TLS_RSA_WITH_AES_128_GCM_SHA256";
    try (SimulatorServer server = SimulatorServer.builder().certificate(rsa).tlsProtocols("TLSv1.2")
        .cipherSuites(suite).dispatcher(ECHO).start()) {
      SSLContext client = rsa.clientContextTrustingThis();
      try (SSLSocket socket = (SSLSocket) client.getSocketFactory().createSocket("127.0.0.1", server.port())) {
        socket.setSoTimeout(10_000);
        socket.startHandshake();
        assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.2");
        assertThat(socket.getSession().getCipherSuite()).isEqualTo(suite);
      }
      try (SSLSocket tls13Only = (SSLSocket) client.getSocketFactory().createSocket("127.0.0.1", server.port())) {
        tls13Only.setSoTimeout(10_000);
        SSLParameters parameters = tls13Only.getSSLParameters();
        parameters.setProtocols(new String[] {"TLSv1.3"});
        tls13Only.setSSLParameters(parameters);
        assertThatThrownBy(tls13Only::startHandshake).isInstanceOf(IOException.class);
      }
    }
  }

  @Test
  void streamingAnswer_reachesTheClientBeforeTheBodyEnds() throws Exception {
    CountDownLatch firstPartRead = new CountDownLatch(1);
    Dispatcher stream = request -> CompletableFuture.completedFuture(
        HttpAnswer.streaming(200, HttpAnswer.Framing.UNTIL_CLOSE, out -> {
          out.write("--part one\r\n".getBytes(StandardCharsets.US_ASCII));
          out.flush();
          try {
            if (!firstPartRead.await(10, TimeUnit.SECONDS)) {
              return;
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
          out.write("--part two\r\n".getBytes(StandardCharsets.US_ASCII));
        }).withHeader("Content-Type", "multipart/x-mixed-replace;boundary=data-boundary--"));
    try (SimulatorServer server = SimulatorServer.builder().plainHttp().dispatcher(stream).start();
        Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write("GET /https/stream/mixed HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      assertThat(in.readLine()).isEqualTo("HTTP/1.1 200 OK");
      String line;
      StringBuilder head = new StringBuilder();
      while (!(line = in.readLine()).isEmpty()) {
        head.append(line).append('\n');
      }
      assertThat(head.toString()).contains("Connection: close").doesNotContain("Content-Length");
      assertThat(in.readLine()).isEqualTo("--part one");
      firstPartRead.countDown();
      assertThat(in.readLine()).isEqualTo("--part two");
      assertThat(in.readLine()).isNull(); // the server closed the connection after the streamer
    }
  }

  @Test
  void chunkedStreamingAnswer_isFramedAsChunks() throws Exception {
    Dispatcher chunks = request -> CompletableFuture.completedFuture(
        HttpAnswer.streaming(200, HttpAnswer.Framing.CHUNKED, out -> {
          out.write("abc".getBytes(StandardCharsets.US_ASCII));
          out.write("de".getBytes(StandardCharsets.US_ASCII));
        }));
    try (SimulatorServer server = SimulatorServer.builder().plainHttp().dispatcher(chunks).start()) {
      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(server.url("/c")).GET().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.body()).isEqualTo("abcde");
      assertThat(response.headers().firstValue("Transfer-Encoding")).contains("chunked");
    }
  }

  @Test
  void streamedRequestBody_isHandedToTheDispatcherDechunked() throws Exception {
    Dispatcher upload = new Dispatcher() {
      @Override
      public CompletableFuture<HttpAnswer> dispatch(RecordedRequest request) {
        try (InputStream body = request.bodyStream()) {
          byte[] all = body.readAllBytes();
          return CompletableFuture.completedFuture(HttpAnswer.text(200, "text/plain", "got " + all.length));
        } catch (IOException e) {
          return CompletableFuture.failedFuture(e);
        }
      }

      @Override
      public boolean streamsRequestBody(RecordedRequest head) {
        return head.path().startsWith("/https/speaker/");
      }
    };
    try (SimulatorServer server = SimulatorServer.builder().plainHttp().maxRequestBodyBytes(4).dispatcher(upload).start()) {
      String answer = exchange(server, "POST /https/speaker/audio/g711block HTTP/1.1\r\nHost: x\r\n"
          + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n3;ext=1\r\n wo\r\n0\r\n\r\n");
      assertThat(answer).startsWith("HTTP/1.1 200 OK").endsWith("got 8");
      assertThat(server.recordedRequests().get(0).bodySize()).isZero();
    }
  }

  @Test
  void oversizedBody_isRefusedWith413_beforeTheDispatcherSeesIt() throws Exception {
    try (SimulatorServer server = SimulatorServer.builder().plainHttp().maxRequestBodyBytes(4).dispatcher(ECHO).start()) {
      assertThat(exchange(server, "POST /x HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello")).startsWith("HTTP/1.1 413 ");
      assertThat(exchange(server, "POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n"))
          .startsWith("HTTP/1.1 413 ");
      assertThat(server.requestCount()).isZero();
    }
  }

  @Test
  void malformedRequestLine_gets400() throws Exception {
    try (SimulatorServer server = SimulatorServer.builder().plainHttp().dispatcher(ECHO).start()) {
      assertThat(exchange(server, "NONSENSE\r\n\r\n")).startsWith("HTTP/1.1 400 ");
    }
  }

  @Test
  void dropConnectionAnswer_closesWithoutAStatusLine_andIsCounted() throws Exception {
    try (SimulatorServer server = SimulatorServer.builder().plainHttp()
        .dispatcher(r -> CompletableFuture.completedFuture(HttpAnswer.fault(Fault.DROP_CONNECTION))).start()) {
      assertThat(exchange(server, "GET / HTTP/1.1\r\nHost: x\r\n\r\n")).isEmpty();
      assertThat(server.faults().carriedOut(Fault.DROP_CONNECTION)).isEqualTo(1);
    }
  }

  @Test
  void noAnswer_holdsTheConnection_untilTheServerCloses() throws Exception {
    SimulatorServer server = SimulatorServer.builder().plainHttp()
        .dispatcher(r -> CompletableFuture.completedFuture(HttpAnswer.fault(Fault.NO_ANSWER))).start();
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      socket.setSoTimeout(300);
      InputStream in = socket.getInputStream();
      assertThatThrownBy(in::read).isInstanceOf(SocketTimeoutException.class);
      server.close();
      socket.setSoTimeout(10_000);
      assertThat(in.read()).isEqualTo(-1);
    } finally {
      server.close();
    }
    assertThat(server.faults().carriedOut(Fault.NO_ANSWER)).isEqualTo(1);
  }

  @Test
  void failingDispatcher_gets500() throws Exception {
    try (SimulatorServer server = SimulatorServer.builder().plainHttp()
        .dispatcher(r -> { throw new IllegalStateException("bug"); }).start()) {
      assertThat(exchange(server, "GET / HTTP/1.1\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 500 ");
    }
  }

  /** Sends one keep-alive GET on {@code socket} and reads its whole answer (the echo body ends it). */
  private static String keepAliveGet(Socket socket, String path) throws IOException {
    socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
    String expectedBody = "GET " + path + " ";
    StringBuilder got = new StringBuilder();
    InputStream in = socket.getInputStream();
    while (!got.toString().endsWith("\r\n\r\n" + expectedBody)) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed after " + got);
      }
      got.append((char) b);
    }
    return got.toString();
  }

  @Test
  void atTheConnectionLimit_theLongestIdleConnectionMakesRoom() throws Exception {
    try (SimulatorServer server = SimulatorServer.builder().plainHttp().maxConnections(2).dispatcher(ECHO).start();
        Socket first = new Socket("127.0.0.1", server.port());
        Socket second = new Socket("127.0.0.1", server.port())) {
      first.setSoTimeout(10_000);
      second.setSoTimeout(10_000);
      keepAliveGet(first, "/1");
      keepAliveGet(second, "/2");
      // both answers are out; the third comes once the server counts both connections idle
      await().atMost(Duration.ofSeconds(10)).until(() -> server.idleConnections() == 2);
      try (Socket third = new Socket("127.0.0.1", server.port())) {
        third.setSoTimeout(10_000);
        assertThat(keepAliveGet(third, "/3")).startsWith("HTTP/1.1 200 OK");
      }
      assertThat(first.getInputStream().read()).as("the longest-idle connection was closed").isEqualTo(-1);
      assertThat(keepAliveGet(second, "/2-again")).startsWith("HTTP/1.1 200 OK");
    }
  }

  @Test
  void resetOverlapping_closesARequestArrivingWhileAnotherIsAnswered() throws Exception {
    CountDownLatch firstArrived = new CountDownLatch(1);
    CompletableFuture<HttpAnswer> firstAnswer = new CompletableFuture<>();
    Dispatcher slowFirst = request -> {
      if (request.path().equals("/first")) {
        firstArrived.countDown();
        return firstAnswer;
      }
      return ECHO.dispatch(request);
    };
    try (SimulatorServer server = SimulatorServer.builder().plainHttp().dispatcher(slowFirst).start()) {
      server.faults().set(Fault.RESET_OVERLAPPING, true);
      CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> {
        try {
          return exchange(server, "GET /first HTTP/1.1\r\nConnection: close\r\n\r\n");
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      assertThat(firstArrived.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(exchange(server, "GET /second HTTP/1.1\r\nConnection: close\r\n\r\n")).isEmpty();
      firstAnswer.complete(HttpAnswer.text(200, "text/plain", "first"));
      assertThat(first.get(10, TimeUnit.SECONDS)).startsWith("HTTP/1.1 200 OK").endsWith("first");
      assertThat(server.faults().carriedOut(Fault.RESET_OVERLAPPING)).isEqualTo(1);
      assertThat(exchange(server, "GET /third HTTP/1.1\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 200 OK");
    }
  }

  @Test
  void builder_refusesBadValuesNamingTheField() {
    assertThatThrownBy(() -> SimulatorServer.builder().build()).hasMessageContaining("dispatcher");
    assertThatThrownBy(() -> SimulatorServer.builder().port(70000)).hasMessageContaining("port");
    assertThatThrownBy(() -> SimulatorServer.builder().holdTimeout(Duration.ZERO)).hasMessageContaining("holdTimeout");
    assertThatThrownBy(() -> SimulatorServer.builder().cipherSuites()).hasMessageContaining("cipherSuites");
    assertThatThrownBy(() -> HttpAnswer.status(200).withHeader("X-Evil", "a\r\nSet-Cookie: b"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void closingTwice_andPortBeforeStart_areHandled() {
    SimulatorServer server = SimulatorServer.builder().dispatcher(ECHO).build();
    assertThatThrownBy(server::port).isInstanceOf(IllegalStateException.class);
    server.start();
    server.close();
    server.close();
    assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class);
  }
}
