package dev.homeport.adapter.camera.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeport.support.Fingerprints;
import dev.homeport.support.KnownHostsStore;
import dev.homeport.support.PinMismatchException;
import dev.homeport.support.PinningTrustManager;
import dev.homeport.simulators.tls.SelfSignedCertificate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The support library's trust manager, on real certificates from the test kit. */
class PinningTrustManagerTest {

  private static final SelfSignedCertificate FIRST = SelfSignedCertificate.create("cam");
  private static final SelfSignedCertificate SECOND = SelfSignedCertificate.create("cam");

  @TempDir Path dir;

  private static X509Certificate[] chain(SelfSignedCertificate c) {
    return new X509Certificate[] {c.certificate()};
  }

  @Test
  void fingerprint_matchesTheTestkitFingerprint() {
    assertThat(Fingerprints.sha256(FIRST.certificate())).isEqualTo(FIRST.sha256Fingerprint());
  }

  @Test
  void tofu_recordsOnFirstContactThenAcceptsTheSameCertificate() throws Exception {
    KnownHostsStore store = new KnownHostsStore(dir.resolve("sub/known_hosts"));
    PinningTrustManager tm = PinningTrustManager.trustOnFirstUse("10.0.0.5:10443", store);
    tm.checkServerTrusted(chain(FIRST), "ECDHE_ECDSA");
    assertThat(store.lookup("10.0.0.5:10443")).contains(FIRST.sha256Fingerprint());
    assertThat(Files.readString(store.file())).contains("10.0.0.5:10443 " + FIRST.sha256Fingerprint());
    tm.checkServerTrusted(chain(FIRST), "ECDHE_ECDSA");
    // a new trust manager (new process) reads the file
    PinningTrustManager.trustOnFirstUse("10.0.0.5:10443", new KnownHostsStore(store.file()))
        .checkServerTrusted(chain(FIRST), "ECDHE_ECDSA");
  }

  @Test
  void tofu_changedCertificate_failsNamingHostAndBothFingerprints() throws Exception {
    KnownHostsStore store = new KnownHostsStore(dir.resolve("known_hosts"));
    PinningTrustManager.trustOnFirstUse("10.0.0.5:10443", store)
        .checkServerTrusted(chain(FIRST), "RSA");
    PinningTrustManager again = PinningTrustManager.trustOnFirstUse("10.0.0.5:10443", store);
    assertThatThrownBy(() -> again.checkServerTrusted(chain(SECOND), "RSA"))
        .isInstanceOfSatisfying(PinMismatchException.class, e -> {
          assertThat(e.host()).isEqualTo("10.0.0.5:10443");
          assertThat(e.expected()).isEqualTo(FIRST.sha256Fingerprint());
          assertThat(e.actual()).isEqualTo(SECOND.sha256Fingerprint());
        })
        .hasMessageContaining("10.0.0.5:10443")
        .hasMessageContaining(FIRST.sha256Fingerprint())
        .hasMessageContaining(SECOND.sha256Fingerprint());
    assertThat(store.lookup("10.0.0.5:10443")).contains(FIRST.sha256Fingerprint());
  }

  @Test
  void tofu_otherHostsAreRecordedIndependently() throws Exception {
    KnownHostsStore store = new KnownHostsStore(dir.resolve("known_hosts"));
    PinningTrustManager.trustOnFirstUse("a:1", store).checkServerTrusted(chain(FIRST), "RSA");
    PinningTrustManager.trustOnFirstUse("b:1", store).checkServerTrusted(chain(SECOND), "RSA");
    assertThat(store.lookup("a:1")).contains(FIRST.sha256Fingerprint());
    assertThat(store.lookup("b:1")).contains(SECOND.sha256Fingerprint());
  }

  @Test
  void pinned_acceptsOnlyThePinnedFingerprint_writtenInAnyCaseWithColons() throws Exception {
    String colons = FIRST.sha256Fingerprint().toUpperCase().replaceAll("(..)(?!$)", "$1:");
    PinningTrustManager tm = PinningTrustManager.pinned("cam:10443", colons);
    tm.checkServerTrusted(chain(FIRST), "RSA");
    assertThatThrownBy(() -> tm.checkServerTrusted(chain(SECOND), "RSA"))
        .isInstanceOf(PinMismatchException.class);
  }

  @Test
  void pinned_malformedFingerprint_isRefusedNamingTheRule() {
    assertThatThrownBy(() -> PinningTrustManager.pinned("cam:1", "abc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("64 hex digits");
  }

  @Test
  void insecure_acceptsAnyCertificate() throws Exception {
    PinningTrustManager tm = PinningTrustManager.insecure("cam:1");
    tm.checkServerTrusted(chain(FIRST), "RSA");
    tm.checkServerTrusted(chain(SECOND), "RSA");
    assertThat(tm.lastSeenFingerprint()).isEqualTo(SECOND.sha256Fingerprint());
  }

  @Test
  void insecure_warnsOnceNoMatterHowManyHandshakes() throws Exception {
    String host = "insecure-" + System.nanoTime() + ":10443";
    PinningTrustManager tm = PinningTrustManager.insecure(host);
    for (int i = 0; i < 3; i++) {
      tm.checkServerTrusted(chain(i % 2 == 0 ? FIRST : SECOND), "RSA");
    }
    String logFile = System.getProperty("org.slf4j.simpleLogger.logFile");
    org.junit.jupiter.api.Assumptions.assumeTrue(logFile != null,
        "log capture needs -Dorg.slf4j.simpleLogger.logFile (set by this module's surefire config)");
    String log = Files.readString(Path.of(logFile));
    assertThat(log.split(java.util.regex.Pattern.quote("INSECURE TLS for " + host + ":"), -1))
        .hasSize(2);
  }

  @Test
  void tofu_concurrentFirstContactsOfManyCameras_areAllRecorded() throws Exception {
    KnownHostsStore store = new KnownHostsStore(dir.resolve("known_hosts"));
    java.util.List<Thread> threads = new java.util.ArrayList<>();
    java.util.List<Throwable> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
    for (int i = 0; i < 20; i++) {
      String host = "10.0.0." + i + ":10443";
      Thread t = new Thread(() -> {
        try {
          PinningTrustManager.trustOnFirstUse(host, new KnownHostsStore(store.file()))
              .checkServerTrusted(chain(FIRST), "RSA");
        } catch (Throwable e) {
          errors.add(e);
        }
      });
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join(10_000);
    }
    assertThat(errors).isEmpty();
    for (int i = 0; i < 20; i++) {
      assertThat(store.lookup("10.0.0." + i + ":10443")).contains(FIRST.sha256Fingerprint());
    }
  }

  @Test
  void clientCertificates_areNeverTrusted() {
    PinningTrustManager tm = PinningTrustManager.insecure("cam:1");
    assertThatThrownBy(() -> tm.checkClientTrusted(chain(FIRST), "RSA"))
        .isInstanceOf(java.security.cert.CertificateException.class);
  }
}
