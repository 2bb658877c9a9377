package dev.homeport.benchmarks;

import java.net.URI;
import java.util.List;

/**
 * The simulators a load run drives, either in this JVM ({@link LocalSims}) or in a child JVM
 * ({@link RemoteSims}, the default for load runs, so the client's heap, threads and CPU time are
 * measured alone). Calls are serialized.
 */
interface SimControl extends AutoCloseable {

  /** Where a simulated Kasa camera listens (all on 127.0.0.1). */
  record KasaTarget(String name, int port, String fingerprint) {}

  /** Where the simulated SmartThings service listens, and the credentials it accepts. */
  record SmartThingsTarget(URI url, String csrfToken, String cookie, String fingerprint) {}

  String KASA_USER = "bench@example.com";
  String KASA_PASSWORD = "bench-password";

  /** Starts {@code count} more Kasa camera simulators, each on its own port. */
  List<KasaTarget> startKasa(int count);

  /** Makes every Kasa simulator drop requests without an answer (true) or answer again (false). */
  void kasaUnreachable(boolean unreachable);

  /** Forgets what the simulators recorded (keeps their memory flat during long runs). */
  void clearRecords();

  /** Starts the SmartThings simulator (once). */
  SmartThingsTarget startSmartThings();

  /**
   * What a push cost the simulator, so a run can tell whether the simulator or the client set the
   * pace.
   *
   * @param nanos wall time from the first event made to the last one written
   * @param processCpuNanos CPU time of the simulator's whole process meanwhile (all its threads,
   *     JIT and GC), or -1 when the simulators share the client's process
   * @param pusherCpuNanos CPU time of the thread that made the events and wrote them
   * @param byThread the simulator process's CPU per event by thread group (empty in process)
   */
  record PushReport(long nanos, long processCpuNanos, long pusherCpuNanos, String byThread) {}

  /**
   * Pushes device events {@code ev-first .. ev-(first+count-1)} to the subscribed clients as fast
   * as the simulator can write them (many frames per write, see {@code SmartThingsSimulator.pushBurst});
   * returns when all were written.
   */
  PushReport pushMeasured(long first, long count);

  /**
   * As {@link #pushMeasured}.
   *
   * @return nanoseconds the simulator spent pushing
   */
  default long push(long first, long count) {
    return pushMeasured(first, count).nanos();
  }

  /** Drops every SmartThings connection abruptly (no close frame). */
  void drop();

  /** Subscriptions on open SmartThings connections. */
  int liveSubscriptions();

  /** Stops every simulator. */
  @Override
  void close();

  /** In a child JVM, unless {@code inProcess}. */
  static SimControl create(boolean inProcess) {
    return inProcess ? new LocalSims() : RemoteSims.start();
  }
}
