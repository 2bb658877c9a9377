package dev.homeport.adapter.camera.http;

import java.util.Locale;

/**
 * Which TLS implementation carries a camera's connections. Cameras speak TLS 1.2 and, at least on
 * older firmware, only the static-RSA suites ({@code TLS_RSA_WITH_AES_128_GCM_SHA256} and kin,
 * kasa-firmware.md §4). JDK 24 and later disable those suites in {@code jdk.tls.disabledAlgorithms}
 * (JDK-8245545), and the JDK's own TLS honours that list on every connection whatever the
 * connection's {@code SSLParameters} say (its per-connection algorithm constraints are applied in
 * addition to the list, never instead of it: measured on Temurin 25). So on such a JDK a camera's
 * connection needs its own TLS implementation: {@link #BOUNCY_CASTLE}, created for that camera's
 * context only, never registered as a process-wide provider and never changing a security property.
 */
public enum TlsProvider {
  /**
   * The JDK's TLS where it still permits the static-RSA suites (JDK 17..23 by default), Bouncy Castle
   * where it does not (JDK 24+, or a site that disabled them). The default.
   */
  AUTO,
  /** Always the JDK's TLS (fails the handshake with static-RSA-only cameras on JDK 24+). */
  JDK,
  /** Always Bouncy Castle's TLS ({@code bctls}), for this camera's connections only. */
  BOUNCY_CASTLE;

  /** The option text, e.g. {@code bouncy-castle}. */
  public String text() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * The provider written as {@code auto}, {@code jdk} or {@code bouncy-castle} (any case;
   * {@code bc} accepted).
   *
   * @throws IllegalArgumentException naming the allowed values
   */
  public static TlsProvider parse(String text) {
    String t = text == null ? "" : text.strip();
    if (t.equalsIgnoreCase("bc")) {
      return BOUNCY_CASTLE;
    }
    for (TlsProvider v : values()) {
      if (v.text().equalsIgnoreCase(t)) {
        return v;
      }
    }
    throw new IllegalArgumentException("tls provider must be one of auto, jdk, bouncy-castle, was \"" + text + "\"");
  }
}
