package dev.homeport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.cli.CliRunner.Run;
import dev.homeport.cli.internal.Deployment;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A --config file is input like any other: bounded, strict, and never echoed back. */
class ConfigFileLimitsTest {

  private static final String SECRET = "hunter2-Correct-Horse";

  @TempDir Path dir;

  private final CliRunner cli = new CliRunner().env("HOMEPORT_CAMERA_PASSWORD", "pw");

  private Path file(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void hugeFile_isRefusedNamingFileAndCap_withoutReadingItAll() throws IOException {
    Path huge = dir.resolve("huge.yaml");
    try (RandomAccessFile sparse = new RandomAccessFile(huge.toFile(), "rw")) {
      sparse.setLength(4L << 30); // 4 GiB of zeros, sparse: reading it all would exhaust the heap
    }
    Run run = cli.run("camera", "--config", huge.toString(), "porch", "info");
    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains(huge.toString(), "larger than 1 MiB");
  }

  @Test
  void devZero_isRefusedWithTheCap() {
    Path zero = Path.of("/dev/zero");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(zero));
    Run run = cli.run("camera", "--config", zero.toString(), "porch", "info");
    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("/dev/zero", "1 MiB");
  }

  @Test
  void duplicateKey_isRefused_withLineButNotTheValue() throws IOException {
    Path config = file("dup.yaml", """
        cameras:
          porch:
            host: 192.0.2.1
            username: me@example.com
            host: 192.0.2.99
        """);
    Run run = cli.run("camera", "--config", config.toString(), "porch", "info");
    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains(config.toString(), "given twice", "line 5").doesNotContain("192.0.2.99");
  }

  @Test
  void misindentedPassword_isReportedByPlace_neverEchoed() throws IOException {
    Path config = file("bad.yaml", """
        cameras:
          porch:
            host: 192.0.2.1
           password: %s
            username: me
        """.formatted(SECRET));
    for (String verbose : new String[] {"--help-options", "--verbose"}) {
      Run run = verbose.equals("--verbose")
          ? cli.run("--verbose", "camera", "--config", config.toString(), "porch", "info")
          : cli.run("camera", "--config", config.toString(), "porch", "info");
      assertThat(run.code()).as(run.toString()).isEqualTo(ExitCode.USAGE);
      assertThat(run.err()).contains(config.toString(), "not valid YAML", "line 4", "column")
          .doesNotContain(SECRET).doesNotContain("password:").doesNotContain("Event");
    }
  }

  @Test
  void aliasBomb_isRefused() throws IOException {
    StringBuilder yaml = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      char previous = (char) (c - 1);
      yaml.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        yaml.append(i == 0 ? "" : ", ").append('*').append(previous);
      }
      yaml.append("]\n");
    }
    yaml.append("cameras:\n  porch:\n    host: 192.0.2.1\n    username: *j\n");
    Path bomb = file("bomb.yaml", yaml.toString());
    // 9^10 strings if aliases were expanded: refused (or left unexpanded), never out of memory.
    Run run = cli.run("camera", "--config", bomb.toString(), "porch", "info");
    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains(bomb.toString());
  }

  @Test
  void deepNesting_isRefused() throws IOException {
    String yaml = "cameras: " + "[".repeat(5000) + "]".repeat(5000) + "\n";
    Run run = cli.run("camera", "--config", file("deep.yaml", yaml).toString(), "porch", "info");
    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("not valid YAML");
  }

  @Test
  void passwordEnvThatIsNoVariableName_isRefusedWithoutEchoingIt() throws IOException {
    Run flag = cli.run("camera", "--host", "192.0.2.1", "--username", "u", "--password-env", SECRET, "info");
    assertThat(flag.code()).isEqualTo(ExitCode.USAGE);
    assertThat(flag.err()).contains("--password-env", "letters, digits and _").doesNotContain(SECRET);

    Run csrf = cli.run("events", "--csrf-env", SECRET, "user");
    assertThat(csrf.code()).isEqualTo(ExitCode.USAGE);
    assertThat(csrf.err()).contains("--csrf-env", "letters, digits and _").doesNotContain(SECRET);

    Path config = file("env.yaml", """
        cameras:
          porch:
            host: 192.0.2.1
            username: me
            password-env: %s
        """.formatted(SECRET));
    Run file = cli.run("camera", "--config", config.toString(), "porch", "info");
    assertThat(file.code()).isEqualTo(ExitCode.USAGE);
    assertThat(file.err()).contains("password-env", "letters, digits and _").doesNotContain(SECRET);
  }

  @Test
  void nestedValueUnderAKey_isRefusedWithoutEchoingIt() throws IOException {
    Path config = file("nested.yaml", """
        cameras:
          porch:
            host: 192.0.2.1
            password-env:
              %s: x
        """.formatted(SECRET));
    Run run = cli.run("camera", "--config", config.toString(), "porch", "info");
    assertThat(run.code()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("single value").doesNotContain(SECRET);
  }

  @Test
  void capIsOneMebibyte() {
    assertThat(Deployment.MAX_BYTES).isEqualTo(1 << 20);
  }
}
