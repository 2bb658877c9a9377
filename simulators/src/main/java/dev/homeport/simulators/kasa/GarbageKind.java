package dev.homeport.simulators.kasa;

/** Kinds of undecodable answers the simulator can send instead of a proper one. */
public enum GarbageKind {
  /** A body that is not base64 at all (an HTML error page). */
  NOT_BASE64,
  /** The proper answer cut off in the middle (valid base64 of incomplete JSON). */
  TRUNCATED,
  /** Valid base64 and XOR, but the text is not JSON. */
  NOT_JSON,
  /** Valid JSON that is not an object of modules (a JSON array). */
  WRONG_SHAPE,
  /** An empty body. */
  EMPTY
}
