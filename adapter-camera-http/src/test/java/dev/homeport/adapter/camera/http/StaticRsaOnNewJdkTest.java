package dev.homeport.adapter.camera.http;

import dev.homeport.support.TrustMode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.adapter.camera.http.internal.CameraTls;
import dev.homeport.adapter.inmemory.InMemoryCamera;
import dev.homeport.simulators.kasa.KasaCameraSimulator;
import dev.homeport.simulators.kasa.KasaFirmware;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Static-RSA-only cameras on a JDK that disables {@code TLS_RSA_*} (JDK 24+): the simulator serves
 * only the static-RSA suites from this JVM, and a child JVM on the newer JDK connects with the real
 * adapter, once on the JDK's TLS (which must fail: the property cannot be lifted per connection)
 * and once with the default {@code auto} provider (which must work, without touching any security
 * property). Skipped, visibly, when no JDK 24+ is installed (set {@code HOMEPORT_NEW_JDK} to one).
 */
class StaticRsaOnNewJdkTest {

  @Test
  void thisJdk17_permitsStaticRsa_soAutoKeepsTheJdksTls() {
    Assumptions.assumeTrue(Runtime.version().feature() < 24, "this JVM is " + Runtime.version());
    assertThat(CameraTls.jdkPermitsStaticRsa()).isTrue();
    assertThat(CameraTls.effective(TlsProvider.AUTO)).isEqualTo(TlsProvider.JDK);
  }

  @Test
  void staticRsaOnlyCamera_worksOnThisJdk_withEitherProvider() throws Exception {
    try (InMemoryCamera backend = KasaFirmware.STATIC_RSA.backend("porch").build();
        KasaCameraSimulator sim = KasaCameraSimulator.builder().firmware(KasaFirmware.STATIC_RSA).backend(backend).start()) {
      for (TlsProvider provider : TlsProvider.values()) {
        KasaCameraConfig config = ImmutableKasaCameraConfig.builder().name("probe").host(sim.host()).port(sim.port())
            .username(sim.username()).password(dev.homeport.domain.Secret.of(sim.password()))
            .tlsProvider(provider).trustMode(TrustMode.INSECURE).build();
        try (dev.homeport.ports.camera.Camera camera = KasaTestSupport.DRIVER.connect(config)) {
          assertThat(KasaTestSupport.await(camera.execute(new dev.homeport.domain.camera.GetCameraInfo())).model())
              .as(provider.text()).isEqualTo("KC120(US)");
        }
      }
    }
  }

  @Test
  void onJdk24Plus_theJdksTlsFails_andAutoConnectsThroughItsOwnProvider() throws Exception {
    Path java = newJdk().orElse(null);
    if (java == null) {
      Assumptions.abort("no JDK 24+ found (set HOMEPORT_NEW_JDK to its home to run this check)");
    }
    try (InMemoryCamera backend = KasaFirmware.STATIC_RSA.backend("porch").build();
        KasaCameraSimulator sim = KasaCameraSimulator.builder().firmware(KasaFirmware.STATIC_RSA).backend(backend).start()) {
      String jdk = probe(java, sim, TlsProvider.JDK);
      assertThat(jdk).startsWith("FAIL").contains("TLS").endsWith("jdkPermitsStaticRsa=false");
      String auto = probe(java, sim, TlsProvider.AUTO);
      assertThat(auto).isEqualTo("OK KC120(US) jdkPermitsStaticRsa=false");
    }
  }

  private static String probe(Path java, KasaCameraSimulator sim, TlsProvider provider) throws Exception {
    List<String> command = new ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
        StaticRsaProbeMain.class.getName(), sim.host(), Integer.toString(sim.port()), sim.username(),
        sim.password(), provider.text()));
    Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
    process.getOutputStream().close();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the probe JVM did not finish within 120 s");
    }
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return out.lines().filter(l -> l.startsWith("OK") || l.startsWith("FAIL")).findFirst()
        .orElse("no result: " + out + new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  /** A JDK whose feature version is 24 or later: HOMEPORT_NEW_JDK, else one under /usr/lib/jvm. */
  private static Optional<Path> newJdk() throws IOException {
    List<Path> homes = new ArrayList<>();
    String configured = System.getenv("HOMEPORT_NEW_JDK");
    if (configured != null && !configured.isBlank()) {
      homes.add(Path.of(configured));
    }
    Path jvms = Path.of("/usr/lib/jvm");
    if (Files.isDirectory(jvms)) {
      try (Stream<Path> list = Files.list(jvms)) {
        list.sorted().forEach(homes::add);
      }
    }
    for (Path home : homes) {
      Path release = home.resolve("release");
      Path java = home.resolve("bin").resolve("java");
      if (Files.isRegularFile(release) && Files.isExecutable(java)) {
        for (String line : Files.readAllLines(release)) {
          if (line.startsWith("JAVA_VERSION=")) {
            String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
            try {
              if (Integer.parseInt(v.split("[.+-]")[0]) >= 24) {
                return Optional.of(java);
              }
            } catch (NumberFormatException e) {
              // not a version we can read
            }
          }
        }
      }
    }
    return Optional.empty();
  }
}
