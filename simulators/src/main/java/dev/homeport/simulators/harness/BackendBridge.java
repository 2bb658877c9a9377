package dev.homeport.simulators.harness;

import dev.homeport.domain.camera.CameraCommand;
import dev.homeport.ports.AuthenticationException;
import dev.homeport.ports.CameraCommandException;
import dev.homeport.ports.Futures;
import dev.homeport.ports.RequestTimeoutException;
import dev.homeport.ports.TransportException;
import dev.homeport.ports.UnsupportedCommandException;
import dev.homeport.ports.camera.Camera;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Runs a decoded command against the backend camera (normally an {@code InMemoryCamera}, which
 * holds the simulated state and its own fault switches) and turns whatever happens into a {@link
 * BackendOutcome}, so that a brand simulator never handles port exceptions itself:
 *
 * <ul>
 *   <li>a result: {@link BackendOutcome.Value};
 *   <li>{@link CameraCommandException}: {@link BackendOutcome.Refused} with its code and message;
 *   <li>{@link IllegalArgumentException}: {@link BackendOutcome.Refused} with {@link
 *       BackendOutcome.Refused#NO_CODE} and its message;
 *   <li>{@link UnsupportedCommandException}: {@link BackendOutcome.Unsupported};
 *   <li>{@link AuthenticationException}: {@link BackendOutcome.RejectLogin};
 *   <li>{@link RequestTimeoutException}: {@link BackendOutcome.NoAnswer};
 *   <li>any other {@link TransportException} (unreachable, closed): {@link
 *       BackendOutcome.DropConnection}.
 * </ul>
 *
 * Anything else (a bug in the backend) fails the returned future with that exception.
 *
 * <p>Thread-safe if the backend is (the port requires it).
 */
public final class BackendBridge {

  private final Camera backend;

  /** A bridge to {@code backend}. */
  public BackendBridge(Camera backend) {
    this.backend = Objects.requireNonNull(backend, "backend");
  }

  /** The backend camera. */
  public Camera backend() {
    return backend;
  }

  /**
   * Runs {@code command} on the backend.
   *
   * @return the outcome; completes when the backend answers (later, when it has latency)
   */
  public <T> CompletableFuture<BackendOutcome<T>> run(CameraCommand<T> command) {
    Objects.requireNonNull(command, "command");
    CompletableFuture<T> future;
    try {
      future = backend.execute(command);
    } catch (RuntimeException e) {
      future = CompletableFuture.failedFuture(e);
    }
    return future.handle((value, failure) -> {
      if (failure == null) {
        return new BackendOutcome.Value<>(value);
      }
      BackendOutcome<T> outcome = outcomeOf(Futures.unwrap(failure));
      if (outcome == null) {
        throw new CompletionException(Futures.unwrap(failure));
      }
      return outcome;
    });
  }

  /** The outcome a backend failure stands for, or null when it is not one of the port's. */
  public static <T> BackendOutcome<T> outcomeOf(Throwable failure) {
    if (failure instanceof CameraCommandException) {
      CameraCommandException refused = (CameraCommandException) failure;
      return new BackendOutcome.Refused<>(refused.errorCode(), refused.remoteMessage());
    }
    if (failure instanceof UnsupportedCommandException) {
      return new BackendOutcome.Unsupported<>(String.valueOf(failure.getMessage()));
    }
    if (failure instanceof AuthenticationException) {
      return new BackendOutcome.RejectLogin<>();
    }
    if (failure instanceof RequestTimeoutException) {
      return new BackendOutcome.NoAnswer<>();
    }
    if (failure instanceof TransportException) {
      return new BackendOutcome.DropConnection<>();
    }
    if (failure instanceof IllegalArgumentException) {
      return new BackendOutcome.Refused<>(BackendOutcome.Refused.NO_CODE, String.valueOf(failure.getMessage()));
    }
    return null;
  }

  @Override
  public String toString() {
    return "BackendBridge[" + backend.name() + "]";
  }
}
