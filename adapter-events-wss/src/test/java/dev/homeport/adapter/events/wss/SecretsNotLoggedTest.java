package dev.homeport.adapter.events.wss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.homeport.adapter.events.wss.internal.SmartThingsSession;
import dev.homeport.domain.Secret;
import dev.homeport.domain.home.EventFilter;
import dev.homeport.simulators.smartthings.SmartThingsSimulator;
import dev.homeport.simulators.tls.SelfSignedCertificate;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * With the adapter's DEBUG logging on (see simplelogger.properties), neither the CSRF token nor the
 * cookie appears in anything logged or in any exception message, across success and failures.
 */
class SecretsNotLoggedTest {

  @Test
  void connectFailReconnectAndClose_neverLogTheSecrets() throws Exception {
    TestHome home = new TestHome();
    StringBuilder messages = new StringBuilder();
    try (CapturedLog log = new CapturedLog();
        SmartThingsSimulator simulator = SimulatorHarness.simulator(home)) {
      ImmutableSmartThingsConfig config = SimulatorHarness.config(simulator);
      assertThat(org.slf4j.LoggerFactory.getLogger(SmartThingsSession.class).isDebugEnabled()).isTrue();

      SmartThingsSession session = (SmartThingsSession) SmartThingsGateway.create(config).connect().get(10, TimeUnit.SECONDS);
      session.subscribe(EventFilter.location(TestHome.HOME)).subscribe(new Collector<>());
      session.devices(TestHome.HOME).get(10, TimeUnit.SECONDS);
      simulator.dropConnections();
      await().atMost(Duration.ofSeconds(10)).until(() -> session.reconnectCount() == 1);
      simulator.sendRaw("42[\"x\",{\"data\":{\"eventType\":\"DEVICE_EVENT\"}}]");
      session.close();

      for (ImmutableSmartThingsConfig failing :
          new ImmutableSmartThingsConfig[] {
            config.withCookie(Secret.of("JSESSIONID=wrong-" + simulator.cookie())),
            config.withCsrfToken(Secret.of("wrong-" + simulator.csrfToken())),
            config.withTrust(SmartThingsTrust.pinnedSha256(SelfSignedCertificate.create("x").sha256Fingerprint())),
            config.withUrl(java.net.URI.create("wss://127.0.0.1:1/socket.io/"))
          }) {
        try {
          SmartThingsGateway.create(failing).connect().get(10, TimeUnit.SECONDS).close();
        } catch (ExecutionException e) {
          for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            messages.append(cause).append('\n');
          }
        }
      }
      messages.append(config).append('\n').append(SmartThingsGateway.create(config)).append('\n');

      String logged = log.text();
      assertThat(logged).as("the log captured something at all").contains("DEBUG");
      assertThat(logged + messages).doesNotContain(simulator.csrfToken()).doesNotContain(simulator.cookie());
    }
  }
}
