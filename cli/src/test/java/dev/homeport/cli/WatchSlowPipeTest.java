package dev.homeport.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.homeport.adapter.inmemory.InMemorySmartHome;
import dev.homeport.cli.internal.DemoData;
import dev.homeport.simulators.smartthings.SmartThingsSimulator;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code events watch --json} as a real child process whose standard output is read slowly: a
 * 3,000-event burst must arrive whole, in order, none twice (the seed died after ~1,000 lines).
 */
class WatchSlowPipeTest {

  private static final int BURST = 3_000;

  private final InMemorySmartHome home = DemoData.home();
  private final SmartThingsSimulator simulator = SmartThingsSimulator.builder().backend(home).start();
  private Process child;

  @TempDir Path dir;

  @AfterEach
  void stop() {
    if (child != null) {
      child.destroyForcibly();
    }
    simulator.close();
  }

  @Test
  void burstIntoASlowPipe_everyEventArrivesInOrderNoneTwice() throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command =
        List.of(
            java, "-cp", System.getProperty("java.class.path"), "dev.homeport.cli.Main",
            "events", "--url", simulator.url().toString(),
            "--trust", "sha256:" + simulator.certificate().sha256Fingerprint(),
            "watch", "Maison", "--json", "--count", String.valueOf(BURST));
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(dir.resolve("stderr.txt").toFile());
    builder.environment().put("HOMEPORT_CSRF_TOKEN", simulator.csrfToken());
    builder.environment().put("HOMEPORT_COOKIE", simulator.cookie());
    child = builder.start();

    await().atMost(Duration.ofSeconds(60)).until(() -> simulator.liveSubscriptions() > 0 || !child.isAlive());
    assertThat(child.isAlive()).as("watch running; stderr: %s", stderr()).isTrue();
    CompletableFuture<Void> published =
        CompletableFuture.runAsync(
            () -> {
              for (int i = 0; i < BURST; i++) {
                home.publish(DemoData.event(i, Instant.parse("2026-01-01T00:00:00Z").plusMillis(i)));
              }
            });

    ObjectMapper mapper = new ObjectMapper();
    List<String> ids = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        ids.add(mapper.readTree(line).path("eventId").asText());
        // A slow reader: much slower than the burst arrives, so the pipe fills.
        LockSupport.parkNanos(300_000);
      }
    }
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).as("exit code; stderr: %s", stderr()).isZero();
    published.get(30, TimeUnit.SECONDS);
    List<String> expected =
        LongStream.range(0, BURST)
            .mapToObj(i -> DemoData.event(i, Instant.EPOCH).eventId().value())
            .collect(Collectors.toList());
    assertThat(ids).containsExactlyElementsOf(expected);
  }

  private String stderr() {
    try {
      return Files.readString(dir.resolve("stderr.txt"));
    } catch (java.io.IOException e) {
      return "<" + e + ">";
    }
  }
}
