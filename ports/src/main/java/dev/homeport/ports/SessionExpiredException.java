package dev.homeport.ports;

/** Thrown when a session that was valid has expired; new credentials are needed. Not retryable. */
public class SessionExpiredException extends AuthenticationException {

  /**
   * Creates the exception (not retryable).
   *
   * @param message what went wrong, for people; must never contain secrets
   */
  public SessionExpiredException(String message) {
    super(message);
  }
}
