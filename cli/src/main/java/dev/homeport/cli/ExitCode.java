package dev.homeport.cli;

/**
 * The exit codes of the {@code homeport} command; part of its interface for scripts. Constants only.
 */
public final class ExitCode {

  /** The command did what was asked. */
  public static final int OK = 0;
  /** Anything not covered below (a bug, an unexpected answer). */
  public static final int FAILURE = 1;
  /** Bad command line, bad value, unreadable or invalid configuration: nothing was sent. */
  public static final int USAGE = 2;
  /** The device or service rejected the credentials (or the session expired). */
  public static final int AUTHENTICATION = 3;
  /** The device or service could not be reached, answered too slowly, or could not be understood. */
  public static final int UNREACHABLE = 4;
  /** The device or service understood and refused, or does not support the command. */
  public static final int REFUSED = 5;
  /** The certificate presented is not the one pinned or recorded for that host. */
  public static final int CERTIFICATE_MISMATCH = 6;

  /**
   * Standard output was closed by its reader (a pipe into {@code head}): 128 + SIGPIPE (13), what a
   * shell reports for a command that a broken pipe ended.
   */
  public static final int OUTPUT_CLOSED = 141;

  private ExitCode() {}
}
