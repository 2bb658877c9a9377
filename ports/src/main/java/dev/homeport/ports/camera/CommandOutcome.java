package dev.homeport.ports.camera;

import dev.homeport.domain.camera.CameraCommand;
import dev.homeport.ports.HomeportException;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one command of a batch: its result or its failure. Immutable and thread-safe.
 *
 * @param <R> the command's result type
 */
public final class CommandOutcome<R> {

  private final CameraCommand<R> command;
  private final R value;
  private final HomeportException failure;

  private CommandOutcome(CameraCommand<R> command, R value, HomeportException failure) {
    this.command = Objects.requireNonNull(command, "command");
    this.value = value;
    this.failure = failure;
  }

  /** A success; {@code value} is null for commands whose result type is {@link Void}. */
  public static <R> CommandOutcome<R> success(CameraCommand<R> command, R value) {
    return new CommandOutcome<>(command, value, null);
  }

  /** A failure. */
  public static <R> CommandOutcome<R> failure(CameraCommand<R> command, HomeportException failure) {
    return new CommandOutcome<>(command, null, Objects.requireNonNull(failure, "failure"));
  }

  /** The command this is the outcome of. */
  public CameraCommand<R> command() {
    return command;
  }

  /** Whether the command succeeded (then {@link #failure()} is empty). */
  public boolean succeeded() {
    return failure == null;
  }

  /** The result when the command succeeded (empty for {@link Void} results and for failures). */
  public Optional<R> value() {
    return Optional.ofNullable(value);
  }

  /** The failure when the command failed. */
  public Optional<HomeportException> failure() {
    return Optional.ofNullable(failure);
  }

  /**
   * The result, or the failure thrown.
   *
   * @throws HomeportException the command's failure
   */
  public R getOrThrow() {
    if (failure != null) {
      throw failure;
    }
    return value;
  }

  @Override
  public String toString() {
    return command + (failure == null ? " -> " + value : " failed: " + failure.getMessage());
  }
}
