package dev.homeport.adapter.inmemory.internal;

import dev.homeport.domain.camera.CameraCommand;
import dev.homeport.ports.AuthenticationException;
import dev.homeport.ports.HomeportException;
import dev.homeport.ports.TransportException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The fault plan of an in-memory camera: one-shot faults armed per command (a FIFO queue: a
 * command takes the oldest fault it matches), the "unreachable" and "rejecting credentials"
 * switches, and the answer latency. Faults that mean "no answer at all" or "not let in"
 * ({@link TransportException}, {@link AuthenticationException}) fail a whole request or batch;
 * the others fail only their command. Thread-safe.
 */
public final class CameraFaults {

  private record ArmedFault(Predicate<CameraCommand<?>> which, HomeportException error) {}

  private final LinkedList<ArmedFault> armed = new LinkedList<>();
  private volatile boolean unreachable;
  private volatile boolean rejectingCredentials;
  private volatile Duration latency;

  /** A plan with nothing armed and this initial latency. */
  public CameraFaults(Duration latency) {
    this.latency = Objects.requireNonNull(latency, "latency");
  }

  /** Arms {@code error} for the next command matching {@code which}. */
  public synchronized void arm(Predicate<CameraCommand<?>> which, HomeportException error) {
    armed.add(new ArmedFault(which, error));
  }

  /** The number of armed faults not yet triggered. */
  public synchronized int armedCount() {
    return armed.size();
  }

  /** Removes and returns the oldest armed fault matching {@code command}, or null. */
  public synchronized HomeportException take(CameraCommand<?> command) {
    ArmedFault fault = take(armed, command);
    return fault == null ? null : fault.error();
  }

  /**
   * The armed fault of each command of a batch (null where none), taken from the queue; a fault
   * that fails the whole request is thrown instead, consuming only itself.
   */
  public synchronized List<HomeportException> takeForBatch(List<CameraCommand<?>> batch) {
    LinkedList<ArmedFault> remaining = new LinkedList<>(armed);
    List<HomeportException> faults = new ArrayList<>(batch.size());
    for (CameraCommand<?> command : batch) {
      ArmedFault fault = take(remaining, command);
      if (fault != null && failsWholeRequest(fault.error())) {
        armed.remove(fault);
        throw fault.error();
      }
      faults.add(fault == null ? null : fault.error());
    }
    armed.clear();
    armed.addAll(remaining);
    return faults;
  }

  private static ArmedFault take(List<ArmedFault> faults, CameraCommand<?> command) {
    Iterator<ArmedFault> it = faults.iterator();
    while (it.hasNext()) {
      ArmedFault fault = it.next();
      if (fault.which().test(command)) {
        it.remove();
        return fault;
      }
    }
    return null;
  }

  /** Faults that mean "no answer at all" or "not let in": they fail a batch as a whole. */
  public static boolean failsWholeRequest(HomeportException fault) {
    return fault instanceof TransportException || fault instanceof AuthenticationException;
  }

  /** The failure every request to camera {@code name} meets now (unreachable, credentials), or null. */
  public HomeportException connectionFailure(String name) {
    if (unreachable) {
      return new TransportException("camera " + name + " is unreachable (simulated)", null);
    }
    if (rejectingCredentials) {
      return new AuthenticationException("camera " + name + " rejected the credentials (simulated)");
    }
    return null;
  }

  /** While true, every request fails with a retryable {@link TransportException}. */
  public void unreachable(boolean on) {
    this.unreachable = on;
  }

  /** While true, every request fails with {@link AuthenticationException}. */
  public void rejectCredentials(boolean on) {
    this.rejectingCredentials = on;
  }

  /** The answer latency now. */
  public Duration latency() {
    return latency;
  }

  /** Delays answers made from now on by {@code value} (already checked). */
  public void latency(Duration value) {
    this.latency = Objects.requireNonNull(value, "latency");
  }
}
