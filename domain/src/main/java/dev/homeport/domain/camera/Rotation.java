package dev.homeport.domain.camera;

/** Image rotation: upright or turned by 180 degrees (a ceiling mount). */
public enum Rotation {
  NONE(0),
  UPSIDE_DOWN(180);

  private final int degrees;

  Rotation(int degrees) {
    this.degrees = degrees;
  }

  /** The rotation in degrees: 0 or 180. */
  public int degrees() {
    return degrees;
  }

  /**
   * The rotation of {@code degrees}.
   *
   * @throws IllegalArgumentException unless degrees is 0 or 180
   */
  public static Rotation ofDegrees(int degrees) {
    for (Rotation rotation : values()) {
      if (rotation.degrees == degrees) {
        return rotation;
      }
    }
    throw new IllegalArgumentException("rotation must be 0 or 180 degrees, was " + degrees);
  }
}
