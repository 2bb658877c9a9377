package dev.homeport.adapter.camera.http.internal;

import dev.homeport.adapter.camera.http.TlsProvider;
import java.net.Socket;
import java.net.http.HttpClient;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The HTTP clients of one driver: one JDK {@link HttpClient} (one selector thread, one TLS
 * context, one connection pool) for all cameras on the JDK's TLS with the same connect time-out,
 * instead of one per camera. A camera on Bouncy Castle's TLS (option {@code tls-provider}, or
 * {@code auto} on a JDK that disables static RSA) keeps a client of its own. Trust stays per camera: the shared context's trust manager
 * hands each handshake to the trust manager of the camera registered for the engine's peer
 * {@code host:port} (the camera's LINKIE, stream and talk ports), and refuses a peer nobody
 * registered.
 *
 * <p><b>Why sessions and connections never cross camera identities.</b> The JDK keys both its TLS
 * session cache (resumption skips the trust manager) and its connection pool by peer
 * {@code host:port}. So within one shared client a {@code host:port} belongs to exactly one camera
 * identity (trust mode, pin, known-hosts file) for the client's whole life: a second live camera
 * on an address already registered, or a later camera on an address once used with another
 * identity, gets a client of its own, as every camera did before. A resumed session or a pooled
 * connection for an address is therefore always one that this same identity's trust manager
 * approved. When the last camera of an address closes, the sessions cached for it are invalidated
 * too. Different certificates on different cameras meet different trust managers, so a changed
 * certificate on one camera fails only that camera's handshakes.
 *
 * <p>Thread-safe.
 */
public final class CameraClients {

  /** A camera's hold on a client; {@link #release()} once when the camera closes. */
  public interface Lease {
    /** The client to send this camera's requests on. */
    HttpClient client();

    /** Gives the camera's addresses back (idempotent). */
    void release();
  }

  private record Key(TlsProvider provider, Duration connectTimeout) {}

  private final Executor executor;
  private final boolean shared;
  private final Map<Key, Shared> clients = new HashMap<>();

  /**
   * Clients on {@code executor}.
   *
   * @param shareClients false to give every camera its own client (the former behaviour, kept for
   *     the benchmarks' same-run baseline)
   */
  public CameraClients(Executor executor, boolean shareClients) {
    this.executor = Objects.requireNonNull(executor, "executor");
    this.shared = shareClients;
  }

  /**
   * A client for a camera whose addresses are {@code hostKeys} ({@code host:port}, see
   * {@link LinkieTransport#hostKey}) and whose handshakes {@code trust} decides.
   *
   * @param identity what makes two cameras on one address the same peer to trust (trust mode, pin,
   *     known-hosts file); never a secret
   */
  public Lease lease(List<String> hostKeys, String identity, X509ExtendedTrustManager trust,
      TlsProvider provider, Duration connectTimeout) {
    TlsProvider effective = CameraTls.effective(provider);
    // Bouncy Castle (static-RSA cameras, tls-provider) keeps a client per camera: its engine's
    // peer host and its session cache are not what the reasoning above relies on
    if (shared && effective == TlsProvider.JDK) {
      Shared client;
      synchronized (clients) {
        client = clients.computeIfAbsent(new Key(effective, connectTimeout), k -> new Shared(k));
      }
      Lease lease = client.register(hostKeys, identity, trust);
      if (lease != null) {
        return lease;
      }
    }
    HttpClient own = build(CameraTls.context(trust, effective), connectTimeout);
    return new Lease() {
      @Override
      public HttpClient client() {
        return own;
      }

      @Override
      public void release() {
        // its own client: the selector thread ends once the client is unreachable
      }
    };
  }

  private HttpClient build(SSLContext tls, Duration connectTimeout) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(connectTimeout)
        .sslContext(tls)
        .sslParameters(CameraTls.parameters(tls))
        .executor(executor)
        .build();
  }

  /** One shared client and who may use which address on it. */
  private final class Shared extends X509ExtendedTrustManager {
    private final SSLContext tls;
    private final HttpClient client;
    /** Live cameras' trust by address. */
    private final Map<String, X509ExtendedTrustManager> live = new ConcurrentHashMap<>();
    /** The identity each address ever had on this client (guarded by {@code this}). */
    private final Map<String, String> identities = new HashMap<>();

    Shared(Key key) {
      this.tls = CameraTls.context(this, key.provider());
      this.client = build(tls, key.connectTimeout());
    }

    /** Registers the camera, or null when one of its addresses is taken (then: own client). */
    synchronized Lease register(List<String> hostKeys, String identity, X509ExtendedTrustManager trust) {
      for (String hostKey : hostKeys) {
        String before = identities.get(hostKey);
        if (live.containsKey(hostKey) || (before != null && !before.equals(identity))) {
          return null;
        }
      }
      List<String> keys = List.copyOf(hostKeys);
      for (String hostKey : keys) {
        identities.put(hostKey, identity);
        live.put(hostKey, trust);
      }
      return new Lease() {
        private boolean released;

        @Override
        public HttpClient client() {
          return client;
        }

        @Override
        public void release() {
          synchronized (Shared.this) {
            if (released) {
              return;
            }
            released = true;
            keys.forEach(live::remove);
          }
          forgetSessions(keys);
        }
      };
    }

    private void forgetSessions(List<String> hostKeys) {
      SSLSessionContext sessions = tls.getClientSessionContext();
      if (sessions == null) {
        return;
      }
      List<byte[]> ids = new ArrayList<>();
      for (byte[] id : Collections.list(sessions.getIds())) {
        ids.add(id);
      }
      for (byte[] id : ids) {
        SSLSession session = sessions.getSession(id);
        if (session != null && hostKeys.contains(LinkieTransport.hostKey(
            String.valueOf(session.getPeerHost()), session.getPeerPort()))) {
          session.invalidate();
        }
      }
    }

    private X509ExtendedTrustManager of(SSLEngine engine) throws CertificateException {
      X509ExtendedTrustManager camera = engine == null || engine.getPeerHost() == null ? null
          : live.get(LinkieTransport.hostKey(engine.getPeerHost(), engine.getPeerPort()));
      if (camera == null) {
        throw new CertificateException("no camera of this driver is configured for this address");
      }
      return camera;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      of(engine).checkServerTrusted(chain, authType, engine);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      throw new CertificateException("camera connections use SSLEngine");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      throw new CertificateException("camera connections use SSLEngine");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      throw new CertificateException("this trust manager does not authenticate clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      throw new CertificateException("this trust manager does not authenticate clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      throw new CertificateException("this trust manager does not authenticate clients");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
