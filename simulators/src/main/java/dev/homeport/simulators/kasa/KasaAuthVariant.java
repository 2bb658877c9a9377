package dev.homeport.simulators.kasa;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** How the simulated camera expects the password in the HTTP Basic credentials. */
public enum KasaAuthVariant {
  /** {@code user:base64(password)} (KC120, KC4xx). */
  BASE64,
  /** {@code user:md5hex(password)} (KC100, KC110, KC200). */
  MD5,
  /** {@code user:password} (KC115; KC410S on LINKIE2). */
  PLAIN,
  /** {@code admin:md5hex(password)} (KC410S on LINKIE2 with the cloud password). */
  ADMIN_MD5,
  /** {@code admin:md5hex("admin")} (EC60 2.3.22 not bound to a cloud account). */
  ADMIN_DEFAULT;

  /** The user name this variant puts before the colon. */
  String user(String configured) {
    return this == ADMIN_MD5 || this == ADMIN_DEFAULT ? "admin" : configured;
  }

  /** The password as this variant puts it after {@code user:}. */
  String transform(String password) {
    switch (this) {
      case BASE64:
        return Base64.getEncoder().encodeToString(password.getBytes(StandardCharsets.UTF_8));
      case MD5:
      case ADMIN_MD5:
      case ADMIN_DEFAULT:
        try {
          String text = this == ADMIN_DEFAULT ? "admin" : password;
          byte[] digest =
              MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
          StringBuilder hex = new StringBuilder();
          for (byte b : digest) {
            hex.append(String.format("%02x", b & 0xFF));
          }
          return hex.toString();
        } catch (NoSuchAlgorithmException e) {
          throw new IllegalStateException(e);
        }
      case PLAIN:
      default:
        return password;
    }
  }
}
