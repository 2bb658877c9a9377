package dev.homeport.ports;

/**
 * Thrown when the other side answered something that does not follow its protocol: an undecodable
 * body, a missing or mistyped field, a malformed frame. Not retryable by default.
 */
public class ProtocolException extends TransportException {

  /**
   * Creates the exception (not retryable).
   *
   * @param message what went wrong, for people; must never contain secrets
   */
  public ProtocolException(String message) {
    super(message, null, false);
  }

  /**
   * Creates the exception with its cause (not retryable).
   *
   * @param message what went wrong, for people; must never contain secrets
   * @param cause the underlying failure, or null; it must not carry secrets in its messages
   */
  public ProtocolException(String message, Throwable cause) {
    super(message, cause, false);
  }
}
