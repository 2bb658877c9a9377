package dev.homeport.adapter.camera.http;

import static dev.homeport.adapter.camera.http.KasaTestSupport.await;
import static dev.homeport.adapter.camera.http.KasaTestSupport.failureOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeport.adapter.camera.http.internal.KasaCommands;
import dev.homeport.adapter.inmemory.InMemoryCamera;
import dev.homeport.domain.Secret;
import dev.homeport.domain.camera.Direction;
import dev.homeport.domain.camera.GetCameraInfo;
import dev.homeport.domain.camera.GetSetting;
import dev.homeport.domain.camera.Move;
import dev.homeport.domain.camera.Setting;
import dev.homeport.ports.CameraCommandException;
import dev.homeport.ports.TransportException;
import dev.homeport.ports.camera.Camera;
import dev.homeport.ports.camera.CameraEndpoint;
import dev.homeport.ports.camera.ImmutableCameraEndpoint;
import dev.homeport.simulators.kasa.GarbageKind;
import dev.homeport.simulators.kasa.KasaAuthVariant;
import dev.homeport.simulators.kasa.KasaCameraSimulator;
import dev.homeport.simulators.kasa.WrongCredentialsAnswer;
import dev.homeport.simulators.tls.SelfSignedCertificate;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fails in every way the adapter can fail, with a distinctive password, and proves that neither the
 * password (in any of its wire forms) nor an Authorization header value appears in a log line, an
 * exception message or stack trace, or a toString().
 */
class KasaSecretsTest {

  private static final String USER = "owner@example.com";
  private static final String PASSWORD = "Sëcret-Pa55word-7q9x";
  private static final String WRONG = "Wr0ng-Pa55word-k3j2";

  @TempDir Path dir;

  private final List<String> seen = new ArrayList<>();

  @Test
  @SuppressWarnings("try") // the camera is closed early on purpose
  void failingInEveryWay_neverShowsAPasswordOrAuthorizationHeader() throws Exception {
    InMemoryCamera backend = KasaTestSupport.backend();
    try (KasaCameraSimulator sim = KasaCameraSimulator.builder().backend(backend)
        .credentials(USER, PASSWORD).authVariant(KasaAuthVariant.MD5).start()) {
      ImmutableKasaCameraConfig good = config(sim, PASSWORD);
      ImmutableKasaCameraConfig bad = config(sim, WRONG);
      seen.add(good.toString());

      try (Camera camera = KasaTestSupport.DRIVER.connect(good)) {
        seen.add(camera.toString());
        await(camera.execute(GetSetting.of(Setting.POWER))); // auto probing: base64 refused, md5 ok

        sim.failMethod(KasaCommands.PREFIX + "ptz", "set_move", -40409, "The parameter [speed] values error");
        record(failureOf(camera.execute(new Move(Direction.LEFT, 9))));
        sim.unsupportedModule(KasaCommands.PREFIX + "ptz");
        record(failureOf(camera.execute(new Move(Direction.LEFT, 9))));
        sim.overrideAnswer("system", "get_sysinfo", "{\"err_code\":0,\"system\":{}}");
        record(failureOf(camera.execute(new GetCameraInfo())));
        sim.clearFaults();
        for (GarbageKind kind : GarbageKind.values()) {
          sim.garbage(kind);
          record(failureOf(camera.execute(GetSetting.of(Setting.POWER))));
        }
        sim.garbage(null);
        sim.dropConnectionForNext(1);
        record(failureOf(camera.execute(new Move(Direction.UP, 1))));
        backend.rejectCredentials(true);
        record(failureOf(camera.execute(GetSetting.of(Setting.POWER))));
        backend.rejectCredentials(false);
        backend.setUnreachable(true);
        record(failureOf(camera.execute(GetSetting.of(Setting.POWER))));
        backend.setUnreachable(false);
        camera.close(); // closing early on purpose: a closed camera must fail cleanly too
        record(failureOf(camera.execute(GetSetting.of(Setting.POWER))));
      }

      for (WrongCredentialsAnswer answer : WrongCredentialsAnswer.values()) {
        sim.wrongCredentialsAnswer(answer);
        // a short time-out only where it is what fails the request; an answer is waited for
        try (Camera camera = KasaTestSupport.DRIVER.connect(answer == WrongCredentialsAnswer.NO_ANSWER
            ? bad.withRequestTimeout(Duration.ofMillis(500)) : bad)) {
          record(failureOf(camera.execute(GetSetting.of(Setting.POWER))));
        }
      }

      sim.replaceCertificate(SelfSignedCertificate.create("impostor"));
      try (Camera camera = KasaTestSupport.DRIVER.connect(good)) {
        record(failureOf(camera.execute(GetSetting.of(Setting.POWER))));
      }
    }

    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (Camera camera = KasaTestSupport.DRIVER.connect(ImmutableKasaCameraConfig.builder()
        .name("gone").host("127.0.0.1").port(closedPort).username(USER)
        .password(Secret.of(PASSWORD)).knownHostsFile(dir.resolve("kh")).build())) {
      record(failureOf(camera.execute(GetSetting.of(Setting.POWER))));
    }

    CameraEndpoint endpoint = ImmutableCameraEndpoint.builder().name("porch").brand("kasa")
        .host("127.0.0.1").username(USER).password(Secret.of(PASSWORD))
        .putOptions("trust", "maybe").build();
    seen.add(endpoint.toString());
    assertThatThrownBy(() -> KasaTestSupport.DRIVER.connect(endpoint))
        .satisfies(this::record);

    assertThat(seen).hasSizeGreaterThan(15);
    assertThat(seen).anySatisfy(s -> assertThat(s).contains("rejected the credentials"));
    assertThat(seen).anySatisfy(s -> assertThat(s).contains("certificate of 127.0.0.1"));

    String logFile = System.getProperty("org.slf4j.simpleLogger.logFile");
    org.junit.jupiter.api.Assumptions.assumeTrue(logFile != null,
        "log capture needs -Dorg.slf4j.simpleLogger.logFile (set by this module's surefire config)");
    Path log = Path.of(logFile);
    String logText = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(logText).contains("password form").contains("sending");

    for (String forbidden : forbidden()) {
      assertThat(logText).as("log file").doesNotContain(forbidden);
      for (String text : seen) {
        assertThat(text).doesNotContain(forbidden);
      }
    }
  }

