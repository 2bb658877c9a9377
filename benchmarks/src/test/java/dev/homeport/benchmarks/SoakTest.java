package dev.homeport.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The short soak that runs in every build: 20 s of mixed camera commands and device events with a
 * WSS connection drop and a camera outage, simulators in this JVM. Functional only: it asserts that
 * nothing was lost after each recovery and that threads and heap settled, never how fast.
 */
class SoakTest {

  @Test
  void twentySecondsWithDropsAndOutages_losesNothingAndSettles() throws Exception {
    SoakRun.Report report;
    int threadsBefore;
    try (SimControl sims = new LocalSims()) {
      threadsBefore = Bench.threads();
      report = SoakRun.run(sims,
          new SoakRun.Plan(Duration.ofSeconds(20), 4, 20, 1000, Duration.ofSeconds(5)),
          new PrintStream(OutputStream.nullOutputStream()));
    }
    String why = report.toString();
    System.out.println(why);

    assertThat(report.connectionDrops).as(why).isGreaterThanOrEqualTo(1);
    assertThat(report.cameraOutages).as(why).isGreaterThanOrEqualTo(1);
    assertThat(report.failedRecoveries).as(why).isZero();
    assertThat(report.eventsPushed).as(why).isPositive();
    assertThat(report.eventsLost()).as(why).isZero();
    assertThat(report.eventDuplicates).as(why).isZero();
    assertThat(report.commandsOk).as(why).isPositive();
    assertThat(report.commandsLostAfterRecovery).as(why).isZero();
    // settled while running: no thread per drop or outage, no heap growth beyond noise
    assertThat(report.threadsEnd).as(why).isLessThanOrEqualTo(report.threadsStart + 4);
    assertThat(report.heapEnd).as(why).isLessThan(report.heapStart + 32L * 1024 * 1024);
    // and everything ends once closed (JDK HTTP client selector threads end when collected)
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
      System.gc();
      assertThat(Bench.threads()).as(why).isLessThanOrEqualTo(threadsBefore + 3);
    });
  }
}
