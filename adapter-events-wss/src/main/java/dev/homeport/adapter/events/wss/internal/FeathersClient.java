package dev.homeport.adapter.events.wss.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.homeport.ports.TransportException;
import dev.homeport.support.SecretScrubber;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * Feathers service calls over Socket.IO: an EVENT with a fresh ack id, answered by an ACK
 * {@code [error]} or {@code [null, result]}. Thread-safe.
 */
public final class FeathersClient {

  /** Sends one whole text frame; throws when the connection cannot take it. */
  @FunctionalInterface
  public interface FrameSender {
    void send(String frame) throws Exception;
  }

  private final PendingCalls pending;
  private final Duration timeout;
  private final SecretScrubber scrubber;

  /** {@code scrubber}: the session's secrets, removed from the service's error texts. */
  public FeathersClient(PendingCalls pending, Duration timeout, SecretScrubber scrubber) {
    this.pending = pending;
    this.timeout = timeout;
    this.scrubber = scrubber;
  }

  /**
   * Sends {@code args} (event name first) and completes with the call's result, or fails with the
   * mapped Feathers error, a {@link dev.homeport.ports.RequestTimeoutException} after the time-out,
   * or a {@link TransportException} when it could not be sent or the connection was lost.
   */
  public CompletableFuture<JsonNode> call(FrameSender sender, String description, ArrayNode args) {
    PendingCalls.Call call = pending.allocate(description, timeout);
    String frame = SocketIoCodec.encodeFrame(SocketIoPacket.event(args, OptionalLong.of(call.ackId())));
    try {
      sender.send(frame);
    } catch (Exception e) {
      pending.fail(call, new TransportException(description + " could not be sent: " + e.getMessage(), e));
    }
    return call.future().thenApply(ackArgs -> interpret(ackArgs, description, scrubber));
  }

  static JsonNode interpret(JsonNode ackArgs, String description, SecretScrubber scrubber) {
    if (!ackArgs.isArray()) {
      throw new MalformedFrameException("answer to " + description + " is not an array");
    }
    JsonNode error = ackArgs.path(0);
    if (!error.isMissingNode() && !error.isNull()) {
      throw FeathersErrors.toException(error, description, scrubber);
    }
    JsonNode result = ackArgs.get(1);
    return result == null ? NullNode.getInstance() : result;
  }
}
