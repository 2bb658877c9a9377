package dev.homeport.domain.home;

import dev.homeport.domain.internal.Checks;

/**
 * A location identifier, as the smart home assigns it.
 *
 * @param value the identifier, non-blank
 */
public record LocationId(String value) {

  public LocationId {
    Checks.notBlank("location id", value);
  }

  /** The id {@code value}. */
  public static LocationId of(String value) {
    return new LocationId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
