package dev.homeport.domain.camera;

/**
 * Gives the camera a new name (its alias in the vendor app), e.g. {@code Porch} or
 * {@code Caméra du jardin}.
 *
 * @param alias 1..{@value #MAX_LENGTH} characters, not blank, no control characters
 */
public record Rename(String alias) implements CameraCommand<Void> {

  /**
   * Longest alias accepted. The limit of real firmware is not published; this bound only keeps a
   * mistake (a pasted file) from reaching the camera.
   */
  public static final int MAX_LENGTH = 64;

  public Rename {
    if (alias == null || alias.isBlank()) {
      throw new IllegalArgumentException("alias must be non-blank, was "
          + (alias == null ? "null" : "\"" + alias + "\""));
    }
    if (alias.codePointCount(0, alias.length()) > MAX_LENGTH) {
      throw new IllegalArgumentException("alias must be 1.." + MAX_LENGTH + " characters, was "
          + alias.codePointCount(0, alias.length()));
    }
    if (alias.codePoints().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("alias must not contain control characters");
    }
  }
}
