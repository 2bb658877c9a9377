package dev.homeport.ports;

/** Thrown when a session that was valid has expired; new credentials are needed. Not retryable. */
public class SessionExpiredException extends AuthenticationException {

  public SessionExpiredException(String message) {
    super(message);
  }
}
