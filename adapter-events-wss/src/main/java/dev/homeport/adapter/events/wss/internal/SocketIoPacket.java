package dev.homeport.adapter.events.wss.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One Socket.IO revision 4 packet (the text inside an Engine.IO message packet).
 *
 * @param type packet type
 * @param attachments number of binary attachments (binary types only, else 0)
 * @param namespace namespace, {@code "/"} by default
 * @param ackId ack id, present only on EVENT/ACK (and binary variants)
 * @param data the JSON payload, if any
 */
public record SocketIoPacket(
    SocketIoType type, int attachments, String namespace, OptionalLong ackId, Optional<JsonNode> data) {

  public static final String DEFAULT_NAMESPACE = "/";

  public SocketIoPacket {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(ackId, "ackId");
    Objects.requireNonNull(data, "data");
    if (!namespace.startsWith("/") || namespace.indexOf(',') >= 0) {
      throw new IllegalArgumentException("namespace must start with '/' and contain no ','");
    }
    if (attachments < 0 || (!type.isBinary() && attachments != 0)) {
      throw new IllegalArgumentException("attachments must be >= 0 and only on binary packets");
    }
    if (ackId.isPresent() && (!type.mayCarryAckId() || ackId.getAsLong() < 0)) {
      throw new IllegalArgumentException("ackId must be >= 0 and only on EVENT/ACK packets");
    }
    if (type == SocketIoType.EVENT || type == SocketIoType.BINARY_EVENT) {
      if (data.isEmpty() || !data.get().isArray() || data.get().size() == 0
          || !data.get().get(0).isTextual()) {
        throw new IllegalArgumentException("an EVENT's data must be an array starting with the event name");
      }
    }
    if ((type == SocketIoType.ACK || type == SocketIoType.BINARY_ACK)
        && (data.isEmpty() || !data.get().isArray())) {
      throw new IllegalArgumentException("an ACK's data must be an array");
    }
    if (data.isPresent() && data.get().isNumber()) {
      throw new IllegalArgumentException("data must not be a bare number (it would read as an ack id)");
    }
  }

  /** An EVENT on the default namespace. */
  public static SocketIoPacket event(ArrayNode args, OptionalLong ackId) {
    return new SocketIoPacket(SocketIoType.EVENT, 0, DEFAULT_NAMESPACE, ackId, Optional.of(args));
  }

  public static SocketIoPacket connect() {
    return new SocketIoPacket(SocketIoType.CONNECT, 0, DEFAULT_NAMESPACE, OptionalLong.empty(), Optional.empty());
  }
}
