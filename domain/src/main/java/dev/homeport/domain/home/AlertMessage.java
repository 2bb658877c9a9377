package dev.homeport.domain.home;

import dev.homeport.domain.internal.Checks;

/**
 * A plain-text alert from the service.
 *
 * @param text the alert
 */
public record AlertMessage(String text) implements PushedMessage {

  public AlertMessage {
    Checks.required("text", text);
  }
}
