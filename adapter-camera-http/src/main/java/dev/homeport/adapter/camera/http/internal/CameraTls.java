package dev.homeport.adapter.camera.http.internal;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * TLS settings for camera connections only: a per-camera {@link SSLContext} holding that camera's
 * {@code PinningTrustManager} (made by the support library), and {@link SSLParameters} that also allow the TLS 1.2 cipher suites
 * older camera firmware needs (RSA key exchange, CBC). Nothing here changes process-wide settings:
 * the JDK's {@code jdk.tls.disabledAlgorithms} still applies (it disables only what no camera
 * firmware needs: SSLv3, TLS 1.0/1.1, RC4, DES/3DES, NULL and anonymous suites).
 *
 * <p>Stateless and thread-safe.
 */
public final class CameraTls {

  /** TLS versions offered to cameras, best first. */
  static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

  /** Suites seen on camera firmware that the JDK may rank low or leave out; appended if supported. */
  static final List<String> LEGACY_SUITES = List.of(
      "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
      "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384",
      "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
      "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
      "TLS_DHE_RSA_WITH_AES_128_CBC_SHA",
      "TLS_DHE_RSA_WITH_AES_256_CBC_SHA",
      "TLS_RSA_WITH_AES_128_GCM_SHA256",
      "TLS_RSA_WITH_AES_256_GCM_SHA384",
      "TLS_RSA_WITH_AES_128_CBC_SHA256",
      "TLS_RSA_WITH_AES_256_CBC_SHA256",
      "TLS_RSA_WITH_AES_128_CBC_SHA",
      "TLS_RSA_WITH_AES_256_CBC_SHA");

  private CameraTls() {}

  /**
   * Parameters for camera connections made with {@code context}: TLS 1.3 and 1.2, the JDK's default
   * suites followed by the supported {@link #LEGACY_SUITES}, and no endpoint identification
   * algorithm (the trust manager identifies the camera by fingerprint instead).
   */
  public static SSLParameters parameters(SSLContext context) {
    SSLParameters supported = context.getSupportedSSLParameters();
    SSLParameters defaults = context.getDefaultSSLParameters();
    Set<String> supportedProtocols = Set.of(supported.getProtocols());
    Set<String> supportedSuites = Set.of(supported.getCipherSuites());
    SSLParameters params = new SSLParameters();
    params.setProtocols(
        PROTOCOLS.stream().filter(supportedProtocols::contains).toArray(String[]::new));
    Set<String> suites = new LinkedHashSet<>(Arrays.asList(defaults.getCipherSuites()));
    LEGACY_SUITES.stream().filter(supportedSuites::contains).forEach(suites::add);
    params.setCipherSuites(suites.toArray(String[]::new));
    params.setEndpointIdentificationAlgorithm(null);
    return params;
  }
}
