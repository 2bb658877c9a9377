package dev.homeport.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeport.cli.internal.CameraSpec;
import dev.homeport.domain.Secret;
import dev.homeport.ports.camera.CameraDrivers;
import java.util.Optional;
import dev.homeport.cli.internal.Deployment;
import dev.homeport.cli.internal.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The deployment file: the shipped example parses, and every mistake is named before any I/O. */
class DeploymentFileTest {

  private static final Path FILE = Path.of("homeport.yaml");

  private static UsageException refused(String yaml) {
    try {
      Deployment.parse(FILE, yaml);
    } catch (UsageException e) {
      return e;
    }
    throw new AssertionError("accepted: " + yaml);
  }

  @Test
  void shippedExample_parses() throws Exception {
    Path example = Path.of("..", "homeport.example.yaml");
    Deployment deployment = Deployment.load(example);
    assertThat(deployment.cameras()).containsOnlyKeys("porch", "garden", "lab");
    CameraSpec porch = deployment.camera("porch");
    assertThat(porch.host()).contains("192.168.1.20");
    assertThat(porch.passwordEnv()).isEqualTo("PORCH_PASSWORD");
    assertThat(porch.timeout()).contains(Duration.ofSeconds(8));
    assertThat(deployment.camera("garden").options().get("trust")).startsWith("sha256:");
    assertThat(deployment.camera("garden").options()).containsEntry("auth", "md5");
    assertThat(deployment.camera("lab").brand()).isEqualTo("inmemory");
    assertThat(deployment.eventSource().source()).isEqualTo("smartthings");
    assertThat(Files.readString(example)).doesNotContainPattern("(?m)^\\s*(password|cookie|csrf-token):");
  }

  @Test
  void mistakes_areNamedWithWhatIsAllowed() {
    assertThat(refused("cameras: [").getMessage()).contains("not valid YAML");
    assertThat(refused("").getMessage()).contains("is empty");
    assertThat(refused("camras: {}").getMessage()).contains("unknown key 'camras'", "cameras, events");
    assertThat(refused("cameras:\n  porch:\n    brand: nikon\n").getMessage())
        .contains("brand", "unknown camera brand 'nikon'", "brands found:", "inmemory", "kasa", "onvif");
    assertThat(refused("cameras:\n  porch:\n    brand: kasa\n    username: u\n").getMessage())
        .contains("porch needs a host");
    assertThat(refused("cameras:\n  porch:\n    brand: kasa\n    host: h\n    username: u\n    port: 70000\n").getMessage())
        .contains("port must be 1..65535");
    assertThat(refused("cameras:\n  porch:\n    brand: kasa\n    host: h\n    username: u\n    colour: red\n").getMessage())
        .contains("unknown key 'colour'", "password-env");
    assertThat(refused("cameras:\n  porch:\n    brand: kasa\n    host: h\n    username: u\n    password-env: 1BAD\n").getMessage())
        .contains("environment variable");
    assertThat(Deployment.parse(FILE, "events:\n  source: smartthings\n").eventSource().url())
        .contains(dev.homeport.adapter.events.wss.SmartThingsConfig.DEFAULT_URL);
    assertThat(Deployment.parse(FILE, "events:\n  source: smartthings\n  timeout: 3s\n").eventSource().timeout())
        .contains(Duration.ofSeconds(3));
    assertThat(refused("events:\n  source: smartthings\n  timeout: soon\n").getMessage()).contains("timeout", "500ms");
    assertThat(refused("events:\n  source: smartthings\n  url: wss://h/socket.io/\n  cookie: JSESSIONID=abc\n").getMessage())
        .contains("looks like a secret", "cookie-env").doesNotContain("JSESSIONID=abc");
  }

  @Test
  void brandOptions_goToTheDriver_whichNamesAndChecksThem() {
    Deployment deployment = Deployment.parse(FILE, "cameras:\n  porch:\n    host: h\n    username: u\n"
        + "    options:\n      auth: md5\n      request-timeout: 3s\n    trust: insecure\n");
    CameraSpec porch = deployment.camera("porch");
    assertThat(porch.brand()).as("brand defaults to kasa").isEqualTo("kasa");
    assertThat(porch.options()).containsExactly(
        java.util.Map.entry("trust", "insecure"), java.util.Map.entry("auth", "md5"), java.util.Map.entry("request-timeout", "3s"));
    assertThat(porch.timeout()).contains(Duration.ofSeconds(3));

    assertThat(refused("cameras:\n  porch:\n    host: h\n    options:\n      colour: red\n").getMessage())
        .contains("kasa camera 'porch': unknown option 'colour'", "auth, trust, fingerprint, known-hosts");
    assertThat(refused("cameras:\n  porch:\n    host: h\n    options:\n      auth: rot13\n").getMessage())
        .contains("option 'auth' must be one of auto, base64, md5, plain");
    assertThat(refused("cameras:\n  lab:\n    brand: inmemory\n    options:\n      trust: tofu\n").getMessage())
        .contains("inmemory camera 'lab': unknown option 'trust'", "latency");
    assertThat(refused("cameras:\n  porch:\n    host: h\n    options:\n      password: hunter2\n").getMessage())
        .contains("looks like a secret").doesNotContain("hunter2");
    assertThat(refused("cameras:\n  porch:\n    host: h\n    auth: md5\n    options:\n      auth: plain\n").getMessage())
        .contains("auth is given twice");
    assertThat(refused("cameras:\n  porch:\n    host: h\n    options: [1]\n").getMessage())
        .contains("options must be a mapping");
  }

  @Test
  void valuesTheDriverParses_areRefusedWhenConnecting_beforeAnyIo() {
    CameraSpec porch = Deployment.parse(FILE, "cameras:\n  porch:\n    host: h\n    username: u\n    trust: maybe\n")
        .camera("porch");
    CameraDrivers drivers = CameraDrivers.load();
    assertThatThrownBy(() -> drivers.connect(porch.endpoint(drivers.get("kasa"), Optional.of(Secret.of("p")))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("option 'trust'").hasMessageContaining("tofu, pinned, insecure");
  }

  @Test
  void missingSection_isNamed() {
    Deployment onlyEvents = Deployment.parse(FILE, "events:\n  source: inmemory\n");
    assertThatThrownBy(() -> onlyEvents.camera("porch")).hasMessageContaining("no camera named 'porch'");
    Deployment onlyCameras = Deployment.parse(FILE, "cameras:\n  lab:\n    brand: inmemory\n");
    assertThatThrownBy(onlyCameras::eventSource).hasMessageContaining("no events: section");
  }
}
