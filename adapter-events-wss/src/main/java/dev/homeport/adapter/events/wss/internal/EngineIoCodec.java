package dev.homeport.adapter.events.wss.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * Engine.IO revision 3 framing: one packet per WebSocket frame, the type digit first. Stateless and
 * thread-safe. Every decoding failure is a {@link MalformedFrameException}.
 */
public final class EngineIoCodec {

  private EngineIoCodec() {}

  /** Decodes a text frame. */
  public static EngineIoPacket decode(String frame) {
    return EngineIoPacket.of(type(frame), frame.substring(1));
  }

  /**
   * The packet type of a text frame, checked as {@link #decode} checks it; its data is the rest of
   * the frame from index 1 (for a message, decode it there with {@link SocketIoCodec#decode(String, int)}).
   */
  public static EngineIoType type(String frame) {
    if (frame == null || frame.isEmpty()) {
      throw new MalformedFrameException("empty Engine.IO frame");
    }
    char first = frame.charAt(0);
    EngineIoType type = first >= '0' && first <= '9' ? EngineIoType.ofCode(first - '0') : null;
    if (type == null) {
      throw new MalformedFrameException(
          "Engine.IO packet type must be a digit 0..6, was " + describe(first));
    }
    return type;
  }

  /** Decodes a binary frame: the first byte is the packet type, the rest is opaque and dropped. */
  public static EngineIoPacket decodeBinary(ByteBuffer frame) {
    if (frame == null || !frame.hasRemaining()) {
      throw new MalformedFrameException("empty Engine.IO binary frame");
    }
    int code = frame.get(frame.position()) & 0xff;
    EngineIoType type = EngineIoType.ofCode(code);
    if (type == null) {
      throw new MalformedFrameException("Engine.IO binary packet type must be 0..6, was " + code);
    }
    return new EngineIoPacket(type, "", true);
  }

  /** Encodes a packet as a text frame. */
  public static String encode(EngineIoPacket packet) {
    if (packet.binary()) {
      throw new IllegalArgumentException("binary Engine.IO packets are never sent");
    }
    return packet.type().digit() + packet.data();
  }

  /** Reads the open packet's JSON payload. */
  public static EngineIoHandshake handshake(EngineIoPacket open) {
    if (open.type() != EngineIoType.OPEN) {
      throw new MalformedFrameException("expected Engine.IO open packet, got " + open.type());
    }
    JsonNode json = Json.parse(open.data(), "Engine.IO open payload");
    if (!json.isObject()) {
      throw new MalformedFrameException("Engine.IO open payload must be a JSON object");
    }
    JsonNode sid = json.get("sid");
    if (sid == null || !sid.isTextual()) {
      throw new MalformedFrameException("Engine.IO open payload lacks a string sid");
    }
    return new EngineIoHandshake(
        sid.asText(), positiveMillis(json, "pingInterval"), positiveMillis(json, "pingTimeout"));
  }

  private static Duration positiveMillis(JsonNode json, String field) {
    JsonNode value = json.get(field);
    // Any positive whole number is taken here; Heartbeat.bounded holds it to sane bounds.
    if (value == null || !value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() <= 0) {
      throw new MalformedFrameException(
          "Engine.IO open payload field " + field + " must be a positive whole number of ms");
    }
    return Duration.ofMillis(value.asLong());
  }

  static String describe(char c) {
    return c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
  }
}
