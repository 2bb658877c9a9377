package dev.homeport.domain.camera;

import dev.homeport.domain.internal.Checks;
import java.util.Arrays;

/**
 * A still image from a camera. Immutable and thread-safe: the bytes are copied in and out.
 * {@code toString()} shows the type and size, never the bytes.
 */
public final class Snapshot {

  private final String contentType;
  private final byte[] bytes;

  /**
   * @param contentType the media type, e.g. {@code image/jpeg}
   * @param bytes the image, at least one byte
   */
  public Snapshot(String contentType, byte[] bytes) {
    this.contentType = Checks.notBlank("contentType", contentType);
    Checks.required("bytes", bytes);
    if (bytes.length == 0) {
      throw new IllegalArgumentException("bytes must not be empty");
    }
    this.bytes = bytes.clone();
  }

  /** The media type, e.g. {@code image/jpeg}. */
  public String contentType() {
    return contentType;
  }

  /** A copy of the image bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The image size in bytes. */
  public int size() {
    return bytes.length;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Snapshot s && s.contentType.equals(contentType) && Arrays.equals(s.bytes, bytes);
  }

  @Override
  public int hashCode() {
    return 31 * contentType.hashCode() + Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "Snapshot[" + contentType + ", " + bytes.length + " bytes]";
  }
}
