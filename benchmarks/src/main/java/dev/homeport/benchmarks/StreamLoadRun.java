package dev.homeport.benchmarks;

import dev.homeport.adapter.camera.http.ImmutableKasaCameraConfig;
import dev.homeport.adapter.camera.http.KasaCameraDriver;
import dev.homeport.domain.Secret;
import dev.homeport.domain.media.MediaFrame;
import dev.homeport.ports.camera.Camera;
import dev.homeport.simulators.kasa.KasaStreamSimulator;
import dev.homeport.simulators.tls.SelfSignedCertificate;
import dev.homeport.support.TrustMode;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Live streams, end to end: N Kasa stream simulators (in this JVM, the sample clip looped at
 * {@code --speed} times real time) and N cameras of the real adapter each recording nothing but
 * counting frames. Prints the client's CPU per stream second (the CPU time of the client's own
 * threads, the simulators' threads excluded) and the heap retained by N streams at once (heap in
 * use after a full collection, with the streams running, minus the same before they started).
 *
 * <pre>{@code java -Xms512m -Xmx512m -cp benchmarks/target/benchmarks.jar dev.homeport.benchmarks.StreamLoadRun
 *     --streams=10 --seconds=30 --warmup=10 --speed=1}</pre>
 */
public final class StreamLoadRun {

  private StreamLoadRun() {}

  static final class Counter implements Flow.Subscriber<MediaFrame> {
    final AtomicLong frames = new AtomicLong();
    final AtomicLong bytes = new AtomicLong();
    Flow.Subscription s;

    @Override
    public void onSubscribe(Flow.Subscription s) {
      this.s = s;
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(MediaFrame f) {
      frames.incrementAndGet();
      bytes.addAndGet(f.size());
    }

    @Override
    public void onError(Throwable t) {
      System.err.println("stream failed: " + t);
    }

    @Override
    public void onComplete() {}
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> o = new HashMap<>();
    for (String a : args) {
      String[] kv = a.replaceFirst("^--", "").split("=", 2);
      o.put(kv[0], kv.length > 1 ? kv[1] : "true");
    }
    int n = Integer.parseInt(o.getOrDefault("streams", "10"));
    int seconds = Integer.parseInt(o.getOrDefault("seconds", "30"));
    int warmup = Integer.parseInt(o.getOrDefault("warmup", "10"));
    double speed = Double.parseDouble(o.getOrDefault("speed", "1"));
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    SelfSignedCertificate cert = SelfSignedCertificate.create("stream-load");
    List<KasaStreamSimulator> sims = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      sims.add(KasaStreamSimulator.builder().certificate(cert).speed(speed).start());
    }
    long heapBefore = retained(memory);
    int threadsBefore = threads.getThreadCount();
    KasaCameraDriver driver = new KasaCameraDriver();
    List<Camera> cameras = new ArrayList<>();
    List<Counter> counters = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      KasaStreamSimulator sim = sims.get(i);
      Camera camera = driver.connect(ImmutableKasaCameraConfig.builder()
          .name("cam" + i).host("127.0.0.1").streamPort(sim.streamPort()).talkPort(sim.talkPort())
          .username("user@example.com").password(Secret.of("secret"))
          .trustMode(TrustMode.PINNED).pinnedSha256(sim.fingerprint()).build());
      Counter c = new Counter();
      camera.stream().orElseThrow().frames().subscribe(c);
      cameras.add(camera);
      counters.add(c);
    }
    Thread.sleep(warmup * 1000L);
    long cpu0 = clientCpu(threads);
    long frames0 = counters.stream().mapToLong(c -> c.frames.get()).sum();
    long bytes0 = counters.stream().mapToLong(c -> c.bytes.get()).sum();
    long t0 = System.nanoTime();
    Thread.sleep(seconds * 1000L);
    long cpu1 = clientCpu(threads);
    long wall = System.nanoTime() - t0;
    long frames = counters.stream().mapToLong(c -> c.frames.get()).sum() - frames0;
    long bytes = counters.stream().mapToLong(c -> c.bytes.get()).sum() - bytes0;
    long heapWith = retained(memory);
    int threadsWith = threads.getThreadCount();
    double streamSeconds = n * wall / 1e9;
    System.out.printf(Locale.ROOT, "streams=%d speed=%.1f seconds=%.1f frames=%d (%.0f/s per stream) bytes=%d (%.1f KB/s per stream)%n",
        n, speed, wall / 1e9, frames, frames / streamSeconds, bytes, bytes / streamSeconds / 1000);
    System.out.printf(Locale.ROOT, "client CPU: %.1f ms per stream second (%.2f%% of one core per stream), %.1f ms per MB%n",
        (cpu1 - cpu0) / 1e6 / streamSeconds, (cpu1 - cpu0) / 1e7 / streamSeconds, (cpu1 - cpu0) / 1e6 / (bytes / 1e6));
    System.out.printf(Locale.ROOT, "heap retained by %d streams: %.1f MB (%.0f KB per stream); threads %d -> %d%n",
        n, (heapWith - heapBefore) / 1e6, (heapWith - heapBefore) / 1e3 / n, threadsBefore, threadsWith);
    System.out.printf(Locale.ROOT, "load average at the end: %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    for (Camera c : cameras) {
      c.close();
    }
    for (KasaStreamSimulator s : sims) {
      s.close();
    }
  }

  /** CPU time of the client's threads: every thread but the simulators' ("kasa-sim-..."). */
  static long clientCpu(ThreadMXBean threads) {
    long total = 0;
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info == null || info.getThreadName().startsWith("kasa-sim")) {
        continue;
      }
      long t = threads.getThreadCpuTime(info.getThreadId());
      if (t > 0) {
        total += t;
      }
    }
    return total;
  }

  static long retained(MemoryMXBean memory) throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
