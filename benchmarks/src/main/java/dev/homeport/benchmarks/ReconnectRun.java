package dev.homeport.benchmarks;

import dev.homeport.adapter.events.wss.SmartThingsGateway;
import dev.homeport.domain.home.EventFilter;
import dev.homeport.ports.home.SessionState;
import dev.homeport.ports.home.SmartHomeSession;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Measurement 6: the SmartThings simulator drops the connection {@code N} times during a stream of
 * events; for each drop, the time from the drop to the client seeing it, and to the session being
 * connected, authenticated and resubscribed again; after each resubscription a batch of events is
 * pushed and every one of them must arrive.
 *
 * <p>{@code java -cp benchmarks.jar dev.homeport.benchmarks.ReconnectRun [--drops=20]
 * [--events-per-cycle=5000] [--backoff-min=500ms] [--in-process]}
 */
public final class ReconnectRun {

  private ReconnectRun() {}

  public static void main(String[] args) throws Exception {
    Bench.Options options = new Bench.Options(args);
    int drops = options.integer("drops", 20);
    long perCycle = options.number("events-per-cycle", 5000);
    Duration backoffMin = options.duration("backoff-min", Duration.ofMillis(500));
    Bench.header("ReconnectRun", args);
    try (SimControl sims = SimControl.create(options.flag("in-process"))) {
      SimControl.SmartThingsTarget target = sims.startSmartThings();
      Result r = run(sims, target, drops, perCycle, backoffMin);
      Bench.OUT.printf(Locale.ROOT, "%d drops (reconnect back-off starts at %d ms):%n", drops, backoffMin.toMillis());
      Bench.OUT.println("  drop -> client sees it (RECONNECTING): " + Bench.latencySummary(r.detected));
      Bench.OUT.println("  drop -> reconnected, authenticated and resubscribed: " + Bench.latencySummary(r.resubscribed));
      Bench.OUT.println("  of which connect + authenticate + resubscribe (CONNECTING -> AUTHENTICATED): " + Bench.latencySummary(r.handshake));
      Bench.OUT.printf(Locale.ROOT, "  events pushed after each resubscription: %,d, received %,d, lost %d, duplicates %d; failed cycles %d%n",
          r.pushed, r.received, r.pushed - r.received, r.duplicates, r.failedCycles);
    }
  }

  static final class Result {
    long[] detected;
    long[] resubscribed;
    long[] handshake;
    long pushed;
    long received;
    long duplicates;
    int failedCycles;
  }

  static Result run(SimControl sims, SimControl.SmartThingsTarget target, int drops, long perCycle, Duration backoffMin)
      throws Exception {
    EventCounter counter = new EventCounter(0);
    LifecycleWatch lifecycle = new LifecycleWatch();
    Result r = new Result();
    Bench.LongList detected = new Bench.LongList();
    Bench.LongList resubscribed = new Bench.LongList();
    Bench.LongList handshake = new Bench.LongList();
    try (SmartHomeSession session = SmartThingsGateway.create(Bench.smartThingsConfig(target)
        .backoffMin(backoffMin).bufferSize(1 << 16).build()).connect().get(30, TimeUnit.SECONDS)) {
      session.lifecycle().subscribe(lifecycle);
      session.subscribe(EventFilter.location(Fixtures.LOCATION)).subscribe(counter);
      counter.subscribed.get(30, TimeUnit.SECONDS);
      Bench.await(() -> sims.liveSubscriptions() >= 1, Duration.ofSeconds(30));
      long next = 0;
      // a first batch, so the path is warm before the first drop
      sims.push(next, perCycle);
      long firstBatch = perCycle;
      Bench.await(() -> counter.received() >= firstBatch, Duration.ofSeconds(30));
      next += perCycle;
      lifecycle.clear();
      for (int i = 0; i < drops; i++) {
        long t0 = System.nanoTime();
        sims.drop();
        LifecycleWatch.Seen lost = lifecycle.awaitState(SessionState.RECONNECTING, Duration.ofSeconds(30));
        LifecycleWatch.Seen connecting = lifecycle.awaitState(SessionState.CONNECTING, Duration.ofSeconds(60));
        LifecycleWatch.Seen up = lifecycle.awaitState(SessionState.AUTHENTICATED, Duration.ofSeconds(60));
        if (lost == null || connecting == null || up == null) {
          r.failedCycles++;
          Bench.OUT.println("cycle " + (i + 1) + ": no reconnect seen in time");
          continue;
        }
        detected.add(lost.nanos() - t0);
        resubscribed.add(up.nanos() - t0);
        handshake.add(up.nanos() - connecting.nanos());
        long before = counter.received();
        sims.push(next, perCycle);
        boolean all = Bench.await(() -> counter.received() >= before + perCycle, Duration.ofSeconds(30));
        long got = counter.distinctIn(next, perCycle);
        r.pushed += perCycle;
        r.received += got;
        if (!all || got != perCycle) {
          r.failedCycles++;
          Bench.OUT.println("cycle " + (i + 1) + ": " + (perCycle - got) + " events lost after the resubscription");
        }
        next += perCycle;
      }
      r.duplicates = counter.duplicates();
    }
    r.detected = detected.toArray();
    r.resubscribed = resubscribed.toArray();
    r.handshake = handshake.toArray();
    return r;
  }
}
