package dev.homeport.benchmarks;

import dev.homeport.adapter.camera.http.AuthVariant;
import dev.homeport.adapter.camera.http.ImmutableKasaCameraConfig;
import dev.homeport.adapter.camera.http.KasaCameraConfig;
import dev.homeport.support.Durations;
import dev.homeport.support.TrustMode;
import dev.homeport.adapter.events.wss.ImmutableSmartThingsConfig;
import dev.homeport.adapter.events.wss.SmartThingsTrust;
import dev.homeport.domain.Secret;
import dev.homeport.domain.camera.CameraCommand;
import dev.homeport.domain.camera.GetCameraInfo;
import dev.homeport.domain.camera.GetPosition;
import dev.homeport.domain.camera.GetSetting;
import dev.homeport.domain.camera.NightVisionMode;
import dev.homeport.domain.camera.SetSetting;
import dev.homeport.domain.camera.Setting;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

/** What every load run shares: options, the machine line, measurements of the JVM, statistics. */
final class Bench {

  /** Load-run output (library logging goes to standard error). */
  static final PrintStream OUT = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);

  private Bench() {}

  // ------------------------------------------------------------------ options

  /** {@code --name=value} options; a bare {@code --flag} is {@code true}. */
  static final class Options {
    private final Map<String, String> values = new HashMap<>();

    Options(String[] args) {
      for (String arg : args) {
        if (!arg.startsWith("--")) {
          throw new IllegalArgumentException("options look like --name=value, got " + arg);
        }
        int eq = arg.indexOf('=');
        if (eq < 0) {
          values.put(arg.substring(2), "true");
        } else {
          values.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
      }
    }

    int integer(String name, int fallback) {
      String v = values.get(name);
      return v == null ? fallback : Integer.parseInt(v);
    }

    long number(String name, long fallback) {
      String v = values.get(name);
      return v == null ? fallback : Long.parseLong(v);
    }

    boolean flag(String name) {
      return Boolean.parseBoolean(values.getOrDefault(name, "false"));
    }

    Duration duration(String name, Duration fallback) {
      String v = values.get(name);
      return v == null ? fallback : Durations.nonNegative("--" + name, v);
    }
  }

  // ------------------------------------------------------------------ the machine

  /** Prints what the figures were taken on and with which command. */
  static void header(String run, String[] args) {
    Runtime rt = Runtime.getRuntime();
    String command = ProcessHandle.current().info().commandLine().orElse("(unknown)");
    OUT.printf(Locale.ROOT, "== %s  %s%n", run, ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    OUT.printf(Locale.ROOT, "machine: %d cores, %s %s (%s), %s %s, max heap %d MB, GC %s, load average %.2f%n",
        rt.availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
        System.getProperty("java.vm.vendor"), System.getProperty("os.name"), System.getProperty("os.arch"),
        rt.maxMemory() >> 20, gcNames(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    OUT.println("command: " + command);
    OUT.println("args: " + String.join(" ", args));
  }

  private static String gcNames() {
    StringBuilder names = new StringBuilder();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      names.append(names.length() == 0 ? "" : "+").append(gc.getName().replace(' ', '_'));
    }
    return names.toString();
  }

  // ------------------------------------------------------------------ the JVM

  /** Heap in use after full collections (System.gc() is a full GC with the default G1 settings). */
  static long heapAfterGc() {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      pause(100);
      used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  static long heapUsed() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  static int threads() {
    return ManagementFactory.getThreadMXBean().getThreadCount();
  }

  /** Live threads by name without its numbers, most first, e.g. {@code HttpClient-#-Worker-# 3}. */
  static String threadNames() {
    StringBuilder out = new StringBuilder();
    threadGroups().entrySet().stream().sorted((a, b) -> Integer.compare(b.getValue(), a.getValue())).limit(8)
        .forEach(e -> out.append(out.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue()));
    return out.toString();
  }

  /** How many live threads have each name once its numbers are taken out. */
  static Map<String, Integer> threadGroups() {
    Map<String, Integer> groups = new HashMap<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      groups.merge(t.getName().replaceAll("[0-9]+", "#"), 1, Integer::sum);
    }
    return groups;
  }

  /** The groups whose thread count changed between two {@link #threadGroups()}, e.g. " (x-# +2)". */
  static String threadGroupsChange(Map<String, Integer> before, Map<String, Integer> after) {
    TreeSet<String> names = new TreeSet<>(before.keySet());
    names.addAll(after.keySet());
    StringBuilder out = new StringBuilder();
    for (String name : names) {
      int change = after.getOrDefault(name, 0) - before.getOrDefault(name, 0);
      if (change != 0) {
        out.append(out.length() == 0 ? " (" : ", ").append(name).append(change > 0 ? " +" : " ").append(change);
      }
    }
    return out.length() == 0 ? "" : out.append(')').toString();
  }

  /** Threads started in this JVM since it began (short-lived ones included). */
  static long threadsStarted() {
    return ManagementFactory.getThreadMXBean().getTotalStartedThreadCount();
  }

  /** The most threads alive at once since the last call (which starts a new period). */
  static int peakThreadsSinceLast() {
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    int peak = threads.getPeakThreadCount();
    threads.resetPeakThreadCount();
    return peak;
  }

  /** CPU time of this whole process (all threads, JIT and GC included). */
  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /** CPU nanoseconds used so far by live threads, grouped by thread name without its numbers. */
  static Map<String, Long> threadCpuByGroup() {
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<String, Long> groups = new HashMap<>();
    for (long id : threads.getAllThreadIds()) {
      java.lang.management.ThreadInfo info = threads.getThreadInfo(id);
      long cpu = threads.getThreadCpuTime(id);
      if (info != null && cpu > 0) {
        groups.merge(info.getThreadName().replaceAll("[0-9]+", "#"), cpu, Long::sum);
      }
    }
    return groups;
  }

  /** The thread groups that used the most CPU between two {@link #threadCpuByGroup()} snapshots. */
  static String topThreadCpu(Map<String, Long> before, Map<String, Long> after, long perItems) {
    StringBuilder out = new StringBuilder();
    after.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
        .filter(e -> e.getValue() > 0)
        .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
        .limit(6)
        .forEach(e -> out.append(out.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %.2f us",
            e.getKey(), e.getValue() / 1e3 / Math.max(1, perItems))));
    return out.toString();
  }

  /** Collections so far and their total time, e.g. {@code 12 GCs / 85 ms}. */
  static long[] gcCountAndMillis() {
    long count = 0;
    long millis = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      count += Math.max(0, gc.getCollectionCount());
      millis += Math.max(0, gc.getCollectionTime());
    }
    return new long[] {count, millis};
  }

  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Polls {@code condition} every millisecond until it holds or {@code timeout} passes. */
  static boolean await(BooleanSupplier condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
    }
    return true;
  }

  // ------------------------------------------------------------------ statistics

  /** Percentile {@code p} (0..100) of sorted values, nearest rank. */
  static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  /** {@code p50 .. p99 .. max} in milliseconds (3 decimals) of nanosecond values. */
  static String latencySummary(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return String.format(Locale.ROOT, "p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms (n=%d)",
        percentile(sorted, 50) / 1e6, percentile(sorted, 90) / 1e6, percentile(sorted, 99) / 1e6,
        sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6, sorted.length);
  }

  static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
  }

  /** A growable array of longs (one writer at a time). */
  static final class LongList {
    private long[] values = new long[1024];
    private int size;

    void add(long value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    long[] toArray() {
      return Arrays.copyOf(values, size);
    }

    int size() {
      return size;
    }
  }

  // ------------------------------------------------------------------ clients

  /** A Kasa camera config for a simulator: pinned to its certificate, base64 password form. */
  static KasaCameraConfig kasaConfig(SimControl.KasaTarget target) {
    return ImmutableKasaCameraConfig.builder()
        .name(target.name())
        .host("127.0.0.1")
        .port(target.port())
        .username(SimControl.KASA_USER)
        .password(Secret.of(SimControl.KASA_PASSWORD))
        .authVariant(AuthVariant.BASE64)
        .trustMode(TrustMode.PINNED)
        .pinnedSha256(target.fingerprint())
        .build();
  }

  /** A SmartThings config for the simulator, pinned to its certificate. */
  static ImmutableSmartThingsConfig.Builder smartThingsConfig(SimControl.SmartThingsTarget target) {
    return ImmutableSmartThingsConfig.builder()
        .url(target.url())
        .csrfToken(Secret.of(target.csrfToken()))
        .cookie(Secret.of(target.cookie()))
        .trust(SmartThingsTrust.pinnedSha256(target.fingerprint()));
  }

  /**
   * The typical command mix of the camera runs, in rotation: read motion detection, set night
   * vision (alternating auto/day), read the PTZ position, read the ~1 KB sysinfo. All idempotent.
   */
  static final List<CameraCommand<?>> COMMAND_MIX = List.of(
      GetSetting.of(Setting.MOTION_DETECTION),
      SetSetting.of(Setting.NIGHT_VISION, NightVisionMode.AUTO),
      new GetPosition(),
      new GetCameraInfo(),
      GetSetting.of(Setting.MOTION_DETECTION),
      SetSetting.of(Setting.NIGHT_VISION, NightVisionMode.DAY),
      new GetPosition(),
      new GetCameraInfo());

  static CameraCommand<?> command(long n) {
    return COMMAND_MIX.get((int) (n & 7));
  }
}
