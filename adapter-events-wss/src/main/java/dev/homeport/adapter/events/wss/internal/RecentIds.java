package dev.homeport.adapter.events.wss.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** The last {@code capacity} ids seen, to drop duplicates inside a bounded window. Thread-safe. */
public final class RecentIds<T> {

  private final int capacity;
  private final LinkedHashMap<T, Boolean> seen;

  public RecentIds(int capacity) {
    this.capacity = capacity;
    this.seen =
        new LinkedHashMap<>(16, 0.75f, false) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<T, Boolean> eldest) {
            return size() > RecentIds.this.capacity;
          }
        };
  }

  /** Records {@code id}; true when it is new inside the window, false when it is a duplicate. */
  public synchronized boolean add(T id) {
    if (capacity == 0) {
      return true;
    }
    return seen.put(id, Boolean.TRUE) == null;
  }

  public synchronized int size() {
    return seen.size();
  }
}
