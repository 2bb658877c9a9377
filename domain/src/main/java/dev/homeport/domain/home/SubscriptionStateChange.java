package dev.homeport.domain.home;

import dev.homeport.domain.internal.Checks;
import java.util.Optional;

/**
 * The service changed the state of a subscription.
 *
 * @param subscriptionId the subscription, when named
 * @param state the new state as the service wrote it
 */
public record SubscriptionStateChange(Optional<SubscriptionId> subscriptionId, String state)
    implements PushedMessage {

  public SubscriptionStateChange {
    Checks.required("subscriptionId", subscriptionId);
    Checks.required("state", state);
  }
}
