package dev.homeport.adapter.camera.onvif.internal;

/** Remote text made safe for messages and terminals. Thread-safe. */
public final class Text {

  private Text() {}

  /** {@code text} with control characters replaced by {@code ?}, cut at {@code max} characters. */
  public static String printable(String text, int max) {
    StringBuilder b = new StringBuilder(Math.min(text.length(), max));
    for (int i = 0; i < text.length() && b.length() < max; i++) {
      char c = text.charAt(i);
      b.append(Character.isISOControl(c) ? '?' : c);
    }
    if (text.length() > max) {
      b.append("...");
    }
    return b.toString();
  }
}
