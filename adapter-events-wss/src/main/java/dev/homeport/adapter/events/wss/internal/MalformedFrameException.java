package dev.homeport.adapter.events.wss.internal;

import dev.homeport.ports.ProtocolException;

/**
 * A frame that does not follow Engine.IO 3 / Socket.IO 4: the adapter's protocol error. The message
 * describes what was wrong, never the frame's secrets.
 */
public final class MalformedFrameException extends ProtocolException {
  private final long answerTo;

  public MalformedFrameException(String message) {
    this(message, null);
  }

  public MalformedFrameException(String message, Throwable cause) {
    this(message, cause, -1);
  }

  private MalformedFrameException(String message, Throwable cause, long answerTo) {
    super(message, cause);
    this.answerTo = answerTo;
  }

  /** This failure, known to be in the answer (ACK) to the call with {@code ackId}. */
  MalformedFrameException inAnswerTo(long ackId) {
    return new MalformedFrameException(getMessage(), getCause(), ackId);
  }

  /** The ack id of the call whose answer could not be read, when the frame got that far. */
  java.util.OptionalLong answerTo() {
    return answerTo < 0 ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(answerTo);
  }
}
