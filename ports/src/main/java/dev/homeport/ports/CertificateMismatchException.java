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

  /**
   * Creates the exception; its message names the host, both fingerprints and what to do.
   *
   * @param host the host (and port) that presented the certificate
   * @param expectedFingerprint lower-case hex SHA-256 of the pinned or recorded certificate
   * @param actualFingerprint lower-case hex SHA-256 of the presented certificate
   */
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

  /** The host (and port) that presented the certificate. */
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
