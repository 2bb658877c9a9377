package dev.homeport.domain.home;

import dev.homeport.domain.internal.Checks;

/**
 * A user identifier, as the smart home assigns it.
 *
 * @param value the identifier, non-blank
 */
public record UserId(String value) {

  public UserId {
    Checks.notBlank("user id", value);
  }

  /** The id {@code value}. */
  public static UserId of(String value) {
    return new UserId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
