package dev.homeport.adapter.inmemory.internal;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/** Creates single-thread daemon schedulers for delayed answers. */
public final class DaemonScheduler {

  private DaemonScheduler() {}

  /** A one-thread scheduler whose thread is a daemon named {@code threadName}; cancelled tasks are removed. */
  public static ScheduledExecutorService create(String threadName) {
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(
            1,
            runnable -> {
              Thread thread = new Thread(runnable, threadName);
              thread.setDaemon(true);
              return thread;
            });
    executor.setRemoveOnCancelPolicy(true);
    return executor;
  }
}
