package dev.homeport.domain.internal;

/** Argument checks whose messages name the field and what is allowed. */
public final class Checks {

  private Checks() {}

  /** Returns {@code value}, or throws {@code "<field> is required"} when it is null. */
  public static <T> T required(String field, T value) {
    if (value == null) {
      throw new IllegalArgumentException(field + " is required");
    }
    return value;
  }

  /** Returns {@code value}, or throws when it is null, empty or only white space. */
  public static String notBlank(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          field + " must be a non-blank string, was " + (value == null ? "null" : "\"" + value + "\""));
    }
    return value;
  }

  /** Returns {@code value}, or throws {@code "<field> must be min..max, was value"}. */
  public static int inRange(String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(field + " must be " + min + ".." + max + ", was " + value);
    }
    return value;
  }

  /** Returns {@code value}, or throws {@code "<field> must be min..max, was value"}. */
  public static long inRange(String field, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(field + " must be " + min + ".." + max + ", was " + value);
    }
    return value;
  }
}
