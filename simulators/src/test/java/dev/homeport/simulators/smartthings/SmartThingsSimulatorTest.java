package dev.homeport.simulators.smartthings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.adapter.inmemory.InMemorySmartHome;
import dev.homeport.domain.home.AlertMessage;
import dev.homeport.domain.home.AttributeValue;
import dev.homeport.domain.home.DeviceEvent;
import dev.homeport.domain.home.DeviceId;
import dev.homeport.domain.home.EventId;
import dev.homeport.domain.home.ImmutableDeviceEvent;
import dev.homeport.domain.home.LocationId;
import dev.homeport.domain.home.PushedMessage;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

  /** Opens, authenticates and subscribes to {@code loc-1}; returns the subscription id. */
  private String subscribed() throws Exception {
    open(simulator.csrfToken(), simulator.cookie());
    next();
    next();
    send("421[\"authenticate\",{}]");
    assertThat(next()).startsWith("431[null,");
    send("422[\"create\",\"api/subscription\",{\"locationId\":\"loc-1\"},{}]");
    String answer = next();
    assertThat(answer).startsWith("432[null,{\"subscriptionId\":\"");
    int start = "432[null,{\"subscriptionId\":\"".length();
    return answer.substring(start, answer.indexOf('"', start));
  }

  private static DeviceEvent event(int n) {
    return ImmutableDeviceEvent.builder()
        .eventId(EventId.of("ev-" + n))
        .locationId(LocationId.of("loc-1"))
        .deviceId(DeviceId.of("dev-" + (n % 7)))
        .componentId("main")
        .capability("powerMeter")
        .attribute("power")
        .value(new AttributeValue.NumberValue(BigDecimal.valueOf(n, 1)))
        .unit("W")
        .stateChange(n % 2 == 0)
        .time(Instant.parse("2021-06-09T04:16:03.854Z"))
        .build();
  }

  /** The frame of the protocol notes' device-event example, written out by hand. */
  private static String expectedFrame(int n, String subscriptionId) {
    return "42[\"api/subscription DEVICE_EVENT\",{\"data\":{\"eventType\":\"DEVICE_EVENT\",\"eventId\":\"ev-" + n
        + "\",\"locationId\":\"loc-1\",\"deviceId\":\"dev-" + (n % 7) + "\",\"componentId\":\"main\","
        + "\"capability\":\"powerMeter\",\"attribute\":\"power\",\"value\":" + BigDecimal.valueOf(n, 1)
        + ",\"valueType\":\"number\",\"unit\":\"W\",\"stateChange\":" + (n % 2 == 0)
        + ",\"time\":\"2021-06-09T04:16:03.854Z\"},\"subscriptionId\":\"" + subscriptionId + "\"}]";
  }

  @Test
  void burst_arrivesAsOneWholePacketPerEvent_inOrder() throws Exception {
    String subscriptionId = subscribed();
    List<DeviceEvent> burst = new ArrayList<>();
    for (int n = 0; n < 2_000; n++) { // ~600 KB: many batches, so batch boundaries are crossed
      burst.add(event(n));
    }

    simulator.pushBurst(burst);

    for (int n = 0; n < burst.size(); n++) {
      assertThat(next()).isEqualTo(expectedFrame(n, subscriptionId));
    }
    assertThat(simulator.pushedFrames()).isEqualTo(burst.size());
  }

  @Test
  void burstWrittenAFramePerWrite_arrivesTheSame() throws Exception {
    simulator.close();
    simulator = SmartThingsSimulator.builder().backend(backend).pushBatchBytes(1).start();
    String subscriptionId = subscribed();
    List<DeviceEvent> burst = new ArrayList<>();
    for (int n = 0; n < 300; n++) {
      burst.add(event(n));
    }

    simulator.pushBurst(burst);

    for (int n = 0; n < burst.size(); n++) {
      assertThat(next()).isEqualTo(expectedFrame(n, subscriptionId));
    }
  }

  @Test
  void pushBatchBytesOutOfRange_isRefusedNamingTheField() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SmartThingsSimulator.builder().pushBatchBytes(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pushBatchBytes must be 1..16777216");
  }

  @Test
  void burstWithDuplicateEvents_sendsEachEventTwiceInARow() throws Exception {
    String subscriptionId = subscribed();
    simulator.duplicateEvents(true);

    simulator.pushBurst(List.of(event(1), event(2)));

    assertThat(List.of(next(), next(), next(), next())).containsExactly(expectedFrame(1, subscriptionId),
        expectedFrame(1, subscriptionId), expectedFrame(2, subscriptionId), expectedFrame(2, subscriptionId));
    assertThat(simulator.pushedFrames()).isEqualTo(4);
  }

  @Test
  void burstOfFramesOfEveryLengthClass_arrivesWhole() throws Exception {
    // Payload lengths under 126, up to 65,535 and beyond: the three length encodings of RFC 6455.
    String subscriptionId = subscribed();
    List<PushedMessage> burst = List.of(new AlertMessage("a"), new AlertMessage("b".repeat(1_000)),
        new AlertMessage("c".repeat(70_000)), event(3), new AlertMessage("d".repeat(200_000)), event(4));

    simulator.pushBurst(burst);

    assertThat(next()).isEqualTo("42[\"api/subscription ALERT\",\"a\"]");
    assertThat(next()).isEqualTo("42[\"api/subscription ALERT\",\"" + "b".repeat(1_000) + "\"]");
    assertThat(next()).isEqualTo("42[\"api/subscription ALERT\",\"" + "c".repeat(70_000) + "\"]");
    assertThat(next()).isEqualTo(expectedFrame(3, subscriptionId));
    assertThat(next()).isEqualTo("42[\"api/subscription ALERT\",\"" + "d".repeat(200_000) + "\"]");
    assertThat(next()).isEqualTo(expectedFrame(4, subscriptionId));
  }

  @Test
  void pingDuringABurst_isAnswered() throws Exception {
    String subscriptionId = subscribed();
    List<DeviceEvent> burst = new ArrayList<>();
    for (int n = 0; n < 20_000; n++) {
      burst.add(event(n));
    }
    java.util.concurrent.CompletableFuture<Void> pushed = simulator.pushAll(burst, Duration.ZERO);
    send("2during");

    List<String> received = new ArrayList<>();
    for (int n = 0; n <= burst.size(); n++) {
      received.add(next());
    }
    pushed.get(10, TimeUnit.SECONDS);
    assertThat(received).contains("3during");
    received.remove("3during");
    for (int n = 0; n < burst.size(); n++) {
      assertThat(received.get(n)).isEqualTo(expectedFrame(n, subscriptionId));
    }
  }
}
