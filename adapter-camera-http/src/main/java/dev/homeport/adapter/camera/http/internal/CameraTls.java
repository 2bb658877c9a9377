package dev.homeport.adapter.camera.http.internal;

import dev.homeport.adapter.camera.http.TlsProvider;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;

/**
 * TLS settings for camera connections only: a per-camera {@link SSLContext} holding that camera's
 * trust manager (the support library's {@code PinningTrustManager}), on the JDK's TLS or on a private Bouncy Castle TLS provider (see
 * {@link TlsProvider}), and {@link SSLParameters} that also allow the TLS 1.2 suites camera firmware
 * needs (static RSA key exchange, CBC). Nothing here changes process-wide settings: no security
 * property is written and no provider is registered; the Bouncy Castle providers are plain objects
 * handed to {@code SSLContext.getInstance}.
 *
 * <p>Why not {@code SSLParameters.setAlgorithmConstraints}: the JDK's TLS checks a connection's own
 * constraints <em>and</em> {@code jdk.tls.disabledAlgorithms}, so a permissive per-connection
 * constraint cannot bring back a suite the property disables (measured on Temurin 25 with
 * {@code TLS_RSA_*} disabled: "No appropriate protocol" either way). Bouncy Castle 1.80 reads the
 * same property but does not understand its {@code TLS_RSA_*} wildcard entry, so static RSA works
 * there; a later Bouncy Castle that does would need its own answer (the test
 * {@code StaticRsaOnNewJdkTest} would show it).
 *
 * <p>Stateless and thread-safe.
 */
public final class CameraTls {

  /** TLS versions offered to cameras, best first. */
  static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

  /**
   * Suites seen on camera firmware that a provider may rank low or leave out; appended if supported.
   * The static-RSA ones are those clients that work offer (kasa-firmware.md §4).
   */
  static final List<String> LEGACY_SUITES = List.of(
      "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
      "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384",
      "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
      "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
      "TLS_DHE_RSA_WITH_AES_128_CBC_SHA",
      "TLS_DHE_RSA_WITH_AES_256_CBC_SHA",
      "TLS_RSA_WITH_AES_256_GCM_SHA384",
      "TLS_RSA_WITH_AES_256_CBC_SHA256",
      "TLS_RSA_WITH_AES_128_GCM_SHA256",
      "TLS_RSA_WITH_AES_128_CBC_SHA256",
      "TLS_RSA_WITH_AES_256_CBC_SHA",
      "TLS_RSA_WITH_AES_128_CBC_SHA");

  /** The suite probed to learn whether the JDK still permits static RSA. */
  static final String PROBE_SUITE = "TLS_RSA_WITH_AES_128_GCM_SHA256";

  private CameraTls() {}

  /** Whether the JDK's own TLS permits the static-RSA suites in this process (probed once). */
  public static boolean jdkPermitsStaticRsa() {
    return JdkProbe.PERMITS;
  }

  private static final class JdkProbe {
    static final boolean PERMITS = probe();

    /** A client handshake's first flight with only the probe suite: refused when it is disabled. */
    private static boolean probe() {
      try {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, null, null);
        SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(true);
        if (!Arrays.asList(engine.getSupportedCipherSuites()).contains(PROBE_SUITE)) {
          return false;
        }
        engine.setEnabledProtocols(new String[] {"TLSv1.2"});
        engine.setEnabledCipherSuites(new String[] {PROBE_SUITE});
        engine.beginHandshake();
        engine.wrap(ByteBuffer.allocate(0), ByteBuffer.allocate(engine.getSession().getPacketBufferSize()));
        return true;
      } catch (SSLException e) {
        return false;
      } catch (GeneralSecurityException | RuntimeException e) {
        return false;
      }
    }
  }

  /** Bouncy Castle's TLS and crypto, created once, never registered with {@code Security}. */
  private static final class BouncyCastle {
    static final Provider JSSE = new org.bouncycastle.jsse.provider.BouncyCastleJsseProvider(
        new org.bouncycastle.jce.provider.BouncyCastleProvider());
  }

  /** The implementation {@code wanted} means in this process. */
  public static TlsProvider effective(TlsProvider wanted) {
    if (wanted == TlsProvider.AUTO) {
      return jdkPermitsStaticRsa() ? TlsProvider.JDK : TlsProvider.BOUNCY_CASTLE;
    }
    return wanted;
  }

  /** A new TLS context on the JDK's TLS that trusts according to {@code trust} and nothing else. */
  public static SSLContext context(javax.net.ssl.X509ExtendedTrustManager trust) {
    return context(trust, TlsProvider.JDK);
  }

  /** A new TLS context on {@code provider} that trusts according to {@code trust} and nothing else. */
  public static SSLContext context(javax.net.ssl.X509ExtendedTrustManager trust, TlsProvider provider) {
    try {
      SSLContext context = effective(provider) == TlsProvider.BOUNCY_CASTLE
          ? SSLContext.getInstance("TLS", BouncyCastle.JSSE)
          : SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {trust}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot create a TLS context for a camera", e);
    }
  }

  /**
   * Parameters for camera connections made with {@code context}: TLS 1.3 and 1.2, the provider's
   * default suites followed by the supported {@link #LEGACY_SUITES}, and no endpoint identification
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
