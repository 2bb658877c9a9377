package dev.homeport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.adapter.inmemory.InMemoryCamera;
import dev.homeport.cli.CliRunner.Run;
import dev.homeport.domain.camera.Setting;
import dev.homeport.examples.acme.simulator.AcmeSimulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof of "Adding a camera brand": the example brand acme, which the CLI never names, works
 * from a deployment file with {@code brand: acme} and its options, against its simulator.
 */
class AcmeBrandTest {

  @TempDir Path dir;

  private InMemoryCamera backend;
  private AcmeSimulator simulator;

  @BeforeEach
  void start() {
    backend = InMemoryCamera.builder().name("garage").build();
    simulator = AcmeSimulator.start(backend);
  }

  @AfterEach
  void stop() {
    simulator.close();
    backend.close();
  }

  private Path config(String options) throws IOException {
    Path file = dir.resolve("homeport.yaml");
    Files.writeString(file, "cameras:\n"
        + "  garage:\n"
        + "    brand: acme\n"
        + "    host: " + simulator.host() + "\n"
        + "    port: " + simulator.port() + "\n"
        + "    username: " + simulator.username() + "\n"
        + "    password-env: GARAGE_PASSWORD\n"
        + options, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void brandAcme_inTheConfigFile_readsAndChangesTheCamera() throws IOException {
    Path file = config("    options:\n      request-timeout: 3s\n");
    CliRunner cli = new CliRunner().env("GARAGE_PASSWORD", simulator.password());
    boolean before = backend.peek(Setting.STATUS_LED);

    Run set = cli.run("camera", "--config", file.toString(), "garage", "set", "status-led", before ? "off" : "on");
    assertThat(set.code()).as(set.toString()).isZero();
    assertThat(backend.peek(Setting.STATUS_LED)).isEqualTo(!before);

    Run info = cli.run("camera", "--config", file.toString(), "garage", "info", "--json");
    assertThat(info.code()).as(info.toString()).isZero();
    assertThat(info.json().get("mac").asText()).isEqualTo(backend.execute(new dev.homeport.domain.camera.GetCameraInfo()).join().mac());
    assertThat(simulator.recordedRequests()).isNotEmpty();
  }

  @Test
  void acmeOptions_areCheckedByItsDriver_andListedFromIt() throws IOException {
    Path file = config("    options:\n      scheme: gopher\n");
    Run bad = new CliRunner().env("GARAGE_PASSWORD", "x").run("camera", "--config", file.toString(), "garage", "info");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("acme camera 'garage': option 'scheme' must be one of http, https");
    assertThat(simulator.recordedRequests()).as("refused before any I/O").isEmpty();

    Run help = new CliRunner().run("camera", "--brand", "acme", "--help-options");
    assertThat(help.code()).as(help.toString()).isZero();
    assertThat(help.out()).contains("options of brand acme", "scheme", "fingerprint", "request-timeout");
  }

  @Test
  void wrongPassword_isAnAuthenticationFailure() throws IOException {
    Path file = config("");
    Run run = new CliRunner().env("GARAGE_PASSWORD", "wrong").run("camera", "--config", file.toString(), "garage", "info");
    assertThat(run.code()).as(run.toString()).isEqualTo(3);
    assertThat(run.err()).contains("refused the credentials").doesNotContain("wrong");
  }
}
