package dev.homeport.ports;

/**
 * Thrown when the other side could not be reached or its answer could not be understood: refused
 * connections, resets, TLS failures, time-outs, malformed answers. Retryable unless a subtype says
 * otherwise.
 */
public class TransportException extends HomeportException {

  /**
   * Creates a retryable transport failure.
   *
   * @param message what went wrong, for people; must never contain secrets
   * @param cause the underlying failure, or null; it must not carry secrets in its messages
   */
  public TransportException(String message, Throwable cause) {
    this(message, cause, true);
  }

  /**
   * Creates a transport failure.
   *
   * @param message what went wrong, for people; must never contain secrets
   * @param cause the underlying failure, or null; it must not carry secrets in its messages
   * @param retryable whether the same call may succeed if tried again later
   */
  public TransportException(String message, Throwable cause, boolean retryable) {
    super(message, cause, retryable);
  }
}
