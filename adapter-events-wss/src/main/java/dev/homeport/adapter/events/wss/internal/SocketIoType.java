package dev.homeport.adapter.events.wss.internal;

/** Socket.IO protocol revision 4 packet types, by their wire digit. */
public enum SocketIoType {
  CONNECT,
  DISCONNECT,
  EVENT,
  ACK,
  ERROR,
  BINARY_EVENT,
  BINARY_ACK;

  private static final SocketIoType[] VALUES = values();

  public char digit() {
    return (char) ('0' + ordinal());
  }

  public boolean isBinary() {
    return this == BINARY_EVENT || this == BINARY_ACK;
  }

  /** EVENT, ACK and their binary variants may carry an ack id. */
  public boolean mayCarryAckId() {
    return this == EVENT || this == ACK || isBinary();
  }

  static SocketIoType ofCode(int code) {
    return code >= 0 && code < VALUES.length ? VALUES[code] : null;
  }
}
