package dev.homeport.ports;

/** Thrown when a camera or session is used after {@code close()}, or was closed while a call was pending. */
public class ClosedException extends TransportException {

  public ClosedException(String message) {
    super(message, null, false);
  }
}
