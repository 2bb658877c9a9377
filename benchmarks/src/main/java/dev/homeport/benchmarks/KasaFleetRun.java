package dev.homeport.benchmarks;

import dev.homeport.adapter.camera.http.ImmutableKasaCameraConfig;
import dev.homeport.adapter.camera.http.KasaCameraDriver;
import dev.homeport.ports.camera.Camera;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measurement 4: a fleet of simulated cameras (each its own {@code KasaCameraSimulator} on its own
 * port) driven concurrently from this JVM, one command in flight per camera (each camera issues its
 * next command when the previous one completes). Prints aggregate commands/s, latency percentiles
 * and the heap after full GC per connected camera, and the threads: alive, at the peak and started
 * per command.
 *
 * <p>The driver is the shipped one with its own executor ({@code new KasaCameraDriver()});
 * {@code --client-per-camera} gives every camera its own HTTP client instead (what drivers did
 * before {@code CameraClients}), for a same-run baseline.
 *
 * <p>{@code java -cp benchmarks.jar dev.homeport.benchmarks.KasaFleetRun [--cameras=200]
 * [--seconds=20] [--warmup=15] [--settle=65s] [--client-per-camera] [--in-process]}
 */
public final class KasaFleetRun {

  private KasaFleetRun() {}

  /** One camera's endless loop of commands, one at a time. */
  static final class Driver {
    final Camera camera;
    final Bench.LongList latencies = new Bench.LongList();
    final AtomicLong failures = new AtomicLong();
    volatile boolean measuring;
    volatile boolean stopped;
    final CompletableFuture<Void> done = new CompletableFuture<>();
    long n;

    Driver(Camera camera) {
      this.camera = camera;
    }

    void next() {
      if (stopped) {
        done.complete(null);
        return;
      }
      long t0 = System.nanoTime();
      boolean counted = measuring;
      camera.execute(Bench.command(n++)).whenComplete((result, failure) -> {
        long t1 = System.nanoTime();
        if (counted && measuring) {
          synchronized (this) {
            latencies.add(t1 - t0);
          }
          if (failure != null) {
            failures.incrementAndGet();
          }
        }
        next();
      });
    }

    synchronized long[] latencies() {
      return latencies.toArray();
    }
  }

