package dev.homeport.adapter.events.wss.internal;

import dev.homeport.support.PinningTrustManager;
import dev.homeport.adapter.events.wss.SmartThingsTrust;
import dev.homeport.ports.TransportException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds the client {@link SSLContext} for a {@link SmartThingsTrust}: the JDK's or given CAs, or
 * the support library's {@link PinningTrustManager} for pinned and insecure trust.
 */
public final class TlsContexts {

  /** How the trust manager names the peer in its log lines and mismatches. */
  private static final String HOST = "the SmartThings server";

  private TlsContexts() {}

  /**
   * @throws TransportException (not retryable) when the CA file cannot be read or holds no certificate
   */
  public static SSLContext create(SmartThingsTrust trust) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      switch (trust.kind()) {
        case SYSTEM_DEFAULT:
          context.init(null, null, null);
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
      return context;
    } catch (GeneralSecurityException e) {
      throw new TransportException("could not set up TLS: " + e.getMessage(), e, false);
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
