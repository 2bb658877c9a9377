package dev.homeport.cli.internal;

import dev.homeport.ports.camera.CameraDrivers;
import dev.homeport.cli.CliEnvironment;
import dev.homeport.domain.Secret;
import java.util.Optional;

/** What every command needs: the environment, the backends, and the global flags. One per run. */
public final class CliContext {

  private final CliEnvironment environment;
  private final Backends backends;
  private volatile boolean verbose;
  private volatile CameraDrivers cameraDrivers;
  private final java.util.List<Peer> peers = new java.util.concurrent.CopyOnWriteArrayList<>();

  public CliContext(CliEnvironment environment, Backends backends) {
    this.environment = environment;
    this.backends = backends;
  }

  public CliEnvironment environment() {
    return environment;
  }

  public Backends backends() {
    return backends;
  }

  /**
   * The camera drivers found at run time ({@code META-INF/services}), loaded once.
   *
   * @throws UsageException if two drivers claim one brand or a listed driver cannot be created
   */
  public CameraDrivers cameraDrivers() {
    CameraDrivers drivers = cameraDrivers;
    if (drivers == null) {
      try {
        drivers = CameraDrivers.load();
      } catch (IllegalStateException e) {
        throw new UsageException(e.getMessage());
      }
      cameraDrivers = drivers;
    }
    return drivers;
  }

  /**
   * Notes that this run is about to talk to {@code peer}, so that a failure can be explained in its
   * terms (see {@link Failures#describe(Throwable, java.util.List)}).
   */
  public void talksTo(Peer peer) {
    peers.add(peer);
  }

  /** The peers this run talks to, in the order noted. */
  public java.util.List<Peer> peers() {
    return java.util.List.copyOf(peers);
  }

  public boolean verbose() {
    return verbose;
  }

  public void verbose(boolean verbose) {
    this.verbose = verbose;
  }

  /** An output for one command. */
  public Output output(boolean json) {
    return new Output(environment.out(), environment.err(), json, environment.interactive(), environment.outputClosed());
  }

  /**
   * Waits until {@code done}, the stop signal (Ctrl-C) or standard output closing, whichever comes
   * first, at most {@code limit} when given.
   *
   * @throws OutputClosedException if standard output was closed (exit code 141)
   * @throws RuntimeException the failure {@code done} completed with
   */
  public void awaitEnd(java.util.concurrent.CompletableFuture<?> done, Optional<java.time.Duration> limit) {
    java.util.concurrent.CompletableFuture<Object> end =
        java.util.concurrent.CompletableFuture.anyOf(done, environment.stopSignal(), environment.outputClosed());
    if (limit.isPresent()) {
      end = end.completeOnTimeout(null, limit.get().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }
    try {
      end.get();
    } catch (java.util.concurrent.ExecutionException e) {
      throw Failures.rethrowable(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (environment.outputClosed().isDone()) {
      throw new OutputClosedException();
    }
  }

  /**
   * A secret from the environment variable {@code variable}, or typed at a prompt when a terminal
   * is available and {@code prompt} is given.
   *
   * @throws UsageException naming the variable when neither gives a value
   */
  public Secret secret(String variable, String what, String option, Optional<String> prompt) {
    Optional<String> value = environment.variable(variable);
    if (value.isPresent()) {
      return Secret.of(value.get());
    }
    if (prompt.isPresent()) {
      Optional<char[]> typed = environment.promptPassword(prompt.get());
      if (typed.isPresent() && typed.get().length > 0) {
        String text = new String(typed.get());
        java.util.Arrays.fill(typed.get(), '\0');
        return Secret.of(text);
      }
      throw new UsageException(
          "no " + what + ": set the environment variable " + variable
              + " (or name another one with " + option + "), or run on a terminal to be prompted");
    }
    throw new UsageException(
        "no " + what + ": set the environment variable " + variable + " (or name another one with " + option + ")");
  }
}
