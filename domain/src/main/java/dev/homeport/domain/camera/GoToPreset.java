package dev.homeport.domain.camera;

import dev.homeport.domain.internal.Checks;

/**
 * Moves to a saved preset position. Not idempotent: never sent twice.
 *
 * @param preset 1..4
 */
public record GoToPreset(int preset) implements CameraCommand<Void> {

  /** The lowest preset index. */
  public static final int MIN = 1;
  /** The highest preset index. */
  public static final int MAX = 4;

  public GoToPreset {
    Checks.inRange("preset", preset, MIN, MAX);
  }

  @Override
  public boolean idempotent() {
    return false;
  }
}
