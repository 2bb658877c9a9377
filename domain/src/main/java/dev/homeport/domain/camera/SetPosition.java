package dev.homeport.domain.camera;

import dev.homeport.domain.internal.Checks;

/**
 * Moves to an absolute pan/tilt position. Not idempotent (it moves the camera).
 *
 * @param target where to go
 */
public record SetPosition(Position target) implements CameraCommand<Void> {

  public SetPosition {
    Checks.required("target", target);
  }

  /** Moves to {@code (x, y)}, each 0..{@value Position#MAX}. */
  public static SetPosition of(int x, int y) {
    return new SetPosition(new Position(x, y));
  }

  @Override
  public boolean idempotent() {
    return false;
  }
}
