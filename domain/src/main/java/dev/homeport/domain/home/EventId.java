package dev.homeport.domain.home;

import dev.homeport.domain.internal.Checks;

/**
 * A event identifier, as the smart home assigns it.
 *
 * @param value the identifier, non-blank
 */
public record EventId(String value) {

  public EventId {
    Checks.notBlank("event id", value);
  }

  /** The id {@code value}. */
  public static EventId of(String value) {
    return new EventId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
