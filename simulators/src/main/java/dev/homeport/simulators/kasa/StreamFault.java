package dev.homeport.simulators.kasa;

/** A fault the Kasa stream simulator can inject into its live stream, once. */
public enum StreamFault {
  /** Stops sending but keeps the connection open, as a camera whose Wi-Fi froze. */
  STALL,
  /** Sends half of a part's body, then closes the connection. */
  DROP_MID_PART,
  /** Sends a part whose body is cut short (its Content-Length is right), then goes on. */
  TRUNCATED_PART,
  /** Sends a part whose Content-Length is not its body's length (the body is whole), then goes on. */
  WRONG_CONTENT_LENGTH,
  /** Sends a part of a type the protocol notes do not name ({@code application/x-unknown}), then goes on. */
  UNKNOWN_PART_TYPE
}
