package dev.homeport.domain.camera;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.regex.Pattern;

/**
 * A camera's time zone: a UTC offset as the camera writes it and an IANA area name.
 *
 * @param utcOffset e.g. {@code UTC-05:00}: {@code UTC}, a sign, hours 00..14, a colon, minutes
 * @param area e.g. {@code America/New_York}: a region id the JDK knows
 */
public record TimeZoneSetting(String utcOffset, String area) {

  private static final Pattern OFFSET = Pattern.compile("UTC[+-](0\\d|1[0-4]):[0-5]\\d");

  public TimeZoneSetting {
    if (utcOffset == null || !OFFSET.matcher(utcOffset).matches()) {
      throw new IllegalArgumentException(
          "time zone offset must look like UTC-05:00 (UTC, sign, hours 00..14, minutes), was " + utcOffset);
    }
    if (area == null || area.isBlank()) {
      throw new IllegalArgumentException("time zone area must be a region such as America/New_York, was " + area);
    }
    try {
      ZoneId.of(area);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "time zone area must be a region such as America/New_York, was " + area, e);
    }
  }

  /**
   * Parses {@code UTC-05:00/America/New_York} or {@code America/New_York@UTC-05:00}: the two parts
   * separated by the first slash after the offset, or by {@code @}.
   *
   * @throws IllegalArgumentException naming the expected form
   */
  public static TimeZoneSetting parse(String text) {
    String trimmed = text == null ? "" : text.trim();
    int at = trimmed.indexOf('@');
    if (at > 0) {
      return new TimeZoneSetting(trimmed.substring(at + 1), trimmed.substring(0, at));
    }
    if (trimmed.startsWith("UTC") && trimmed.length() > 10 && trimmed.charAt(9) == '/') {
      return new TimeZoneSetting(trimmed.substring(0, 9), trimmed.substring(10));
    }
    throw new IllegalArgumentException(
        "time zone must be written UTC-05:00/America/New_York, was " + text);
  }

  /** The form {@link #parse(String)} reads: {@code UTC-05:00/America/New_York}. */
  public String text() {
    return utcOffset + "/" + area;
  }
}
