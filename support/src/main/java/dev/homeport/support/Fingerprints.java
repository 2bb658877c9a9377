package dev.homeport.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * SHA-256 certificate fingerprints as lower-case hex without separators: computing, normalizing and
 * comparing them (in constant time, so a peer cannot learn a pin byte by byte from timing).
 * Stateless and thread-safe.
 */
public final class Fingerprints {

  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

  private Fingerprints() {}

  /** SHA-256 of the DER encoding of {@code certificate}, lower-case hex. */
  public static String sha256(X509Certificate certificate) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      throw new IllegalStateException("cannot fingerprint certificate", e);
    }
  }

  /**
   * Normalizes a fingerprint written as hex, upper or lower case, optionally with {@code :}
   * separators and an optional {@code sha256:} or {@code sha-256:} prefix.
   *
   * @throws IllegalArgumentException if it is not 32 bytes of hex (the message shows the length
   *     only, as a pin may be pasted next to other text)
   */
  public static String normalize(String fingerprint) {
    if (fingerprint == null) {
      throw new IllegalArgumentException("SHA-256 fingerprint must be 64 hex digits (colons allowed), was null");
    }
    String s = fingerprint.strip().toLowerCase(Locale.ROOT);
    if (s.startsWith("sha256:")) {
      s = s.substring("sha256:".length());
    } else if (s.startsWith("sha-256:")) {
      s = s.substring("sha-256:".length());
    }
    s = s.replace(":", "");
    if (!HEX64.matcher(s).matches()) {
      throw new IllegalArgumentException("SHA-256 fingerprint must be 64 hex digits (colons allowed), was "
          + fingerprint.length() + " characters");
    }
    return s;
  }

  /** Whether two normalized fingerprints are equal, in time independent of where they differ. */
  public static boolean matches(String expected, String actual) {
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII), actual.getBytes(StandardCharsets.US_ASCII));
  }
}
