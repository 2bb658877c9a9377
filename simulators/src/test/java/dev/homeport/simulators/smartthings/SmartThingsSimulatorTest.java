package dev.homeport.simulators.smartthings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.adapter.inmemory.InMemorySmartHome;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The simulator on its own, driven by the JDK's WebSocket client with hand-written frames from the
 * protocol notes (no homeport codec involved).
 */
class SmartThingsSimulatorTest {

  private final InMemorySmartHome backend = InMemorySmartHome.builder().build();
  private SmartThingsSimulator simulator =
      SmartThingsSimulator.builder()
          .backend(backend)
          .pingInterval(Duration.ofMillis(4000))
          .pingTimeout(Duration.ofMillis(3000))
          .start();
  private WebSocket socket;

  @AfterEach
  void stop() {
    if (socket != null) {
      socket.abort();
    }
    simulator.close();
  }

  private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
  private final BlockingQueue<Integer> closes = new LinkedBlockingQueue<>();

  private void open(String csrfToken, String cookie) throws Exception {
    HttpClient client = HttpClient.newBuilder().sslContext(simulator.certificate().clientContextTrustingThis()).build();
    URI uri =
        URI.create(simulator.url() + "?EIO=3&transport=websocket&csrfToken=" + URLEncoder.encode(csrfToken, StandardCharsets.UTF_8));
    socket =
        client
            .newWebSocketBuilder()
            .header("Cookie", cookie)
            .buildAsync(
                uri,
                new WebSocket.Listener() {
                  private final StringBuilder partial = new StringBuilder();

                  @Override
                  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                    partial.append(data);
                    if (last) {
                      frames.add(partial.toString());
                      partial.setLength(0);
                    }
                    webSocket.request(1);
                    return null;
                  }

                  @Override
                  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                    closes.add(statusCode);
                    return null;
                  }

                  @Override
                  public void onError(WebSocket webSocket, Throwable error) {
                    closes.add(-1);
                  }
                })
            .get(10, TimeUnit.SECONDS);
  }

  private String next() throws InterruptedException {
    String frame = frames.poll(10, TimeUnit.SECONDS);
    assertThat(frame).as("a frame within 5 s").isNotNull();
    return frame;
  }

  private void send(String frame) throws Exception {
    socket.sendText(frame, true).get(10, TimeUnit.SECONDS);
  }

  @Test
  void newConnection_getsOpenPacketWithConfiguredPingValuesThenConnect() throws Exception {
    open(simulator.csrfToken(), simulator.cookie());

    String open = next();
    assertThat(open).startsWith("0{").contains("\"pingInterval\":4000").contains("\"pingTimeout\":3000").contains("\"sid\":");
    assertThat(next()).isEqualTo("40");
  }

  @Test
  void ping_isAnsweredWithPongEchoingThePayload() throws Exception {
    open(simulator.csrfToken(), simulator.cookie());
    next();
    next();

    send("2probe");

    assertThat(next()).isEqualTo("3probe");
    assertThat(simulator.pingsReceived()).isEqualTo(1);
  }

  @Test
  void authenticateWithRightCredentials_isAcknowledgedWithSessionInfo() throws Exception {
    open(simulator.csrfToken(), simulator.cookie());
    next();
    next();

    send("4217[\"authenticate\",{}]");

    assertThat(next()).startsWith("4317[null,{\"userId\":\"user-1\",\"sessionLength\":28800,\"stayLoggedIn\":true}");
  }

  @Test
  void authenticateWithWrongCsrfToken_isRefusedWithNotAuthenticated() throws Exception {
    open("wrong", simulator.cookie());
    next();
    next();

    send("420[\"authenticate\",{}]");

    assertThat(next()).startsWith("430[{\"name\":\"NotAuthenticated\"").contains("\"code\":401");
  }

  @Test
  void callBeforeAuthenticating_isRefusedWithNotAuthenticated() throws Exception {
    open(simulator.csrfToken(), simulator.cookie());
    next();
    next();

    send("423[\"find\",\"api/location\",{}]");

    assertThat(next()).startsWith("433[{\"name\":\"NotAuthenticated\"");
  }

  @Test
  void silentClient_isDroppedAfterPingIntervalPlusTimeout() throws Exception {
    simulator.close();
    simulator =
        SmartThingsSimulator.builder().backend(backend).pingInterval(Duration.ofMillis(300)).pingTimeout(Duration.ofMillis(300)).start();
    open(simulator.csrfToken(), simulator.cookie());

    assertThat(closes.poll(10, TimeUnit.SECONDS)).isNotNull();
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> simulator.openConnections() == 0);
  }
}
