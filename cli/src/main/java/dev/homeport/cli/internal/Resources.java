package dev.homeport.cli.internal;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** Threads a command starts and closing what it opened. */
final class Resources {

  private Resources() {}

  /** A one-thread scheduler whose thread is a daemon named {@code threadName} (it never keeps the JVM alive). */
  static ScheduledExecutorService daemonScheduler(String threadName) {
    return Executors.newSingleThreadScheduledExecutor(
        runnable -> {
          Thread thread = new Thread(runnable, threadName);
          thread.setDaemon(true);
          return thread;
        });
  }

  /** Closes {@code resources} in reverse order of opening; a failure to close one does not stop the rest. */
  static void closeAll(List<AutoCloseable> resources) {
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        // closing anyway: nothing useful to add
      }
    }
  }
}
