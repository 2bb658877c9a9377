package dev.homeport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
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

  /**
   * A stand-in for java: records its arguments and writes the archive it is asked to record; the
   * demo succeeds unless FAIL_DEMO is set, any other command exits 3.
   */
  private static final String FAKE_JAVA = "#!/bin/sh\n"
      + "echo \"$*\" >> \"$CALLS\"\n"
      + "for a in \"$@\"; do case $a in\n"
      + "  -XX:ArchiveClassesAtExit=*) echo archive > \"${a#-XX:ArchiveClassesAtExit=}\";;\n"
      + "  demo) [ -n \"$FAIL_DEMO\" ] && exit 1; exit 0;;\n"
      + "esac; done\n"
      + "exit 3\n";

  private Path root;
  private Path calls;

  private String runLauncher(boolean failDemo, String... args) throws Exception {
    if (root == null) {
      root = Files.createDirectories(dir.resolve("checkout"));
      Files.copy(Path.of("..", "homeport"), root.resolve("homeport"));
      Path jar = Files.createDirectories(root.resolve("cli/target")).resolve("homeport-cli-0-all.jar");
      Files.writeString(jar, "not a real jar: the fake java never opens it");
      // older than anything recorded next, as a build a minute ago would be
      Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
      Path java = Files.writeString(dir.resolve("fake-java"), FAKE_JAVA);
      Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
      calls = dir.resolve("calls.txt");
    }
    Files.deleteIfExists(calls);
    Path err = dir.resolve("err.txt");
    String[] command = new String[args.length + 2];
    command[0] = "sh";
    command[1] = root.resolve("homeport").toString();
    System.arraycopy(args, 0, command, 2, args.length);
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    builder.environment().put("JAVA", dir.resolve("fake-java").toString());
    builder.environment().put("CALLS", calls.toString());
    if (failDemo) {
      builder.environment().put("FAIL_DEMO", "yes");
    }
    Process process = builder.start();
    assertThat(process.waitFor(ChildCli.BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
    // the user's command's status (the fake's 3) is the launcher's
    assertThat(process.exitValue()).isEqualTo(3);
    return Files.readString(err, StandardCharsets.UTF_8);
  }

  private List<String> calls() throws Exception {
    return Files.readAllLines(calls, StandardCharsets.UTF_8);
  }

  @Test
  void firstRunOfAJar_recordsTheArchiveFromTheDemo_thenRunsTheCommandOnIt_andLaterRunsOnlyMapIt() throws Exception {
    String said = runLauncher(false, "--help");
    assertThat(said).contains("recording a class-data archive");
    assertThat(calls()).hasSize(2);
    assertThat(calls().get(0)).contains("-XX:ArchiveClassesAtExit=", "demo --duration=300ms").doesNotContain("--help");
    assertThat(calls().get(1)).contains("-XX:SharedArchiveFile=", "--help").doesNotContain("demo");

    String later = runLauncher(false, "--version");
    assertThat(later).isEmpty();
    assertThat(calls()).singleElement().asString().contains("-XX:SharedArchiveFile=", "--version");
  }

  @Test
  void demoThatFails_leavesTheArchiveToTheUsersOwnCommand() throws Exception {
    runLauncher(true, "--version");
    assertThat(calls()).hasSize(2);
    assertThat(calls().get(1)).contains("-XX:ArchiveClassesAtExit=", "--version");
    assertThat(root.resolve("cli/target/homeport-cli.jsa")).exists();
    // recorded once: the next run maps it without trying the demo again
    runLauncher(true, "--version");
    assertThat(calls()).singleElement().asString().contains("-XX:SharedArchiveFile=");
  }
}
