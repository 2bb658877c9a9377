package dev.homeport.ports;

/** Thrown when a connection or an answer did not come within its time-out. Retryable. */
public class RequestTimeoutException extends TransportException {

  /**
   * Creates the exception (retryable).
   *
   * @param message what went wrong, for people; must never contain secrets
   * @param cause the underlying failure, or null; it must not carry secrets in its messages
   */
  public RequestTimeoutException(String message, Throwable cause) {
    super(message, cause, true);
  }
}
