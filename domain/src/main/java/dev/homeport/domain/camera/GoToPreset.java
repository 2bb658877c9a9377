package dev.homeport.domain.camera;

/**
 * Moves to a saved preset position. Not idempotent: never sent twice.
 *
 * <p>The preset is the camera's own token, a string: Kasa numbers its presets {@code 1}..{@code 4}
 * (its driver refuses any other token before I/O), ONVIF cameras choose tokens such as {@code 1} or
 * {@code Preset_3}. {@link ListPresets} reports the tokens a camera has.
 *
 * @param preset the preset token: 1..{@value Preset#MAX_TOKEN_LENGTH} characters, no control
 *     characters, not blank
 */
public record GoToPreset(String preset) implements CameraCommand<Void> {

  public GoToPreset {
    Preset.checkToken(preset);
  }

  /** Goes to a numbered preset, e.g. Kasa's {@code 1}..{@code 4}: the token is the decimal number. */
  public GoToPreset(int preset) {
    this(Integer.toString(preset));
  }

  @Override
  public boolean idempotent() {
    return false;
  }
}
