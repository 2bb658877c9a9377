package dev.homeport.ports;

/** Thrown when a camera or session is used after {@code close()}, or was closed while a call was pending. */
public class ClosedException extends TransportException {

  /**
   * Creates the exception (not retryable).
   *
   * @param message what went wrong, for people; must never contain secrets
   */
  public ClosedException(String message) {
    super(message, null, false);
  }
}
