package dev.homeport.adapter.camera.http;

import static dev.homeport.adapter.camera.http.KasaTestSupport.await;
import static dev.homeport.adapter.camera.http.KasaTestSupport.backend;
import static dev.homeport.adapter.camera.http.KasaTestSupport.config;
import static dev.homeport.adapter.camera.http.KasaTestSupport.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.adapter.camera.http.internal.KasaCamera;
import dev.homeport.adapter.camera.http.internal.LinkieTransport;
import dev.homeport.domain.camera.GetSetting;
import dev.homeport.domain.camera.Setting;
import dev.homeport.ports.RequestTimeoutException;
import dev.homeport.ports.TransportException;
import dev.homeport.ports.camera.Camera;
import dev.homeport.simulators.kasa.KasaCameraSimulator;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KasaEndpointTest {

  @TempDir Path dir;

  @Test
  void linkie2OnlyFirmware_fallsBackOnceAndRemembers() {
    try (KasaCameraSimulator sim = KasaCameraSimulator.builder().backend(backend())
            .linkie2Only(true).start();
        Camera camera = KasaTestSupport.connect(sim, dir)) {
      assertThat(await(camera.execute(GetSetting.of(Setting.POWER)))).isTrue();
      assertThat(sim.notFoundAnswers()).isEqualTo(1);
      assertThat(((KasaCamera) camera).transport().currentPath()).isEqualTo(LinkieTransport.LINKIE2);

      await(camera.execute(GetSetting.of(Setting.NIGHT_VISION)));
      await(camera.execute(GetSetting.of(Setting.POWER)));
      assertThat(sim.notFoundAnswers()).isEqualTo(1);
      assertThat(sim.receivedRequests()).allSatisfy(r -> assertThat(r.path()).isEqualTo("/data/LINKIE2.json"));
    }
  }

  @Test
  void ordinaryFirmware_staysOnLinkieJson() {
    try (KasaCameraSimulator sim = KasaCameraSimulator.builder().backend(backend()).start();
        Camera camera = KasaTestSupport.connect(sim, dir)) {
      await(camera.execute(GetSetting.of(Setting.POWER)));
      assertThat(sim.notFoundAnswers()).isZero();
      assertThat(sim.receivedRequests()).singleElement()
          .satisfies(r -> assertThat(r.path()).isEqualTo("/data/LINKIE.json"));
    }
  }

  @Test
  void sequentialRequests_reuseOneConnection() {
    try (KasaCameraSimulator sim = KasaCameraSimulator.builder().backend(backend()).start();
        Camera camera = KasaTestSupport.connect(sim, dir)) {
      for (int i = 0; i < 20; i++) {
        await(camera.execute(GetSetting.of(Setting.POWER)));
      }
      assertThat(sim.receivedRequests()).hasSize(20);
      assertThat(sim.receivedRequests().stream().map(r -> r.clientPort()).distinct()).hasSize(1);
    }
  }

  @Test
  void slowAnswer_failsWithRetryableRequestTimeout() {
    try (KasaCameraSimulator sim = KasaCameraSimulator.builder().backend(backend())
            .answerDelay(Duration.ofSeconds(3)).start();
        Camera camera = KasaTestSupport.DRIVER.connect(
            config(sim, dir).build().withRequestTimeout(Duration.ofMillis(300)))) {
      Throwable failure = failureOf(camera.execute(GetSetting.of(Setting.POWER)));
      assertThat(failure).isInstanceOf(RequestTimeoutException.class)
          .hasMessageContaining("porch").hasMessageContaining("300 ms");
      assertThat(((TransportException) failure).retryable()).isTrue();
    }
  }

  @Test
  void refusedConnection_failsWithRetryableTransportException() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    try (Camera camera = KasaTestSupport.DRIVER.connect(ImmutableKasaCameraConfig.builder()
        .name("gone").host("127.0.0.1").port(port).username("u")
        .password(dev.homeport.domain.Secret.of("p")).knownHostsFile(dir.resolve("kh")).build())) {
      Throwable failure = failureOf(camera.execute(GetSetting.of(Setting.POWER)));
      assertThat(failure).isInstanceOf(TransportException.class)
          .hasMessageContaining("cannot connect to camera 'gone' at 127.0.0.1:" + port);
      assertThat(((TransportException) failure).retryable()).isTrue();
    }
  }
}
