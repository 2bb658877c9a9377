package dev.homeport.domain.camera;

import java.util.Arrays;
import java.util.stream.Collectors;

/** A video resolution the cameras offer, written as {@code WIDTHxHEIGHT}. */
public enum Resolution {
  P1440(2560, 1440),
  P1080(1920, 1080),
  P720(1280, 720);

  private final int width;
  private final int height;

  Resolution(int width, int height) {
    this.width = width;
    this.height = height;
  }

  /** The width in pixels. */
  public int width() {
    return width;
  }

  /** The height in pixels. */
  public int height() {
    return height;
  }

  /** The {@code WIDTHxHEIGHT} form, e.g. {@code 1920x1080}. */
  public String text() {
    return width + "x" + height;
  }

  /**
   * The resolution written as {@code WIDTHxHEIGHT}.
   *
   * @throws IllegalArgumentException naming the allowed values when {@code text} is none of them
   */
  public static Resolution parse(String text) {
    for (Resolution resolution : values()) {
      if (resolution.text().equalsIgnoreCase(text == null ? "" : text.trim())) {
        return resolution;
      }
    }
    throw new IllegalArgumentException(
        "resolution must be one of "
            + Arrays.stream(values()).map(Resolution::text).collect(Collectors.joining(", "))
            + ", was " + text);
  }
}
