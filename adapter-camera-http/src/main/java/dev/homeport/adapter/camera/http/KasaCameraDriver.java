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
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
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
 * selector thread, one connection pool; a camera on Bouncy Castle's TLS keeps its own) and its executors, and each keeps its own TLS
 * trust (trust on first use, a pinned fingerprint, or an explicit {@code insecure}), chosen per
 * handshake by the camera's address; see {@code CameraClients} for why TLS sessions and pooled
 * connections never cross camera identities. Two cameras on the same address get separate clients.
 * Connecting does no I/O. Thread-safe: one driver may serve any number of cameras at once.
 *
 * <p>On a machine with two cores or fewer, the JDK 17 {@code HttpClient} starts a short-lived
 * thread for every answer: it completes each {@code sendAsync} through {@code CompletableFuture}'s
 * default executor, which is a new thread per task when the common pool's parallelism is 1. Only
 * the application can change that, by starting the JVM with
 * {@code -Djava.util.concurrent.ForkJoinPool.common.parallelism=2}: in the 200-camera benchmark
 * (BENCHMARKS.md §4) that roughly halves the client's CPU per command.
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
  private final Executor mediaExecutor;
  private final CameraClients clients;

  /**
   * A driver with executors of its own: the HTTP client's work (TLS, reading and parsing answers,
   * the commands' completions) on a pool of as many threads as there are cores (at least two),
   * however many cameras it serves, and the live stream and talk-back work, which may block
   * (paced talk-back, slow frame subscribers), on threads created on demand. Both pools' threads
   * are daemons and end after a minute idle, so an idle driver holds no threads beyond the HTTP
   * client's selector.
   *
   * <p>The commands' futures complete on the HTTP client's threads (its pool or its selector): a
   * callback that blocks, on another command of the same driver say, holds one of those few
   * threads (use the {@code *Async} forms with an executor of your own for blocking work).
   */
  public KasaCameraDriver() {
    this(true);
  }

  /**
   * A driver with its own executors (as {@link #KasaCameraDriver()}) that shares one HTTP client
   * among its cameras or not.
   *
   * @param shareClients false gives each camera its own HTTP client (one selector thread and one
   *     TLS context per camera), as drivers did before; meant for same-run baselines
   */
  public KasaCameraDriver(boolean shareClients) {
    this(httpExecutor(), mediaExecutor(), shareClients);
  }

  /**
   * A driver whose cameras run on {@code executor} (the caller owns its lifecycle): the HTTP
   * client's internal tasks and the live stream and talk-back work run on it; a request in flight
   * holds no thread (the answer completes on the thread that read it). Talk-back holds one of its
   * threads while it paces the audio, so {@code executor} must not be a small bounded pool when
   * talk-back is used. A refusing executor fails commands with a {@code TransportException}.
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
    this(executor, executor, shareClients);
  }

  private KasaCameraDriver(Executor executor, Executor mediaExecutor, boolean shareClients) {
    this.executor = Objects.requireNonNull(executor, "executor");
    this.mediaExecutor = Objects.requireNonNull(mediaExecutor, "mediaExecutor");
    this.clients = new CameraClients(executor, shareClients);
  }

  /**
   * The HTTP client's pool: its tasks never block (a request in flight holds no thread), so as
   * many threads as cores keep both busy; more would only add context switches (issue 11: 550-600
   * threads of an unbounded pool under a 200-camera load). The queue is unbounded so the client's
   * internal tasks are never refused.
   */
  private static ExecutorService httpExecutor() {
    int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
    ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), daemons("homeport-kasa-http-"));
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  /** Live stream fan-out and talk-back: may block, so a thread per task, kept a minute idle. */
  private static ExecutorService mediaExecutor() {
    return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
        new SynchronousQueue<>(), daemons("homeport-kasa-media-"));
  }

  private static ThreadFactory daemons(String prefix) {
    return r -> {
      Thread t = new Thread(r, prefix + THREADS.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /**
   * The process-wide driver the Guice module uses: one HTTP pool and one media pool for every
   * camera of the process (as {@link #KasaCameraDriver()}). Created on first use.
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
        new Credentials(config.username(), config.password()), client, mediaExecutor,
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
