package dev.homeport.domain.camera;

import dev.homeport.domain.internal.Checks;

/**
 * A pan/tilt position in the camera's own steps.
 *
 * @param x horizontal position, 0..10000
 * @param y vertical position, 0..10000
 */
public record Position(int x, int y) {

  /** The largest coordinate accepted on either axis. */
  public static final int MAX = 10_000;

  public Position {
    Checks.inRange("position x", x, 0, MAX);
    Checks.inRange("position y", y, 0, MAX);
  }
}
