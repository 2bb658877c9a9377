package dev.homeport.benchmarks;

import dev.homeport.adapter.events.wss.SmartThingsGateway;
import dev.homeport.adapter.events.wss.internal.SmartThingsSession;
import dev.homeport.domain.home.EventFilter;
import dev.homeport.ports.flow.OverflowPolicy;
import dev.homeport.ports.home.SmartHomeSession;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Measurement 5: the SmartThings simulator pushes device events as fast as it can over real WSS
 * into one subscription of the SmartThings adapter. Fast subscriber: events/s delivered, loss and
 * duplicates by event id, client CPU per event. Then a deliberately slow subscriber under each
 * overflow policy: the heap peak while it falls behind, and what the policy did.
 *
 * <p>{@code java -cp benchmarks.jar dev.homeport.benchmarks.EventFirehoseRun [--events=1000000]
 * [--warmup-events=300000] [--buffer=65536] [--slow-events=200000 (0: no slow phases)] [--slow-pause-us=100]
 * [--burst-events=50000 (0: none)] [--burst-pause-us=1000]
 * [--in-process]}; {@code -Dbench.simBatchBytes=1} makes the simulator write each frame on its own
 * (default: ~48 KB of frames per write). Each fast phase also reports the simulator's own write
 * rate, its CPU per event and how busy its pushing thread was, so a reader can tell who set the pace.
 */
public final class EventFirehoseRun {

  private EventFirehoseRun() {}

  public static void main(String[] args) throws Exception {
    Bench.Options options = new Bench.Options(args);
    long events = options.number("events", 1_000_000);
    long warmupEvents = options.number("warmup-events", 300_000);
    long slowEvents = options.number("slow-events", 200_000);
    long slowPause = options.number("slow-pause-us", 100) * 1000;
    int buffer = options.integer("buffer", 1 << 16);
    long burstEvents = options.number("burst-events", 50_000);
    long burstPause = options.number("burst-pause-us", 1000) * 1000;
    Bench.header("EventFirehoseRun", args);
    String batch = System.getProperty(LocalSims.BATCH_PROPERTY);
    Bench.OUT.println("simulator writes: " + (batch == null ? "about 48 KB of frames per write (the default)"
        : batch.trim() + " bytes of frames per write at most (-D" + LocalSims.BATCH_PROPERTY + ")"));
    try (SimControl sims = SimControl.create(options.flag("in-process"))) {
      SimControl.SmartThingsTarget target = sims.startSmartThings();
      long next = 0;
      Bench.OUT.printf(Locale.ROOT, "fast subscriber: bufferSize %,d (the default 1,024 holds 20 ms at 50,000 events/s); "
          + "slow subscribers: the default 1,024%n", buffer);
      next = fast(sims, target, next, warmupEvents, "warm-up", buffer);
      next = fast(sims, target, next, events, "firehose", buffer);
      if (slowEvents > 0) {
        next = slow(sims, target, next, slowEvents, slowPause, OverflowPolicy.DROP_OLDEST);
        next = slow(sims, target, next, slowEvents, slowPause, OverflowPolicy.FAIL);
      }
      if (burstEvents > 0) {
        burst(sims, target, next, burstEvents, burstPause);
      }
    }
  }

  private static SmartHomeSession connect(SimControl sims, SimControl.SmartThingsTarget target, OverflowPolicy policy,
      int buffer, EventCounter... subscribers) throws Exception {
    SmartHomeSession session = SmartThingsGateway.create(Bench.smartThingsConfig(target).overflowPolicy(policy)
        .bufferSize(buffer).build())
        .connect().get(30, TimeUnit.SECONDS);
    for (EventCounter subscriber : subscribers) {
      session.subscribe(EventFilter.location(Fixtures.LOCATION)).subscribe(subscriber);
      subscriber.subscribed.get(30, TimeUnit.SECONDS);
    }
    if (!Bench.await(() -> sims.liveSubscriptions() >= 1, Duration.ofSeconds(30))) {
      throw new IllegalStateException("the simulator never saw the subscription");
    }
    return session;
  }

