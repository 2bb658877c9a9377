package dev.homeport.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A secret value (password, session cookie, CSRF token) that never shows itself by accident.
 *
 * <p>{@link #toString()} is always {@code Secret[redacted]}; only {@link #reveal()} gives the value,
 * and callers pass it straight to the wire. Equality compares in constant time. Immutable and
 * thread-safe.
 */
public final class Secret {

  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /**
   * Wraps a secret value.
   *
   * @throws IllegalArgumentException if {@code value} is null or empty (the message never contains it)
   */
  public static Secret of(String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("secret must be a non-empty string");
    }
    return new Secret(value);
  }

  /** The secret itself, for the one place that must send it. Never log the result. */
  public String reveal() {
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret that
        && MessageDigest.isEqual(
            value.getBytes(StandardCharsets.UTF_8), that.value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int hashCode() {
    // Constant: a hash would leak information about the value and secrets are never map keys.
    return Objects.hash(Secret.class);
  }

  @Override
  public String toString() {
    return "Secret[redacted]";
  }
}
