package dev.homeport.domain.camera;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A pan/tilt direction: the eight the Kasa app offers. {@link #UP} and {@link #DOWN} are what the
 * app calls {@code top} and {@code bottom}; {@link #parse} takes both words, and each adapter sends
 * the word its camera expects.
 */
public enum Direction {
  LEFT("left"),
  RIGHT("right"),
  UP("up", "top"),
  DOWN("down", "bottom"),
  UP_LEFT("up-left", "top-left"),
  UP_RIGHT("up-right", "top-right"),
  DOWN_LEFT("down-left", "bottom-left"),
  DOWN_RIGHT("down-right", "bottom-right");

  private final String word;
  private final String alias;

  Direction(String word) {
    this(word, word);
  }

  Direction(String word, String alias) {
    this.word = word;
    this.alias = alias;
  }

  /** The user-facing word, e.g. {@code up-left}. */
  public String word() {
    return word;
  }

  /** The Kasa app's vocabulary for it, e.g. {@code top-left} (written {@code top left} on the wire). */
  public String appWord() {
    return alias;
  }

  /** Whether this direction moves both axes at once. */
  public boolean diagonal() {
    return ordinal() >= UP_LEFT.ordinal();
  }

  /**
   * The direction written as {@code left}, {@code up}, {@code top}, {@code up-left},
   * {@code top left}, {@code bottom_right}... (any case; space, {@code -} and {@code _} alike).
   *
   * @throws IllegalArgumentException naming the allowed words
   */
  public static Direction parse(String text) {
    String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", "-");
    for (Direction d : values()) {
      if (d.word.equals(t) || d.alias.equals(t)) {
        return d;
      }
    }
    throw new IllegalArgumentException("direction must be one of "
        + Arrays.stream(values()).map(Direction::word).collect(Collectors.joining(", "))
        + " (top/bottom also accepted for up/down), was "
        + (text == null ? "null" : "\"" + text + "\""));
  }
}
