package dev.homeport.support;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trust for ONE peer (a camera, a server): its certificate is accepted by SHA-256 fingerprint, not
 * by a CA chain or a host name (cameras present self-signed certificates without a SAN for their
 * IP). Fingerprints are compared in constant time ({@link Fingerprints#matches}).
 *
 * <p>Being an {@link X509ExtendedTrustManager}, it replaces the JDK's own host name check for the
 * connections it serves, and only those: the check is switched off per SSLContext (see
 * {@link #context()}), never process-wide. Modes ({@link TrustMode}): trust on first use (record in
 * a {@link KnownHostsStore}, then enforce), a fingerprint pinned up front, or {@code insecure}
 * (accept anything; warns once). A mismatch throws {@link PinMismatchException}.
 *
 * <p>Thread-safe.
 */
public final class PinningTrustManager extends X509ExtendedTrustManager {

  private static final Logger LOG = LoggerFactory.getLogger(PinningTrustManager.class);
  private static final X509Certificate[] NO_ISSUERS = new X509Certificate[0];

    private final TrustMode mode;
  private final String hostKey;
  private final KnownHostsStore store;
  private final String pinned;
  private final AtomicBoolean warned = new AtomicBoolean();
  private volatile String lastSeen;

  private PinningTrustManager(TrustMode mode, String hostKey, KnownHostsStore store, String pinned) {
    this.mode = mode;
    this.hostKey = Objects.requireNonNull(hostKey, "hostKey");
    this.store = store;
    this.pinned = pinned;
  }

  /** Records the first certificate seen for {@code hostKey} in {@code store} and enforces it after. */
  public static PinningTrustManager trustOnFirstUse(String hostKey, KnownHostsStore store) {
    return new PinningTrustManager(TrustMode.TOFU, hostKey, Objects.requireNonNull(store, "store"), null);
  }

  /** Accepts only a certificate with this SHA-256 fingerprint (see {@link Fingerprints#normalize}). */
  public static PinningTrustManager pinned(String hostKey, String sha256) {
    return new PinningTrustManager(TrustMode.PINNED, hostKey, null, Fingerprints.normalize(sha256));
  }

  /** Accepts any certificate. Logs one warning, at the first handshake. */
  public static PinningTrustManager insecure(String hostKey) {
    return new PinningTrustManager(TrustMode.INSECURE, hostKey, null, null);
  }

  /** The mode of this trust manager. */
  public TrustMode mode() {
    return mode;
  }

  /**
   * A new TLS context (protocol {@code TLS}) that trusts according to this manager and nothing else.
   *
   * @throws IllegalStateException if the JDK has no TLS implementation
   */
  public javax.net.ssl.SSLContext context() {
    try {
      javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
      context.init(null, new javax.net.ssl.TrustManager[] {this}, null);
      return context;
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("cannot create a TLS context", e);
    }
  }

  /** The fingerprint presented at the last handshake, or null before any. */
  public String lastSeenFingerprint() {
    return lastSeen;
  }

  private void check(X509Certificate[] chain) throws CertificateException {
    if (chain == null || chain.length == 0) {
      throw new CertificateException("peer " + hostKey + " presented no certificate");
    }
    String actual = Fingerprints.sha256(chain[0]);
    lastSeen = actual;
    switch (mode) {
      case INSECURE:
        if (warned.compareAndSet(false, true)) {
          LOG.warn("INSECURE TLS for {}: accepting ANY certificate (this one is SHA-256 {}); "
              + "anyone on the network path can impersonate the peer and read its credentials. "
              + "Use trust-on-first-use or a pinned fingerprint instead.", hostKey, actual);
        }
        return;
      case PINNED:
        if (!Fingerprints.matches(pinned, actual)) {
          LOG.warn("{} presented a certificate (SHA-256 {}) other than the pinned one ({}); "
              + "refusing to connect", hostKey, actual, pinned);
          throw new PinMismatchException(hostKey, pinned, actual);
        }
        return;
      case TOFU:
      default:
        java.util.Optional<String> recorded;
        try {
          recorded = store.recordIfAbsent(hostKey, actual);
        } catch (KnownHostsFileException e) {
          throw new CertificateException(e.getMessage(), e);
        } catch (RuntimeException e) {
          throw new CertificateException("cannot check known-hosts file " + store.file() + " for "
              + hostKey + ": " + e.getMessage(), e);
        }
        if (recorded.isEmpty()) {
          LOG.info("First contact with {}: recorded certificate SHA-256 {} in {}",
              hostKey, actual, store.file());
        } else if (!Fingerprints.matches(recorded.get(), actual)) {
          LOG.warn("{} presented a certificate (SHA-256 {}) other than the one recorded in {} "
              + "line {} ({}); refusing to connect. If the peer was reset or replaced, remove that "
              + "line.", hostKey, actual, store.file(), lineOf(hostKey), recorded.get());
          throw new PinMismatchException(hostKey, recorded.get(), actual);
        }
    }
  }

  private String lineOf(String hostKey) {
    try {
      return store.lineOf(hostKey).stream().mapToObj(String::valueOf).findFirst().orElse("?");
    } catch (RuntimeException e) {
      return "?";
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    check(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    check(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    check(chain);
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
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    throw new CertificateException("this trust manager does not authenticate clients");
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return NO_ISSUERS;
  }

  @Override
  public String toString() {
    return "PinningTrustManager[" + mode + " " + hostKey + "]";
  }
}
