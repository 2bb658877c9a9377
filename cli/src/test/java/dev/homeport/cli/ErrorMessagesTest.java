package dev.homeport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.adapter.inmemory.InMemoryCamera;
import dev.homeport.adapter.inmemory.InMemorySmartHome;
import dev.homeport.cli.CliRunner.Run;
import dev.homeport.cli.internal.DemoData;
import dev.homeport.domain.camera.ImmutableCameraInfo;
import dev.homeport.simulators.kasa.KasaCameraSimulator;
import dev.homeport.simulators.smartthings.SmartThingsSimulator;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Errors say what went wrong and what to try, in words and with the options that really exist, on
 * one line, with the exit code of the table: against the real simulators on loopback, a
 * self-signed server, wrong or expired credentials, an unresolvable host, a changed certificate and
 * a broken known-hosts file; and no Java internals whatever the bad input or the failing peer.
 */
class ErrorMessagesTest {

  /** What a person should never have to read. */
  private static final List<Pattern> FORBIDDEN = List.of(
      Pattern.compile("No enum constant"),
      Pattern.compile("Exception"),
      Pattern.compile("\\bjava\\."),
      Pattern.compile("\\bsun\\."),
      Pattern.compile("\\bjavax\\."),
      Pattern.compile("PKIX"),
      Pattern.compile("\\[[^\\]]*\\["),   // a bracketed cause inside another
      Pattern.compile("\\([^)]*\\("),     // the same with parentheses
      Pattern.compile("\\) \\("),          // two bracketed causes in a row
      Pattern.compile("(?i)snakeyaml|<(?:scalar|mapping|event)"));

  private InMemorySmartHome home;
  private SmartThingsSimulator events;
  private InMemoryCamera backend;
  private KasaCameraSimulator camera;
  private CliRunner cli;

  @TempDir Path dir;

  @BeforeEach
  void start() {
    home = DemoData.home();
    events = SmartThingsSimulator.builder().backend(home).start();
    backend = InMemoryCamera.builder().name("porch")
        .info(ImmutableCameraInfo.builder().alias("Porch").model("KC120(EU)").type("IOT.IPCAMERA")
            .softwareVersion("2.3.6").hardwareVersion("1.0").mac("50-C7-BF-00-00-01").deviceId("80ABC").build())
        .build();
    camera = KasaCameraSimulator.builder().backend(backend).start();
    cli = new CliRunner()
        .env("HOMEPORT_CSRF_TOKEN", events.csrfToken())
        .env("HOMEPORT_COOKIE", events.cookie())
        .env("HOMEPORT_CAMERA_PASSWORD", camera.password())
        .env("HOME", dir.toString());
  }

  @AfterEach
  void stop() {
    events.close();
    camera.close();
    backend.close();
  }

  private String[] eventsPinned(String... rest) {
    return concat(new String[] {"events", "--url", events.url().toString(),
        "--trust", "sha256:" + events.certificate().sha256Fingerprint()}, rest);
  }

  private String[] cameraAt(Path knownHosts, String... rest) {
    return concat(new String[] {"camera", "--host", camera.host(), "--port", Integer.toString(camera.port()),
        "--username", camera.username(), "--known-hosts", knownHosts.toString()}, rest);
  }

  private static String[] concat(String[] head, String... tail) {
    String[] all = Arrays.copyOf(head, head.length + tail.length);
    System.arraycopy(tail, 0, all, head.length, tail.length);
    return all;
  }

  /** Exactly one line on standard error, free of every forbidden pattern. */
  private static String oneCleanLine(Run run) {
    assertThat(run.err().strip().lines()).as(run.toString()).hasSize(1);
    for (Pattern forbidden : FORBIDDEN) {
      assertThat(forbidden.matcher(run.err()).find()).as("'%s' in %s", forbidden, run).isFalse();
    }
    return run.err().strip();
  }

