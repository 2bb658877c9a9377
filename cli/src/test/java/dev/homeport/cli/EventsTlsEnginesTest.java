package dev.homeport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.adapter.inmemory.InMemorySmartHome;
import dev.homeport.cli.CliRunner.Run;
import dev.homeport.cli.internal.DemoData;
import dev.homeport.simulators.smartthings.SmartThingsSimulator;
import dev.homeport.simulators.tls.SelfSignedCertificate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every event-service trust mode through the CLI on both TLS engines ({@code --tls-provider jdk}
 * and {@code conscrypt}): the same exit code and the same words, against the simulator over real
 * TLS; and how the engine is chosen (option, {@code $HOMEPORT_TLS_PROVIDER}, config file).
 */
class EventsTlsEnginesTest {

  private InMemorySmartHome home;
  private SmartThingsSimulator events;
  private CliRunner cli;

  @TempDir Path dir;

  @BeforeEach
  void start() {
    home = DemoData.home();
    events = SmartThingsSimulator.builder().backend(home).start();
    cli = new CliRunner().env("HOMEPORT_CSRF_TOKEN", events.csrfToken()).env("HOMEPORT_COOKIE", events.cookie());
  }

  @AfterEach
  void stop() {
    events.close();
  }

  private Run on(String engine, String... trustAndCommand) {
    String[] head = {"events", "--url", events.url().toString(), "--tls-provider", engine};
    String[] all = Arrays.copyOf(head, head.length + trustAndCommand.length);
    System.arraycopy(trustAndCommand, 0, all, head.length, trustAndCommand.length);
    return cli.run(all);
  }

  /** Runs on both engines, checks they agree on exit code and output, returns the Conscrypt run. */
  private Run sameOnBothEngines(String... trustAndCommand) {
    Run jdk = on("jdk", trustAndCommand);
    Run conscrypt = on("conscrypt", trustAndCommand);
    assertThat(conscrypt.code()).as("conscrypt %s%njdk %s", conscrypt, jdk).isEqualTo(jdk.code());
    assertThat(conscrypt.err()).as("conscrypt %s%njdk %s", conscrypt, jdk).isEqualTo(jdk.err());
    assertThat(conscrypt.out()).isEqualTo(jdk.out());
    return conscrypt;
  }

  @Test
  void pinnedCertificate_connectsOnBothEngines() {
    Run run = sameOnBothEngines("--trust", "sha256:" + events.certificate().sha256Fingerprint(), "--json", "locations");

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.json().get(0).get("name").asText()).isEqualTo("Maison");
  }

  @Test
  void wrongPin_exits6WithTheRealFingerprint_onBothEngines() {
    Run run = sameOnBothEngines("--trust", "sha256:" + "ab".repeat(32), "user");

    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCode.CERTIFICATE_MISMATCH);
    assertThat(run.err()).contains("not the pinned one", "--trust sha256:" + events.certificate().sha256Fingerprint());
  }

  @Test
  void systemCasAndASelfSignedServer_isRefusedWithThePkixAdvice_onBothEngines() {
    Run run = sameOnBothEngines("user");

    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCode.UNREACHABLE);
    assertThat(run.err()).contains("not trusted", "--trust sha256:" + events.certificate().sha256Fingerprint(), "--ca-cert");
  }

  @Test
  void caCertOfTheServer_connects_andAnotherCa_isRefused_onBothEngines() throws IOException {
    Path right = Files.writeString(dir.resolve("right.pem"), events.certificate().pem());
    Path wrong = Files.writeString(dir.resolve("wrong.pem"), SelfSignedCertificate.create("other").pem());

    Run trusted = sameOnBothEngines("--ca-cert", right.toString(), "user");
    Run refused = sameOnBothEngines("--ca-cert", wrong.toString(), "user");

    assertThat(trusted.code()).as(trusted.toString()).isZero();
    assertThat(refused.code()).as(refused.toString()).isEqualTo(ExitCode.UNREACHABLE);
    assertThat(refused.err()).contains("not trusted");
  }

  @Test
  void insecure_connectsWithItsWarning_onBothEngines() {
    Run run = sameOnBothEngines("--trust", "insecure", "user");

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.err()).containsIgnoringCase("insecure");
  }

  @ParameterizedTest
  @ValueSource(strings = {"JDK", "Conscrypt", "auto"})
  void engineNames_areAcceptedInAnyCase(String engine) {
    Run run = on(engine, "--trust", "sha256:" + events.certificate().sha256Fingerprint(), "user");

    assertThat(run.code()).as(run.toString()).isZero();
  }

  /** Conscrypt is an optional dependency: a class path without it must still work on auto. */
  @Test
  void withoutConscryptOnTheClassPath_autoFallsBackToTheJdk_andConscryptIsRefusedSayingWhy() throws Exception {
    Map<String, String> env = Map.of(
        "HOMEPORT_CSRF_TOKEN", events.csrfToken(), "HOMEPORT_COOKIE", events.cookie());
    String pin = "sha256:" + events.certificate().sha256Fingerprint();
    assertThat(System.getProperty("java.class.path")).as("this test needs Conscrypt on its own class path").contains("conscrypt");

    try (ChildCli auto = ChildCli.startWithout("conscrypt", env,
        "events", "--url", events.url().toString(), "--trust", pin, "--tls-provider", "auto", "--json", "locations")) {
      String out = auto.out.lines().collect(Collectors.joining("\n"));
      assertThat(auto.exit()).as(auto.err()).isZero();
      assertThat(CliRunner.JSON.readTree(out).get(0).get("name").asText()).isEqualTo("Maison");
    }
    try (ChildCli chosen = ChildCli.startWithout("conscrypt", env,
        "events", "--url", events.url().toString(), "--trust", pin, "--tls-provider", "conscrypt", "user")) {
      int code = chosen.exit();
      assertThat(chosen.err()).as("exit %d", code)
          .contains("conscrypt is not available", "not on the class path")
          .doesNotContain(events.csrfToken(), events.cookie());
      assertThat(code).as(chosen.err()).isNotZero();
    }
  }

  @Test
  void unknownEngine_isAUsageErrorNamingTheOptionAndTheChoices() {
    Run run = on("openssl", "user");

    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("--tls-provider must be auto, jdk or conscrypt, was \"openssl\"");
  }

  @Test
  void engineFromTheEnvironment_isUsedWithoutTheOption_andNamedWhenWrong() {
    Run run = cli.env("HOMEPORT_TLS_PROVIDER", "nss").run("events", "--url", events.url().toString(), "user");

    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("$HOMEPORT_TLS_PROVIDER must be auto, jdk or conscrypt, was \"nss\"");
  }

  @Test
  void engineFromTheConfigFile_isChecked() throws IOException {
    Path file = Files.writeString(dir.resolve("homeport.yaml"),
        "events:\n  source: smartthings\n  url: " + events.url() + "\n  tls-provider: gnutls\n");

    Run run = cli.run("events", "--config", file.toString(), "user");

    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("tls-provider must be auto, jdk or conscrypt, was \"gnutls\"");
  }

  @Test
  void engineFromTheConfigFile_connects() throws IOException {
    Path file = Files.writeString(dir.resolve("homeport.yaml"),
        "events:\n  source: smartthings\n  url: " + events.url() + "\n  trust: sha256:"
            + events.certificate().sha256Fingerprint() + "\n  tls-provider: conscrypt\n");

    Run run = cli.run("events", "--config", file.toString(), "user");

    assertThat(run.code()).as(run.toString()).isZero();
  }
}
