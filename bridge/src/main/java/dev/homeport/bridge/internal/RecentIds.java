package dev.homeport.bridge.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** The last N ids seen, to drop an event the service delivers twice. Not thread-safe (one owner thread). */
public final class RecentIds {

  private final Map<String, Boolean> seen;

  public RecentIds(int capacity) {
    this.seen =
        new LinkedHashMap<>(capacity * 2, 0.75f, false) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > capacity;
          }
        };
  }

  /** True the first time {@code id} is seen (among the last N), false for a repeat. */
  public boolean firstTime(String id) {
    return seen.put(id, Boolean.TRUE) == null;
  }
}