  /** Pushes {@code count} events to a fast subscriber; prints rate, loss, duplicates, CPU. */
  static long fast(SimControl sims, SimControl.SmartThingsTarget target, long first, long count, String label, int buffer)
      throws Exception {
    EventCounter counter = new EventCounter(0);
    try (SmartHomeSession session = connect(sims, target, OverflowPolicy.FAIL, buffer, counter)) {
      long[] gc0 = Bench.gcCountAndMillis();
      long cpu0 = Bench.processCpuNanos();
      java.util.Map<String, Long> threads0 = Bench.threadCpuByGroup();
      long start = System.nanoTime();
      SimControl.PushReport push = sims.pushMeasured(first, count);
      long pushNanos = push.nanos();
      boolean all = Bench.await(() -> counter.received() >= count || counter.ended.isDone(), Duration.ofSeconds(120));
      // Let stragglers (or duplicates) arrive before counting.
      Bench.pause(200);
      long end = counter.lastArrival();
      long cpu = Bench.processCpuNanos() - cpu0;
      java.util.Map<String, Long> threads1 = Bench.threadCpuByGroup();
      long[] gc1 = Bench.gcCountAndMillis();
      long distinct = counter.distinctIn(first, count);
      SmartThingsSession internal = (SmartThingsSession) session;
      Bench.OUT.printf(Locale.ROOT,
          "%-9s %,d events: %.0f events/s delivered to the subscriber (simulator wrote them at %.0f/s); lost %d, duplicates %d%s; "
              + "client CPU %.2f us/event (all client threads, JIT and GC included); GC %d collections / %d ms; "
              + "adapter counters: duplicates dropped %d, invalid payloads %d, overflow drops %d%n",
          label, count, count / ((end - start) / 1e9), count / (pushNanos / 1e9), count - distinct, counter.duplicates(),
          all ? "" : " (stopped waiting after 120 s)", cpu / 1e3 / count, gc1[0] - gc0[0], gc1[1] - gc0[1],
          internal.duplicateCount(), internal.invalidPayloadCount(), internal.droppedCount());
      Bench.OUT.println("  client CPU per event by thread: " + Bench.topThreadCpu(threads0, threads1, count));
      // Who set the pace: the simulator's own rate and CPU beside the client's.
      Bench.OUT.printf(Locale.ROOT, "  simulator: wrote %.0f events/s; its CPU %s us/event (%s), pushing thread %.2f us/event%s%n",
          count / (pushNanos / 1e9),
          push.processCpuNanos() < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", push.processCpuNanos() / 1e3 / count),
          push.processCpuNanos() < 0 ? "in process: shared with the client" : "its whole JVM, JIT and GC included",
          push.pusherCpuNanos() / 1e3 / count, push.byThread().isEmpty() ? "" : "; by thread: " + push.byThread());
      Bench.OUT.printf(Locale.ROOT, "  pace: %s%n", pace(push));
      if (counter.ended.isDone()) {
        Bench.OUT.println("  subscription ended early: " + counter.ended.getNow(null));
      }
    }
    return first + count;
  }

  /** A slow subscriber (a pause per event) under {@code policy}, with a fast one beside it. */
  static long slow(SimControl sims, SimControl.SmartThingsTarget target, long first, long count, long pauseNanos,
      OverflowPolicy policy) throws Exception {
    EventCounter slow = new EventCounter(pauseNanos);
    EventCounter fast = new EventCounter(0);
    long heapBefore = Bench.heapAfterGc();
    try (SmartHomeSession session = connect(sims, target, policy, 1024, slow, fast); HeapWatch heap = new HeapWatch()) {
      long start = System.nanoTime();
      sims.push(first, count);
      long pushed = System.nanoTime() - start;
      SmartThingsSession internal = (SmartThingsSession) session;
      Bench.await(() -> fast.received() >= count, Duration.ofSeconds(60));
      // The slow one drains its buffer, or has failed.
      Bench.await(() -> slow.ended.isDone() || slow.received() + internal.droppedCount() >= count, Duration.ofSeconds(120));
      heap.close();
      long heapAfter = Bench.heapAfterGc();
      Bench.OUT.printf(Locale.ROOT,
          "slow subscriber (%d us per event) under %s, %,d events pushed in %.1f s: slow one received %,d, dropped %,d, %s; "
              + "fast one beside it received %,d (lost %d); heap after full GC before %s; during: peak after a collection %s (%d collections), peak in use %s (garbage included, sampled every 5 ms); after full GC %s%n",
          pauseNanos / 1000, policy, count, pushed / 1e9, slow.received(), internal.droppedCount(),
          slow.ended.isDone() ? "ended with " + describe(slow.ended.getNow(null)) : "still subscribed",
          fast.received(), count - fast.distinctIn(first, count),
          Bench.mb(heapBefore), Bench.mb(heap.peakAfterGc()), heap.collections(), Bench.mb(heap.peakUsed()), Bench.mb(heapAfter));
    }
    return first + count;
  }

