package dev.homeport.simulators.harness;

import java.util.Objects;
import java.util.Optional;

/**
 * How the backend camera answered one decoded command, in the terms a wire encoder needs: a
 * value, a refusal with the brand's code and message, "unsupported", or one of the three faults
 * that end the whole request ({@link RejectLogin}, {@link NoAnswer}, {@link DropConnection}, whose
 * {@link #fault()} is the {@link Fault} the harness carries out). Immutable.
 *
 * @param <T> the command's result type
 */
public sealed interface BackendOutcome<T>
    permits BackendOutcome.Value, BackendOutcome.Refused, BackendOutcome.Unsupported,
        BackendOutcome.RejectLogin, BackendOutcome.NoAnswer, BackendOutcome.DropConnection {

  /** The fault this outcome asks the harness to carry out for the whole request, if any. */
  default Optional<Fault> fault() {
    return Optional.empty();
  }

  /**
   * The command's result.
   *
   * @param value the result (the command's type; never null for domain commands)
   */
  record Value<T>(T value) implements BackendOutcome<T> {}

  /**
   * The camera refused the command.
   *
   * @param code the brand's error code as text (e.g. {@code "-40401"}), or {@link #NO_CODE} when
   *     the backend refused an argument without a brand code (an {@link IllegalArgumentException}):
   *     the encoder then uses its brand's "bad parameter" code
   * @param message the camera's message (may be empty, never null)
   */
  record Refused<T>(String code, String message) implements BackendOutcome<T> {
    /** The code of a refusal that carries none. */
    public static final String NO_CODE = "";

    /** @throws NullPointerException if an argument is null */
    public Refused {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(message, "message");
    }

    /** Whether the backend gave a brand code. */
    public boolean hasCode() {
      return !code.isEmpty();
    }
  }

  /**
   * The camera does not support the command (outside its capabilities, or a raw command it has
   * no handler for).
   *
   * @param message the backend's explanation
   */
  record Unsupported<T>(String message) implements BackendOutcome<T> {}

  /** The camera refused the credentials: answer the whole request as a failed login. */
  record RejectLogin<T>() implements BackendOutcome<T> {
    @Override
    public Optional<Fault> fault() {
      return Optional.of(Fault.REJECT_LOGIN);
    }
  }

  /** The camera did not answer in time: leave the whole request unanswered. */
  record NoAnswer<T>() implements BackendOutcome<T> {
    @Override
    public Optional<Fault> fault() {
      return Optional.of(Fault.NO_ANSWER);
    }
  }

  /** The camera is unreachable: drop the connection without an answer. */
  record DropConnection<T>() implements BackendOutcome<T> {
    @Override
    public Optional<Fault> fault() {
      return Optional.of(Fault.DROP_CONNECTION);
    }
  }
}
