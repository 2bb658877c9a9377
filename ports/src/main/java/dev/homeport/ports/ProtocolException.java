package dev.homeport.ports;

/**
 * Thrown when the other side answered something that does not follow its protocol: an undecodable
 * body, a missing or mistyped field, a malformed frame. Not retryable by default.
 */
public class ProtocolException extends TransportException {

  public ProtocolException(String message) {
    super(message, null, false);
  }

  public ProtocolException(String message, Throwable cause) {
    super(message, cause, false);
  }
}
