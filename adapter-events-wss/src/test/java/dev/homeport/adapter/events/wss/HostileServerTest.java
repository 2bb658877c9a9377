package dev.homeport.adapter.events.wss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.homeport.adapter.events.wss.internal.SmartThingsSession;
import dev.homeport.domain.home.AlertMessage;
import dev.homeport.domain.home.PushedMessage;
import dev.homeport.ports.RequestTimeoutException;
import dev.homeport.ports.SessionExpiredException;
import dev.homeport.ports.home.LifecycleEvent;
import dev.homeport.ports.home.SessionState;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The adapter against a server that misbehaves on purpose ({@link HostileServer}): refused or
 * unanswered upgrades, absurd ping values, oversized messages, connections dropped right after
 * authentication (issue 10, items 6, 9, 10 and 12).
 */
class HostileServerTest {

  private HostileServer server;
  private SmartThingsSession session;

  @AfterEach
  void stop() throws Exception {
    if (session != null) {
      session.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private SmartThingsSession connect(SmartThingsConfig config) throws Exception {
    session = (SmartThingsSession) SmartThingsGateway.create(config).connect().get(15, TimeUnit.SECONDS);
    return session;
  }

  private static Throwable failure(CompletableFuture<?> future) {
    try {
      future.get(15, TimeUnit.SECONDS);
      throw new AssertionError("expected a failure");
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (Exception e) {
      throw new AssertionError("the connect did not end within 15 s", e);
    }
  }

  private Collector<LifecycleEvent> lifecycle() throws Exception {
    Collector<LifecycleEvent> lifecycle = new Collector<>();
    session.lifecycle().subscribe(lifecycle);
    lifecycle.subscribed.get(10, TimeUnit.SECONDS);
    return lifecycle;
  }

  private static boolean has(List<LifecycleEvent> events, SessionState state, String detail) {
    return events.stream().anyMatch(e -> e.state() == state && e.detail().contains(detail));
  }

  // ------------------------------------------------------------------ item 12: 401/403, back-off

  @ParameterizedTest
  @ValueSource(strings = {"401 Unauthorized", "403 Forbidden"})
  void upgradeRefusedWithAuthStatus_firstConnectFailsAsSessionExpired(String status) throws Exception {
    server = HostileServer.tls(peer -> {
      peer.readRequest();
      peer.refuse(status);
      peer.drain();
    });

    Throwable error = failure(SmartThingsGateway.create(server.config().build()).connect());

    assertThat(error).isInstanceOf(SessionExpiredException.class)
        .hasMessageContaining("HTTP " + status.substring(0, 3))
        .hasMessageNotContaining(HostileServer.CSRF).hasMessageNotContaining("hostile-cookie");
    assertThat(server.connections()).isEqualTo(1);
  }

  @Test
  void upgradeRefusedWith401OnReconnect_endsSessionExpiredWithoutFurtherAttempts() throws Exception {
    CountDownLatch drop = new CountDownLatch(1);
    AtomicInteger number = new AtomicInteger();
    server = HostileServer.tls(peer -> {
      if (number.incrementAndGet() == 1) {
        peer.openAndAuthenticate();
        drop.await();
        peer.drop();
      } else {
        peer.readRequest();
        peer.refuse("401 Unauthorized");
        peer.drain();
      }
    });
    connect(server.config().backoffMin(Duration.ofMillis(20)).backoffMax(Duration.ofMillis(50)).build());
    Collector<LifecycleEvent> lifecycle = lifecycle();

    drop.countDown();

    await().atMost(Duration.ofSeconds(10)).until(session::isClosed);
    assertThat(lifecycle.items).extracting(LifecycleEvent::state).contains(SessionState.SESSION_EXPIRED);
    assertThat(server.connections()).isEqualTo(2);
    assertThat(failure(session.user())).isInstanceOf(SessionExpiredException.class);
  }

  @Test
  void serverDroppingEveryConnectionAfterAuthentication_getsGrowingBackOff() throws Exception {
    CountDownLatch dropFirst = new CountDownLatch(1);
    AtomicInteger number = new AtomicInteger();
    server = HostileServer.tls(peer -> {
      boolean first = number.incrementAndGet() == 1;
      peer.openAndAuthenticate();
      if (first) {
        dropFirst.await();
      }
      peer.drop();
    });
    ReconnectPolicyTest.Recording policy = new ReconnectPolicyTest.Recording();
    connect(server.config().reconnectPolicy(policy).build());

    dropFirst.countDown();

    await().atMost(Duration.ofSeconds(20)).until(() -> policy.attempts.size() >= 6);
    // Never back to attempt 0: none of these connections stayed up for the healthy period, so
    // each loss continues the count and the policy's delay keeps growing.
    assertThat(policy.attempts.subList(0, 6)).containsExactly(0, 1, 2, 3, 4, 5);
    assertThat(ReconnectPolicy.defaults().delay(5)).isGreaterThan(ReconnectPolicy.defaults().delay(0));
  }

  // ------------------------------------------------------------------ item 6: connect time-out

  @Test
  void serverThatNeverCompletesTls_failsAtTheConnectTimeout() throws Exception {
    server = HostileServer.plainTcp(HostileServer.Peer::drain);

    Throwable error = failure(
        SmartThingsGateway.create(server.config().connectTimeout(Duration.ofSeconds(1)).build()).connect());

    assertThat(error).isInstanceOf(RequestTimeoutException.class);
    // The abandoned attempt's socket is not awaited here: Tyrus' Grizzly container closes it when
    // its own fixed 30 s TLS handshake limit passes (checked once by hand: closed after ~31 s).
  }

  @Test
  void serverThatNeverAnswersTheUpgrade_failsAtTheConnectTimeout() throws Exception {
    server = HostileServer.tls(peer -> {
      peer.readRequest();
      peer.drain();
    });

    Throwable error = failure(
        SmartThingsGateway.create(server.config().connectTimeout(Duration.ofSeconds(1)).build()).connect());

    assertThat(error).isInstanceOf(RequestTimeoutException.class);
    await().atMost(Duration.ofSeconds(10)).until(() -> server.openConnections() == 0);
  }

  @Test
  void defaultConnectTimeout_isTenSeconds() {
    SmartThingsConfig defaults = ImmutableSmartThingsConfig.builder()
        .csrfToken(dev.homeport.domain.Secret.of("t")).cookie(dev.homeport.domain.Secret.of("c")).build();
    assertThat(defaults.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(defaults.maxMessageSize()).isEqualTo(16 * 1024 * 1024);
  }

  // ------------------------------------------------------------------ item 9: message limit

  @Test
  void textMessageOverFourMebibytes_isDeliveredUnderTheDefaultLimit() throws Exception {
    String big = "a".repeat(5 * 1024 * 1024);
    CountDownLatch send = new CountDownLatch(1);
    server = HostileServer.tls(peer -> {
      peer.openAndAuthenticate();
      send.await();
      peer.sendText("42[\"alert\",\"" + big + "\"]");
      peer.drain();
    });
    connect(server.config().build());
    Collector<PushedMessage> messages = new Collector<>();
    session.messages().subscribe(messages);
    messages.subscribed.get(10, TimeUnit.SECONDS);

    send.countDown();

    await().atMost(Duration.ofSeconds(10)).until(() -> !messages.items.isEmpty());
    assertThat(messages.items.get(0)).isInstanceOfSatisfying(AlertMessage.class, a -> assertThat(a.text()).hasSize(big.length()));
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void messageOverTheConfiguredLimit_endsTheConnectionNamingTheSetting(boolean binary) throws Exception {
    CountDownLatch send = new CountDownLatch(1);
    AtomicInteger number = new AtomicInteger();
    server = HostileServer.tls(peer -> {
      boolean first = number.incrementAndGet() == 1;
      peer.openAndAuthenticate();
      if (first) {
        send.await();
        if (binary) {
          peer.sendBinary(new byte[100 * 1024]);
        } else {
          peer.sendText("42[\"alert\",\"" + "b".repeat(100 * 1024) + "\"]");
        }
      }
      peer.drain();
    });
    connect(server.config().maxMessageSize(64 * 1024).build());
    Collector<LifecycleEvent> lifecycle = lifecycle();

    send.countDown();

    await().atMost(Duration.ofSeconds(10))
        .until(() -> has(lifecycle.items, SessionState.RECONNECTING, "larger than maxMessageSize (65536 bytes"));
    await().atMost(Duration.ofSeconds(10)).until(() -> session.reconnectCount() == 1);
  }

  // ------------------------------------------------------------------ item 10: ping bounds

  @Test
  void tinyPingValues_areRaisedSoTheConnectionStaysUp() throws Exception {
    CompletableFuture<Void> fourPings = new CompletableFuture<>();
    server = HostileServer.tls(peer -> {
      peer.open("1", "1");
      int pings = 0;
      while (true) {
        String frame = peer.readText();
        if (frame.startsWith("42")) {
          peer.sendText("43" + frame.substring(2, frame.indexOf('[')) + "[null,{\"userId\":\"u\"}]");
        } else if (frame.equals("2")) {
          peer.sendText("3");
          if (++pings == 4) {
            fourPings.complete(null);
          }
        }
      }
    });
    connect(server.config().build());
    Collector<LifecycleEvent> lifecycle = lifecycle();

    fourPings.get(15, TimeUnit.SECONDS);

    assertThat(server.connections()).isEqualTo(1);
    assertThat(lifecycle.items).extracting(LifecycleEvent::state).doesNotContain(SessionState.RECONNECTING);
    assertThat(session.isClosed()).isFalse();
    assertThat(session.handshake()).hasValueSatisfying(h -> {
      assertThat(h.pingInterval()).isEqualTo(Duration.ofMillis(250));
      assertThat(h.pingTimeout()).isEqualTo(Duration.ofSeconds(1));
    });
  }

  @Test
  void hugePingValues_areLoweredSoLivenessStaysOn() throws Exception {
    server = HostileServer.tls(peer -> {
      peer.open("86400000000", "86400000000");
      while (true) {
        String frame = peer.readText();
        if (frame.startsWith("42")) {
          peer.sendText("43" + frame.substring(2, frame.indexOf('[')) + "[null,{\"userId\":\"u\"}]");
        }
      }
    });
    connect(server.config().build());

    assertThat(session.handshake()).hasValueSatisfying(h -> {
      assertThat(h.pingInterval()).isEqualTo(Duration.ofSeconds(60));
      assertThat(h.pingTimeout()).isEqualTo(Duration.ofSeconds(60));
    });
  }
}
