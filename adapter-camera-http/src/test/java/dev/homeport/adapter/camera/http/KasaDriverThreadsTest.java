package dev.homeport.adapter.camera.http;

import static dev.homeport.adapter.camera.http.KasaTestSupport.await;
import static dev.homeport.adapter.camera.http.KasaTestSupport.backend;
import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.domain.camera.GetSetting;
import dev.homeport.domain.camera.Setting;
import dev.homeport.ports.camera.Camera;
import dev.homeport.simulators.kasa.KasaCameraSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The threads of one driver do not grow with its cameras: a fleet with a request in flight on
 * every camera runs on the driver's HTTP pool (as many threads as cores, at least two) and one
 * selector thread of its shared HTTP client. Counts threads by name, created after the test began
 * (thread ids only grow), so other drivers of the test JVM do not count.
 */
class KasaDriverThreadsTest {

  private static final Pattern HTTP_POOL = Pattern.compile("homeport-kasa-http-\\d+");
  private static final Pattern SELECTOR = Pattern.compile("HttpClient-\\d+-SelectorManager");

  @TempDir Path dir;

  @Test
  void manyCamerasWithARequestInFlightEach_oneDriver_threadsStayAsManyAsCoresPlusOneSelector() throws Exception {
    int cores = Runtime.getRuntime().availableProcessors();
    int cameras = 16 + 2 * cores;
    long firstNewId = highestThreadId() + 1;
    KasaCameraDriver driver = new KasaCameraDriver();
    List<KasaCameraSimulator> sims = new ArrayList<>();
    List<Camera> fleet = new ArrayList<>();
    try {
      for (int i = 0; i < cameras; i++) {
        KasaCameraSimulator sim = KasaCameraSimulator.builder().backend(backend()).start();
        sims.add(sim);
        // every simulator is on 127.0.0.1: stream and talk ports of its own (never connected)
        // keep each camera's addresses its own, as distinct camera addresses would
        fleet.add(driver.connect(ImmutableKasaCameraConfig.copyOf(KasaTestSupport.config(sim, dir).build())
            .withName("cam" + i).withStreamPort(1 + 2 * i).withTalkPort(2 + 2 * i)
            .withConnectTimeout(Duration.ofSeconds(20)).withRequestTimeout(Duration.ofSeconds(20))));
      }
      // every TLS handshake at once, then every camera with one slow request in flight at once
      await(CompletableFuture.allOf(fleet.stream().map(c -> c.execute(GetSetting.of(Setting.POWER)))
          .toArray(CompletableFuture[]::new)));
      sims.forEach(s -> s.answerDelay(Duration.ofSeconds(2)));
      List<CompletableFuture<?>> inFlight = new ArrayList<>();
      for (Camera camera : fleet) {
        inFlight.add(camera.execute(GetSetting.of(Setting.NIGHT_VISION)));
      }
      Awaitility.await().atMost(Duration.ofSeconds(20))
          .until(() -> sims.stream().allMatch(s -> s.acceptedRequestCount() == 2));
      // pool threads stay a minute when idle: whatever the load started is still alive here
      int httpThreads = newThreads(firstNewId, HTTP_POOL);
      int selectors = newThreads(firstNewId, SELECTOR);

      assertThat(httpThreads).isBetween(1, Math.max(2, cores));
      assertThat(selectors).isEqualTo(1);
      inFlight.forEach(KasaTestSupport::await);
    } finally {
      fleet.forEach(Camera::close);
      sims.forEach(KasaCameraSimulator::close);
    }
  }

  private static long highestThreadId() {
    return Thread.getAllStackTraces().keySet().stream().mapToLong(Thread::getId).max().orElse(0);
  }

  private static int newThreads(long firstNewId, Pattern name) {
    return (int) Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getId() >= firstNewId && name.matcher(t.getName()).matches())
        .count();
  }
}
