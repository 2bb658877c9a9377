package dev.homeport.benchmarks;

import dev.homeport.adapter.camera.http.KasaCameraConfig;
import dev.homeport.adapter.camera.http.KasaCameraDriver;
import dev.homeport.adapter.camera.http.internal.CameraTls;
import dev.homeport.support.PinningTrustManager;
import dev.homeport.adapter.camera.http.internal.Credentials;
import dev.homeport.adapter.camera.http.internal.KasaCamera;
import dev.homeport.adapter.camera.http.internal.LinkieTransport;
import dev.homeport.ports.camera.Camera;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * Measurement 3: one camera, sequential commands (one in flight) through the Kasa adapter to a
 * {@code KasaCameraSimulator} over real HTTPS on loopback; first with the connection reused (the
 * adapter as shipped, via {@link KasaCameraDriver} with its own executors), then, in the same run, the same transport and
 * camera classes on an HTTP client that opens a new TLS connection for every command (what the seed
 * client did). Prints commands/s, latency percentiles, client CPU per command and the ratio.
 *
 * <p>{@code java -cp benchmarks.jar dev.homeport.benchmarks.KasaSingleCameraRun [--seconds=10]
 * [--warmup=20] [--rounds=2] [--only-reused] [--in-process]}
 */
public final class KasaSingleCameraRun {

  private KasaSingleCameraRun() {}

  record Result(String mode, long commands, long failures, double seconds, long cpuNanos, long[] latencies,
      long connections) {
    double perSecond() {
      return commands / seconds;
    }
  }

  public static void main(String[] args) throws Exception {
    Bench.Options options = new Bench.Options(args);
    Duration seconds = options.duration("seconds", Duration.ofSeconds(10));
    Duration warmup = options.duration("warmup", Duration.ofSeconds(20));
    int rounds = options.integer("rounds", 2);
    boolean onlyReused = options.flag("only-reused");
    Bench.header("KasaSingleCameraRun", args);
    ExecutorService executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "bench-kasa-http");
      t.setDaemon(true);
      return t;
    });
    try (SimControl sims = SimControl.create(options.flag("in-process"))) {
      // the shipped driver with its own executors; the executor above serves only the baseline
      KasaCameraDriver driver = new KasaCameraDriver();
      Bench.OUT.println("warm-up: " + warmup.toSeconds() + " s each mode");
      phase(sims, driver, executor, false, warmup);
      if (!onlyReused) {
        phase(sims, driver, executor, true, warmup);
      }
      for (int round = 1; round <= rounds; round++) {
        Result a = phase(sims, driver, executor, false, seconds);
        print(a);
        if (onlyReused) {
          continue;
        }
        Result b = phase(sims, driver, executor, true, seconds);
        print(b);
        Bench.OUT.printf(Locale.ROOT, "round %d: reused / new-connection throughput ratio = %.1fx "
            + "(new TLS connections opened by the second: %d)%n", round, a.perSecond() / b.perSecond(), b.connections());
      }
    } finally {
      executor.shutdownNow();
    }
  }

  /** The adapter's own camera and transport classes on a new-connection-per-request client. */
  static Camera freshConnectionCamera(KasaCameraConfig config, ExecutorService executor, FreshConnectionHttpClient[] out) {
    String hostKey = LinkieTransport.hostKey(config.host(), config.port());
    SSLContext tls = PinningTrustManager.pinned(hostKey, config.pinnedSha256().orElseThrow()).context();
    FreshConnectionHttpClient client = new FreshConnectionHttpClient(() -> HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(config.connectTimeout())
        .sslContext(tls)
        .sslParameters(CameraTls.parameters(tls))
        .executor(executor)
        .build());
    out[0] = client;
    LinkieTransport transport = new LinkieTransport(config.name(), config.host(), config.port(),
        new Credentials(config.username(), config.password()), config.authVariant(),
        config.connectTimeout(), config.requestTimeout(), client, executor);
    return new KasaCamera(config.name() + "-fresh", hostKey, transport);
  }

  /**
   * One phase on a simulator of its own (the simulator records every request it accepts, so a
   * fresh one per phase keeps its bookkeeping out of the figures) and a camera of its own.
   */
  static Result phase(SimControl sims, KasaCameraDriver driver, ExecutorService executor, boolean newConnectionEach,
      Duration length) throws Exception {
    KasaCameraConfig config = Bench.kasaConfig(sims.startKasa(1).get(0));
    FreshConnectionHttpClient[] fresh = new FreshConnectionHttpClient[1];
    try (Camera camera = newConnectionEach ? freshConnectionCamera(config, executor, fresh) : driver.connect(config)) {
      Result r = drive(camera, newConnectionEach ? "new TLS per command" : "reused", length);
      return new Result(r.mode(), r.commands(), r.failures(), r.seconds(), r.cpuNanos(), r.latencies(),
          newConnectionEach ? fresh[0].connections() : 0);
    }
  }

  static Result drive(Camera camera, String mode, Duration length) throws Exception {
    Bench.LongList latencies = new Bench.LongList();
    long failures = 0;
    long n = 0;
    long cpu0 = Bench.processCpuNanos();
    java.util.Map<String, Long> threads0 = Bench.threadCpuByGroup();
    long start = System.nanoTime();
    long end = start + length.toNanos();
    long now = start;
    while (now < end) {
      long t0 = now;
      try {
        camera.execute(Bench.command(n)).get(10, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException e) {
        failures++;
        if (failures < 5) {
          Bench.OUT.println(mode + ": command failed: " + e.getCause());
        }
      }
      now = System.nanoTime();
      latencies.add(now - t0);
      n++;
    }
    long cpu = Bench.processCpuNanos() - cpu0;
    if (Boolean.getBoolean("bench.threadCpu")) {
      Bench.OUT.println("  client CPU per command by thread: " + Bench.topThreadCpu(threads0, Bench.threadCpuByGroup(), n));
    }
    return new Result(mode, n - failures, failures, (now - start) / 1e9, cpu, latencies.toArray(), 0);
  }

  static void print(Result r) {
    Bench.OUT.printf(Locale.ROOT, "%-20s %8.0f commands/s  (%d ok, %d failed in %.1f s)  client CPU %.1f us/command  latency %s%n",
        r.mode(), r.perSecond(), r.commands(), r.failures(), r.seconds(), r.cpuNanos() / 1e3 / Math.max(1, r.commands() + r.failures()),
        Bench.latencySummary(r.latencies()));
  }
}
