package dev.homeport.support;

import java.util.Locale;

/**
 * How an adapter decides to trust a peer's (typically self-signed) certificate: see
 * {@link PinningTrustManager}. Trust is per peer and never shared between peers.
 */
public enum TrustMode {
  /**
   * Trust on first use (the default): the certificate's SHA-256 fingerprint is recorded in the
   * known-hosts file at first contact and every later connection must present the same one, the
   * way SSH treats host keys.
   */
  TOFU,
  /** Only the fingerprint given up front in the configuration is accepted. */
  PINNED,
  /**
   * Accept ANY certificate: encryption without authentication, so anyone on the network path can
   * impersonate the peer and capture its credentials. An explicit opt-in that logs a warning.
   */
  INSECURE;

  /** The option text, e.g. {@code tofu}. */
  public String text() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The mode written as {@code tofu}, {@code pinned} or {@code insecure} (any case).
   *
   * @throws IllegalArgumentException naming the allowed values
   */
  public static TrustMode parse(String text) {
    for (TrustMode v : values()) {
      if (v.text().equalsIgnoreCase(text == null ? "" : text.strip())) {
        return v;
      }
    }
    throw new IllegalArgumentException("trust must be one of tofu, pinned, insecure, was \"" + text + "\"");
  }
}
