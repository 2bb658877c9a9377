package dev.homeport.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.homeport.adapter.inmemory.InMemorySmartHome;
import dev.homeport.cli.CliRunner.Run;
import dev.homeport.cli.internal.DemoData;
import dev.homeport.ports.ServiceCallException;
import dev.homeport.simulators.smartthings.SmartThingsSimulator;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every events command, in-process, through the real SmartThings adapter against the simulator. */
class EventsCommandsTest {

  private InMemorySmartHome home;
  private SmartThingsSimulator simulator;
  private CliRunner cli;

  @TempDir Path dir;

  @BeforeEach
  void start() {
    home = DemoData.home();
    simulator = SmartThingsSimulator.builder().backend(home).start();
    cli = new CliRunner().env("HOMEPORT_CSRF_TOKEN", simulator.csrfToken()).env("HOMEPORT_COOKIE", simulator.cookie());
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  private String[] target(String... rest) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "events",
                "--url", simulator.url().toString(),
                "--trust", "sha256:" + simulator.certificate().sha256Fingerprint()));
    args.addAll(Arrays.asList(rest));
    return args.toArray(String[]::new);
  }

  private JsonNode json(String... rest) {
    String[] args = Arrays.copyOf(rest, rest.length + 1);
    args[rest.length] = "--json";
    Run run = cli.run(target(args));
    assertThat(run.code()).as(run.toString()).isZero();
    return run.json();
  }

  /** Runs a watch in the background; events are published once its subscription is live. */
  private CompletableFuture<Run> watchInBackground(CliRunner runner, String... rest) {
    return CompletableFuture.supplyAsync(() -> runner.run(target(rest)));
  }

  private void publishWhenSubscribed(int count) {
    await().atMost(Duration.ofSeconds(10)).until(() -> simulator.liveSubscriptions() > 0);
    for (int i = 0; i < count; i++) {
      home.publish(DemoData.event(i, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i)));
    }
  }

  @Nested
  class Queries {

    @Test
    void user_showsTheAccount() {
      JsonNode user = json("user");
      assertThat(user.get("userName").asText()).isEqualTo("alex@example.com");
      assertThat(user.get("fullName").asText()).isEqualTo("Alex Martin");
      Run text = cli.run(target("user"));
      assertThat(text.out()).contains("alex@example.com");
    }

    @Test
    void locations_listsTheHome() {
      JsonNode locations = json("locations");
      assertThat(locations).hasSize(1);
      assertThat(locations.get(0).get("id").asText()).isEqualTo(DemoData.HOME.value());
      assertThat(locations.get(0).get("name").asText()).isEqualTo("Maison");
    }

    @Test
    void rooms_byIdOrName() {
      JsonNode rooms = json("rooms", DemoData.HOME.value());
      assertThat(rooms.findValuesAsText("name")).containsExactlyInAnyOrder("Salon", "Cuisine");
      assertThat(json("rooms", "maison")).hasSize(2);
    }

    @Test
    void devices_listsNamesAndStates_inUtf8() {
      JsonNode devices = json("devices", "Maison");
      assertThat(devices.findValuesAsText("name")).contains("Lampe du salon", "Capteur entrée");
      Run text = cli.run(target("devices", "Maison"));
      assertThat(text.out()).contains("Capteur entrée", "Cuisine", "power=92.4");
    }

    @Test
    void unknownLocation_isAUsageErrorNamingTheKnownOnes() {
      Run run = cli.run(target("rooms", "Chalet"));
      assertThat(run.code()).isEqualTo(2);
      assertThat(run.err()).contains("Chalet", "Maison");
    }
  }

  @Nested
  class Watch {

    @Test
    void json_printsOneObjectPerEvent_andStopsAtCount() throws Exception {
      CompletableFuture<Run> watch = watchInBackground(cli, "watch", "Maison", "--count", "8", "--json");
      publishWhenSubscribed(8);
      Run run = watch.get(20, TimeUnit.SECONDS);
      assertThat(run.code()).as(run.toString()).isZero();
      List<String> lines = run.out().lines().toList();
      assertThat(lines).hasSize(8);
      JsonNode first = CliRunner.JSON.readTree(lines.get(0));
      assertThat(first.fieldNames()).toIterable()
          .contains("eventId", "locationId", "deviceId", "deviceName", "componentId", "capability",
              "attribute", "value", "unit", "stateChange", "time");
      assertThat(first.get("deviceName").asText()).isEqualTo("Prise frigo");
      assertThat(first.get("value").isNumber()).isTrue();
      assertThat(first.get("unit").asText()).isEqualTo("W");
      JsonNode fourth = CliRunner.JSON.readTree(lines.get(3));
      assertThat(fourth.get("deviceName").asText()).isEqualTo("Capteur entrée");
      assertThat(fourth.get("unit").isNull()).isTrue();
    }

    @Test
    void capabilityFilter_keepsOnlyMatchingEvents() throws Exception {
      CompletableFuture<Run> watch =
          watchInBackground(cli, "watch", "Maison", "--capability", "switch", "--count", "2", "--json");
      publishWhenSubscribed(8);
      Run run = watch.get(20, TimeUnit.SECONDS);
      assertThat(run.code()).as(run.toString()).isZero();
      assertThat(run.out().lines().map(line -> line.contains("\"capability\":\"switch\""))).containsOnly(true);
    }

    @Test
    void deviceFilter_keepsOnlyThatDevice() throws Exception {
      CompletableFuture<Run> byDevice =
          watchInBackground(cli, "watch", "Maison", "--device", "d0000000-0000-4000-8000-00000000a003", "--count", "2");
      publishWhenSubscribed(8);
      Run text = byDevice.get(20, TimeUnit.SECONDS);
      assertThat(text.code()).as(text.toString()).isZero();
      assertThat(text.out().lines()).hasSize(2).allMatch(line -> line.contains("Capteur entrée"));
    }

    @Test
    void duration_endsTheWatch() {
      Run run = cli.run(target("watch", "Maison", "--duration", "300ms", "--json"));
      assertThat(run.code()).as(run.toString()).isZero();
      assertThat(run.out()).isEmpty();
    }

    @Test
    void stopSignal_endsTheWatch() throws Exception {
      CompletableFuture<Void> stop = new CompletableFuture<>();
      CompletableFuture<Run> watch = watchInBackground(new CliRunner()
          .env("HOMEPORT_CSRF_TOKEN", simulator.csrfToken()).env("HOMEPORT_COOKIE", simulator.cookie())
          .stopSignal(stop), "watch", "Maison");
      publishWhenSubscribed(3);
      await().atMost(Duration.ofSeconds(10)).until(() -> !watch.isDone() && simulator.liveSubscriptions() > 0);
      stop.complete(null);
      Run run = watch.get(20, TimeUnit.SECONDS);
      assertThat(run.code()).as(run.toString()).isZero();
    }

    @Test
    void droppedConnection_isReportedOnStderr_andTheWatchGoesOn() throws Exception {
      CompletableFuture<Run> watch = watchInBackground(cli, "watch", "Maison", "--count", "2", "--json");
      await().atMost(Duration.ofSeconds(10)).until(() -> simulator.liveSubscriptions() > 0);
      simulator.dropConnections();
      await().atMost(Duration.ofSeconds(15)).until(() -> simulator.connectionsAccepted() >= 2 && simulator.liveSubscriptions() > 0);
      home.publish(DemoData.event(100, Instant.now()));
      home.publish(DemoData.event(101, Instant.now()));
      Run run = watch.get(20, TimeUnit.SECONDS);
      assertThat(run.code()).as(run.toString()).isZero();
      assertThat(run.err()).contains("reconnecting");
      assertThat(run.out().lines()).hasSize(2);
    }

    @Test
    void expiredSession_exits3() throws Exception {
      CompletableFuture<Run> watch = watchInBackground(cli, "watch", "Maison", "--json");
      await().atMost(Duration.ofSeconds(10)).until(() -> simulator.liveSubscriptions() > 0);
      simulator.expireSession();
      Run run = watch.get(30, TimeUnit.SECONDS);
      assertThat(run.code()).as(run.toString()).isEqualTo(ExitCode.AUTHENTICATION);
      assertThat(run.err()).contains("expired");
    }
  }

  @Nested
  class Failures {

    @Test
    void wrongToken_exits3_withoutShowingIt() {
      Run run = new CliRunner().env("HOMEPORT_CSRF_TOKEN", "stolen-token").env("HOMEPORT_COOKIE", "JSESSIONID=x")
          .run(target("--verbose", "user"));
      assertThat(run.code()).as(run.toString()).isEqualTo(ExitCode.AUTHENTICATION);
      assertThat(run.err()).doesNotContain("stolen-token", "JSESSIONID=x");
    }

    @Test
    void closedPort_exits4() throws IOException {
      int port;
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      Run run = cli.run("events", "--url", "wss://127.0.0.1:" + port + "/socket.io/", "--trust", "sha256:" + "ab".repeat(32), "user");
      assertThat(run.code()).as(run.toString()).isEqualTo(ExitCode.UNREACHABLE);
      assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void wrongPin_exits6() {
      Run run = cli.run("events", "--url", simulator.url().toString(), "--trust", "sha256:" + "ab".repeat(32), "user");
      assertThat(run.code()).as(run.toString()).isEqualTo(ExitCode.CERTIFICATE_MISMATCH);
    }

    @Test
    void refusedCall_exits5() {
      home.failNextCall(new ServiceCallException("Forbidden", 403, "not your home"));
      home.failNextCall(new ServiceCallException("Forbidden", 403, "not your home"));
      Run run = cli.run(target("locations"));
      assertThat(run.code()).as(run.toString()).isEqualTo(ExitCode.REFUSED);
      assertThat(run.err()).contains("Forbidden");
    }

    @Test
    void caCertificate_isTrusted() throws IOException {
      Path pem = dir.resolve("ca.pem");
      Files.writeString(pem, simulator.certificate().pem());
      Run run = cli.run("events", "--url", simulator.url().toString(), "--ca-cert", pem.toString(), "user");
      assertThat(run.code()).as(run.toString()).isZero();
    }
  }

  @Nested
  class ConfigFile {

    @Test
    void eventSource_isTakenFromTheFile() throws IOException {
      Path file = dir.resolve("homeport.yaml");
      Files.writeString(
          file,
          "events:\n"
              + "  source: smartthings\n"
              + "  url: " + simulator.url() + "\n"
              + "  csrf-env: MY_TOKEN\n"
              + "  cookie-env: MY_COOKIE\n"
              + "  trust: sha256:" + simulator.certificate().sha256Fingerprint() + "\n");
      Run run = new CliRunner().env("MY_TOKEN", simulator.csrfToken()).env("MY_COOKIE", simulator.cookie())
          .run("events", "--config", file.toString(), "locations", "--json");
      assertThat(run.code()).as(run.toString()).isZero();
      assertThat(run.json().get(0).get("name").asText()).isEqualTo("Maison");
    }

    @Test
    void inMemorySource_needsNoSecrets() throws IOException {
      Path file = dir.resolve("inmemory.yaml");
      Files.writeString(file, "events:\n  source: inmemory\n");
      Run run = new CliRunner().run("events", "--config", file.toString(), "devices", "Maison");
      assertThat(run.code()).as(run.toString()).isZero();
      assertThat(run.out()).contains("Lampe du salon");
    }
  }
}
