package dev.homeport.ports;

/**
 * Thrown when a host presents a certificate other than the one pinned or recorded for it: either
 * the device was replaced or reset, or someone is in the middle. Not retryable; the user must
 * decide whether to trust the new certificate.
 */
public class CertificateMismatchException extends TransportException {

  private final String host;
  private final String expectedFingerprint;
  private final String actualFingerprint;

  public CertificateMismatchException(String host, String expectedFingerprint, String actualFingerprint) {
    super(
        "certificate of " + host + " changed: expected SHA-256 " + expectedFingerprint + " but got "
            + actualFingerprint + "; if the device was replaced or reset, remove its entry from the"
            + " known-hosts file or pin the new fingerprint",
        null,
        false);
    this.host = host;
    this.expectedFingerprint = expectedFingerprint;
    this.actualFingerprint = actualFingerprint;
  }

  public String host() {
    return host;
  }

  /** Lower-case hex SHA-256 of the certificate that was expected. */
  public String expectedFingerprint() {
    return expectedFingerprint;
  }

  /** Lower-case hex SHA-256 of the certificate that was presented. */
  public String actualFingerprint() {
    return actualFingerprint;
  }
}
