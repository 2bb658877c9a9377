package dev.homeport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.cli.CliRunner.Run;
import org.junit.jupiter.api.Test;

/** Bad input is refused before any network traffic, with exit code 2 and one clear line. */
class UsageTest {

  private final CliRunner cli = new CliRunner().env("HOMEPORT_CAMERA_PASSWORD", "pw");

  // 192.0.2.1 is TEST-NET-1: nothing answers there, so any connection attempt would fail with 4.
  private static final String[] CAMERA = {"camera", "--host", "192.0.2.1", "--username", "u@example.com"};

  private Run camera(String... rest) {
    String[] args = new String[CAMERA.length + rest.length];
    System.arraycopy(CAMERA, 0, args, 0, CAMERA.length);
    System.arraycopy(rest, 0, args, CAMERA.length, rest.length);
    return cli.run(args);
  }

  @Test
  void help_listsCommandsAndExitCodes() {
    Run run = cli.run("--help");
    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("demo", "camera", "events", "simulate", "Exit codes:", "certificate mismatch");
  }

  @Test
  void subcommandHelp_listsExitCodesToo() {
    assertThat(cli.run("camera", "--help").out()).contains("Exit codes:", "certificate mismatch", "141", "info", "format-sd");
    assertThat(cli.run("events", "--help").out()).contains("Exit codes:", "watch");
  }

  @Test
  void everySubcommandHelp_exitsZero_withItsOwnUsage() {
    for (String[] command : new String[][] {
        {"camera", "get"}, {"camera", "info"}, {"camera", "set"}, {"camera", "preset"},
        {"events", "watch"}, {"events", "devices"}, {"simulate", "camera"}}) {
      String[] args = java.util.Arrays.copyOf(command, command.length + 1);
      args[command.length] = "--help";
      Run run = cli.run(args);
      assertThat(run.code()).as(String.join(" ", args) + ": " + run).isZero();
      assertThat(run.out()).as(String.join(" ", args)).contains("Usage: homeport " + String.join(" ", command));
    }
  }

