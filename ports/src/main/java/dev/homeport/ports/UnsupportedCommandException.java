package dev.homeport.ports;

/**
 * Thrown when a device or service does not support a command: the brand lacks the feature (see
 * {@code Camera.capabilities()}), or the device answered that the module or method is unknown to it.
 * Not retryable.
 */
public class UnsupportedCommandException extends RefusedException {

  /**
   * Creates the exception (not retryable).
   *
   * @param message what went wrong, for people; must never contain secrets
   */
  public UnsupportedCommandException(String message) {
    super(message, null, false);
  }
}
