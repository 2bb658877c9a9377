package dev.homeport.benchmarks;

import dev.homeport.adapter.inmemory.InMemoryCamera;
import dev.homeport.adapter.inmemory.InMemorySmartHome;
import dev.homeport.domain.home.DeviceEvent;
import dev.homeport.domain.home.ImmutableLocation;
import dev.homeport.simulators.kasa.KasaCameraSimulator;
import dev.homeport.simulators.smartthings.SmartThingsSimulator;
import dev.homeport.simulators.tls.SelfSignedCertificate;
import java.util.ArrayList;
import java.util.List;

/** The simulators in this JVM. Thread-safe (every call is synchronized). */
final class LocalSims implements SimControl {

  /** Held so the level sticks (java.util.logging keeps loggers weakly). */
  /**
   * System property: bytes of pushed frames the SmartThings simulator gathers per write (its
   * default 48 KB; 1: one write per frame, the client then gets one frame per read).
   */
  static final String BATCH_PROPERTY = "bench.simBatchBytes";

  /** Events made and handed to the simulator at a time (bounds the events held in memory). */
  private static final int PUSH_SLICE = 1024;

  private static final java.util.logging.Logger GRIZZLY = java.util.logging.Logger.getLogger("org.glassfish.grizzly");

  static {
    GRIZZLY.setLevel(java.util.logging.Level.WARNING);
    // The JDK HTTP server leaves Nagle's algorithm on unless told otherwise; its separate writes of
    // headers and body then meet the client's delayed ACK and every answer waits ~40 ms. Real
    // cameras answer at once, so the simulators must not add that.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final List<KasaCameraSimulator> kasa = new ArrayList<>();
  private final List<InMemoryCamera> backends = new ArrayList<>();
  private SelfSignedCertificate kasaCertificate;
  private SmartThingsSimulator smartThings;
  /** True in {@link SimulatorHost}'s child JVM: the process's CPU is then the simulators' alone. */
  private final boolean ownProcess;

  /** Simulators sharing the client's process. */
  LocalSims() {
    this(false);
  }

  LocalSims(boolean ownProcess) {
    this.ownProcess = ownProcess;
  }

  @Override
  public synchronized List<KasaTarget> startKasa(int count) {
    if (kasaCertificate == null) {
      // One certificate for all simulated cameras: making 200 key pairs would only slow the start.
      kasaCertificate = SelfSignedCertificate.create("kasa-simulator");
    }
    List<KasaTarget> targets = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String name = "cam-" + (kasa.size() + 1);
      InMemoryCamera backend = InMemoryCamera.builder().name(name).info(Fixtures.cameraInfo(name)).build();
      KasaCameraSimulator simulator = KasaCameraSimulator.builder()
          .credentials(KASA_USER, KASA_PASSWORD)
          .certificate(kasaCertificate)
          .backend(backend)
          .start();
      kasa.add(simulator);
      backends.add(backend);
      targets.add(new KasaTarget(name, simulator.port(), simulator.fingerprint()));
    }
    return targets;
  }

  @Override
  public synchronized void kasaUnreachable(boolean unreachable) {
    backends.forEach(b -> b.setUnreachable(unreachable));
  }

  @Override
  public synchronized void clearRecords() {
    backends.forEach(InMemoryCamera::clearExecutedCommands);
  }

  @Override
  public synchronized SmartThingsTarget startSmartThings() {
    if (smartThings == null) {
      InMemorySmartHome home = InMemorySmartHome.builder().build();
      home.addLocation(ImmutableLocation.builder().id(Fixtures.LOCATION).name("Bench home").build());
      SmartThingsSimulator.Builder builder = SmartThingsSimulator.builder().backend(home);
      String batch = System.getProperty(BATCH_PROPERTY);
      if (batch != null) {
        builder.pushBatchBytes(Integer.parseInt(batch.trim()));
      }
      smartThings = builder.start();
    }
    return new SmartThingsTarget(smartThings.url(), smartThings.csrfToken(), smartThings.cookie(),
        smartThings.certificate().sha256Fingerprint());
  }

  @Override
  public synchronized PushReport pushMeasured(long first, long count) {
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    java.util.Map<String, Long> threads0 = ownProcess ? Bench.threadCpuByGroup() : java.util.Map.of();
    long process0 = ownProcess ? Bench.processCpuNanos() : 0;
    long pusher0 = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    List<DeviceEvent> slice = new ArrayList<>(PUSH_SLICE);
    for (long n = first; n < first + count; n++) {
      slice.add(Fixtures.event(n));
      if (slice.size() == PUSH_SLICE) {
        smartThings.pushBurst(slice);
        slice.clear();
      }
    }
    smartThings.pushBurst(slice);
    long nanos = System.nanoTime() - start;
    long pusher = threads.getCurrentThreadCpuTime() - pusher0;
    if (!ownProcess) {
      return new PushReport(nanos, -1, pusher, "");
    }
    return new PushReport(nanos, Bench.processCpuNanos() - process0, pusher,
        Bench.topThreadCpu(threads0, Bench.threadCpuByGroup(), count));
  }

  @Override
  public synchronized void drop() {
    smartThings.dropConnections();
  }

  @Override
  public synchronized int liveSubscriptions() {
    return smartThings == null ? 0 : smartThings.liveSubscriptions();
  }

  @Override
  public synchronized void close() {
    kasa.forEach(KasaCameraSimulator::close);
    kasa.clear();
    backends.forEach(InMemoryCamera::close);
    backends.clear();
    if (smartThings != null) {
      smartThings.close();
      smartThings = null;
    }
  }
}
