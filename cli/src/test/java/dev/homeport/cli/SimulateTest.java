package dev.homeport.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.homeport.cli.CliRunner.Background;
import dev.homeport.cli.CliRunner.Run;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code homeport simulate}: prints where it listens and the credentials, serves until stopped. */
class SimulateTest {

  private static String line(Background simulator, String label) {
    Matcher matcher = Pattern.compile("(?m)^\\s*" + Pattern.quote(label) + "\\s+(\\S+)").matcher(simulator.outSoFar());
    assertThat(matcher.find()).as(simulator.outSoFar()).isTrue();
    return matcher.group(1);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void camera_onAChosenPort_servesTheCameraCommands() throws Exception {
    int port = freePort();
    CompletableFuture<Void> stop = new CompletableFuture<>();
    Background simulator = new CliRunner().stopSignal(stop).start("simulate", "camera", "--port", Integer.toString(port));
    await().atMost(Duration.ofSeconds(20)).until(() -> simulator.outSoFar().contains("Ctrl-C"));
    assertThat(simulator.outSoFar()).contains("https://127.0.0.1:" + port + "/data/LINKIE.json");
    String username = line(simulator, "username");
    String fingerprint = line(simulator, "certificate");
    String password = simulator.outSoFar().replaceAll("(?s).*HOMEPORT_CAMERA_PASSWORD='([^']*)'.*", "$1");

    Run run = new CliRunner().env("HOMEPORT_CAMERA_PASSWORD", password)
        .run("camera", "--host", "127.0.0.1", "--port", Integer.toString(port), "--username", username,
            "--trust", fingerprint, "info", "--json");
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.json().get("alias").asText()).isEqualTo("Caméra du porche");

    stop.complete(null);
    assertThat(simulator.done().get(10, TimeUnit.SECONDS).code()).isZero();
  }

  @Test
  void events_servesTheHome() throws Exception {
    CompletableFuture<Void> stop = new CompletableFuture<>();
    Background simulator = new CliRunner().stopSignal(stop).start("simulate", "events");
    await().atMost(Duration.ofSeconds(20)).until(() -> simulator.outSoFar().contains("Ctrl-C"));
    String url = simulator.outSoFar().replaceAll("(?s).*listening on (\\S+).*", "$1");
    Run run = new CliRunner()
        .env("HOMEPORT_CSRF_TOKEN", line(simulator, "CSRF token"))
        .env("HOMEPORT_COOKIE", line(simulator, "session cookie"))
        .run("events", "--url", url, "--trust", line(simulator, "certificate"), "watch", "Maison", "--count", "2", "--json");
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out().lines()).hasSize(2);

    stop.complete(null);
    assertThat(simulator.done().get(10, TimeUnit.SECONDS).code()).isZero();
  }

  @Test
  void busyPort_isAUsageError() throws Exception {
    try (ServerSocket busy = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Run run = new CliRunner().run("simulate", "camera", "--port", Integer.toString(busy.getLocalPort()));
      assertThat(run.code()).as(run.toString()).isEqualTo(2);
      assertThat(run.err()).contains("cannot listen on 127.0.0.1:" + busy.getLocalPort());
    }
  }
}
