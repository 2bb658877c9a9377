package dev.homeport.adapter.camera.http;

import java.util.Locale;

/**
 * How a Kasa camera expects the password inside HTTP Basic credentials; models differ. {@link #AUTO}
 * tries {@link #BASE64}, {@link #MD5} and {@link #PLAIN} in turn when the camera rejects the
 * credentials, and remembers, per camera, the first one that worked.
 */
public enum AuthVariant {
  /** Try each variant in turn on an authentication failure and keep the one that works. */
  AUTO,
  /** {@code username:base64(password)} (KC120, KC4xx; the seed client's default). */
  BASE64,
  /** {@code username:md5hex(password)} (KC100, KC110, KC200, KC420WS on LINKIE2). */
  MD5,
  /** {@code username:password} (KC410S). */
  PLAIN;

  /** The option text, e.g. {@code md5}. */
  public String text() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The variant written as {@code auto}, {@code base64}, {@code md5} or {@code plain} (any case).
   *
   * @throws IllegalArgumentException naming the allowed values
   */
  public static AuthVariant parse(String text) {
    for (AuthVariant v : values()) {
      if (v.text().equalsIgnoreCase(text == null ? "" : text.strip())) {
        return v;
      }
    }
    throw new IllegalArgumentException("auth must be one of auto, base64, md5, plain, was \"" + text + "\"");
  }
}
