package dev.homeport.adapter.events.wss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.homeport.adapter.events.wss.internal.SmartThingsSession;
import dev.homeport.domain.home.EventFilter;
import dev.homeport.domain.home.PushedMessage;
import dev.homeport.domain.home.UnknownMessage;
import dev.homeport.ports.AuthenticationException;
import dev.homeport.ports.ServiceCallException;
import dev.homeport.ports.home.LifecycleEvent;
import dev.homeport.simulators.smartthings.SmartThingsSimulator;
import dev.homeport.support.SecretScrubber;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A server that quotes the session's secrets back (issue 10 item 3): a Feathers error dumping the
 * WebSocket request (URL with the URL-encoded CSRF token, the whole cookie header), a close reason
 * quoting one cookie value, unknown and malformed frames carrying the token and cookie. None of
 * those forms may reach an exception message, a {@code toString()}, a pushed message or a log line
 * (DEBUG on, see simplelogger.properties); each echo is seen redacted, so the test cannot pass by
 * the server not echoing at all.
 */
class SecretEchoTest {

  /** Needs URL and JSON escaping, so the encoded forms differ from the plain one. */
  private static final String TOKEN = "csrf/" + UUID.randomUUID() + "+\"q\"";
  private static final String SESSION = UUID.randomUUID().toString();
  private static final String XSRF = UUID.randomUUID().toString();
  private static final String COOKIE = "JSESSIONID=" + SESSION + "; XSRF-TOKEN=" + XSRF + "; lang=en";

  @Test
  void serverEchoingTheCookieAndToken_neverLeaksAnyFormOfThem() throws Exception {
    TestHome home = new TestHome();
    StringBuilder seen = new StringBuilder();
    try (CapturedLog log = new CapturedLog();
        SmartThingsSimulator simulator =
            SmartThingsSimulator.builder().backend(home).csrfToken(TOKEN).cookie(COOKIE)
                .pingInterval(Duration.ofMillis(300)).pingTimeout(Duration.ofMillis(3000)).start()) {
      SmartThingsSession session =
          (SmartThingsSession) SmartThingsGateway.create(SimulatorHarness.config(simulator)).connect().get(10, TimeUnit.SECONDS);
      Collector<PushedMessage> messages = new Collector<>();
      session.messages().subscribe(messages);
      Collector<LifecycleEvent> lifecycle = new Collector<>();
      session.lifecycle().subscribe(lifecycle);
      session.subscribe(EventFilter.location(TestHome.HOME)).subscribe(new Collector<>());
      messages.subscribed.get(10, TimeUnit.SECONDS);

      simulator.echoRequest("find api/device", "BadRequest", 400);
      simulator.echoRequest("get api/user", "NotAuthenticated", 401);
      assertThatThrownBy(() -> session.devices(TestHome.HOME).join())
          .isInstanceOf(CompletionException.class)
          .satisfies(e -> record(e, seen))
          .cause().isInstanceOf(ServiceCallException.class).hasMessageContaining("bad request");
      assertThatThrownBy(() -> session.user().join())
          .isInstanceOf(CompletionException.class)
          .satisfies(e -> record(e, seen))
          .cause().isInstanceOf(AuthenticationException.class).hasMessageContaining("bad request");
      simulator.answerAll();

      simulator.sendRaw("42[\"debug\",{\"cookie\":\"" + COOKIE + "\",\"token\":\"" + TOKEN.replace("\"", "\\\"") + "\"}]");
      simulator.sendRaw("42[\"" + SESSION + "\", " + TOKEN + " not json");
      await().atMost(Duration.ofSeconds(10)).until(() -> messages.items.size() >= 2);

      long reconnects = session.reconnectCount();
      simulator.closeEchoingCookie();
      await().atMost(Duration.ofSeconds(10)).until(() -> session.reconnectCount() > reconnects);
      session.close();

      messages.items.forEach(m -> seen.append(m).append('\n'));
      lifecycle.items.forEach(e -> seen.append(e).append('\n'));
      String logged = log.text();
      String all = seen + logged;

      for (String form : forms()) {
        assertThat(all).as("a form of the secret").doesNotContain(form);
      }
      assertThat(messages.items).filteredOn(UnknownMessage.class::isInstance).hasSizeGreaterThanOrEqualTo(2);
      assertThat(lifecycle.items).extracting(LifecycleEvent::detail)
          .anySatisfy(detail -> assertThat(detail).contains("1008").contains(SecretScrubber.REDACTED));
      assertThat(seen.toString().split(java.util.regex.Pattern.quote(SecretScrubber.REDACTED), -1).length - 1)
          .as("every echo arrived, redacted").isGreaterThanOrEqualTo(5);
      assertThat(logged).as("the log captured something at all").contains("DEBUG").contains("connection lost");
    }
  }

  private static void record(Throwable failure, StringBuilder seen) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      seen.append(cause).append('\n').append(cause.getMessage()).append('\n');
    }
  }

  /**
   * The forms the simulator echoes here: plain, URL- and JSON-escaped token, the whole cookie, a
   * pair and each long value (the other derived forms are SecretScrubberTest's).
   */
  private static List<String> forms() {
    String url = URLEncoder.encode(TOKEN, StandardCharsets.UTF_8);
    return List.of(TOKEN, url, TOKEN.replace("\"", "\\\""), COOKIE, "JSESSIONID=" + SESSION, SESSION, XSRF);
  }
}