  @Test
  void selfSignedServerWithoutTrust_saysNotTrusted_andPrintsItsFingerprintToPin() {
    Run run = cli.run("events", "--url", events.url().toString(), "user");

    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCode.UNREACHABLE);
    String line = oneCleanLine(run);
    assertThat(line).contains("not trusted", "127.0.0.1:" + events.url().getPort(),
        "--trust sha256:" + events.certificate().sha256Fingerprint(), "--ca-cert");
    // what the message says to run works
    Run pinned = cli.run(eventsPinned("user"));
    assertThat(pinned.code()).as(pinned.toString()).isZero();
  }

  @Test
  void wrongCsrfToken_givesEventsAdvice_notCameraAdvice() {
    Run run = new CliRunner().env("HOMEPORT_CSRF_TOKEN", "not-the-token").env("HOMEPORT_COOKIE", events.cookie())
        .run(eventsPinned("user"));

    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCode.AUTHENTICATION);
    String line = oneCleanLine(run);
    assertThat(line).contains("$HOMEPORT_CSRF_TOKEN", "$HOMEPORT_COOKIE", "--csrf-env", "--cookie-env")
        .doesNotContain("--auth", "user name", "not-the-token");
  }

  @Test
  void wrongCookieInAnotherVariable_namesThatVariable() {
    Run run = new CliRunner().env("MY_TOKEN", events.csrfToken()).env("MY_COOKIE", "JSESSIONID=stale")
        .run(eventsPinned("--csrf-env", "MY_TOKEN", "--cookie-env", "MY_COOKIE", "locations"));

    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCode.AUTHENTICATION);
    assertThat(oneCleanLine(run)).contains("$MY_TOKEN", "$MY_COOKIE").doesNotContain("--auth", "stale");
  }

  @Test
  void upgradeRefusedWith401_isAnExpiredSession_oneLine_exit3() {
    events.refuseUpgrades(401);

    Run run = cli.run(eventsPinned("user"));

    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCode.AUTHENTICATION);
    assertThat(oneCleanLine(run)).contains("HTTP 401", "expired", "fresh CSRF token", "$HOMEPORT_COOKIE");
    // the service is back: the same command works, so the refusal was the fault and nothing else
    events.refuseUpgrades(0);
    Run again = cli.run(eventsPinned("user"));
    assertThat(again.code()).as(again.toString()).isZero();
  }

  @Test
  void upgradeRefusedOnReconnectDuringWatch_endsWithOneExpiredLine_exit3() throws Exception {
    java.util.concurrent.CompletableFuture<Run> watch =
        java.util.concurrent.CompletableFuture.supplyAsync(() -> cli.run(eventsPinned("watch", "Maison", "--json")));
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> events.liveSubscriptions() > 0);
    events.refuseUpgrades(401);
    events.dropConnections();

    Run run = watch.get(30, java.util.concurrent.TimeUnit.SECONDS);

    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCode.AUTHENTICATION);
    assertThat(run.err().lines().filter(l -> l.contains("expired"))).as(run.toString()).hasSize(1);
    assertThat(run.err().lines().filter(l -> !l.contains("reconnecting"))).as(run.toString()).hasSize(1);
  }

  @Test
  void unresolvableHost_saysSo_exit4() {
    Run eventsRun = cli.run("events", "--url", "wss://no-such-host.invalid/socket.io/", "--timeout", "20s", "user");
    assertThat(eventsRun.code()).as(eventsRun.toString()).isEqualTo(ExitCode.UNREACHABLE);
    assertThat(oneCleanLine(eventsRun)).startsWith("homeport: cannot resolve host no-such-host.invalid");

    Run cameraRun = cli.run("camera", "--host", "no-such-host.invalid", "--username", "u", "info");
    assertThat(cameraRun.code()).as(cameraRun.toString()).isEqualTo(ExitCode.UNREACHABLE);
    assertThat(oneCleanLine(cameraRun)).startsWith("homeport: cannot resolve host no-such-host.invalid");
  }

  @Test
  void changedCameraCertificate_namesTheKnownHostsFileAndLine_exit6() throws IOException {
    Path knownHosts = dir.resolve("known_hosts");
    Files.writeString(knownHosts, "# mine\n10.0.0.9:10443 " + "cd".repeat(32) + "\n127.0.0.1:" + camera.port() + " "
        + "ab".repeat(32) + "\n");
    Files.setPosixFilePermissions(knownHosts, PosixFilePermissions.fromString("rw-------"));

    Run run = cli.run(cameraAt(knownHosts, "info"));

    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCode.CERTIFICATE_MISMATCH);
    assertThat(oneCleanLine(run)).contains("line 3 of known-hosts file " + knownHosts, "delete line 3 of " + knownHosts,
        "ab".repeat(32), camera.fingerprint());
  }

  @Test
  void changedCertificateOfAPinnedCamera_saysHowToPinTheNewOne_notTheKnownHostsFile_exit6() {
    Run run = cli.run("camera", "--host", "127.0.0.1", "--port", Integer.toString(camera.port()),
        "--username", "u", "--trust", "sha256:" + "ab".repeat(32), "info");

    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCode.CERTIFICATE_MISMATCH);
    assertThat(oneCleanLine(run)).contains("not the pinned one", "--trust sha256:" + camera.fingerprint())
        .doesNotContain("known-hosts", "recorded");
  }

  @Test
  void cameraPortThatDropsTheTlsHandshake_pointsAtTheCameraOptions_exit4() throws Exception {
    try (ServerSocket plain = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      Thread closer = new Thread(() -> {
        while (!plain.isClosed()) {
          try {
            plain.accept().close(); // takes the connection, answers no TLS
          } catch (IOException e) {
            return;
          }
        }
      });
      closer.setDaemon(true);
      closer.start();

      Run run = cli.run("camera", "--host", "127.0.0.1", "--port", Integer.toString(plain.getLocalPort()),
          "--username", "u", "--trust", "sha256:" + "ab".repeat(32), "info");

      assertThat(run.code()).as(run.toString()).isEqualTo(ExitCode.UNREACHABLE);
      assertThat(oneCleanLine(run)).contains("--host", "--port", "--trust: tofu, sha256:HEX or insecure");
    }
  }

  @Test
  void changedPinnedCertificate_saysHowToPinTheNewOne_exit6() {
    Run run = cli.run("events", "--url", events.url().toString(), "--trust", "sha256:" + "ab".repeat(32), "user");

    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCode.CERTIFICATE_MISMATCH);
    assertThat(oneCleanLine(run)).contains("not the pinned one", "--trust sha256:" + events.certificate().sha256Fingerprint());
  }

  @Test
  void brokenKnownHostsFile_isAConfigError_namingFileAndLine_exit2() throws IOException {
    Path malformed = dir.resolve("malformed");
    Files.writeString(malformed, "# comment\n\n127.0.0.1:" + camera.port() + " not-a-fingerprint\n");
    Files.setPosixFilePermissions(malformed, PosixFilePermissions.fromString("rw-------"));
    Run run = cli.run(cameraAt(malformed, "info"));
    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(oneCleanLine(run)).contains("line 3 of known-hosts file " + malformed).doesNotContain("reachable");

    Path shared = dir.resolve("shared");
    Files.writeString(shared, "127.0.0.1:" + camera.port() + " " + camera.fingerprint() + "\n");
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-rw-rw-"));
    Run writable = cli.run(cameraAt(shared, "info"));
    assertThat(writable.code()).as(writable.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(oneCleanLine(writable)).contains(shared.toString(), "chmod 600").doesNotContain("reachable");
  }

  @Test
  void watchedLocationThatDoesNotExist_isAUsageError_listingTheLocations() {
    Run run = cli.run(eventsPinned("watch", "Nowhere", "--count", "1"));

    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(oneCleanLine(run)).contains("no location 'Nowhere'", DemoData.HOME.value() + " (Maison)");
    Run help = cli.run("events", "watch", "--help");
    assertThat(help.code()).isZero();
    assertThat(help.out().replaceAll("\\s+", " ")).contains("One the account does not have is a usage error (exit code 2)");
  }

  @Test
  void badInputsAndFailingPeers_neverShowJavaInternals() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    Path yaml = dir.resolve("bad.yaml");
    Files.writeString(yaml, "cameras:\n  porch:\n    host: [1, 2\n");
    Path duplicate = dir.resolve("dup.yaml");
    Files.writeString(duplicate, "cameras:\n  porch:\n    host: a\n    host: b\n");
    Path known = dir.resolve("known_hosts");
    Map<String, Supplier<Run>> cases = new LinkedHashMap<>();
    cases.put("bad --trust", () -> cli.run(eventsPinned("--trust", "bogus", "user")));
    cases.put("bad camera --trust", () -> cli.run(cameraAt(known, "--trust", "bogus", "info")));
    cases.put("bad --auth", () -> cli.run(cameraAt(known, "--auth", "bogus", "info")));
    cases.put("bad setting", () -> cli.run(cameraAt(known, "get", "bogus")));
    cases.put("bad setting value", () -> cli.run(cameraAt(known, "set", "night-vision", "bogus")));
    cases.put("bad direction", () -> cli.run(cameraAt(known, "move", "sideways", "3")));
    cases.put("bad brand", () -> cli.run(cameraAt(known, "--brand", "bogus", "info")));
    cases.put("bad firmware", () -> cli.run("simulate", "camera", "--firmware", "bogus"));
    cases.put("bad adapters", () -> cli.run("demo", "--adapters", "bogus"));
    cases.put("bad --option", () -> cli.run(cameraAt(known, "-o", "nonsense", "info")));
    cases.put("bad duration", () -> cli.run(eventsPinned("--timeout", "soon", "user")));
    cases.put("bad url", () -> cli.run("events", "--url", "http://x", "user"));
    cases.put("bad yaml", () -> cli.run("camera", "--config", yaml.toString(), "porch", "info"));
    cases.put("duplicate key", () -> cli.run("camera", "--config", duplicate.toString(), "porch", "info"));
    cases.put("closed port (events)", () -> cli.run("events", "--url", "wss://127.0.0.1:" + closed + "/socket.io/",
        "--trust", "sha256:" + "ab".repeat(32), "user"));
    cases.put("closed port (camera)", () -> cli.run("camera", "--host", "127.0.0.1", "--port", Integer.toString(closed),
        "--username", "u", "--known-hosts", known.toString(), "info"));
    cases.put("wrong camera password", () -> new CliRunner().env("HOMEPORT_CAMERA_PASSWORD", "wrong")
        .run(cameraAt(known, "--trust", "sha256:" + camera.fingerprint(), "info")));
    cases.put("no such location", () -> cli.run(eventsPinned("devices", "Atlantis")));

    List<String> seen = new ArrayList<>();
    cases.forEach((what, run) -> {
      Run result = run.get();
      assertThat(result.code()).as(what + ": " + result).isNotZero().isNotEqualTo(ExitCode.FAILURE);
      seen.add(what + " -> " + oneCleanLine(result));
    });
    assertThat(seen).hasSize(cases.size());
  }
}
