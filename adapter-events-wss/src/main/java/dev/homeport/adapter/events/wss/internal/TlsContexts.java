package dev.homeport.adapter.events.wss.internal;

import dev.homeport.adapter.events.wss.SmartThingsTrust;
import dev.homeport.ports.TransportException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.HexFormat;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/** Builds the client {@link SSLContext} for a {@link SmartThingsTrust}. */
public final class TlsContexts {

  private TlsContexts() {}

  /** Thrown by the pinning trust manager; carries both fingerprints for the port's exception. */
  public static final class PinMismatchException extends CertificateException {
    private final String expected;
    private final String actual;

    PinMismatchException(String expected, String actual) {
      super("server certificate SHA-256 " + actual + " does not match the pinned " + expected);
      this.expected = expected;
      this.actual = actual;
    }

    public String expected() {
      return expected;
    }

    public String actual() {
      return actual;
    }
  }

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
          context.init(null, new TrustManager[] {new PinningTrustManager(trust.pinnedFingerprint().orElseThrow())}, null);
          break;
        case INSECURE:
          context.init(null, new TrustManager[] {new PinningTrustManager(null)}, null);
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

  /** Lower-case hex SHA-256 of the certificate's DER encoding. */
  public static String fingerprint(X509Certificate certificate) throws CertificateException {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new CertificateException(e);
    }
  }

  /**
   * Accepts exactly the pinned leaf certificate (the pin is the identity, so no host-name check), or
   * anything when the pin is null (insecure opt-in). Extended so the JDK adds no host-name check.
   */
  static final class PinningTrustManager extends X509ExtendedTrustManager {
    private final String pin;

    PinningTrustManager(String pin) {
      this.pin = pin;
    }

    private void check(X509Certificate[] chain) throws CertificateException {
      if (chain == null || chain.length == 0) {
        throw new CertificateException("server sent no certificate");
      }
      if (pin == null) {
        return;
      }
      String actual = fingerprint(chain[0]);
      if (!MessageDigest.isEqual(actual.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
          pin.getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
        throw new PinMismatchException(pin, actual);
      }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      throw new CertificateException("client certificates are not checked here");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      throw new CertificateException("client certificates are not checked here");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      throw new CertificateException("client certificates are not checked here");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
