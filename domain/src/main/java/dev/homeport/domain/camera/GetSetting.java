package dev.homeport.domain.camera;

import dev.homeport.domain.internal.Checks;

/**
 * Reads one setting.
 *
 * @param setting the setting to read
 * @param <T> its value type
 */
public record GetSetting<T>(Setting<T> setting) implements CameraCommand<T> {

  public GetSetting {
    Checks.required("setting", setting);
  }

  /** Reads {@code setting}. */
  public static <T> GetSetting<T> of(Setting<T> setting) {
    return new GetSetting<>(setting);
  }
}
