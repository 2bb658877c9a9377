package dev.homeport.ports;

/**
 * Thrown when the other side could not be reached or its answer could not be understood: refused
 * connections, resets, TLS failures, time-outs, malformed answers. Retryable unless a subtype says
 * otherwise.
 */
public class TransportException extends HomeportException {

  public TransportException(String message, Throwable cause) {
    this(message, cause, true);
  }

  public TransportException(String message, Throwable cause, boolean retryable) {
    super(message, cause, retryable);
  }
}
