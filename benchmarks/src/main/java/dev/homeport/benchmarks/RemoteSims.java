package dev.homeport.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The simulators in a child JVM ({@link SimulatorHost}) started with this JVM's class path, driven
 * over its standard input and output. Thread-safe (calls are serialized).
 */
final class RemoteSims implements SimControl {

  /** JVM options of the child; override with {@code -Dbench.simJvm="..."}. */
  static final String DEFAULT_JVM_OPTIONS = "-Xms512m -Xmx1g";

  private final Process process;
  private final BufferedReader replies;
  private final Writer commands;

  private RemoteSims(Process process) {
    this.process = process;
    this.replies = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
  }

  static RemoteSims start() {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String option : System.getProperty("bench.simJvm", DEFAULT_JVM_OPTIONS).trim().split("\\s+")) {
      if (!option.isEmpty()) {
        command.add(option);
      }
    }
    String batch = System.getProperty(LocalSims.BATCH_PROPERTY);
    if (batch != null) {
      command.add("-D" + LocalSims.BATCH_PROPERTY + "=" + batch);
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(SimulatorHost.class.getName());
    try {
      Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      RemoteSims sims = new RemoteSims(process);
      String hello = sims.replies.readLine();
      if (!"OK ready".equals(hello)) {
        process.destroyForcibly();
        throw new IllegalStateException("simulator host did not start: " + hello);
      }
      return sims;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the simulator host", e);
    }
  }

  /** The child's process id, for reports. */
  long pid() {
    return process.pid();
  }

  private synchronized String call(String line) {
    try {
      commands.write(line + "\n");
      commands.flush();
      String reply = replies.readLine();
      if (reply == null) {
        throw new IllegalStateException("simulator host ended (command " + line + ")");
      }
      if (reply.startsWith("ERR")) {
        throw new IllegalStateException("simulator host failed " + line + ": " + reply.substring(3).trim());
      }
      return reply.length() > 3 ? reply.substring(3) : "";
    } catch (IOException e) {
      throw new UncheckedIOException("simulator host unreachable", e);
    }
  }

  @Override
  public List<KasaTarget> startKasa(int count) {
    List<KasaTarget> targets = new ArrayList<>();
    for (String entry : call("kasa " + count).trim().split(" ")) {
      String[] parts = entry.split(",");
      targets.add(new KasaTarget(parts[0], Integer.parseInt(parts[1]), parts[2]));
    }
    return targets;
  }

  @Override
  public void kasaUnreachable(boolean unreachable) {
    call("unreachable " + unreachable);
  }

  @Override
  public void clearRecords() {
    call("clear");
  }

  @Override
  public SmartThingsTarget startSmartThings() {
    String[] parts = call("st").trim().split(" ");
    return new SmartThingsTarget(URI.create(parts[0]), parts[1], parts[2], parts[3]);
  }

  @Override
  public PushReport pushMeasured(long first, long count) {
    String[] parts = call("push " + first + " " + count).trim().split(" ", 4);
    return new PushReport(Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]),
        parts.length > 3 ? parts[3] : "");
  }

  @Override
  public void drop() {
    call("drop");
  }

  @Override
  public int liveSubscriptions() {
    return Integer.parseInt(call("subs").trim());
  }

  @Override
  public synchronized void close() {
    try {
      call("quit");
    } catch (RuntimeException e) {
      // ending anyway
    }
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
