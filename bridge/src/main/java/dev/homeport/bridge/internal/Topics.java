package dev.homeport.bridge.internal;

import java.text.Normalizer;
import java.util.Locale;

/** Names: topic levels and Home Assistant ids made safe ({@code [a-zA-Z0-9_-]}). Stateless. */
public final class Topics {

  private Topics() {}

  /**
   * {@code text} as a lower-case id of {@code [a-z0-9_-]}: accents dropped, every other character
   * an underscore, runs collapsed; never empty ({@code _} for text with nothing usable).
   */
  public static String slug(String text) {
    String plain = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    String slug = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "_").replaceAll("_+", "_");
    slug = slug.replaceAll("^_+|_+$", "");
    if (slug.length() > 64) {
      slug = slug.substring(0, 64);
    }
    return slug.isEmpty() ? "_" : slug;
  }

  /** {@code text} as an id keeping case: only {@code [A-Za-z0-9_-]}, others turned into underscores. */
  public static String id(String text) {
    String id = text.replaceAll("[^A-Za-z0-9_-]", "_");
    return id.isEmpty() ? "_" : id;
  }

  /**
   * {@code text} safe for a log line on a terminal: control characters (escape sequences, line
   * breaks) become {@code ?}, and anything past 300 characters is cut. For remote text: device
   * names, values, error messages, topics.
   */
  public static String printable(Object text) {
    String value = String.valueOf(text);
    if (value.length() > 300) {
      value = value.substring(0, 300) + "...";
    }
    return value.replaceAll("\\p{Cntrl}", "?");
  }
}