  public static void main(String[] args) throws Exception {
    Bench.Options options = new Bench.Options(args);
    int cameras = options.integer("cameras", 200);
    Duration seconds = options.duration("seconds", Duration.ofSeconds(20));
    Duration warmup = options.duration("warmup", Duration.ofSeconds(15));
    boolean clientPerCamera = options.flag("client-per-camera");
    Duration settle = options.duration("settle", Duration.ofSeconds(65));
    Bench.header("KasaFleetRun", args);
    try (SimControl sims = SimControl.create(options.flag("in-process"))) {
      List<SimControl.KasaTarget> targets = sims.startKasa(cameras);
      KasaCameraDriver driver = clientPerCamera
          ? new KasaCameraDriver(false) : new KasaCameraDriver();
      Bench.OUT.println(clientPerCamera ? "BASELINE: one HTTP client per camera (--client-per-camera)"
          : "the shipped driver: one HTTP client for the fleet");
      int threads0 = Bench.threads();
      long heap0 = Bench.heapAfterGc();
      List<Camera> connected = new ArrayList<>();
      for (int i = 0; i < targets.size(); i++) {
        // On a network every camera has an address of its own; here all share 127.0.0.1, and with
        // the default stream and talk ports (19443, 18443) every camera after the first would
        // claim an address already in use on the shared client and get a client of its own
        // (CameraClients keeps one identity per host:port). So each gets stream and talk ports of
        // its own below 1024 (never an ephemeral simulator port; the fleet never connects to them).
        connected.add(driver.connect(ImmutableKasaCameraConfig.copyOf(Bench.kasaConfig(targets.get(i)))
            .withStreamPort(1 + 2 * i).withTalkPort(2 + 2 * i)));
      }
      long heapIdle = Bench.heapAfterGc();
      Bench.OUT.printf(Locale.ROOT, "%d cameras created, no connection yet: %.1f KB per camera%n",
          cameras, (heapIdle - heap0) / 1024.0 / cameras);
      // One command each, so every camera holds its TLS connection.
      // (In waves of 16: 200 simultaneous TLS handshakes on 2 cores would only measure the queue.)
      for (int i = 0; i < connected.size(); i += 16) {
        CompletableFuture.allOf(connected.subList(i, Math.min(connected.size(), i + 16)).stream()
            .map(c -> c.execute(Bench.command(3))).toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
      }
      long heap1 = Bench.heapAfterGc();
      int threads1 = Bench.threads();
      Bench.OUT.printf(Locale.ROOT, "%d cameras connected: heap after full GC %s before, %s after = %.1f KB per connected camera; threads %d -> %d%n",
          cameras, Bench.mb(heap0), Bench.mb(heap1), (heap1 - heap0) / 1024.0 / cameras, threads0, threads1);
      Bench.OUT.println("threads connected: " + Bench.threadNames());

      List<Driver> drivers = new ArrayList<>();
      for (Camera camera : connected) {
        drivers.add(new Driver(camera));
      }
      drivers.forEach(Driver::next);
      Bench.pause(warmup.toMillis());
      sims.clearRecords();
      long cpu0 = Bench.processCpuNanos();
      long[] gc0 = Bench.gcCountAndMillis();
      java.util.Map<String, Long> threadCpu0 = Bench.threadCpuByGroup();
      long started0 = Bench.threadsStarted();
      Bench.peakThreadsSinceLast();
      long start = System.nanoTime();
      drivers.forEach(d -> d.measuring = true);
      Bench.pause(seconds.toMillis());
      drivers.forEach(d -> d.measuring = false);
      long elapsed = System.nanoTime() - start;
      long started = Bench.threadsStarted() - started0;
      int peakThreads = Bench.peakThreadsSinceLast();
      long cpu = Bench.processCpuNanos() - cpu0;
      long[] gc1 = Bench.gcCountAndMillis();
      java.util.Map<String, Long> threadCpu1 = Bench.threadCpuByGroup();
      drivers.forEach(d -> d.stopped = true);
      CompletableFuture.allOf(drivers.stream().map(d -> d.done).toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

      long total = 0;
      long failures = 0;
      List<long[]> all = new ArrayList<>();
      for (Driver d : drivers) {
        long[] l = d.latencies();
        all.add(l);
        total += l.length;
        failures += d.failures.get();
      }
      long[] merged = new long[(int) total];
      int at = 0;
      for (long[] l : all) {
        System.arraycopy(l, 0, merged, at, l.length);
        at += l.length;
      }
      double perSecond = total / (elapsed / 1e9);
      Bench.OUT.printf(Locale.ROOT, "%d cameras, one in flight each: %.0f commands/s aggregate (%d commands, %d failed, in %.1f s); client CPU %.1f us/command; GC %d collections / %d ms%n",
          cameras, perSecond, total, failures, elapsed / 1e9, cpu / 1e3 / Math.max(1, total), gc1[0] - gc0[0], gc1[1] - gc0[1]);
      Bench.OUT.println("latency per command: " + Bench.latencySummary(merged));
      Bench.OUT.println("client CPU per command by thread: " + Bench.topThreadCpu(threadCpu0, threadCpu1, total));
      Bench.OUT.printf(Locale.ROOT, "threads while measuring: peak %d alive, %d started (%.3f per command)%n",
          peakThreads, started, started / (double) Math.max(1, total));
      long heap2 = Bench.heapAfterGc();
      Bench.OUT.printf(Locale.ROOT, "after the load: heap after full GC %s = %.1f KB per connected camera; threads %d (%s)%n",
          Bench.mb(heap2), (heap2 - heap0) / 1024.0 / cameras, Bench.threads(), Bench.threadNames());
      if (!settle.isZero()) {
        // Idle executor threads live 60 s, each with its thread-local state (the libraries'
        // per-thread buffers). Wait for them to end while keeping every connection open with one command
        // per camera every 10 s (the simulators close keep-alive connections idle for 30 s).
        long settleEnd = System.nanoTime() + settle.toNanos();
        while (System.nanoTime() < settleEnd) {
          for (Camera camera : connected) {
            camera.execute(Bench.command(0)).get(30, TimeUnit.SECONDS);
          }
          Bench.pause(Math.min(10_000, Math.max(0, (settleEnd - System.nanoTime()) / 1_000_000)));
        }
        for (Camera camera : connected) {
          camera.execute(Bench.command(0)).get(30, TimeUnit.SECONDS);
        }
        long heap3 = Bench.heapAfterGc();
        Bench.OUT.printf(Locale.ROOT, "%d s later, light traffic (one command per camera every 10 s) so every connection stays open: "
            + "heap after full GC %s = %.1f KB per connected camera; threads %d%n",
            settle.toSeconds(), Bench.mb(heap3), (heap3 - heap0) / 1024.0 / cameras, Bench.threads());
      }
      connected.forEach(Camera::close);
    }
  }
}
