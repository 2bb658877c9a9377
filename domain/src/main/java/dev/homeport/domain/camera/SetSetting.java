package dev.homeport.domain.camera;

import dev.homeport.domain.internal.Checks;

/**
 * Changes one setting.
 *
 * @param setting the setting to change
 * @param value its new value, already valid by construction of the value type
 * @param <T> its value type
 */
public record SetSetting<T>(Setting<T> setting, T value) implements CameraCommand<Void> {

  public SetSetting {
    Checks.required("setting", setting);
    setting.validate(value);
  }

  /** Sets {@code setting} to {@code value}. */
  public static <T> SetSetting<T> of(Setting<T> setting, T value) {
    return new SetSetting<>(setting, value);
  }

  /**
   * Sets {@code setting} to the value written as text (the form {@link Setting#parse} reads).
   *
   * @throws IllegalArgumentException naming the setting and its allowed values
   */
  public static <T> SetSetting<T> parse(Setting<T> setting, String text) {
    return new SetSetting<>(Checks.required("setting", setting), setting.parse(text));
  }
}
