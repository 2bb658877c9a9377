package dev.homeport.domain.camera;

import dev.homeport.domain.internal.Checks;

/**
 * A saved pan/tilt position.
 *
 * @param token the camera's token for it, which {@link GoToPreset} takes (Kasa: {@code 1}..{@code 4};
 *     ONVIF: any string the camera chose): 1..{@value #MAX_TOKEN_LENGTH} characters, no control
 *     characters, not blank
 * @param name the name given in the app (may be empty)
 */
public record Preset(String token, String name) {

  /** The longest token accepted (ONVIF's {@code ReferenceToken} is at most 64 characters). */
  public static final int MAX_TOKEN_LENGTH = 64;

  public Preset {
    checkToken(token);
    Checks.required("preset name", name);
  }

  /** A numbered preset (the token is the decimal number), as Kasa cameras have. */
  public Preset(int index, String name) {
    this(Integer.toString(index), name);
  }

  static String checkToken(String token) {
    if (token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH
        || token.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(
          "preset must be 1.." + MAX_TOKEN_LENGTH + " characters, not blank, without control characters, was "
              + (token == null ? "null" : "\"" + token.replaceAll("\\p{Cntrl}", "?") + "\""));
    }
    return token;
  }
}
