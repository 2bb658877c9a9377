package dev.homeport.ports;

/** Thrown when the other side understood the request and said no. */
public abstract class RefusedException extends HomeportException {

  protected RefusedException(String message, Throwable cause, boolean retryable) {
    super(message, cause, retryable);
  }
}
