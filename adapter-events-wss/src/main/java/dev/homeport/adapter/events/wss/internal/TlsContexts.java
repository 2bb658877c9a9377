package dev.homeport.adapter.events.wss.internal;

import dev.homeport.adapter.events.wss.EventsTlsProvider;
import dev.homeport.adapter.events.wss.SmartThingsTrust;
import dev.homeport.ports.TransportException;
import dev.homeport.support.PinningTrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyManagementException;
import java.security.KeyStore;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the client {@link SSLContext} for a {@link SmartThingsTrust}: the JDK's or given CAs, or
 * the support library's {@link PinningTrustManager} for pinned and insecure trust, on the JDK's TLS
 * or on Conscrypt ({@link EventsTlsProvider}). On Conscrypt the trust managers are still the JDK's,
 * given explicitly for system CAs too (Conscrypt's default is whatever {@code
 * TrustManagerFactory.getDefaultAlgorithm()} names: the JDK's PKIX one today, Conscrypt's own if an
 * application installed Conscrypt process-wide), and hostname verification is the JDK trust
 * manager's, reached through the engine's endpoint identification (Tyrus sets {@code HTTPS}); the protocol
 * versions are narrowed to the JDK's defaults (Conscrypt 2.5.2 enables TLS 1.0 and 1.1 by default;
 * its suites are a subset of the JDK's defaults, checked in the tests).
 */
public final class TlsContexts {

  /** How the trust manager names the peer in its log lines and mismatches. */
  private static final String HOST = "the SmartThings server";

  private static final Logger LOG = LoggerFactory.getLogger(TlsContexts.class);

  private TlsContexts() {}

  /**
   * @throws TransportException (not retryable) when the CA file cannot be read or holds no
   *     certificate, or when {@code provider} is {@link EventsTlsProvider#CONSCRYPT} and Conscrypt
   *     is missing or cannot load (the message names the option and why)
   */
  public static SSLContext create(SmartThingsTrust trust, EventsTlsProvider provider) {
    Optional<Provider> engine = engine(provider);
    try {
      SSLContext context = engine.isPresent() ? SSLContext.getInstance("TLS", engine.get()) : SSLContext.getInstance("TLS");
      switch (trust.kind()) {
        case SYSTEM_DEFAULT:
          context.init(null, engine.isPresent() ? systemTrustManagers() : null, null);
          break;
        case CA_CERTIFICATES:
          context.init(null, caTrustManagers(trust), null);
          break;
        case PINNED_SHA256:
          context.init(null, new TrustManager[] {PinningTrustManager.pinned(HOST, trust.pinnedFingerprint().orElseThrow())}, null);
          break;
        case INSECURE:
          context.init(null, new TrustManager[] {PinningTrustManager.insecure(HOST)}, null);
          break;
        default:
          throw new IllegalStateException("unknown trust kind " + trust.kind());
      }
      return engine.isPresent() ? new JdkProtocols(context) : context;
    } catch (GeneralSecurityException e) {
      throw new TransportException("could not set up TLS: " + e.getMessage(), e, false);
    }
  }

  /** Conscrypt's provider when {@code provider} asks for it and it loads; empty for the JDK's TLS. */
  static Optional<Provider> engine(EventsTlsProvider provider) {
    switch (provider) {
      case JDK:
        return Optional.empty();
      case CONSCRYPT:
        if (NativeTls.provider().isEmpty()) {
          throw new TransportException(
              "tls provider conscrypt is not available: " + NativeTls.unavailableReason()
                  + "; choose tls provider jdk or auto", null, false);
        }
        return NativeTls.provider();
      case AUTO:
        if (NativeTls.provider().isEmpty()) {
          LOG.debug("tls provider auto: the JDK's TLS, Conscrypt is unavailable ({})", NativeTls.unavailableReason());
        }
        return NativeTls.provider();
      default:
        throw new IllegalStateException("unknown tls provider " + provider);
    }
  }

  /** The JDK's default PKIX trust managers over its default trust store (what {@code init(null, null, null)} uses on the JDK's TLS). */
  private static TrustManager[] systemTrustManagers() throws GeneralSecurityException {
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init((KeyStore) null);
    return factory.getTrustManagers();
  }

  /**
   * A context whose engines enable the JDK's default protocol versions only (those the JDK's own
   * default client context enables and the delegate supports). Everything else is the delegate's.
   */
  private static final class JdkProtocols extends SSLContext {
    JdkProtocols(SSLContext delegate) {
      super(new Spi(delegate), delegate.getProvider(), delegate.getProtocol());
    }

    private static final class Spi extends SSLContextSpi {
      private final SSLContext delegate;
      private final String[] protocols;

      Spi(SSLContext delegate) {
        this.delegate = delegate;
        java.util.List<String> supported = java.util.List.of(delegate.getSupportedSSLParameters().getProtocols());
        String[] jdk;
        try {
          jdk = SSLContext.getDefault().getDefaultSSLParameters().getProtocols();
        } catch (GeneralSecurityException e) {
          throw new IllegalStateException("the JDK has no default TLS context", e);
        }
        this.protocols = java.util.Arrays.stream(jdk).filter(supported::contains).toArray(String[]::new);
      }

      private SSLEngine narrowed(SSLEngine engine) {
        engine.setEnabledProtocols(protocols);
        return engine;
      }

      @Override
      protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom random) throws KeyManagementException {
        delegate.init(km, tm, random);
      }

      @Override
      protected SSLEngine engineCreateSSLEngine() {
        return narrowed(delegate.createSSLEngine());
      }

      @Override
      protected SSLEngine engineCreateSSLEngine(String host, int port) {
        return narrowed(delegate.createSSLEngine(host, port));
      }

      @Override
      protected SSLSocketFactory engineGetSocketFactory() {
        // the adapter's connections are SSLEngine-based (Grizzly); a socket would escape the narrowing
        throw new UnsupportedOperationException("sockets are not used by the events adapter");
      }

      @Override
      protected SSLServerSocketFactory engineGetServerSocketFactory() {
        throw new UnsupportedOperationException("client context");
      }

      @Override
      protected SSLSessionContext engineGetServerSessionContext() {
        return delegate.getServerSessionContext();
      }

      @Override
      protected SSLSessionContext engineGetClientSessionContext() {
        return delegate.getClientSessionContext();
      }

      @Override
      protected javax.net.ssl.SSLParameters engineGetDefaultSSLParameters() {
        javax.net.ssl.SSLParameters parameters = delegate.getDefaultSSLParameters();
        parameters.setProtocols(protocols);
        return parameters;
      }

      @Override
      protected javax.net.ssl.SSLParameters engineGetSupportedSSLParameters() {
        return delegate.getSupportedSSLParameters();
      }
    }
  }

  private static TrustManager[] caTrustManagers(SmartThingsTrust trust) throws GeneralSecurityException {
    java.nio.file.Path file = trust.caFile().orElseThrow();
    Collection<? extends Certificate> certificates;
    try (InputStream in = Files.newInputStream(file)) {
      certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
    } catch (IOException | CertificateException e) {
      throw new TransportException("could not read CA certificates from " + file + ": " + e.getMessage(), e, false);
    }
    if (certificates.isEmpty()) {
      throw new TransportException("CA file " + file + " holds no certificate", null, false);
    }
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    try {
      store.load(null, null);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    int index = 0;
    for (Certificate certificate : certificates) {
      store.setCertificateEntry("ca-" + index++, certificate);
    }
    TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
    factory.init(store);
    return factory.getTrustManagers();
  }
}
