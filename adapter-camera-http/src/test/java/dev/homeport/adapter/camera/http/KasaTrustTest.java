package dev.homeport.adapter.camera.http;

import dev.homeport.support.TrustMode;
import static dev.homeport.adapter.camera.http.KasaTestSupport.await;
import static dev.homeport.adapter.camera.http.KasaTestSupport.backend;
import static dev.homeport.adapter.camera.http.KasaTestSupport.config;
import static dev.homeport.adapter.camera.http.KasaTestSupport.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.domain.camera.GetSetting;
import dev.homeport.domain.camera.Setting;
import dev.homeport.ports.CertificateMismatchException;
import dev.homeport.ports.camera.Camera;
import dev.homeport.simulators.kasa.KasaCameraSimulator;
import dev.homeport.simulators.tls.SelfSignedCertificate;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KasaTrustTest {

  @TempDir Path dir;

  @Test
  void trustOnFirstUse_recordsThenEnforcesThenRefusesAChangedCertificate() throws Exception {
    try (KasaCameraSimulator sim = KasaCameraSimulator.builder().backend(backend()).start()) {
      String first = sim.fingerprint();
      Path knownHosts = dir.resolve("known_hosts");
      String hostKey = "127.0.0.1:" + sim.port();

      try (Camera camera = KasaTestSupport.connect(sim, dir)) {
        await(camera.execute(GetSetting.of(Setting.POWER)));
      }
      assertThat(Files.readAllLines(knownHosts)).contains(hostKey + " " + first);

      // a new camera object (a new process, say) reads the record and accepts the same certificate
      try (Camera again = KasaTestSupport.connect(sim, dir)) {
        await(again.execute(GetSetting.of(Setting.POWER)));
      }

      SelfSignedCertificate replacement = SelfSignedCertificate.create("impostor");
      sim.replaceCertificate(replacement);
      int before = sim.receivedRequests().size();
      try (Camera third = KasaTestSupport.connect(sim, dir)) {
        Throwable failure = failureOf(third.execute(GetSetting.of(Setting.POWER)));
        assertThat(failure).isInstanceOfSatisfying(CertificateMismatchException.class, e -> {
          assertThat(e.host()).isEqualTo(hostKey);
          assertThat(e.expectedFingerprint()).isEqualTo(first);
          assertThat(e.actualFingerprint()).isEqualTo(replacement.sha256Fingerprint());
          assertThat(e.retryable()).isFalse();
          assertThat(e.getMessage()).contains(hostKey, first, replacement.sha256Fingerprint());
        });
      }
      assertThat(sim.receivedRequests()).hasSize(before);
      assertThat(Files.readAllLines(knownHosts)).contains(hostKey + " " + first);
    }
  }

  @Test
  void pinnedFingerprint_acceptsThatCertificateOnly() {
    try (KasaCameraSimulator sim = KasaCameraSimulator.builder().backend(backend()).start()) {
      try (Camera camera = KasaTestSupport.DRIVER.connect(config(sim, dir)
          .trustMode(TrustMode.PINNED).pinnedSha256(sim.fingerprint().toUpperCase()).build())) {
        assertThat(await(camera.execute(GetSetting.of(Setting.POWER)))).isTrue();
      }
      assertThat(dir.resolve("known_hosts")).doesNotExist();

      String pinned = sim.fingerprint();
      sim.replaceCertificate(SelfSignedCertificate.create("impostor"));
      try (Camera camera = KasaTestSupport.DRIVER.connect(config(sim, dir)
          .trustMode(TrustMode.PINNED).pinnedSha256(pinned).build())) {
        assertThat(failureOf(camera.execute(GetSetting.of(Setting.POWER))))
            .isInstanceOfSatisfying(CertificateMismatchException.class,
                e -> assertThat(e.expectedFingerprint()).isEqualTo(pinned));
      }
    }
  }

  @Test
  void insecure_acceptsAnyCertificateAndRecordsNothing() {
    try (KasaCameraSimulator sim = KasaCameraSimulator.builder().backend(backend()).start()) {
      sim.replaceCertificate(SelfSignedCertificate.create("whatever"));
      try (Camera camera = KasaTestSupport.DRIVER.connect(config(sim, dir)
          .trustMode(TrustMode.INSECURE).build())) {
        assertThat(await(camera.execute(GetSetting.of(Setting.POWER)))).isTrue();
      }
      assertThat(dir.resolve("known_hosts")).doesNotExist();
    }
  }

  @Test
  void trustIsPerCamera_aPinForOneCameraDoesNotLetAnotherIn() {
    try (KasaCameraSimulator a = KasaCameraSimulator.builder().backend(backend()).start();
        KasaCameraSimulator b = KasaCameraSimulator.builder().backend(backend()).start();
        Camera camA = KasaTestSupport.DRIVER.connect(config(a, dir)
            .trustMode(TrustMode.PINNED).pinnedSha256(a.fingerprint()).build().withName("a"));
        Camera camB = KasaTestSupport.DRIVER.connect(config(b, dir)
            .trustMode(TrustMode.PINNED).pinnedSha256(a.fingerprint()).build().withName("b"))) {
      assertThat(await(camA.execute(GetSetting.of(Setting.POWER)))).isTrue();
      assertThat(failureOf(camB.execute(GetSetting.of(Setting.POWER))))
          .isInstanceOf(CertificateMismatchException.class);
    }
  }
}
