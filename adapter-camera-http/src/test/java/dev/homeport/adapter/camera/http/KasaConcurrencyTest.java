package dev.homeport.adapter.camera.http;

import static dev.homeport.adapter.camera.http.KasaTestSupport.await;
import static dev.homeport.adapter.camera.http.KasaTestSupport.backend;
import static dev.homeport.adapter.camera.http.KasaTestSupport.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.domain.camera.Direction;
import dev.homeport.domain.camera.GetSetting;
import dev.homeport.domain.camera.Move;
import dev.homeport.domain.camera.NightVisionMode;
import dev.homeport.domain.camera.SetSetting;
import dev.homeport.domain.camera.Setting;
import dev.homeport.ports.TransportException;
import dev.homeport.ports.camera.Camera;
import dev.homeport.simulators.kasa.KasaCameraSimulator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KasaConcurrencyTest {

  @TempDir Path dir;

  @Test
  void hundredConcurrentCallers_onACameraThatResetsOverlaps_allSucceed() throws Exception {
    try (KasaCameraSimulator sim = KasaCameraSimulator.builder().backend(backend())
            .resetOverlappingRequests(true).start();
        Camera camera = KasaTestSupport.connect(sim, dir)) {
      await(camera.execute(GetSetting.of(Setting.POWER))); // first contact: TOFU record
      ExecutorService callers = Executors.newFixedThreadPool(16);
      try {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<CompletableFuture<?>>> submitted = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
          int n = i;
          submitted.add(callers.submit(() -> {
            go.await();
            return n % 2 == 0
                ? camera.execute(GetSetting.of(Setting.NIGHT_VISION))
                : camera.execute(SetSetting.of(Setting.NIGHT_VISION,
                    n % 3 == 0 ? NightVisionMode.DAY : NightVisionMode.NIGHT));
          }));
        }
        go.countDown();
        List<CompletableFuture<?>> futures = new ArrayList<>();
        for (Future<CompletableFuture<?>> f : submitted) {
          futures.add(f.get(10, TimeUnit.SECONDS));
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        assertThat(futures).allSatisfy(f -> assertThat(f).isCompleted().isNotCompletedExceptionally());
      } finally {
        callers.shutdownNow();
      }
      assertThat(sim.overlapResets()).isZero();
      assertThat(sim.receivedRequests()).hasSize(101);
    }
  }

  @Test
  void overlapResettingCamera_reallyResetsOverlaps_soTheTestAboveMeansSomething() throws Exception {
    // two independent camera objects for the same simulator do overlap
    try (KasaCameraSimulator sim = KasaCameraSimulator.builder().backend(backend())
            .resetOverlappingRequests(true)
            .answerDelay(java.time.Duration.ofSeconds(1)).start();
        Camera a = KasaTestSupport.connect(sim, dir);
        Camera b = KasaTestSupport.connect(sim, dir)) {
      await(a.execute(GetSetting.of(Setting.POWER)));
      await(b.execute(GetSetting.of(Setting.POWER)));
      CompletableFuture<Boolean> first = a.execute(GetSetting.of(Setting.POWER));
      org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
          .until(() -> sim.receivedRequests().size() == 3);
      CompletableFuture<Void> second = b.execute(new Move(Direction.UP, 2));
      assertThat(await(first)).isTrue();
      assertThat(failureOf(second)).isInstanceOf(TransportException.class);
      assertThat(sim.overlapResets()).isEqualTo(1);
    }
  }

  @Test
  void closedKeepAliveConnection_idempotentCommandIsSentOnceMore() {
    try (KasaCameraSimulator sim = KasaCameraSimulator.builder().backend(backend()).start();
        Camera camera = KasaTestSupport.connect(sim, dir)) {
      await(camera.execute(GetSetting.of(Setting.POWER)));
      sim.dropConnectionForNext(1);
      assertThat(await(camera.execute(GetSetting.of(Setting.NIGHT_VISION)))).isEqualTo(NightVisionMode.AUTO);
      assertThat(sim.countRequestsMentioning("get_mode")).isEqualTo(2);
    }
  }

  @Test
  void closedKeepAliveConnection_moveIsNeverSentTwice() {
    try (KasaCameraSimulator sim = KasaCameraSimulator.builder().backend(backend()).start();
        Camera camera = KasaTestSupport.connect(sim, dir)) {
      await(camera.execute(GetSetting.of(Setting.POWER)));
      sim.dropConnectionForNext(1);
      Throwable failure = failureOf(camera.execute(new Move(Direction.LEFT, 5)));
      assertThat(failure).isInstanceOf(TransportException.class);
      assertThat(((TransportException) failure).retryable()).isTrue();
      assertThat(sim.countRequestsMentioning("set_move")).isEqualTo(1);
    }
  }

  @Test
  void closedConnectionTwice_idempotentCommandFailsAfterOneRetry() {
    try (KasaCameraSimulator sim = KasaCameraSimulator.builder().backend(backend()).start();
        Camera camera = KasaTestSupport.connect(sim, dir)) {
      await(camera.execute(GetSetting.of(Setting.POWER)));
      sim.dropConnectionForNext(5);
      assertThat(failureOf(camera.execute(GetSetting.of(Setting.NIGHT_VISION))))
          .isInstanceOf(TransportException.class);
      assertThat(sim.countRequestsMentioning("get_mode")).isEqualTo(2);
    }
  }

  @Test
  void manyCamerasAtOnce_fromOneDriver_eachGetsItsAnswers() throws Exception {
    List<KasaCameraSimulator> sims = new ArrayList<>();
    List<Camera> cameras = new ArrayList<>();
    try {
      for (int i = 0; i < 6; i++) {
        KasaCameraSimulator sim = KasaCameraSimulator.builder().backend(backend())
            .resetOverlappingRequests(true).start();
        sims.add(sim);
        cameras.add(KasaTestSupport.DRIVER.connect(KasaTestSupport.config(sim, dir).build()
            .withName("cam" + i)));
      }
      List<CompletableFuture<Boolean>> all = new ArrayList<>();
      for (int round = 0; round < 10; round++) {
        for (Camera c : cameras) {
          all.add(c.execute(GetSetting.of(Setting.POWER)));
        }
      }
      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
      assertThat(all).allSatisfy(f -> assertThat(f.join()).isTrue());
      assertThat(sims).allSatisfy(s -> {
        assertThat(s.receivedRequests()).hasSize(10);
        assertThat(s.overlapResets()).isZero();
      });
    } finally {
      cameras.forEach(Camera::close);
      sims.forEach(KasaCameraSimulator::close);
    }
  }
}
