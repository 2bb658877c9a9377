package dev.homeport.adapter.events.wss.internal;

import java.util.Objects;

/**
 * One Engine.IO revision 3 packet.
 *
 * @param type the packet type
 * @param data the text after the type digit ("" when none); for a binary frame, always ""
 * @param binary whether the packet came in a binary frame (tolerated, never sent)
 */
public record EngineIoPacket(EngineIoType type, String data, boolean binary) {

  public EngineIoPacket {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(data, "data");
  }

  public static EngineIoPacket of(EngineIoType type, String data) {
    return new EngineIoPacket(type, data, false);
  }

  public static EngineIoPacket of(EngineIoType type) {
    return new EngineIoPacket(type, "", false);
  }

  public static EngineIoPacket message(String socketIoText) {
    return new EngineIoPacket(EngineIoType.MESSAGE, socketIoText, false);
  }
}
