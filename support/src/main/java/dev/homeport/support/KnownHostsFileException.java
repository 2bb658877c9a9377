package dev.homeport.support;

import java.nio.file.Path;

/**
 * A known-hosts file that must not be used as it is: a line that is not
 * {@code <host>:<port> <fingerprint>}, or permissions that let group or others write it. The
 * message names the file (and line) and the fix. A configuration problem for the user to fix,
 * not a network failure: a command line reports it as a usage error. TLS stacks wrap it in several
 * layers; {@link #find(Throwable)} digs it out.
 */
public final class KnownHostsFileException extends IllegalStateException {

  private final transient Path file;

  /** A problem with {@code file}, described by {@code message}. */
  public KnownHostsFileException(Path file, String message) {
    super(message);
    this.file = file;
  }

  /** The known-hosts file. */
  public Path file() {
    return file;
  }

  /** This exception somewhere among {@code failure}'s causes or suppressed exceptions, or null. */
  public static KnownHostsFileException find(Throwable failure) {
    int depth = 0;
    for (Throwable c = failure; c != null && depth < 32; c = c.getCause(), depth++) {
      if (c instanceof KnownHostsFileException found) {
        return found;
      }
      for (Throwable s : c.getSuppressed()) {
        if (s instanceof KnownHostsFileException found) {
          return found;
        }
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return null;
  }
}
