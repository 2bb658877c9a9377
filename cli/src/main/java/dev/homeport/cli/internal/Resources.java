package dev.homeport.cli.internal;

import java.util.List;

/** Closing what a command opened. */
final class Resources {

  private Resources() {}

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
