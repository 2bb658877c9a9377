package dev.homeport.domain.camera;

/**
 * A pan/tilt position in the camera's own steps. Coordinates are signed: a KC410S answers
 * positions such as {@code x: -49}; the range real cameras use is not published, so any
 * {@code int} is accepted.
 *
 * @param x horizontal position
 * @param y vertical position
 */
public record Position(int x, int y) {

  /**
   * The largest coordinate of the in-memory camera's travel (0..{@value}); not a limit of real
   * cameras, whose range is not published.
   */
  public static final int MAX = 10_000;
}
