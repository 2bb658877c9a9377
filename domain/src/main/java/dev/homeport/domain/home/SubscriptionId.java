package dev.homeport.domain.home;

import dev.homeport.domain.internal.Checks;

/**
 * A subscription identifier, as the smart home assigns it.
 *
 * @param value the identifier, non-blank
 */
public record SubscriptionId(String value) {

  public SubscriptionId {
    Checks.notBlank("subscription id", value);
  }

  /** The id {@code value}. */
  public static SubscriptionId of(String value) {
    return new SubscriptionId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
