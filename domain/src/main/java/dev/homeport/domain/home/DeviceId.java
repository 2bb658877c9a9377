package dev.homeport.domain.home;

import dev.homeport.domain.internal.Checks;

/**
 * A device identifier, as the smart home assigns it.
 *
 * @param value the identifier, non-blank
 */
public record DeviceId(String value) {

  public DeviceId {
    Checks.notBlank("device id", value);
  }

  /** The id {@code value}. */
  public static DeviceId of(String value) {
    return new DeviceId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
