package dev.homeport.ports;

/** Thrown when a connection or an answer did not come within its time-out. Retryable. */
public class RequestTimeoutException extends TransportException {

  public RequestTimeoutException(String message, Throwable cause) {
    super(message, cause, true);
  }
}
