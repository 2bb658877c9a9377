package dev.homeport.benchmarks;

import dev.homeport.adapter.camera.http.KasaCameraDriver;
import dev.homeport.adapter.events.wss.SmartThingsGateway;
import dev.homeport.domain.home.EventFilter;
import dev.homeport.ports.camera.Camera;
import dev.homeport.ports.home.SessionState;
import dev.homeport.ports.home.SmartHomeSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measurement 7: a soak of mixed traffic: several cameras, each paced at a steady command rate (one
 * in flight), and a steady stream of device events into one subscription; periodically the
 * simulator drops the WSS connection, or every camera becomes unreachable for a moment (connections
 * dropped without an answer). Nothing may be lost after a recovery: every event pushed while the
 * session was up arrives exactly once, and every command issued after a camera outage ended
 * succeeds. Heap (after full GC) and thread count are taken at the start (once one drop and one
 * outage have happened) and at the end.
 *
 * <p>{@code java -cp benchmarks.jar dev.homeport.benchmarks.SoakRun [--duration=10m] [--cameras=8]
 * [--camera-rate=25] [--event-rate=2000] [--disturb-every=30s] [--in-process]}
 */
public final class SoakRun {

  private SoakRun() {}

  /** Everything a soak found. */
  static final class Report {
    Duration duration;
    long commandsOk;
    long commandsFailedDuringOutage;
    long commandsLostAfterRecovery;
    long eventsPushed;
    long eventsReceived;
    long eventDuplicates;
    int connectionDrops;
    int cameraOutages;
    int failedRecoveries;
    long heapStart;
    long heapEnd;
    int threadsBefore;
    int threadsStart;
    int threadsEnd;
    Map<String, Integer> threadGroupsStart = Map.of();
    Map<String, Integer> threadGroupsEnd = Map.of();
    long[] reconnectNanos;

