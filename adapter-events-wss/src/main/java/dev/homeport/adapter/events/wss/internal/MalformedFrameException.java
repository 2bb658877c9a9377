package dev.homeport.adapter.events.wss.internal;

/** A frame that does not follow Engine.IO 3 / Socket.IO 4; the message describes what was wrong, never the secrets. */
public final class MalformedFrameException extends RuntimeException {
  public MalformedFrameException(String message) {
    super(message);
  }

  public MalformedFrameException(String message, Throwable cause) {
    super(message, cause);
  }
}
