package dev.homeport.adapter.camera.http;

import static dev.homeport.adapter.camera.http.KasaTestSupport.await;
import static dev.homeport.adapter.camera.http.KasaTestSupport.backend;
import static dev.homeport.adapter.camera.http.KasaTestSupport.config;
import static dev.homeport.adapter.camera.http.KasaTestSupport.failureOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.homeport.domain.camera.GetSetting;
import dev.homeport.domain.camera.Setting;
import dev.homeport.ports.CertificateMismatchException;
import dev.homeport.ports.ProtocolException;
import dev.homeport.ports.RequestTimeoutException;
import dev.homeport.ports.camera.Camera;
import dev.homeport.simulators.harness.Fault;
import dev.homeport.simulators.kasa.KasaCameraSimulator;
import dev.homeport.simulators.tls.SelfSignedCertificate;
import dev.homeport.support.TrustMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cameras that misbehave on the wire (issue 10 items 9 and 10) and several cameras with different
 * certificates on one driver's shared HTTP client (issue 11 item 4).
 */
class KasaHostileAnswersTest {

  /** Far above the 256 KiB cap plus loopback socket buffers, far below an endless body. */
  private static final long BOUNDED = 64L * 1024 * 1024;

  @TempDir Path dir;

  @Test
  void endlessAnswer_failsAsProtocolError_andTheClientStopsReading() {
    try (KasaCameraSimulator sim = KasaCameraSimulator.builder().backend(backend()).start();
        Camera camera = KasaTestSupport.connect(sim, dir)) {
      assertThat(await(camera.execute(GetSetting.of(Setting.POWER)))).isTrue();
      sim.faults().armNext(Fault.ENDLESS_ANSWER, 1);

      Throwable failure = failureOf(camera.execute(GetSetting.of(Setting.POWER)));

      assertThat(failure).isInstanceOf(ProtocolException.class).hasMessageContaining("262144-byte cap")
          .hasMessageContaining("max-answer-bytes");
      await().atMost(Duration.ofSeconds(10)).until(() -> sim.faults().carriedOut(Fault.ENDLESS_ANSWER) == 1);
      assertThat(sim.faults().bodyBytesSent()).isLessThan(BOUNDED);
      assertThat(await(camera.execute(GetSetting.of(Setting.POWER)))).isTrue();
    }
  }

  @Test
  void hugeContentLength_failsAsProtocolError_beforeReadingTheBody() {
    try (KasaCameraSimulator sim = KasaCameraSimulator.builder().backend(backend()).start();
        Camera camera = KasaTestSupport.DRIVER.connect(config(sim, dir).maxAnswerBytes(4096).build())) {
      sim.faults().armNext(Fault.HUGE_CONTENT_LENGTH, 1);

      Throwable failure = failureOf(camera.execute(GetSetting.of(Setting.POWER)));

      assertThat(failure).isInstanceOf(ProtocolException.class)
          .hasMessageContaining("4096-byte cap");
      await().atMost(Duration.ofSeconds(10)).until(() -> sim.faults().carriedOut(Fault.HUGE_CONTENT_LENGTH) == 1);
      assertThat(sim.faults().bodyBytesSent()).isLessThan(BOUNDED);
      assertThat(await(camera.execute(GetSetting.of(Setting.POWER)))).isTrue();
    }
  }

  @Test
  void tricklingBody_failsAtTheRequestTimeout_andTheCommandQueuedBehindItProceeds() {
    try (KasaCameraSimulator sim = KasaCameraSimulator.builder().backend(backend()).start();
        Camera camera = KasaTestSupport.DRIVER.connect(config(sim, dir).build()
            .withRequestTimeout(Duration.ofMillis(1500)))) {
      assertThat(await(camera.execute(GetSetting.of(Setting.POWER)))).isTrue();
      sim.faults().armNext(Fault.TRICKLE_ANSWER, 1);

      CompletableFuture<Boolean> trickled = camera.execute(GetSetting.of(Setting.POWER));
      CompletableFuture<Boolean> queued = camera.execute(GetSetting.of(Setting.POWER));

      assertThat(failureOf(trickled)).isInstanceOf(RequestTimeoutException.class)
          .hasMessageContaining("did not answer within 1500 ms");
      assertThat(await(queued)).isTrue();
      // 4096 bytes at one per 100 ms would take 400 s: the client closed long before
      await().atMost(Duration.ofSeconds(10)).until(() -> sim.faults().carriedOut(Fault.TRICKLE_ANSWER) == 1);
      assertThat(sim.faults().bodyBytesSent()).isLessThan(4096);
    }
  }

  @Test
  void twoCamerasOnOneDriver_pinningOneDoesNotTrustTheOther() {
    try (KasaCameraSimulator a = KasaCameraSimulator.builder().backend(backend()).start();
        KasaCameraSimulator b = KasaCameraSimulator.builder().backend(backend()).start();
        Camera camA = KasaTestSupport.DRIVER.connect(config(a, dir)
            .trustMode(TrustMode.PINNED).pinnedSha256(a.fingerprint()).build().withName("a"));
        Camera camB = KasaTestSupport.DRIVER.connect(config(b, dir)
            .trustMode(TrustMode.PINNED).pinnedSha256(a.fingerprint()).build().withName("b"))) {
      // b first: a's accepted handshake must not be what b's check relies on, in either order
      assertThat(failureOf(camB.execute(GetSetting.of(Setting.POWER))))
          .isInstanceOf(CertificateMismatchException.class);
      assertThat(await(camA.execute(GetSetting.of(Setting.POWER)))).isTrue();
      assertThat(failureOf(camB.execute(GetSetting.of(Setting.POWER))))
          .isInstanceOf(CertificateMismatchException.class);
    }
  }

  @Test
  void changedCertificateOnOneCamera_failsOnlyThatCamera() {
    try (KasaCameraSimulator a = KasaCameraSimulator.builder().backend(backend()).start();
        KasaCameraSimulator b = KasaCameraSimulator.builder().backend(backend()).start();
        Camera camA = KasaTestSupport.DRIVER.connect(config(a, dir)
            .trustMode(TrustMode.PINNED).pinnedSha256(a.fingerprint()).build().withName("a"));
        Camera camB = KasaTestSupport.DRIVER.connect(config(b, dir)
            .trustMode(TrustMode.PINNED).pinnedSha256(b.fingerprint()).build().withName("b"))) {
      assertThat(await(camA.execute(GetSetting.of(Setting.POWER)))).isTrue();
      assertThat(await(camB.execute(GetSetting.of(Setting.POWER)))).isTrue();

      a.replaceCertificate(SelfSignedCertificate.create("impostor"));
      a.dropConnectionForNext(1); // the kept-alive connection goes, so the next request handshakes anew

      assertThat(failureOf(camA.execute(GetSetting.of(Setting.POWER))))
          .isInstanceOf(CertificateMismatchException.class);
      assertThat(await(camB.execute(GetSetting.of(Setting.POWER)))).isTrue();
      assertThat(failureOf(camA.execute(GetSetting.of(Setting.POWER))))
          .isInstanceOf(CertificateMismatchException.class);
    }
  }
}
