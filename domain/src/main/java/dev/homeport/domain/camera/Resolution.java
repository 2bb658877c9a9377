package dev.homeport.domain.camera;

import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A video resolution as the camera names it. The value is open: real firmware answers labels such
 * as {@code 1080P}, {@code 720P} and {@code 360P} (KC100, EC60), the seed client wrote
 * {@code WIDTHxHEIGHT} strings such as {@code 1920x1080}, and higher-end models may answer other
 * strings nobody has published. Any such string is kept exactly as the camera sent it and sent back
 * unchanged, so a value read from a camera can always be written to it again.
 *
 * <p>Known values are available as constants and compare equal to what {@link #parse} returns for
 * their text in any letter case. Immutable and thread-safe.
 */
public final class Resolution {

  /** {@code 1080P}, a label real firmware answers (KC100, EC60). */
  public static final Resolution HD1080 = new Resolution("1080P");
  /** {@code 720P}, a label real firmware answers (KC100, EC60, EC70 sysinfo). */
  public static final Resolution HD720 = new Resolution("720P");
  /** {@code 360P}, a label real firmware answers (KC100, EC60). */
  public static final Resolution SD360 = new Resolution("360P");
  /** {@code 2560x1440}, the seed client's form (no device capture confirms it). */
  public static final Resolution P1440 = new Resolution("2560x1440");
  /** {@code 1920x1080}, the seed client's form (no device capture confirms it). */
  public static final Resolution P1080 = new Resolution("1920x1080");
  /** {@code 1280x720}, the seed client's form (no device capture confirms it). */
  public static final Resolution P720 = new Resolution("1280x720");

  private static final List<Resolution> KNOWN = List.of(HD1080, HD720, SD360, P1440, P1080, P720);

  /** Longest text accepted; camera labels are short, this only bounds what a peer can make us hold. */
  public static final int MAX_LENGTH = 32;

  private static final Pattern TEXT = Pattern.compile("[A-Za-z0-9._:+*-]{1," + MAX_LENGTH + "}");
  private static final Pattern LABEL = Pattern.compile("(\\d{3,4})[Pp]");
  private static final Pattern SIZE = Pattern.compile("(\\d{2,5})[xX](\\d{2,5})");

  private final String text;

  private Resolution(String text) {
    this.text = text;
  }

  /** The known values: the firmware labels first, then the seed's {@code WIDTHxHEIGHT} forms. */
  public static List<Resolution> known() {
    return KNOWN;
  }

  /**
   * The resolution named {@code text}: a known value in canonical case when it is one (so
   * {@code 1080p} is {@link #HD1080}), any other camera string exactly as given.
   *
   * @throws IllegalArgumentException when {@code text} is blank, longer than {@value #MAX_LENGTH}
   *     characters or holds other characters than letters, digits and {@code . _ : + * -}
   */
  public static Resolution parse(String text) {
    String t = text == null ? "" : text.strip();
    for (Resolution known : KNOWN) {
      if (known.text.equalsIgnoreCase(t)) {
        return known;
      }
    }
    if (!TEXT.matcher(t).matches()) {
      throw new IllegalArgumentException(
          "resolution must be one of " + String.join(", ", KNOWN.stream().map(Resolution::text).toList())
              + " or another camera label of 1.." + MAX_LENGTH
              + " letters, digits, '.', '_', ':', '+', '*' or '-', was "
              + (text == null ? "null" : "\"" + text + "\""));
    }
    return new Resolution(t);
  }

  /** The text exactly as the camera writes it, e.g. {@code 1080P} or {@code 1920x1080}. */
  public String text() {
    return text;
  }

  /** Whether this is one of {@link #known()}. */
  public boolean isKnown() {
    return KNOWN.contains(this);
  }

  /** The height in pixels when the text says it ({@code 1080P}, {@code 1920x1080}). */
  public OptionalInt height() {
    Matcher label = LABEL.matcher(text);
    if (label.matches()) {
      return OptionalInt.of(Integer.parseInt(label.group(1)));
    }
    Matcher size = SIZE.matcher(text);
    return size.matches() ? OptionalInt.of(Integer.parseInt(size.group(2))) : OptionalInt.empty();
  }

  /**
   * The width in pixels when the text says it ({@code WIDTHxHEIGHT} only: a label such as
   * {@code 1080P} does not say the aspect ratio, so no width is guessed).
   */
  public OptionalInt width() {
    Matcher size = SIZE.matcher(text);
    return size.matches() ? OptionalInt.of(Integer.parseInt(size.group(1))) : OptionalInt.empty();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Resolution r && r.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  /** The text, e.g. {@code 1080P}. */
  @Override
  public String toString() {
    return text;
  }
}
