package dev.homeport.bridge.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Named monotonic counters for the health topic. Thread-safe. */
public final class Counters {

  private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();

  /** Adds one to {@code name}. */
  public void increment(String name) {
    counters.computeIfAbsent(name, key -> new AtomicLong()).incrementAndGet();
  }

  /** The current value of {@code name} (0 if never counted). */
  public long get(String name) {
    AtomicLong value = counters.get(name);
    return value == null ? 0 : value.get();
  }

  /** Every counter, sorted by name. */
  public Map<String, Long> snapshot() {
    Map<String, Long> copy = new TreeMap<>();
    counters.forEach((name, value) -> copy.put(name, value.get()));
    return copy;
  }
}
