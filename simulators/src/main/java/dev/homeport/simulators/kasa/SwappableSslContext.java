package dev.homeport.simulators.kasa;

import java.security.KeyManagementException;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * A server {@link SSLContext} whose certificate can be replaced while the server runs: new
 * connections get engines from the current context, existing ones keep theirs (as when a camera
 * is reset and comes back with a new certificate). Thread-safe.
 */
final class SwappableSslContext extends SSLContext {

  private final Spi spi;

  private SwappableSslContext(Spi spi) {
    super(spi, null, "TLS");
    this.spi = spi;
  }

  static SwappableSslContext of(SSLContext initial) {
    return new SwappableSslContext(new Spi(initial));
  }

  void swap(SSLContext next) {
    spi.current = next;
  }

  SSLContext current() {
    return spi.current;
  }

  private static final class Spi extends SSLContextSpi {
    volatile SSLContext current;

    Spi(SSLContext initial) {
      this.current = initial;
    }

    @Override
    protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr)
        throws KeyManagementException {
      throw new KeyManagementException("already initialized");
    }

    @Override
    protected SSLSocketFactory engineGetSocketFactory() {
      return current.getSocketFactory();
    }

    @Override
    protected SSLServerSocketFactory engineGetServerSocketFactory() {
      return current.getServerSocketFactory();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine() {
      return current.createSSLEngine();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine(String host, int port) {
      return current.createSSLEngine(host, port);
    }

    @Override
    protected SSLSessionContext engineGetServerSessionContext() {
      return current.getServerSessionContext();
    }

    @Override
    protected SSLSessionContext engineGetClientSessionContext() {
      return current.getClientSessionContext();
    }

    @Override
    protected javax.net.ssl.SSLParameters engineGetDefaultSSLParameters() {
      return current.getDefaultSSLParameters();
    }

    @Override
    protected javax.net.ssl.SSLParameters engineGetSupportedSSLParameters() {
      return current.getSupportedSSLParameters();
    }
  }
}
