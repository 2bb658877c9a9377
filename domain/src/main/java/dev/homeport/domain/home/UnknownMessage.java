package dev.homeport.domain.home;

import dev.homeport.domain.internal.Checks;

/**
 * A pushed message homeport did not understand, kept whole so users can handle it themselves.
 *
 * @param name the event name it came with (may be empty)
 * @param payload the payload as received (JSON text or the raw frame)
 * @param reason why it was not understood
 */
public record UnknownMessage(String name, String payload, String reason) implements PushedMessage {

  public UnknownMessage {
    Checks.required("name", name);
    Checks.required("payload", payload);
    Checks.required("reason", reason);
  }
}
