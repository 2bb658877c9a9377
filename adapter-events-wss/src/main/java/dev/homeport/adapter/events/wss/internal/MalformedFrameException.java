package dev.homeport.adapter.events.wss.internal;

import dev.homeport.ports.ProtocolException;

/**
 * A frame that does not follow Engine.IO 3 / Socket.IO 4: the adapter's protocol error. The message
 * describes what was wrong, never the frame's secrets.
 */
public final class MalformedFrameException extends ProtocolException {
  public MalformedFrameException(String message) {
    super(message);
  }

  public MalformedFrameException(String message, Throwable cause) {
    super(message, cause);
  }
}
