package dev.homeport.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Console;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Everything the command line takes from the world around it: where output goes, the environment
 * variables (where secrets come from), how to prompt for a password, whether a person is watching,
 * and a signal that tells long-running commands ({@code simulate}, {@code events watch}) to stop.
 *
 * <p>{@link #system()} is the real process; tests build one with {@link #builder()} to run commands
 * in-process with captured output and an injected environment. Output is always UTF-8. Immutable
 * apart from the streams it holds; one environment serves one run at a time.
 */
public final class CliEnvironment {

  private final PrintWriter out;
  private final PrintWriter err;
  private final Map<String, String> variables;
  private final Function<String, Optional<char[]>> passwordPrompt;
  private final boolean interactive;
  private final CompletableFuture<Void> stopSignal;
  private final CompletableFuture<Void> outputClosed = new CompletableFuture<>();
  private final Runnable onFinished;

  private CliEnvironment(Builder builder) {
    this.out = builder.out;
    this.err = builder.err;
    this.variables = Map.copyOf(builder.variables);
    this.passwordPrompt = builder.passwordPrompt;
    this.interactive = builder.interactive;
    this.stopSignal = builder.stopSignal;
    this.onFinished = builder.onFinished;
  }

  /**
   * Says that the run has ended and closed what it opened: a stop in progress (SIGTERM, Ctrl-C)
   * waits for this before the process exits.
   */
  public void finished() {
    onFinished.run();
  }

  /**
   * The real process: UTF-8 writers on standard output and error, the process environment, the
   * console for password prompts, and a stop signal completed on shutdown (Ctrl-C).
   */
  public static CliEnvironment system() {
    Console console = System.console();
    CompletableFuture<Void> stop = new CompletableFuture<>();
    java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch(1);
    // On SIGTERM or Ctrl-C: tell the command to stop, then give it a bounded while to close what it
    // opened (a simulator's ports, a session) before the JVM halts with 143 or 130.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stop.complete(null);
      try {
        finished.await(10, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "homeport-stop"));
    return builder()
        .onFinished(finished::countDown)
        .out(new FileOutputStream(FileDescriptor.out))
        .err(new FileOutputStream(FileDescriptor.err))
        .variables(System.getenv())
        .interactive(console != null)
        .passwordPrompt(
            prompt ->
                console == null
                    ? Optional.empty()
                    : Optional.ofNullable(console.readPassword("%s", prompt)))
        .stopSignal(stop)
        .build();
  }

  /** A builder: no variables, no prompt, not interactive, output discarded until set. */
  public static Builder builder() {
    return new Builder();
  }

  /** Where results go (UTF-8). */
  public PrintWriter out() {
    return out;
  }

  /** Where diagnostics, progress and errors go (UTF-8). */
  public PrintWriter err() {
    return err;
  }

  /** The value of an environment variable, if set and non-empty. */
  public Optional<String> variable(String name) {
    String value = variables.get(name);
    return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  /**
   * Asks for a password without echo, when a terminal is available.
   *
   * @return the password typed, or empty when no terminal is available
   */
  public Optional<char[]> promptPassword(String prompt) {
    return passwordPrompt.apply(prompt);
  }

  /** Whether a person is watching (a terminal): progress messages are shown only then. */
  public boolean interactive() {
    return interactive;
  }

  /** Completes when long-running commands must stop (Ctrl-C, or a test saying so). */
  public CompletableFuture<Void> stopSignal() {
    return stopSignal;
  }

  /**
   * Completes when standard output can no longer be written (the reader went away: {@code | head}
   * closed the pipe, EPIPE). Completed by the CLI's output the first time a write or flush fails;
   * long-running commands stop on it and the run ends with exit code 141 (128 + SIGPIPE).
   */
  public CompletableFuture<Void> outputClosed() {
    return outputClosed;
  }

  /** Builds a {@link CliEnvironment}; not thread-safe. */
  public static final class Builder {
    private PrintWriter out = new PrintWriter(OutputStream.nullOutputStream());
    private PrintWriter err = new PrintWriter(OutputStream.nullOutputStream());
    private Map<String, String> variables = Map.of();
    private Function<String, Optional<char[]>> passwordPrompt = prompt -> Optional.empty();
    private boolean interactive;
    private CompletableFuture<Void> stopSignal = new CompletableFuture<>();
    private Runnable onFinished = () -> {};

    private Builder() {}

    /** What {@link CliEnvironment#finished()} runs (default: nothing). */
    public Builder onFinished(Runnable onFinished) {
      this.onFinished = Objects.requireNonNull(onFinished, "onFinished");
      return this;
    }

    /** Results are written to {@code stream} as UTF-8. */
    public Builder out(OutputStream stream) {
      Objects.requireNonNull(stream, "stream");
      // Buffered, not flushed per line: Output flushes each result and each burst of a watch, and
      // Main flushes at the end (a flush per event line was a write system call per event).
      this.out = new PrintWriter(new java.io.BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16), false);
      return this;
    }

    /** Diagnostics are written to {@code stream} as UTF-8. */
    public Builder err(OutputStream stream) {
      this.err = utf8(stream);
      return this;
    }

    /** The environment variables (copied). */
    public Builder variables(Map<String, String> variables) {
      this.variables = Objects.requireNonNull(variables, "variables");
      return this;
    }

    /** How to ask for a password without echo; empty when no terminal is available. */
    public Builder passwordPrompt(Function<String, Optional<char[]>> prompt) {
      this.passwordPrompt = Objects.requireNonNull(prompt, "prompt");
      return this;
    }

    /** Whether a person is watching (progress messages on). */
    public Builder interactive(boolean interactive) {
      this.interactive = interactive;
      return this;
    }

    /** The signal that stops long-running commands. */
    public Builder stopSignal(CompletableFuture<Void> stopSignal) {
      this.stopSignal = Objects.requireNonNull(stopSignal, "stopSignal");
      return this;
    }

    public CliEnvironment build() {
      return new CliEnvironment(this);
    }

    private static PrintWriter utf8(OutputStream stream) {
      Objects.requireNonNull(stream, "stream");
      // A writer of our own, so the platform charset never matters.
      return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
    }
  }
}
