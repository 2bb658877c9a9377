package dev.homeport.adapter.events.wss.internal;

/** Engine.IO revision 3 packet types, by their wire digit. */
public enum EngineIoType {
  OPEN,
  CLOSE,
  PING,
  PONG,
  MESSAGE,
  UPGRADE,
  NOOP;

  private static final EngineIoType[] VALUES = values();

  /** The digit written on the wire. */
  public char digit() {
    return (char) ('0' + ordinal());
  }

  /** The type of a wire code 0..6, or null when out of range. */
  static EngineIoType ofCode(int code) {
    return code >= 0 && code < VALUES.length ? VALUES[code] : null;
  }
}
