package dev.homeport.adapter.events.wss.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Socket.IO protocol revision 4 text encoding: {@code <type>[<attachments>-][<namespace>,][<ack
 * id>][<JSON>]}. Operates on the text inside an Engine.IO message packet (never the whole frame).
 * Stateless and thread-safe; every decoding failure is a {@link MalformedFrameException}.
 */
public final class SocketIoCodec {

  private SocketIoCodec() {}

  /** Decodes the Socket.IO text of one Engine.IO message packet. */
  public static SocketIoPacket decode(String text) {
    return decode(text, 0);
  }

  /**
   * Decodes the Socket.IO text that starts at {@code from} in {@code text}: a whole Engine.IO
   * message frame is decoded from 1, with no copy of its payload.
   */
  public static SocketIoPacket decode(String text, int from) {
    if (text == null || from >= text.length()) {
      throw new MalformedFrameException("empty Socket.IO packet");
    }
    int i = from;
    char first = text.charAt(i++);
    SocketIoType type = first >= '0' && first <= '9' ? SocketIoType.ofCode(first - '0') : null;
    if (type == null) {
      throw new MalformedFrameException(
          "Socket.IO packet type must be a digit 0..6, was " + EngineIoCodec.describe(first));
    }
    int attachments = 0;
    if (type.isBinary()) {
      int dash = text.indexOf('-', i);
      if (dash < 0 || dash == i) {
        throw new MalformedFrameException("binary Socket.IO packet lacks '<attachments>-'");
      }
      attachments = (int) parseNumber(text, i, dash, "attachment count", Integer.MAX_VALUE);
      i = dash + 1;
    }
    String namespace = SocketIoPacket.DEFAULT_NAMESPACE;
    if (i < text.length() && text.charAt(i) == '/') {
      int comma = text.indexOf(',', i);
      int end = comma < 0 ? text.length() : comma;
      namespace = text.substring(i, end);
      i = comma < 0 ? end : comma + 1;
    }
    OptionalLong ackId = OptionalLong.empty();
    int digitsEnd = i;
    while (digitsEnd < text.length() && isDigit(text.charAt(digitsEnd))) {
      digitsEnd++;
    }
    if (digitsEnd > i) {
      if (!type.mayCarryAckId()) {
        throw new MalformedFrameException("Socket.IO " + type + " packet cannot carry an ack id");
      }
      ackId = OptionalLong.of(parseNumber(text, i, digitsEnd, "ack id", Long.MAX_VALUE));
      i = digitsEnd;
    }
    Optional<JsonNode> data = Optional.empty();
    if (i < text.length()) {
      try {
        data = Optional.of(Json.parse(text, i, "Socket.IO " + type + " payload"));
      } catch (MalformedFrameException e) {
        // An unreadable answer fails its call now, rather than leaving it to time out.
        throw type == SocketIoType.ACK && ackId.isPresent() ? e.inAnswerTo(ackId.getAsLong()) : e;
      }
    }
    try {
      return new SocketIoPacket(type, attachments, namespace, ackId, data);
    } catch (IllegalArgumentException e) {
      throw new MalformedFrameException("Socket.IO " + type + " packet: " + e.getMessage(), e);
    }
  }

  /** Encodes a packet (the text to put after the Engine.IO message digit). */
  public static String encode(SocketIoPacket packet) {
    StringBuilder out = new StringBuilder().append(packet.type().digit());
    if (packet.type().isBinary()) {
      out.append(packet.attachments()).append('-');
    }
    if (!SocketIoPacket.DEFAULT_NAMESPACE.equals(packet.namespace())) {
      out.append(packet.namespace()).append(',');
    }
    packet.ackId().ifPresent(out::append);
    packet.data().ifPresent(node -> out.append(Json.write(node)));
    return out.toString();
  }

  /** Encodes a packet as a whole Engine.IO message frame ({@code 4} + Socket.IO text). */
  public static String encodeFrame(SocketIoPacket packet) {
    return EngineIoCodec.encode(EngineIoPacket.message(encode(packet)));
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static long parseNumber(String text, int from, int to, String what, long max) {
    long value = 0;
    for (int k = from; k < to; k++) {
      char c = text.charAt(k);
      if (!isDigit(c)) {
        throw new MalformedFrameException("Socket.IO " + what + " must be decimal digits");
      }
      int digit = c - '0';
      if (value > (max - digit) / 10) {
        throw new MalformedFrameException("Socket.IO " + what + " must be at most " + max);
      }
      value = value * 10 + digit;
    }
    return value;
  }
}
