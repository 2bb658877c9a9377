package dev.homeport.adapter.camera.http;

import java.util.Locale;

/**
 * How a Kasa camera expects the credentials inside HTTP Basic; models differ
 * (kasa-firmware.md §2). {@link #AUTO} tries, in this order, {@link #BASE64}, {@link #MD5} and
 * {@link #PLAIN} with the configured user name, then {@link #ADMIN_MD5} and {@link #ADMIN_DEFAULT},
 * moving on whenever the camera rejects the credentials (HTTP 401 or 403, or {@code -10007}
 * anywhere in the answer), and remembers, per camera, the first one that worked.
 */
public enum AuthVariant {
  /** Try each variant in turn on an authentication failure and keep the one that works. */
  AUTO,
  /** {@code username:base64(password)} (KC120, KC4xx; the seed client's default). */
  BASE64,
  /** {@code username:md5hex(password)} (KC100, KC110, KC200, KC420WS on LINKIE2). */
  MD5,
  /** {@code username:password} (KC115; KC410S on LINKIE2). */
  PLAIN,
  /** {@code admin:md5hex(password)} (KC410S on LINKIE2 with the cloud password). */
  ADMIN_MD5,
  /** {@code admin:md5hex("admin")} (EC60 2.3.22 not bound to a cloud account). */
  ADMIN_DEFAULT;

  /** The option text, e.g. {@code md5} or {@code admin-md5}. */
  public String text() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
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
    throw new IllegalArgumentException(
        "auth must be one of auto, base64, md5, plain, admin-md5, admin-default, was \"" + text + "\"");
  }
}
