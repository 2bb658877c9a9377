package dev.homeport.adapter.events.wss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.homeport.domain.Secret;
import dev.homeport.ports.AuthenticationException;
import dev.homeport.ports.CertificateMismatchException;
import dev.homeport.ports.TransportException;
import dev.homeport.ports.home.SmartHomeSession;
import dev.homeport.simulators.smartthings.SmartThingsSimulator;
import dev.homeport.simulators.tls.SelfSignedCertificate;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connecting: credentials, headers and query, certificate trust, hostname verification and
 * protocol versions, and threads over many cycles, on the JDK's TLS; {@link
 * SmartThingsConnectionConscryptTest} runs the same tests on Conscrypt.
 */
class SmartThingsConnectionTest {

  private final TestHome home = new TestHome();
  private final SmartThingsSimulator simulator = SimulatorHarness.simulator(home);

  @AfterEach
  void stop() {
    simulator.close();
  }

  /** The TLS engine every connection of this class uses. */
  EventsTlsProvider tlsProvider() {
    return EventsTlsProvider.JDK;
  }

  ImmutableSmartThingsConfig config() {
    return SimulatorHarness.config(simulator).withTlsProvider(tlsProvider());
  }

  private static Throwable failureOf(SmartThingsConfig config) throws Exception {
    try {
      SmartHomeSession session = SmartThingsGateway.create(config).connect().get(15, TimeUnit.SECONDS);
      session.close();
      return null;
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }

  @Test
  void handshake_sendsQueryCookieAndOriginButNoSelfNamingUserAgent() throws Exception {
    SmartThingsGateway.create(config()).connect().get(10, TimeUnit.SECONDS).close();

    Map<String, String> handshake = simulator.handshakes().get(0);
    assertThat(handshake)
        .containsEntry("EIO", "3")
        .containsEntry("transport", "websocket")
        .containsEntry("csrfTokenMatches", "true")
        .containsEntry("cookieMatches", "true")
        .containsEntry("origin", "https://my.smartthings.com");
    assertThat(handshake.get("userAgent")).doesNotContainIgnoringCase("homeport");
  }

  @Test
  void wrongCsrfToken_failsWithAuthenticationException() throws Exception {
    Throwable failure = failureOf(config().withCsrfToken(Secret.of("wrong-token")));

    assertThat(failure).isInstanceOf(AuthenticationException.class).hasMessageNotContaining("wrong-token");
  }

  @Test
  void wrongCookie_failsWithAuthenticationException() throws Exception {
    Throwable failure = failureOf(config().withCookie(Secret.of("JSESSIONID=stolen")));

    assertThat(failure).isInstanceOf(AuthenticationException.class).hasMessageNotContaining("stolen");
  }

  @Test
  void rejectedAuthentication_failsWithAuthenticationException() throws Exception {
    simulator.rejectAuthentication(true);

    assertThat(failureOf(config())).isInstanceOf(AuthenticationException.class);
  }

  @Test
  void tokenWithReservedCharacters_isEncodedInTheQuery() throws Exception {
    try (SmartThingsSimulator special =
        SmartThingsSimulator.builder().backend(home).csrfToken("a+b/c=d&e f").start()) {
      SmartHomeSession session =
          SmartThingsGateway.create(SimulatorHarness.config(special).withTlsProvider(tlsProvider())).connect().get(10, TimeUnit.SECONDS);
      session.close();

      assertThat(special.handshakes().get(0)).containsEntry("csrfTokenMatches", "true");
    }
  }

  @Test
  void pinnedFingerprintOfAnotherCertificate_failsWithCertificateMismatch() throws Exception {
    String other = SelfSignedCertificate.create("other").sha256Fingerprint();

    Throwable failure =
        failureOf(config().withTrust(SmartThingsTrust.pinnedSha256(other)));

    assertThat(failure).isInstanceOf(CertificateMismatchException.class);
    CertificateMismatchException mismatch = (CertificateMismatchException) failure;
    assertThat(mismatch.expectedFingerprint()).isEqualTo(other);
    assertThat(mismatch.actualFingerprint()).isEqualTo(simulator.certificate().sha256Fingerprint());
    assertThat(mismatch.retryable()).isFalse();
  }

  @Test
  void defaultTrustAndSelfSignedServer_failsWithNonRetryableTransportException() throws Exception {
    Throwable failure =
        failureOf(config().withTrust(SmartThingsTrust.systemDefault()));

    assertThat(failure).isInstanceOf(TransportException.class).hasMessageContaining("TLS");
    assertThat(((TransportException) failure).retryable()).isFalse();
    assertThat(failure.getMessage()).doesNotContain(simulator.csrfToken());
  }

  @Test
  void caFileWithTheServerCertificate_connects(@TempDir Path dir) throws Exception {
    Path ca = Files.writeString(dir.resolve("ca.pem"), simulator.certificate().pem());

    assertThat(failureOf(config().withTrust(SmartThingsTrust.caCertificates(ca)))).isNull();
  }

  @Test
  void caFileWithAnotherCertificate_failsWithTransportException(@TempDir Path dir) throws Exception {
    Path ca = Files.writeString(dir.resolve("ca.pem"), SelfSignedCertificate.create("other").pem());

    assertThat(failureOf(config().withTrust(SmartThingsTrust.caCertificates(ca))))
        .isInstanceOf(TransportException.class);
  }

  @Test
  void missingCaFile_failsNamingTheFile(@TempDir Path dir) throws Exception {
    Path missing = dir.resolve("missing.pem");

    assertThat(failureOf(config().withTrust(SmartThingsTrust.caCertificates(missing))))
        .isInstanceOf(TransportException.class)
        .hasMessageContaining("missing.pem");
  }

  @Test
  void caFileWithTheServerCertificateButAnotherHostName_failsWithTransportException(@TempDir Path dir) throws Exception {
    Path ca = Files.writeString(dir.resolve("ca.pem"), simulator.certificate().pem());
    // 127.0.0.2 is loopback too, but the certificate names only 127.0.0.1, ::1 and localhost
    try (BlackholeProxy otherName = new BlackholeProxy(simulator.url().getPort(), InetAddress.getByName("127.0.0.2"))) {
      ImmutableSmartThingsConfig config =
          config()
              .withTrust(SmartThingsTrust.caCertificates(ca))
              .withUrl(URI.create("wss://127.0.0.2:" + otherName.port() + "/socket.io/"));

      Throwable failure = failureOf(config);

      assertThat(failure).isInstanceOf(TransportException.class).hasMessageContaining("TLS");
      assertThat(((TransportException) failure).retryable()).isFalse();
    }
    // the same relay under the name the certificate carries connects: the refusal was the name's
    try (BlackholeProxy sameName = new BlackholeProxy(simulator.url().getPort())) {
      assertThat(
              failureOf(
                  config()
                      .withTrust(SmartThingsTrust.caCertificates(ca))
                      .withUrl(URI.create("wss://127.0.0.1:" + sameName.port() + "/socket.io/"))))
          .isNull();
    }
  }

  @Test
  void pinnedFingerprintAndAnotherHostName_connects() throws Exception {
    // a pin names the certificate itself, so the host name is not checked (as on the JDK's TLS)
    try (BlackholeProxy otherName = new BlackholeProxy(simulator.url().getPort(), InetAddress.getByName("127.0.0.2"))) {
      assertThat(failureOf(config().withUrl(URI.create("wss://127.0.0.2:" + otherName.port() + "/socket.io/")))).isNull();
    }
  }

  @Test
  void insecureOptIn_connectsToSelfSignedServer() throws Exception {
    assertThat(failureOf(config().withTrust(SmartThingsTrust.insecure()))).isNull();
  }

  @Test
  void nothingListening_failsWithRetryableTransportException() throws Exception {
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Throwable failure =
        failureOf(config().withUrl(java.net.URI.create("wss://127.0.0.1:" + port + "/socket.io/")));

    assertThat(failure).isInstanceOf(TransportException.class);
    assertThat(((TransportException) failure).retryable()).isTrue();
  }

  @Test
  void twoHundredConnectCloseCyclesAndTwentyRefusals_leakNoThreads() throws Exception {
    ImmutableSmartThingsConfig config = config();
    // Warm up once, so the simulator's own (server-side) Tyrus pool exists and can be told apart.
    SmartThingsGateway.create(config).connect().get(10, TimeUnit.SECONDS).close();
    await().atMost(Duration.ofSeconds(10)).until(() -> simulator.openConnections() == 0);
    await().atMost(Duration.ofSeconds(10)).until(() -> !threadNames().anyMatch(name -> name.startsWith("homeport-smartthings")));
    Set<Thread> baseline = Thread.getAllStackTraces().keySet();
    Set<String> simulatorPools =
        baseline.stream()
            .map(Thread::getName)
            .filter(name -> name.matches("tyrus-\\d+-thread-\\d+"))
            .map(name -> name.substring(0, name.indexOf("-thread-") + 1))
            .collect(Collectors.toSet());

    SmartThingsGateway gateway = SmartThingsGateway.create(config);
    for (int i = 0; i < 200; i++) {
      gateway.connect().get(10, TimeUnit.SECONDS).close();
    }
    SmartThingsGateway refused = SmartThingsGateway.create(config.withCookie(Secret.of("JSESSIONID=wrong")));
    for (int i = 0; i < 20; i++) {
      assertThat(failureOf(refused.config())).isInstanceOf(AuthenticationException.class);
    }

    await()
        .atMost(Duration.ofSeconds(30))
        .pollInSameThread()
        .untilAsserted(
            () ->
                assertThat(
                        Thread.getAllStackTraces().keySet().stream()
                            .filter(thread -> !baseline.contains(thread))
                            .map(Thread::getName)
                            .filter(name -> simulatorPools.stream().noneMatch(name::startsWith)))
                    .as("client threads still alive after 200 closed sessions")
                    .isEmpty());
    assertThat(simulator.connectionsAccepted()).isEqualTo(221);
  }

  private static java.util.stream.Stream<String> threadNames() {
    return Thread.getAllStackTraces().keySet().stream().map(Thread::getName);
  }
}
