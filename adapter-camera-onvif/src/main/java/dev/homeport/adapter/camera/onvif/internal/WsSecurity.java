package dev.homeport.adapter.camera.onvif.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * The WS-Security UsernameToken with a PasswordDigest: {@code base64(SHA-1(nonce + created +
 * password))}, a fresh 16-byte nonce per request from {@link SecureRandom}, {@code Created} in camera
 * time. Thread-safe.
 */
public final class WsSecurity {

  private static final SecureRandom RANDOM = new SecureRandom();

  private WsSecurity() {}

  /** {@code base64(SHA-1(nonce bytes + created as UTF-8 + password as UTF-8))}. */
  public static String digest(byte[] nonce, String created, String password) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      sha1.update(nonce);
      sha1.update(created.getBytes(StandardCharsets.UTF_8));
      sha1.update(password.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(sha1.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is missing from this JVM", e);
    }
  }

  /** A fresh random nonce. */
  public static byte[] nonce() {
    byte[] nonce = new byte[16];
    RANDOM.nextBytes(nonce);
    return nonce;
  }

  /** {@code Created} as cameras expect it: UTC, to the second, e.g. {@code 2026-01-01T00:00:00Z}. */
  public static String created(Instant cameraTime) {
    return DateTimeFormatter.ISO_INSTANT.format(cameraTime.truncatedTo(ChronoUnit.SECONDS));
  }

  /** The {@code wsse:Security} header for one request. */
  public static XmlElement header(String username, String password, Instant cameraTime) {
    byte[] nonce = nonce();
    String created = created(cameraTime);
    return XmlElement.of(Ns.WSSE, "Security")
        .add(XmlElement.of(Ns.WSSE, "UsernameToken")
            .add(Ns.WSSE, "Username", username)
            .add(XmlElement.text(Ns.WSSE, "Password", digest(nonce, created, password))
                .attr("Type", Ns.PASSWORD_DIGEST))
            .add(XmlElement.text(Ns.WSSE, "Nonce", Base64.getEncoder().encodeToString(nonce))
                .attr("EncodingType", Ns.BASE64_BINARY))
            .add(Ns.WSU, "Created", created));
  }
}
