package dev.homeport.cli.internal;

import dev.homeport.support.Fingerprints;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Reads the SHA-256 fingerprint of the certificate a TLS server presents without trusting it, so
 * that an "is not trusted" message can print it as ssh prints an unknown host key. The handshake is
 * abandoned inside the trust manager, before the server is authenticated, so nothing is sent to it
 * (no cookie, no token, no request). Stateless, thread-safe.
 */
final class PeerCertificate {

  private PeerCertificate() {}

  /**
   * The fingerprint ({@code 64} lower-case hex digits) of the certificate {@code host:port}
   * presents, or empty when it cannot be read within {@code wait} (it is advice, never required).
   */
  static Optional<String> sha256(String host, int port, Duration wait) {
    if (port <= 0) {
      return Optional.empty();
    }
    AtomicReference<String> seen = new AtomicReference<>();
    int millis = (int) Math.min(Integer.MAX_VALUE, wait.toMillis());
    try (Socket plain = new Socket()) {
      plain.connect(new InetSocketAddress(host, port), millis);
      plain.setSoTimeout(millis);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {new Recorder(seen)}, null);
      try (SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain, host, port, true)) {
        tls.startHandshake();
      }
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      // the handshake fails on purpose once the certificate is seen
    }
    return Optional.ofNullable(seen.get());
  }

  /** Records the server's certificate, then refuses it (ending the handshake). */
  private static final class Recorder extends X509ExtendedTrustManager {
    private final AtomicReference<String> seen;

    Recorder(AtomicReference<String> seen) {
      this.seen = seen;
    }

    private void record(X509Certificate[] chain) throws CertificateException {
      if (chain != null && chain.length > 0) {
        seen.set(Fingerprints.sha256(chain[0]));
      }
      throw new CertificateException("only reading the fingerprint");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
      record(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
      record(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      record(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
      throw new CertificateException("not a server");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
      throw new CertificateException("not a server");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      throw new CertificateException("not a server");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