  @Test
  void versionOnASubcommand_printsTheVersion() {
    Run run = cli.run("camera", "get", "--version");
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).contains("homeport ");
  }

  @Test
  void noCommand_isUsageError() {
    Run run = cli.run();
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("missing command");
  }

  @Test
  void unknownSetting_namesAllowedSettings() {
    Run run = camera("get", "brightness");
    assertThat(run.code()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("brightness", "power", "time-zone").doesNotContain("Exception", "\tat ");
    assertThat(run.err().lines()).hasSize(1);
  }

  @Test
  void valueOutOfRange_isRefusedWithTheRange() {
    assertThat(camera("preset", "5").err()).contains("preset must be 1..4, was 5");
    assertThat(camera("move", "left", "11").code()).isEqualTo(2);
    assertThat(camera("set", "night-vision", "purple").err()).contains("night-vision", "auto, day, night");
    assertThat(camera("set", "motion-trigger-time", "700000/1").code()).isEqualTo(2);
    assertThat(camera("detections", "200", "100").err()).contains("start must be before end");
    assertThat(camera("move", "sideways", "3").err()).contains("left, right, up, down");
  }

  @Test
  void malformedRawJson_isRefused() {
    Run run = camera("raw", "smartlife.cam.ipcamera.led", "get_status", "{not json");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("JSON parameters are malformed");
  }

  @Test
  void formatWithoutYes_isRefused() {
    Run run = camera("format-sd");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("--yes");
  }

  @Test
  void badTrustAndAuth_areRefused() {
    assertThat(cli.run("camera", "--host", "h", "--username", "u", "--trust", "sha256:abc", "info").err())
        .contains("kasa camera 'h': option 'trust': SHA-256 fingerprint must be 64 hex digits");
    assertThat(cli.run("camera", "--host", "h", "--username", "u", "--trust", "maybe", "info").err())
        .contains("option 'trust'", "tofu, pinned, insecure");
    assertThat(cli.run("camera", "--host", "h", "--username", "u", "--auth", "rot13", "info").err())
        .contains("option 'auth' must be one of auto, base64, md5, plain");
    assertThat(cli.run("camera", "--host", "h", "--username", "u", "--option", "colour=red", "info").err())
        .contains("unknown option 'colour'", "known-hosts");
    assertThat(cli.run("camera", "--host", "h", "--username", "u", "--brand", "nikon", "info").err())
        .contains("--brand: unknown camera brand 'nikon'; brands found: acme, inmemory, kasa");
    assertThat(cli.run("camera", "--host", "h", "--username", "u", "--timeout", "soon", "info").err())
        .contains("option 'timeout' must be a positive duration");
  }

  @Test
  void helpOptions_listsTheBrandsOptionsFromItsDriver() {
    Run kasa = cli.run("camera", "--brand", "kasa", "--help-options");
    assertThat(kasa.code()).as(kasa.toString()).isZero();
    assertThat(kasa.out()).contains("options of brand kasa", "known-hosts", "tofu, pinned, insecure or sha256:",
        "request-timeout", "8s", "brands found: acme, inmemory, kasa");
    Run inmemory = cli.run("camera", "--brand", "inmemory", "--help-options", "--json");
    assertThat(inmemory.code()).as(inmemory.toString()).isZero();
    assertThat(inmemory.json().get("remote").asBoolean()).isFalse();
    assertThat(inmemory.json().get("options").findValuesAsText("name")).containsExactly("latency", "request-timeout", "model");
    assertThat(cli.run("camera", "--help-options").out()).as("kasa by default").contains("options of brand kasa");
    assertThat(cli.run("camera", "--brand", "nikon", "--help-options").err()).contains("unknown camera brand 'nikon'");
  }

  @Test
  void localBrand_needsNoHostNorPassword_andTakesItsOptions() {
    Run run = new CliRunner().run("camera", "--brand", "inmemory", "--option", "model=KC-LAB", "info", "--json");
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.json().get("model").asText()).isEqualTo("KC-LAB");
    Run raw = new CliRunner().run("camera", "--brand", "inmemory", "raw", "no.such_operation");
    assertThat(raw.code()).as(raw.toString()).isNotZero().isNotEqualTo(2);
    assertThat(raw.err()).contains("does not support raw command no.such_operation");
  }

  @Test
  void missingHost_isRefused() {
    Run run = cli.run("camera", "--username", "u", "info");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("needs a host");
  }

  @Test
  void missingPassword_withoutTerminal_namesTheVariable() {
    Run run = new CliRunner().run("camera", "--host", "192.0.2.1", "--username", "u", "--password-env", "PORCH_PW", "info");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("PORCH_PW");
  }

  @Test
  void jsonFlag_isAcceptedAfterTheSubcommandToo() {
    Run run = camera("get", "brightness", "--json");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
  }

  @Test
  void eventsWithoutUrl_usesTheLibrarysDefault_andSaysSoInHelp() {
    Run run = cli.run("events", "user");
    assertThat(run.code()).isEqualTo(2);
    // past the URL: what is missing now is the token
    assertThat(run.err()).doesNotContain("URL").contains("HOMEPORT_CSRF_TOKEN");
    assertThat(cli.run("events", "--help").out())
        .contains("default, the library's:").contains(dev.homeport.adapter.events.wss.SmartThingsConfig.DEFAULT_URL.toString());
  }

  @Test
  void eventsTimeout_isCheckedByTheOneDurationParser() {
    Run run = cli.run("events", "--timeout", "soon", "user");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("--timeout", "500ms");
  }

  @Test
  void eventsWithBadUrl_isRefused() {
    assertThat(cli.run("events", "--url", "http://example.com/", "user").err()).contains("--url must be a wss:// URL");
    assertThat(cli.run("events", "--url", "wss://example.com/socket.io/?csrfToken=x", "user").err())
        .contains("must not have a query");
  }

  @Test
  void eventsWithTokenInUrl_isRefusedWithoutShowingTheToken() {
    Run withQuery = cli.run("events", "--url", "wss://example.com/socket.io/?csrfToken=pasted-token-value", "user");
    assertThat(withQuery.code()).isEqualTo(2);
    assertThat(withQuery.err()).contains("wss://example.com/socket.io/").doesNotContain("pasted-token-value");
    Run notWss = cli.run("events", "--url", "https://example.com/socket.io/?csrfToken=pasted-token-value", "user");
    assertThat(notWss.code()).isEqualTo(2);
    assertThat(notWss.err()).doesNotContain("pasted-token-value");
  }

  @Test
  void eventsWithoutToken_namesTheVariable() {
    Run run = cli.run("events", "--url", "wss://192.0.2.1/socket.io/", "user");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("HOMEPORT_CSRF_TOKEN");
  }

  @Test
  void watchWithZeroCount_isRefused() {
    Run run =
        new CliRunner().env("HOMEPORT_CSRF_TOKEN", "t").env("HOMEPORT_COOKIE", "c")
            .run("events", "--url", "wss://192.0.2.1/", "watch", "home", "--count", "0");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("--count must be at least 1");
  }

  @Test
  void unknownOption_isUsageError() {
    Run run = cli.run("camera", "--password", "hunter2", "info");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("--password").doesNotContain("hunter2");
  }
}
