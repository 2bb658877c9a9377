package dev.homeport.benchmarks;

import dev.homeport.adapter.camera.http.KasaCameraConfig;
import dev.homeport.adapter.camera.http.internal.CameraTls;
import dev.homeport.support.PinningTrustManager;
import dev.homeport.adapter.camera.http.internal.Credentials;
import dev.homeport.adapter.camera.http.internal.KasaCamera;
import dev.homeport.adapter.camera.http.internal.LinkieTransport;
import dev.homeport.ports.camera.Camera;
import java.net.Socket;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * An experiment for the fleet run, not the shipped adapter: every camera's unchanged
 * {@link KasaCamera} and {@link LinkieTransport} on ONE JDK HttpClient (one selector thread, one
 * TLS context) whose trust manager hands each handshake to that camera's own
 * {@link PinningTrustManager}, chosen by the engine's peer host and port. It shows what sharing the
 * client across the cameras of a driver would change; the driver today makes one client per camera.
 */
final class SharedClientCameras {

  private final Map<String, PinningTrustManager> trust = new ConcurrentHashMap<>();
  private final HttpClient client;
  private final Executor executor;

  SharedClientCameras(Executor executor, Duration connectTimeout) {
    this.executor = executor;
    SSLContext tls;
    try {
      tls = SSLContext.getInstance("TLS");
      tls.init(null, new TrustManager[] {new Dispatching()}, null);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    this.client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(connectTimeout)
        .sslContext(tls)
        .sslParameters(CameraTls.parameters(tls))
        .executor(executor)
        .build();
  }

  Camera connect(KasaCameraConfig config) {
    String hostKey = LinkieTransport.hostKey(config.host(), config.port());
    trust.put(hostKey, PinningTrustManager.pinned(hostKey, config.pinnedSha256().orElseThrow()));
    LinkieTransport transport = new LinkieTransport(config.name(), config.host(), config.port(),
        new Credentials(config.username(), config.password()), config.authVariant(),
        config.connectTimeout(), config.requestTimeout(), client, executor);
    return new KasaCamera(config.name(), hostKey, transport);
  }

  private final class Dispatching extends X509ExtendedTrustManager {
    private PinningTrustManager of(SSLEngine engine) throws CertificateException {
      PinningTrustManager camera = engine == null ? null
          : trust.get(LinkieTransport.hostKey(engine.getPeerHost(), engine.getPeerPort()));
      if (camera == null) {
        throw new CertificateException("no camera registered for this peer");
      }
      return camera;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      of(engine).checkServerTrusted(chain, authType, engine);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
      throw new CertificateException("camera connections use SSLEngine");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      throw new CertificateException("camera connections use SSLEngine");
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
