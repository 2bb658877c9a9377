package dev.homeport.ports.home;

/** The states a smart-home session goes through. */
public enum SessionState {
  /** Opening the connection. */
  CONNECTING,
  /** Connected, not yet authenticated. */
  CONNECTED,
  /** Authenticated: calls and events flow. */
  AUTHENTICATED,
  /** The connection was lost; trying again with back-off. Events meanwhile are not replayed. */
  RECONNECTING,
  /** The connection was lost and will not be retried (see the detail). */
  DISCONNECTED,
  /** The service ended the session; new credentials are needed. */
  SESSION_EXPIRED,
  /** Closed by the user. */
  CLOSED
}
