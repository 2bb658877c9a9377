package dev.homeport.ports;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The one unwrapper of future failures: {@link CompletionException} and {@link ExecutionException}
 * hide the failure a stage or a {@code get()} reports. It lives in ports (not in the support
 * library) because the camera base {@link dev.homeport.ports.camera.AbstractCamera} needs it and the
 * support library depends on ports. Stateless and thread-safe.
 */
public final class Futures {

  private Futures() {}

  /**
   * The failure behind any number of {@link CompletionException} / {@link ExecutionException}
   * wrappers; {@code failure} itself when it is not one, or when a wrapper has no cause.
   *
   * @return null only when {@code failure} is null
   */
  public static Throwable unwrap(Throwable failure) {
    Throwable current = failure;
    while ((current instanceof CompletionException || current instanceof ExecutionException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }
}
