package dev.homeport.cli.internal;

/**
 * Standard output can no longer be written: its reader went away ({@code homeport ... | head -2}
 * after {@code head} exits). Ends the command quietly with exit code 141 (128 + SIGPIPE), as a
 * shell tool ended by a broken pipe would.
 */
public final class OutputClosedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public OutputClosedException() {
    super("standard output was closed", null, false, false);
  }
}
