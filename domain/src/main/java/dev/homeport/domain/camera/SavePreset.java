package dev.homeport.domain.camera;

/**
 * Saves where the camera points now as a new preset and answers the token the camera gave it
 * (ONVIF cameras choose any string, such as {@code 3} or {@code Preset_3}), which {@link GoToPreset}
 * then takes. Not idempotent: saving twice saves two presets, so it is never sent twice.
 *
 * <p>Brands that cannot save presets over the LAN refuse it as unsupported and leave it out of
 * their capabilities (Kasa: no preset-save method is documented).
 *
 * @param name the preset's name: empty to let the camera choose (or leave it unnamed), else
 *     1..{@value #MAX_NAME_LENGTH} characters, not blank, no control characters
 */
public record SavePreset(String name) implements CameraCommand<String> {

  /** The longest name accepted (ONVIF's {@code tt:Name} is at most 64 characters). */
  public static final int MAX_NAME_LENGTH = 64;

  public SavePreset {
    String rule = "preset name must be empty or 1.." + MAX_NAME_LENGTH
        + " characters, not blank, without control characters";
    if (name == null) {
      throw new IllegalArgumentException(rule + ", was null");
    }
    if (!name.isEmpty() && name.isBlank()) {
      throw new IllegalArgumentException(rule + ", was blank");
    }
    int length = name.codePointCount(0, name.length());
    if (length > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException(rule + ", was " + length + " characters");
    }
    if (name.codePoints().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(rule + ", had a control character");
    }
  }

  /** Saves an unnamed preset (the camera may choose a name). */
  public SavePreset() {
    this("");
  }

  @Override
  public boolean idempotent() {
    return false;
  }
}
