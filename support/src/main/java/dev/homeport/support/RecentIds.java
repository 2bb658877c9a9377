package dev.homeport.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The last {@code capacity} ids seen, to drop an item a service delivers twice inside a bounded
 * window. A repeat does not refresh an id's place: the oldest arrival leaves first.
 *
 * <p>Thread-safe: {@link #add} and {@link #size} may be called from any thread (they are
 * synchronised; a single reader thread pays only an uncontended lock).
 *
 * @param <T> the id type; its {@code equals} and {@code hashCode} decide what a repeat is
 */
public final class RecentIds<T> {

  private final int capacity;
  private final LinkedHashMap<T, Boolean> seen;

  /**
   * A window of the last {@code capacity} ids.
   *
   * @param capacity how many ids are remembered; 0 remembers none (every id is new)
   * @throws IllegalArgumentException if {@code capacity} is negative
   */
  public RecentIds(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must be 0 or more, was " + capacity);
    }
    this.capacity = capacity;
    this.seen = new LinkedHashMap<>(16, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<T, Boolean> eldest) {
        return size() > RecentIds.this.capacity;
      }
    };
  }

  /**
   * Records {@code id}; true when it is new inside the window, false when it is a repeat.
   *
   * @throws NullPointerException if {@code id} is null
   */
  public synchronized boolean add(T id) {
    Objects.requireNonNull(id, "id");
    if (capacity == 0) {
      return true;
    }
    return seen.put(id, Boolean.TRUE) == null;
  }

  /** How many ids are remembered now (at most the capacity). */
  public synchronized int size() {
    return seen.size();
  }
}
