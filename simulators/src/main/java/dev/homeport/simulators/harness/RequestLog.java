package dev.homeport.simulators.harness;

import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Predicate;

/**
 * A bounded log of recent entries (the newest {@code capacity}), with a count of every entry ever
 * added: a simulator under a long load run keeps a fixed amount of memory. Thread-safe.
 *
 * @param <T> the entry type
 */
public final class RequestLog<T> {

  private final int capacity;
  private final ArrayDeque<T> entries;
  private long total;

  /**
   * A log keeping the newest {@code capacity} entries.
   *
   * @throws IllegalArgumentException if {@code capacity} is not positive
   */
  public RequestLog(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    this.capacity = capacity;
    this.entries = new ArrayDeque<>(Math.min(capacity, 64));
  }

  /** Adds an entry, forgetting the oldest one when full. */
  public synchronized void add(T entry) {
    if (entries.size() == capacity) {
      entries.pollFirst();
    }
    entries.addLast(entry);
    total++;
  }

  /** The entries kept, oldest first (a copy). */
  public synchronized List<T> entries() {
    return List.copyOf(entries);
  }

  /** How many kept entries match. */
  public synchronized long count(Predicate<? super T> which) {
    return entries.stream().filter(which).count();
  }

  /** How many entries were ever added (kept or forgotten). */
  public synchronized long total() {
    return total;
  }

  /** How many entries were forgotten because the log was full. */
  public synchronized long forgotten() {
    return total - entries.size();
  }

  /** The most entries kept. */
  public int capacity() {
    return capacity;
  }

  /** Forgets every entry (the total is kept). */
  public synchronized void clear() {
    entries.clear();
  }
}
