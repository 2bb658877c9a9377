package dev.homeport.ports.camera;

import java.util.List;

/**
 * The outcomes of a batch, in the order the commands were given. Immutable and thread-safe.
 *
 * @param outcomes one outcome per command
 */
public record BatchResult(List<CommandOutcome<?>> outcomes) {

  public BatchResult {
    outcomes = List.copyOf(outcomes);
  }

  /** Whether every command succeeded. */
  public boolean allSucceeded() {
    return outcomes.stream().allMatch(CommandOutcome::succeeded);
  }

  /** The outcome of the command at {@code index}. */
  public CommandOutcome<?> get(int index) {
    return outcomes.get(index);
  }

  /** How many commands the batch had. */
  public int size() {
    return outcomes.size();
  }
}
