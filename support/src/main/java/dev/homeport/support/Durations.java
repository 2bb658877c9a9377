package dev.homeport.support;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one duration parser of homeport, for options, flags and configuration files: {@code 500ms},
 * {@code 5s}, {@code 2m}, {@code 1h} (a whole number and a unit, spaces allowed between), a bare
 * whole number of seconds ({@code 5}) or ISO-8601 ({@code PT5S}, {@code PT0.25S}), any case.
 * Stateless and thread-safe.
 */
public final class Durations {

  private static final Pattern SHORT = Pattern.compile("(\\d{1,12})\\s*(ms|s|m|h)?");

  /** What the parser accepts, for messages and help texts. */
  public static final String FORMS = "500ms, 5s, 2m, 1h or ISO-8601 such as PT5S";

  private Durations() {}

  /**
   * A positive duration.
   *
   * @param name what the value is for, e.g. {@code option 'request-timeout'}, for the message
   * @throws IllegalArgumentException naming {@code name}, the accepted forms and the value
   */
  public static Duration positive(String name, String text) {
    Duration d = parseOrNull(text);
    if (d == null || d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(
          name + " must be a positive duration such as " + FORMS + ", was \"" + text + "\"");
    }
    return d;
  }

  /**
   * A duration of zero or more.
   *
   * @throws IllegalArgumentException naming {@code name}, the accepted forms and the value
   */
  public static Duration nonNegative(String name, String text) {
    Duration d = parseOrNull(text);
    if (d == null || d.isNegative()) {
      throw new IllegalArgumentException(
          name + " must be a duration of zero or more such as 0ms, " + FORMS + ", was \"" + text + "\"");
    }
    return d;
  }

  private static Duration parseOrNull(String text) {
    if (text == null) {
      return null;
    }
    String t = text.strip().toLowerCase(Locale.ROOT);
    Matcher m = SHORT.matcher(t);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      switch (m.group(2) == null ? "s" : m.group(2)) {
        case "ms":
          return Duration.ofMillis(n);
        case "s":
          return Duration.ofSeconds(n);
        case "m":
          return Duration.ofMinutes(n);
        default:
          return n > Long.MAX_VALUE / 3600 ? null : Duration.ofHours(n);
      }
    }
    try {
      return Duration.parse(t.toUpperCase(Locale.ROOT));
    } catch (DateTimeParseException | ArithmeticException e) {
      return null;
    }
  }

  /** A duration as the short form people write: {@code 500ms}, {@code 5s}, {@code 2m}; ISO otherwise. */
  public static String format(Duration d) {
    if (d.isZero()) {
      return "0ms";
    }
    if (d.toNanosPart() % 1_000_000 == 0 && d.compareTo(Duration.ofMillis(1)) >= 0) {
      long ms = d.toMillis();
      if (ms % 60_000 == 0) {
        return ms / 60_000 + "m";
      }
      if (ms % 1000 == 0) {
        return ms / 1000 + "s";
      }
      return ms + "ms";
    }
    return d.toString();
  }
}
