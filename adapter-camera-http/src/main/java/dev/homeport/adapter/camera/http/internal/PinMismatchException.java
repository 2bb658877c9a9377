package dev.homeport.adapter.camera.http.internal;

import java.security.cert.CertificateException;

/**
 * Thrown from the trust manager when a camera presents a certificate other than the recorded or
 * pinned one; the adapter turns it into the public CertificateMismatchException.
 */
public final class PinMismatchException extends CertificateException {

  private final String host;
  private final String expected;
  private final String actual;

  PinMismatchException(String host, String expected, String actual) {
    super("certificate of " + host + " does not match: expected SHA-256 " + expected
        + " but the camera presented " + actual);
    this.host = host;
    this.expected = expected;
    this.actual = actual;
  }

  /** The camera, {@code host:port}. */
  public String host() {
    return host;
  }

  /** The recorded or pinned fingerprint. */
  public String expected() {
    return expected;
  }

  /** The fingerprint the camera presented. */
  public String actual() {
    return actual;
  }
}
