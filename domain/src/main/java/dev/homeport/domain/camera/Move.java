package dev.homeport.domain.camera;

import dev.homeport.domain.internal.Checks;

/**
 * Starts moving in a direction until {@link Stop} or the end of travel. Not idempotent.
 *
 * @param direction where to move
 * @param speed 1..10
 */
public record Move(Direction direction, int speed) implements CameraCommand<Void> {

  /** The slowest speed. */
  public static final int MIN_SPEED = 1;
  /** The fastest speed. */
  public static final int MAX_SPEED = 10;

  public Move {
    Checks.required("direction", direction);
    Checks.inRange("speed", speed, MIN_SPEED, MAX_SPEED);
  }

  @Override
  public boolean idempotent() {
    return false;
  }
}
