package dev.homeport.domain.media;

import java.util.Locale;

/** Which of a camera's live streams to watch: its full-quality one or its smaller one. */
public enum StreamResolution {
  /** The camera's high-definition stream (720p or 1080p, depending on the model and its setting). */
  HD("hd"),
  /** The camera's small stream (VGA-sized). */
  VGA("vga");

  private final String text;

  StreamResolution(String text) {
    this.text = text;
  }

  /** {@code hd} or {@code vga}. */
  public String text() {
    return text;
  }

  /**
   * The resolution written {@code hd} or {@code vga} (any case).
   *
   * @throws IllegalArgumentException naming the allowed values
   */
  public static StreamResolution parse(String text) {
    String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    for (StreamResolution r : values()) {
      if (r.text.equals(t)) {
        return r;
      }
    }
    throw new IllegalArgumentException("resolution must be one of hd, vga, was \"" + text + "\"");
  }
}
