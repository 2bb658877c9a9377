package dev.homeport.domain.home;

import dev.homeport.domain.internal.Checks;
import java.util.Optional;

/**
 * A control message about a subscription.
 *
 * @param subscriptionId the subscription, when named
 * @param data the message text
 */
public record ControlMessage(Optional<SubscriptionId> subscriptionId, String data) implements PushedMessage {

  public ControlMessage {
    Checks.required("subscriptionId", subscriptionId);
    Checks.required("data", data);
  }
}
