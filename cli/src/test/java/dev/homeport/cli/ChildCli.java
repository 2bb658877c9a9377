package dev.homeport.cli;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The CLI in a process of its own, as a shell runs it: real standard output (a pipe the test reads
 * and may close), real signals ({@link Process#destroy()} is SIGTERM), the real exit status. For
 * what in-process runs cannot show: broken pipes, shutdown hooks.
 */
final class ChildCli implements AutoCloseable {

  /** Generous bound for a child's start and stop on a loaded 2-core machine; a hang fails here. */
  static final long BOUND_SECONDS = 60;

  final Process process;
  final BufferedReader out;
  private final Path err;

  private ChildCli(Process process, Path err) {
    this.process = process;
    this.err = err;
    this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  static ChildCli start(Map<String, String> env, String... args) {
    return start(System.getProperty("java.class.path"), env, args);
  }

  /**
   * As {@link #start(Map, String...)}, on this test's class path without the entries whose path
   * contains {@code left} (say, an optional dependency's jar).
   */
  static ChildCli startWithout(String left, Map<String, String> env, String... args) {
    String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.contains(left))
        .collect(Collectors.joining(File.pathSeparator));
    return start(classPath, env, args);
  }

  private static ChildCli start(String classPath, Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
        "-cp", classPath, Main.class.getName()));
    command.addAll(List.of(args));
    try {
      Path err = Files.createTempFile("homeport-child", ".err");
      ProcessBuilder builder = new ProcessBuilder(command).redirectError(err.toFile());
      builder.environment().putAll(env);
      return new ChildCli(builder.start(), err);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The next line of standard output (blocks until the child writes it or ends). */
  String line() throws IOException {
    String line = out.readLine();
    if (line == null) {
      throw new AssertionError("the child ended its output; stderr: " + err());
    }
    return line;
  }

  /** The exit status, waiting at most {@link #BOUND_SECONDS}. */
  int exit() throws InterruptedException {
    if (!process.waitFor(BOUND_SECONDS, TimeUnit.SECONDS)) {
      throw new AssertionError("the child did not end within " + BOUND_SECONDS + " s; stderr: " + err());
    }
    return process.exitValue();
  }

  String err() {
    try {
      return Files.readString(err);
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  @Override
  public void close() throws IOException {
    process.destroyForcibly();
    try {
      process.waitFor(BOUND_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Files.deleteIfExists(err);
  }
}
