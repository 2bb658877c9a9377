package dev.homeport.support;

import java.security.cert.CertificateException;

/**
 * Thrown from a {@link PinningTrustManager} when a peer presents a certificate other than the
 * recorded or pinned one; adapters turn it into the port's {@code CertificateMismatchException}
 * (see {@link #find(Throwable)}). Fingerprints are not secrets.
 */
public final class PinMismatchException extends CertificateException {

  private final String host;
  private final String expected;
  private final String actual;

  /** A mismatch at {@code host} (e.g. {@code host:port}). */
  public PinMismatchException(String host, String expected, String actual) {
    super("certificate of " + host + " does not match: expected SHA-256 " + expected
        + " but the peer presented " + actual);
    this.host = host;
    this.expected = expected;
    this.actual = actual;
  }

  /** The peer, e.g. {@code host:port}. */
  public String host() {
    return host;
  }

  /** The recorded or pinned fingerprint. */
  public String expected() {
    return expected;
  }

  /** The fingerprint the peer presented. */
  public String actual() {
    return actual;
  }

  /**
   * The mismatch somewhere in {@code failure}'s causes or suppressed exceptions (TLS stacks wrap
   * the trust manager's exception in several layers), or null.
   */
  public static PinMismatchException find(Throwable failure) {
    int depth = 0;
    for (Throwable c = failure; c != null && depth < 32; c = c.getCause(), depth++) {
      if (c instanceof PinMismatchException mismatch) {
        return mismatch;
      }
      for (Throwable s : c.getSuppressed()) {
        if (s instanceof PinMismatchException mismatch) {
          return mismatch;
        }
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return null;
  }
}
