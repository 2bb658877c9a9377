package dev.homeport.cli.internal;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * The one place where text from a camera or server is made safe to print on a terminal. Human views
 * pass every remote string (names, aliases, states, error messages) through {@link #escape}; our own
 * fixed text and {@code --json} output (already JSON-escaped) do not need it. Stateless, thread-safe.
 */
public final class TerminalText {

  /**
   * JSON escapes for the CLI's {@code --json} output: the standard ones plus the characters
   * {@link #escape} shows as codes (JSON leaves DEL, C1 and bidi controls raw), as {@code \\uXXXX}.
   */
  static final CharacterEscapes JSON_ESCAPES = new CharacterEscapes() {
    private static final long serialVersionUID = 1L;
    private final int[] ascii = CharacterEscapes.standardAsciiEscapesForJSON();

    {
      ascii[0x7F] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int c) {
      return unsafe(c) ? new SerializedString(String.format("\\u%04x", c)) : null;
    }
  };

  private TerminalText() {}

  /**
   * {@code text} with every control character (C0 including ESC, BEL, CR, LF and TAB, DEL, C1 such as
   * CSI {@code U+009B}), the line and paragraph separators and the bidi embeddings/overrides
   * ({@code U+202A..U+202E}, {@code U+2066..U+2069}) shown as {@code \\uXXXX}, so a device cannot move
   * the cursor, set the window title, forge lines or reorder what is shown. {@code null} prints as
   * {@code -}.
   */
  public static String escape(String text) {
    if (text == null) {
      return "-";
    }
    StringBuilder b = new StringBuilder(text.length());
    text.codePoints().forEach(c -> {
      if (unsafe(c)) {
        b.append(String.format("\\u%04x", c));
      } else {
        b.appendCodePoint(c);
      }
    });
    return b.toString();
  }

  private static boolean unsafe(int c) {
    return Character.isISOControl(c)
        || c == 0x2028 || c == 0x2029
        || (c >= 0x202A && c <= 0x202E)
        || (c >= 0x2066 && c <= 0x2069);
  }
}
