package dev.homeport.ports;

/**
 * Thrown when credentials were rejected. Not retryable: the same credentials will be rejected again.
 * The message never contains the credentials.
 */
public class AuthenticationException extends RefusedException {

  public AuthenticationException(String message) {
    super(message, null, false);
  }

  public AuthenticationException(String message, Throwable cause) {
    super(message, cause, false);
  }
}