  /**
   * A burst into one subscriber that takes {@code pauseNanos} per event under BACKPRESSURE with the
   * default buffer (1,024): the reader stops reading while it is full, so nothing may be lost and
   * the heap must stay flat however far the subscriber falls behind.
   */
  static long burst(SimControl sims, SimControl.SmartThingsTarget target, long first, long count, long pauseNanos)
      throws Exception {
    EventCounter slow = new EventCounter(pauseNanos);
    long heapBefore = Bench.heapAfterGc();
    try (SmartHomeSession session = connect(sims, target, OverflowPolicy.BACKPRESSURE, 1024, slow);
        HeapWatch heap = new HeapWatch()) {
      long start = System.nanoTime();
      long cpu0 = Bench.processCpuNanos();
      sims.push(first, count);
      long pushed = System.nanoTime() - start;
      // At most the pause per event, three times over, plus a minute for a loaded machine.
      Duration bound = Duration.ofNanos(count * pauseNanos * 3).plusSeconds(60);
      boolean all = Bench.await(() -> slow.ended.isDone() || slow.received() >= count, bound);
      Bench.pause(200);
      long wall = slow.lastArrival() - start;
      long cpu = Bench.processCpuNanos() - cpu0;
      heap.close();
      long heapAfter = Bench.heapAfterGc();
      SmartThingsSession internal = (SmartThingsSession) session;
      Bench.OUT.printf(Locale.ROOT,
          "burst of %,d events into a subscriber taking %d us per event under BACKPRESSURE (buffer 1,024): received %,d, "
              + "lost %d, duplicates %d%s, %s, in %.1f s (%.0f events/s; simulator's push returned after %.1f s); "
              + "reader paused %,d times; dropped %d; client CPU %.2f us/event; heap after full GC before %s; during: peak after a "
              + "collection %s (%d collections), peak in use %s (garbage included, sampled every 5 ms); after full GC %s%n",
          count, pauseNanos / 1000, slow.received(), count - slow.distinctIn(first, count), slow.duplicates(),
          all ? "" : " (stopped waiting after " + bound.toSeconds() + " s)",
          slow.ended.isDone() ? "ended with " + describe(slow.ended.getNow(null)) : "still subscribed",
          wall / 1e9, count / (wall / 1e9), pushed / 1e9, internal.readerPauseCount(), internal.droppedCount(),
          cpu / 1e3 / count, Bench.mb(heapBefore), Bench.mb(heap.peakAfterGc()), heap.collections(),
          Bench.mb(heap.peakUsed()), Bench.mb(heapAfter));
    }
    return first + count;
  }

  /**
   * Who set the pace. The push returns once its last frame is written, so the two rates match
   * whoever is slower; what tells them apart is how busy the simulator's pushing thread was: near
   * 100% of the push it was the limit, well below it waited for the client's TCP window (or for a
   * core: on two shared cores the load average says which).
   */
  private static String pace(SimControl.PushReport push) {
    double busy = 100.0 * push.pusherCpuNanos() / Math.max(1, push.nanos());
    return String.format(Locale.ROOT, "the simulator's pushing thread was on a CPU %.0f%% of the push (%s)", busy,
        busy >= 85 ? "the simulator set the pace" : "it waited: for the client's reading, or for a core");
  }

  private static String describe(Throwable t) {
    return t == null ? "onComplete" : t.getClass().getSimpleName() + " (\"" + t.getMessage() + "\")";
  }
}
