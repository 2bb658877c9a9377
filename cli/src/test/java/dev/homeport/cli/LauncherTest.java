package dev.homeport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ./homeport launcher as a first-time user meets it. */
class LauncherTest {

  @TempDir Path dir;

  /** A script or CI log (standard error not a terminal) is told why the first run is silent for a minute. */
  @Test
  void launcherFirstBuild_saysSoOnStandardError_evenWithoutTerminal() throws Exception {
    Path launcher = Files.copy(Path.of("..", "homeport"), dir.resolve("homeport"));
    Path maven = Files.writeString(dir.resolve("fake-mvn"), "#!/bin/sh\necho 'fake maven ran' >&2\nexit 1\n");
    for (Path script : new Path[] {launcher, maven}) {
      Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    Path err = dir.resolve("err.txt");
    ProcessBuilder builder = new ProcessBuilder("sh", launcher.toString(), "--help")
        .redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    builder.environment().put("MVN", maven.toString());
    Process process = builder.start();
    assertThat(process.waitFor(ChildCli.BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
    String said = Files.readString(err, StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(said).isEqualTo(1);
    assertThat(said).contains("building the command-line jar", "fake maven ran", "the build failed");
  }
}