    long eventsLost() {
      return eventsPushed - eventsReceived;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT,
          "soak %d s: commands ok %,d, failed during outages %,d, lost after recovery %d; events pushed %,d, received %,d, "
              + "lost %d, duplicates %d; WSS drops %d, camera outages %d, failed recoveries %d; heap after full GC %s at start, "
              + "%s at end; threads %d before connecting, %d at start, %d at end%s; drop -> resubscribed %s",
          duration.toSeconds(), commandsOk, commandsFailedDuringOutage, commandsLostAfterRecovery, eventsPushed,
          eventsReceived, eventsLost(), eventDuplicates, connectionDrops, cameraOutages, failedRecoveries,
          Bench.mb(heapStart), Bench.mb(heapEnd), threadsBefore, threadsStart, threadsEnd,
          Bench.threadGroupsChange(threadGroupsStart, threadGroupsEnd), Bench.latencySummary(reconnectNanos));
    }
  }

  /** Options of one soak. */
  record Plan(Duration duration, int cameras, int cameraRate, int eventRate, Duration disturbEvery) {}

  public static void main(String[] args) throws Exception {
    Bench.Options options = new Bench.Options(args);
    Plan plan = new Plan(options.duration("duration", Duration.ofMinutes(10)), options.integer("cameras", 8),
        options.integer("camera-rate", 25), options.integer("event-rate", 2000),
        options.duration("disturb-every", Duration.ofSeconds(30)));
    Bench.header("SoakRun", args);
    try (SimControl sims = SimControl.create(options.flag("in-process"))) {
      Report report = run(sims, plan, Bench.OUT);
      Bench.OUT.println(report);
    }
  }

  /** One camera paced at a fixed rate, one command in flight. */
  private static final class Pacer {
    final Camera camera;
    final AtomicLong ok = new AtomicLong();
    final AtomicLong failedDuringOutage = new AtomicLong();
    final AtomicLong lostAfterRecovery = new AtomicLong();
    volatile boolean inFlight;
    long n;

    Pacer(Camera camera) {
      this.camera = camera;
    }

    void tick(AtomicLong epoch) {
      if (inFlight) {
        return;
      }
      inFlight = true;
      long issuedIn = epoch.get();
      camera.execute(Bench.command(n++)).whenComplete((result, failure) -> {
        if (failure == null) {
          ok.incrementAndGet();
        } else if (issuedIn % 2 == 0 && epoch.get() == issuedIn) {
          // issued while every camera was healthy, and no outage began before it completed
          lostAfterRecovery.incrementAndGet();
        } else {
          failedDuringOutage.incrementAndGet();
        }
        inFlight = false;
      });
    }
  }

  static Report run(SimControl sims, Plan plan, java.io.PrintStream log) throws Exception {
    Report report = new Report();
    report.threadsBefore = Bench.threads();
    List<SimControl.KasaTarget> targets = sims.startKasa(plan.cameras());
    SimControl.SmartThingsTarget st = sims.startSmartThings();
    // As many threads as the driver's own pool (O(cores)): an elastic pool would make the thread
    // count at the end depend on how many answers happened to arrive at once.
    ExecutorService http = Executors.newFixedThreadPool(2, r -> daemon(r, "soak-http"));
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "soak-ticker"));
    KasaCameraDriver driver = new KasaCameraDriver(http);
    List<Pacer> pacers = new ArrayList<>();
    EventCounter counter = new EventCounter(0);
    LifecycleWatch lifecycle = new LifecycleWatch();
    Bench.LongList reconnects = new Bench.LongList();
    // even: every camera healthy; odd: an outage is on
    AtomicLong epoch = new AtomicLong();
    SmartHomeSession session = null;
    try {
      for (SimControl.KasaTarget target : targets) {
        pacers.add(new Pacer(driver.connect(Bench.kasaConfig(target))));
      }
      session = SmartThingsGateway.create(Bench.smartThingsConfig(st).backoffMin(Duration.ofMillis(200))
          .bufferSize(1 << 16).build()).connect().get(30, TimeUnit.SECONDS);
      session.lifecycle().subscribe(lifecycle);
      session.subscribe(EventFilter.location(Fixtures.LOCATION)).subscribe(counter);
      counter.subscribed.get(30, TimeUnit.SECONDS);
      if (!Bench.await(() -> sims.liveSubscriptions() >= 1, Duration.ofSeconds(30))) {
        throw new IllegalStateException("subscription never reached the simulator");
      }
      long periodMicros = 1_000_000L / Math.max(1, plan.cameraRate());
      for (Pacer pacer : pacers) {
        ticker.scheduleAtFixedRate(() -> pacer.tick(epoch), 0, periodMicros, TimeUnit.MICROSECONDS);
      }
      // A short settling phase, then the start figures.
      long next = 0;
      long batch = Math.max(1, plan.eventRate() / 10);
      for (int i = 0; i < 20; i++) {
        sims.push(next, batch);
        next += batch;
        report.eventsPushed += batch;
        Bench.pause(100);
      }
      // One of each disturbance before the start figures: pools that grow on demand (Tyrus' executor,
      // the delivery pool) have then seen a reconnect, so what the end adds is what the run leaked.
      disturb(true, sims, counter, lifecycle, epoch, reconnects, report);
      disturb(false, sims, counter, lifecycle, epoch, reconnects, report);
      report.heapStart = Bench.heapAfterGc();
      report.threadsStart = Bench.threads();
      report.threadGroupsStart = Bench.threadGroups();
      log.printf(Locale.ROOT, "start: heap after full GC %s, %d threads%n", Bench.mb(report.heapStart), report.threadsStart);

      long start = System.nanoTime();
      long end = start + plan.duration().toNanos();
      long nextDisturbance = start + plan.disturbEvery().toNanos();
      boolean dropNext = true;
      long lastReport = start;
      while (System.nanoTime() < end) {
        sims.push(next, batch);
        next += batch;
        report.eventsPushed += batch;
        Bench.pause(100);
        long now = System.nanoTime();
        if (now >= nextDisturbance) {
          disturb(dropNext, sims, counter, lifecycle, epoch, reconnects, report);
          dropNext = !dropNext;
          sims.clearRecords();
          nextDisturbance = System.nanoTime() + plan.disturbEvery().toNanos();
        }
        if (now - lastReport >= TimeUnit.SECONDS.toNanos(60)) {
          lastReport = now;
          log.printf(Locale.ROOT, "%4d s: events %,d pushed / %,d received, commands ok %,d, heap in use %s, %d threads%n",
              TimeUnit.NANOSECONDS.toSeconds(now - start), report.eventsPushed, counter.received(),
              pacers.stream().mapToLong(p -> p.ok.get()).sum(), Bench.mb(Bench.heapUsed()), Bench.threads());
        }
      }
      report.duration = Duration.ofNanos(System.nanoTime() - start);
      ticker.shutdown();
      ticker.awaitTermination(10, TimeUnit.SECONDS);
      long expected = report.eventsPushed;
      Bench.await(() -> counter.received() >= expected, Duration.ofSeconds(30));
      Bench.await(() -> pacers.stream().noneMatch(p -> p.inFlight), Duration.ofSeconds(30));
      Bench.pause(200);
      report.eventsReceived = counter.distinctIn(0, report.eventsPushed);
      report.eventDuplicates = counter.duplicates();
      for (Pacer p : pacers) {
        report.commandsOk += p.ok.get();
        report.commandsFailedDuringOutage += p.failedDuringOutage.get();
        report.commandsLostAfterRecovery += p.lostAfterRecovery.get();
      }
      report.heapEnd = Bench.heapAfterGc();
      report.threadsEnd = Bench.threads();
      report.threadGroupsEnd = Bench.threadGroups();
      report.reconnectNanos = reconnects.toArray();
    } finally {
      ticker.shutdownNow();
      pacers.forEach(p -> p.camera.close());
      if (session != null) {
        session.close();
      }
      http.shutdownNow();
    }
    return report;
  }

  /**
   * Waits until everything pushed has arrived, then either drops the WSS connection and waits for
   * the session to be back, or makes every camera unreachable for a second.
   */
  private static void disturb(boolean drop, SimControl sims, EventCounter counter, LifecycleWatch lifecycle,
      AtomicLong epoch, Bench.LongList reconnects, Report report) throws Exception {
    long expected = report.eventsPushed;
    Bench.await(() -> counter.received() >= expected, Duration.ofSeconds(30));
    if (drop) {
      lifecycle.clear();
      long t0 = System.nanoTime();
      sims.drop();
      LifecycleWatch.Seen up = lifecycle.awaitState(SessionState.AUTHENTICATED, Duration.ofSeconds(60));
      if (up == null) {
        report.failedRecoveries++;
      } else {
        reconnects.add(up.nanos() - t0);
      }
      report.connectionDrops++;
    } else {
      epoch.incrementAndGet();
      sims.kasaUnreachable(true);
      Bench.pause(1000);
      sims.kasaUnreachable(false);
      epoch.incrementAndGet();
      report.cameraOutages++;
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
