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
  /** {@code user:password} (KC410S). */
  PLAIN;

  /** The password as this variant puts it after {@code user:}. */
  String transform(String password) {
    switch (this) {
      case BASE64:
        return Base64.getEncoder().encodeToString(password.getBytes(StandardCharsets.UTF_8));
      case MD5:
        try {
          byte[] digest =
              MessageDigest.getInstance("MD5").digest(password.getBytes(StandardCharsets.UTF_8));
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
