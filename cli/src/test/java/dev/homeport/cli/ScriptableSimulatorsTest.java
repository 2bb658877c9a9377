package dev.homeport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.homeport.cli.CliRunner.Run;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code simulate ... --json} in a real process, as a script uses it: one JSON line once ready,
 * a client connects with what it says, SIGTERM stops it cleanly. And a streaming command whose
 * reader goes away ({@code | head -2}) ends with 141 instead of running on.
 */
class ScriptableSimulatorsTest {

  /** The exit status of a JVM ended by SIGTERM: 128 + 15. */
  private static final int SIGTERM_STATUS = 143;

  @Test
  void simulateCameraJson_printsOneLineToConnectWith_andStopsOnSigterm() throws Exception {
    try (ChildCli sim = ChildCli.start(Map.of(), "simulate", "camera", "--json")) {
      JsonNode ready = CliRunner.JSON.readTree(sim.line());
      assertThat(ready.path("url").asText()).startsWith("https://127.0.0.1:");
      assertThat(ready.path("brand").asText()).isEqualTo("kasa");
      assertThat(ready.path("firmware").asText()).isEqualTo("seed");
      assertThat(ready.path("fingerprint").asText()).startsWith("sha256:");

      Run info = new CliRunner().env("HOMEPORT_CAMERA_PASSWORD", ready.path("password").asText()).run(
          "camera", "--host", ready.path("host").asText(), "--port", ready.path("port").asText(),
          "--username", ready.path("username").asText(), "--trust", ready.path("fingerprint").asText(),
          "--json", "info");
      assertThat(info.code()).as(info.toString()).isZero();
      assertThat(info.json().path("model").asText()).isNotEmpty();

      sim.process.destroy(); // SIGTERM
      assertThat(sim.exit()).isEqualTo(SIGTERM_STATUS);
      assertThat(sim.err()).contains("simulator stopped");
    }
  }

  @Test
  void simulateEventsJson_givesTokensAndLocation_andWatchIntoClosedPipe_exits141() throws Exception {
    try (ChildCli sim = ChildCli.start(Map.of(), "simulate", "events", "--json")) {
      JsonNode ready = CliRunner.JSON.readTree(sim.line());
      String url = ready.path("url").asText();
      assertThat(url).startsWith("wss://127.0.0.1:" + ready.path("port").asInt());
      String location = ready.path("locationId").asText();
      Map<String, String> secrets = Map.of(
          "HOMEPORT_CSRF_TOKEN", ready.path("csrfToken").asText(), "HOMEPORT_COOKIE", ready.path("cookie").asText());

      // homeport events ... watch LOCATION | head -2
      try (ChildCli watch = ChildCli.start(secrets,
          "events", "--url", url, "--trust", ready.path("fingerprint").asText(), "--json", "watch", location)) {
        for (int i = 0; i < 2; i++) {
          assertThat(CliRunner.JSON.readTree(watch.line()).path("locationId").asText()).isEqualTo(location);
        }
        watch.out.close(); // head exits
        assertThat(watch.exit()).as(watch.err()).isEqualTo(ExitCode.OUTPUT_CLOSED);
        assertThat(watch.err()).as("a closed pipe is not an error to report").isEmpty();
      }

      sim.process.destroy();
      assertThat(sim.exit()).isEqualTo(SIGTERM_STATUS);
    }
  }
}
