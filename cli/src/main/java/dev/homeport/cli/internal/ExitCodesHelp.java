package dev.homeport.cli.internal;

/** The exit-code lines of the help texts (constants, for picocli annotations). */
final class ExitCodesHelp {

  static final String HEADING = "%nExit codes:%n";
  static final String OK = "0:ok";
  static final String FAILURE = "1:anything else (run again with --verbose)";
  static final String USAGE = "2:usage error: bad option or value, bad config or known-hosts file (nothing was sent)";
  static final String AUTHENTICATION = "3:authentication failed (or the session expired)";
  static final String UNREACHABLE = "4:unreachable, timed out, or an answer not understood";
  static final String REFUSED = "5:refused or unsupported by the device or service";
  static final String CERTIFICATE = "6:certificate mismatch (not the pinned or recorded certificate)";
  static final String OUTPUT_CLOSED = "141:standard output was closed by its reader (a pipe into head): 128 + SIGPIPE";

  private ExitCodesHelp() {}
}
