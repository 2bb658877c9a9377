package dev.homeport.domain.camera;

import dev.homeport.domain.internal.Checks;

/**
 * A saved pan/tilt position.
 *
 * @param index 1..4
 * @param name the name given in the app (may be empty)
 */
public record Preset(int index, String name) {

  public Preset {
    Checks.inRange("preset", index, GoToPreset.MIN, GoToPreset.MAX);
    Checks.required("preset name", name);
  }
}
