package dev.homeport.adapter.camera.http;

import dev.homeport.adapter.camera.http.internal.CameraClients;
import dev.homeport.adapter.camera.http.internal.Credentials;
import dev.homeport.adapter.camera.http.internal.EndpointOptions;
import dev.homeport.adapter.camera.http.internal.KasaCamera;
import dev.homeport.adapter.camera.http.internal.KasaDialect;
import dev.homeport.adapter.camera.http.internal.KasaLiveStream;
import dev.homeport.adapter.camera.http.internal.KasaMedia;
import dev.homeport.adapter.camera.http.internal.KasaTalk;
import dev.homeport.adapter.camera.http.internal.LinkieTransport;
import dev.homeport.ports.camera.Camera;
import dev.homeport.ports.camera.CameraDriver;
import dev.homeport.ports.camera.CameraEndpoint;
import dev.homeport.ports.camera.DriverOption;
import dev.homeport.support.Fingerprints;
import dev.homeport.support.KnownHostsStore;
import dev.homeport.support.PinningTrustManager;
import java.util.List;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@code kasa} brand: TP-Link Kasa cameras over their local HTTPS LINKIE endpoint, on the JDK
 * {@link HttpClient}.
 *
 * <pre>{@code
 * KasaCameraDriver kasa = new KasaCameraDriver();
 * try (Camera porch = kasa.connect(config)) {
 *   porch.execute(SetSetting.of(Setting.NIGHT_VISION, NightVisionMode.AUTO)).join();
 * }
 * }</pre>
 *
 * <p>All cameras of one driver on the JDK's TLS share one HTTP client (per connect time-out: one
 * selector thread, one connection pool; a camera on Bouncy Castle's TLS keeps its own) and its executor, and each keeps its own TLS
 * trust (trust on first use, a pinned fingerprint, or an explicit {@code insecure}), chosen per
 * handshake by the camera's address; see {@code CameraClients} for why TLS sessions and pooled
 * connections never cross camera identities. Two cameras on the same address get separate clients.
 * Connecting does no I/O. Thread-safe: one driver may serve any number of cameras at once.
 *
 * <p>Endpoint options ({@link #options()}): {@code auth}, {@code trust}, {@code fingerprint},
 * {@code known-hosts}, {@code timeout}, {@code connect-timeout}, {@code request-timeout}, {@code user-agent}, {@code stream-version},
 * {@code tls-provider}. Found at
 * run time through {@code META-INF/services/dev.homeport.ports.camera.CameraDriver}.
 */
public final class KasaCameraDriver implements CameraDriver {

  /** The brand id. */
  public static final String BRAND = "kasa";

  private static final AtomicInteger THREADS = new AtomicInteger();

  private static final class Shared {
    static final KasaCameraDriver INSTANCE = new KasaCameraDriver();
  }

  private final Executor executor;
  private final CameraClients clients;

  /**
   * A driver with its own executor: daemon threads, created on demand and ended after a minute
   * idle, so an idle driver holds no threads beyond each HTTP client's selector.
   */
  public KasaCameraDriver() {
    this(true);
  }

  /**
   * A driver with its own executor (as {@link #KasaCameraDriver()}) that shares one HTTP client
   * among its cameras or not.
   *
   * @param shareClients false gives each camera its own HTTP client (one selector thread and one
   *     TLS context per camera), as drivers did before; meant for same-run baselines
   */
  public KasaCameraDriver(boolean shareClients) {
    this(defaultExecutor(), shareClients);
  }

  /**
   * A driver whose cameras run on {@code executor} (the caller owns its lifecycle): the HTTP
   * client's internal tasks and the live stream and talk-back work run on it; a request in flight
   * holds no thread (the answer completes on the thread that read it). A refusing executor fails
   * commands with a {@code TransportException}.
   */
  public KasaCameraDriver(Executor executor) {
    this(executor, true);
  }

  /**
   * A driver on {@code executor} that shares one HTTP client among its cameras or not.
   *
   * @param shareClients false gives each camera its own HTTP client (one selector thread and one
   *     TLS context per camera), as drivers did before; meant for same-run baselines
   */
  public KasaCameraDriver(Executor executor, boolean shareClients) {
    this.executor = Objects.requireNonNull(executor, "executor");
    this.clients = new CameraClients(executor, shareClients);
  }

  private static ExecutorService defaultExecutor() {
    ThreadPoolExecutor pool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
        new SynchronousQueue<>(), r -> {
          Thread t = new Thread(r, "homeport-kasa-" + THREADS.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    return pool;
  }

  /**
   * The process-wide driver the Guice module uses: one executor for every camera of the process
   * (its threads are daemons and end after a minute idle). Created on first use.
   */
  public static KasaCameraDriver shared() {
    return Shared.INSTANCE;
  }

  @Override
  public String brand() {
    return BRAND;
  }

  /**
   * {@inheritDoc} {@code auth} (auto, base64, md5, plain; default auto), {@code trust} (tofu,
   * pinned, insecure or {@code sha256:HEX}; default tofu, or pinned when a fingerprint is given),
   * {@code fingerprint} (SHA-256 hex of the camera certificate), {@code known-hosts} (path of the
   * known-hosts file), {@code timeout}, {@code connect-timeout} and {@code request-timeout}
   * (e.g. {@code 5s}, {@code 500ms}, {@code PT8S}), {@code stream-port} (default 19443),
   * {@code talk-port} (default 18443), {@code stream-stall-timeout} (default 10s).
   */
  @Override
  public List<DriverOption> options() {
    return EndpointOptions.OPTIONS;
  }

  /** The UDP 9999 discovery probe (kasa-firmware.md §6), broadcast and unicast. */
  @Override
  public java.util.Optional<dev.homeport.ports.camera.CameraDiscovery> discovery() {
    return java.util.Optional.of(new dev.homeport.adapter.camera.http.internal.KasaCameraDiscovery());
  }

  /**
   * A camera for a brand-neutral endpoint with the {@link #options()} above.
   *
   * @throws IllegalArgumentException for another brand, a missing username or password, or an
   *     unknown or invalid option (naming it and the allowed values); no I/O happens before this
   */
  @Override
  public Camera connect(CameraEndpoint endpoint) {
    checkEndpoint(endpoint);
    return connect(EndpointOptions.toConfig(endpoint));
  }

  /**
   * A camera for {@code config}. No I/O happens here: the first command connects, and reports an
   * unreachable camera, wrong credentials or a changed certificate.
   *
   * @return a thread-safe camera; close it to release its connection
   */
  public Camera connect(KasaCameraConfig config) {
    Objects.requireNonNull(config, "config");
    String hostKey = LinkieTransport.hostKey(config.host(), config.port());
    PinningTrustManager trust;
    switch (config.trustMode()) {
      case PINNED:
        trust = PinningTrustManager.pinned(hostKey, Fingerprints.normalize(config.pinnedSha256().get()));
        break;
      case INSECURE:
        trust = PinningTrustManager.insecure(hostKey);
        break;
      case TOFU:
      default:
        trust = PinningTrustManager.trustOnFirstUse(hostKey, new KnownHostsStore(config.knownHostsFile()));
    }
    String host = config.host();
    List<String> addresses = List.of(hostKey, LinkieTransport.hostKey(host, config.streamPort()),
        LinkieTransport.hostKey(host, config.talkPort()));
    CameraClients.Lease lease = clients.lease(addresses, identity(config), trust,
        config.tlsProvider(), config.connectTimeout());
    HttpClient client = lease.client();
    LinkieTransport transport = new LinkieTransport(config.name(), config.host(), config.port(),
        new Credentials(config.username(), config.password()), config.authVariant(),
        config.connectTimeout(), config.requestTimeout(), client, executor, config.userAgent(),
        config.streamVersion().orElse(1) == 2 ? LinkieTransport.LINKIE2 : LinkieTransport.LINKIE, false,
        config.maxAnswerBytes());
    KasaMedia media = new KasaMedia(config.name(), config.host(), config.streamPort(), config.talkPort(),
        new Credentials(config.username(), config.password()), client, executor,
        new KasaLiveStream.Timing(config.connectTimeout(), config.streamStallTimeout(),
            Duration.ofMillis(500), Duration.ofSeconds(30)),
        KasaTalk.Pacer::realTime);
    return new KasaCamera(config.name(), hostKey, transport, new KasaDialect(), media)
        .eventPollInterval(config.eventPollInterval())
        .whenClosed(lease::release);
  }

  /** What makes two cameras on one address the same peer to trust (no secret in it). */
  private static String identity(KasaCameraConfig config) {
    switch (config.trustMode()) {
      case PINNED:
        return "pinned " + Fingerprints.normalize(config.pinnedSha256().get());
      case INSECURE:
        return "insecure";
      case TOFU:
      default:
        return "tofu " + config.knownHostsFile().toAbsolutePath().normalize();
    }
  }

  @Override
  public String toString() {
    return "KasaCameraDriver";
  }
}