  @Test
  void cameraQuotingTheCredentialsBack_hasThemScrubbedFromMessagesResultsAndLogs() throws Exception {
    String md5 = HexFormat.of().formatHex(
        MessageDigest.getInstance("MD5").digest(PASSWORD.getBytes(StandardCharsets.UTF_8)));
    String b64 = Base64.getEncoder().encodeToString(PASSWORD.getBytes(StandardCharsets.UTF_8));
    String header = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + md5).getBytes(StandardCharsets.UTF_8));
    String echo = "bad request; Authorization: " + header + " password=" + PASSWORD + " b64=" + b64
        + " md5=" + md5.toUpperCase(java.util.Locale.ROOT);
    try (KasaCameraSimulator sim = KasaCameraSimulator.builder().backend(KasaTestSupport.backend())
        .credentials(USER, PASSWORD).authVariant(KasaAuthVariant.MD5).start();
        Camera camera = KasaTestSupport.DRIVER.connect(config(sim, PASSWORD))) {
      await(camera.execute(GetSetting.of(Setting.POWER)));
      sim.failMethod(KasaCommands.PREFIX + "ptz", "set_move", -40409, echo);
      Throwable refused = failureOf(camera.execute(new Move(Direction.LEFT, 9)));
      record(refused);
      assertThat(refused).isInstanceOf(CameraCommandException.class)
          .hasMessageContaining("bad request; Authorization: [redacted] password=[redacted]");
      sim.clearFaults();
      sim.overrideAnswer("system", "get_sysinfo", "{\"err_code\":0,\"system\":{\"err_msg\":\""
          + echo + "\"}}");
      record(failureOf(camera.execute(new GetCameraInfo())));
    }
    assertThat(seen).anySatisfy(s -> assertThat(s).contains(dev.homeport.support.SecretScrubber.REDACTED));
    String logFile = System.getProperty("org.slf4j.simpleLogger.logFile");
    String logText = logFile == null ? "" : Files.readString(Path.of(logFile), StandardCharsets.UTF_8);
    for (String forbidden : forbidden()) {
      assertThat(logText).as("log file").doesNotContain(forbidden);
      for (String text : seen) {
        assertThat(text).doesNotContain(forbidden);
      }
    }
    assertThat(String.join("\n", seen)).doesNotContain(md5.toUpperCase(java.util.Locale.ROOT));
  }

  private ImmutableKasaCameraConfig config(KasaCameraSimulator sim, String password) {
    return ImmutableKasaCameraConfig.builder().name("porch").host(sim.host()).port(sim.port())
        .username(USER).password(Secret.of(password)).knownHostsFile(dir.resolve("known_hosts"))
        .connectTimeout(Duration.ofSeconds(10)).requestTimeout(Duration.ofSeconds(10)).build();
  }

  private void record(Throwable failure) {
    StringWriter trace = new StringWriter();
    failure.printStackTrace(new PrintWriter(trace));
    seen.add(trace.toString());
    for (Throwable t = failure; t != null; t = t.getCause()) {
      seen.add(String.valueOf(t.getMessage()));
      seen.add(t.toString());
      if (t instanceof CameraCommandException || t instanceof TransportException) {
        seen.add(t.getLocalizedMessage());
      }
    }
  }

  private static List<String> forbidden() throws Exception {
    List<String> out = new ArrayList<>();
    for (String pw : List.of(PASSWORD, WRONG)) {
      String b64 = Base64.getEncoder().encodeToString(pw.getBytes(StandardCharsets.UTF_8));
      String md5 = HexFormat.of().formatHex(
          MessageDigest.getInstance("MD5").digest(pw.getBytes(StandardCharsets.UTF_8)));
      out.add(pw);
      out.add(b64);
      out.add(md5);
      for (String form : List.of(pw, b64, md5)) {
        out.add(Base64.getEncoder().encodeToString((USER + ":" + form).getBytes(StandardCharsets.UTF_8)));
      }
    }
    out.add("Authorization: Basic");
    out.add("authorization=Basic");
    return out;
  }
}
