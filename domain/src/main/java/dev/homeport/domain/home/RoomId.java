package dev.homeport.domain.home;

import dev.homeport.domain.internal.Checks;

/**
 * A room identifier, as the smart home assigns it.
 *
 * @param value the identifier, non-blank
 */
public record RoomId(String value) {

  public RoomId {
    Checks.notBlank("room id", value);
  }

  /** The id {@code value}. */
  public static RoomId of(String value) {
    return new RoomId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
