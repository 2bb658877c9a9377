package dev.homeport.ports;

/**
 * Thrown when credentials were rejected. Not retryable: the same credentials will be rejected again.
 * The message never contains the credentials.
 */
public class AuthenticationException extends RefusedException {

  /**
   * Creates the exception.
   *
   * @param message what went wrong, for people; must never contain secrets
   */
  public AuthenticationException(String message) {
    super(message, null, false);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message what went wrong, for people; must never contain secrets
   * @param cause the underlying failure, or null; it must not carry secrets in its messages
   */
  public AuthenticationException(String message, Throwable cause) {
    super(message, cause, false);
  }
}
