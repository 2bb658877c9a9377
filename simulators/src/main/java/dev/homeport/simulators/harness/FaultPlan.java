package dev.homeport.simulators.harness;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The faults armed on one simulator, changeable while it runs: one-shot faults for the next
 * accepted requests ({@link #armNext}: {@link Fault#DROP_CONNECTION}, {@link Fault#NO_ANSWER},
 * {@link Fault#REJECT_LOGIN}), in arrival order, and switches ({@link #set}: {@link
 * Fault#MALFORMED_ANSWER}, {@link Fault#RESET_OVERLAPPING}; {@link #slowAnswers} for {@link
 * Fault#SLOW_ANSWER}). It also counts every fault carried out, whoever asked for it ({@link
 * #carriedOut}).
 *
 * <p>Thread-safe. The memory it holds is bounded by what the test arms.
 */
public final class FaultPlan {

  private static final Set<Fault> ONE_SHOT = EnumSet.of(Fault.DROP_CONNECTION, Fault.NO_ANSWER, Fault.REJECT_LOGIN,
      Fault.ENDLESS_ANSWER, Fault.HUGE_CONTENT_LENGTH, Fault.TRICKLE_ANSWER);
  private static final Set<Fault> SWITCHES = EnumSet.of(Fault.MALFORMED_ANSWER, Fault.RESET_OVERLAPPING);

  private final Deque<Fault> armed = new ArrayDeque<>();
  private final Set<Fault> on = EnumSet.noneOf(Fault.class);
  private final Map<Fault, AtomicLong> counts = new EnumMap<>(Fault.class);
  private volatile Duration answerDelay = Duration.ZERO;
  private final AtomicLong bodyBytes = new AtomicLong();

  /** A plan with nothing armed. */
  public FaultPlan() {
    for (Fault fault : Fault.values()) {
      counts.put(fault, new AtomicLong());
    }
  }

  /**
   * Arms {@code fault} for the next {@code count} accepted requests (after those already armed).
   *
   * @return this plan
   * @throws IllegalArgumentException if {@code fault} is not one-shot (DROP_CONNECTION, NO_ANSWER,
   *     REJECT_LOGIN, ENDLESS_ANSWER, HUGE_CONTENT_LENGTH, TRICKLE_ANSWER) or {@code count} is negative
   */
  public FaultPlan armNext(Fault fault, int count) {
    Objects.requireNonNull(fault, "fault");
    if (!ONE_SHOT.contains(fault)) {
      throw new IllegalArgumentException("fault must be one of " + ONE_SHOT + " to arm, was " + fault
          + " (use set or slowAnswers for switches)");
    }
    if (count < 0) {
      throw new IllegalArgumentException("count must be zero or more, was " + count);
    }
    synchronized (armed) {
      for (int i = 0; i < count; i++) {
        armed.addLast(fault);
      }
    }
    return this;
  }

  /**
   * Replaces what is armed with {@code count} times {@code fault} (zero disarms it all).
   *
   * @return this plan
   * @throws IllegalArgumentException as {@link #armNext}
   */
  public FaultPlan armOnly(Fault fault, int count) {
    synchronized (armed) {
      armed.clear();
      return armNext(fault, count);
    }
  }

  /** Removes and returns the next armed one-shot fault, or null when none is armed. */
  public Fault takeArmed() {
    synchronized (armed) {
      return armed.pollFirst();
    }
  }

  /** The number of one-shot faults armed and not yet taken. */
  public int armedCount() {
    synchronized (armed) {
      return armed.size();
    }
  }

  /**
   * Turns a switch on or off.
   *
   * @return this plan
   * @throws IllegalArgumentException if {@code fault} is not MALFORMED_ANSWER or RESET_OVERLAPPING
   */
  public FaultPlan set(Fault fault, boolean enabled) {
    Objects.requireNonNull(fault, "fault");
    if (!SWITCHES.contains(fault)) {
      throw new IllegalArgumentException("fault must be one of " + SWITCHES + " to switch, was " + fault);
    }
    synchronized (on) {
      if (enabled) {
        on.add(fault);
      } else {
        on.remove(fault);
      }
    }
    return this;
  }

  /** Whether a switch is on ({@link Fault#SLOW_ANSWER}: whether the delay is positive). */
  public boolean isOn(Fault fault) {
    if (fault == Fault.SLOW_ANSWER) {
      Duration d = answerDelay;
      return !d.isZero() && !d.isNegative();
    }
    synchronized (on) {
      return on.contains(fault);
    }
  }

  /**
   * Delays every accepted answer by {@code delay} from now on (zero for none).
   *
   * @return this plan
   * @throws IllegalArgumentException if {@code delay} is negative
   */
  public FaultPlan slowAnswers(Duration delay) {
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must be zero or positive, was " + delay);
    }
    this.answerDelay = delay;
    return this;
  }

  /** The delay of {@link Fault#SLOW_ANSWER}; zero when off. */
  public Duration answerDelay() {
    return answerDelay;
  }

  /**
   * Disarms every one-shot fault and turns {@link Fault#MALFORMED_ANSWER} and {@link
   * Fault#SLOW_ANSWER} off. {@link Fault#RESET_OVERLAPPING} stays as it is: it describes the
   * device (a KC100 always does it), not a passing fault. Counts are kept.
   *
   * @return this plan
   */
  public FaultPlan clear() {
    synchronized (armed) {
      armed.clear();
    }
    synchronized (on) {
      on.remove(Fault.MALFORMED_ANSWER);
    }
    answerDelay = Duration.ZERO;
    return this;
  }

  /** Records that {@code fault} was carried out once (the harness calls this). */
  public void count(Fault fault) {
    counts.get(Objects.requireNonNull(fault, "fault")).incrementAndGet();
  }

  /** Adds {@code n} body bytes written by an oversized or trickled answer (the harness calls this). */
  public void addBodyBytesSent(long n) {
    bodyBytes.addAndGet(n);
  }

  /**
   * How many body bytes the {@link Fault#ENDLESS_ANSWER}, {@link Fault#HUGE_CONTENT_LENGTH} and
   * {@link Fault#TRICKLE_ANSWER} answers wrote before their clients closed.
   */
  public long bodyBytesSent() {
    return bodyBytes.get();
  }

  /** How many times {@code fault} was carried out so far, whoever asked for it. */
  public long carriedOut(Fault fault) {
    return counts.get(Objects.requireNonNull(fault, "fault")).get();
  }

  @Override
  public String toString() {
    return "FaultPlan[armed=" + armedCount() + ", delay=" + answerDelay + "]";
  }
}
