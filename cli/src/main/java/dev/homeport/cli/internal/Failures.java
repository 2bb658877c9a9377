package dev.homeport.cli.internal;

import dev.homeport.cli.ExitCode;
import dev.homeport.ports.Futures;
import dev.homeport.ports.AuthenticationException;
import dev.homeport.ports.CameraCommandException;
import dev.homeport.ports.CertificateMismatchException;
import dev.homeport.ports.RefusedException;
import dev.homeport.ports.RequestTimeoutException;
import dev.homeport.ports.ServiceCallException;
import dev.homeport.ports.SessionExpiredException;
import dev.homeport.ports.TransportException;
import dev.homeport.ports.UnsupportedCommandException;
import java.io.PrintWriter;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Maps a failure to an exit code and one clear line: what went wrong and what to try. */
public final class Failures {

  private static final Pattern LINE_BREAKS = Pattern.compile("\\s*[\\r\\n]+\\s*");

  private Failures() {}

  /** The failure behind wrappers (CompletionException, ExecutionException, picocli's ExecutionException). */
  public static Throwable unwrap(Throwable failure) {
    Throwable current = Futures.unwrap(failure);
    while ((current instanceof CommandLine.ExecutionException
            || current instanceof com.google.inject.ProvisionException
            || current instanceof com.google.inject.CreationException)
        && current.getCause() != null) {
      current = Futures.unwrap(current.getCause());
    }
    return current;
  }

  /** {@code failure} as an unchecked exception to rethrow (the cause itself when it is one). */
  public static RuntimeException rethrowable(Throwable failure) {
    Throwable cause = unwrap(failure);
    if (cause instanceof RuntimeException runtime) {
      return runtime;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    return new IllegalStateException(cause.getMessage(), cause);
  }

  /** The exit code for {@code failure} (see {@link ExitCode}). */
  public static int exitCode(Throwable failure) {
    Throwable cause = unwrap(failure);
    if (cause instanceof OutputClosedException) {
      return ExitCode.OUTPUT_CLOSED;
    }
    if (isUsage(cause)) {
      return ExitCode.USAGE;
    }
    if (cause instanceof AuthenticationException) {
      return ExitCode.AUTHENTICATION;
    }
    if (cause instanceof CertificateMismatchException) {
      return ExitCode.CERTIFICATE_MISMATCH;
    }
    if (cause instanceof TransportException) {
      return ExitCode.UNREACHABLE;
    }
    if (cause instanceof RefusedException) {
      return ExitCode.REFUSED;
    }
    return ExitCode.FAILURE;
  }

  /** A bad option, value or config file: the user's to fix, nothing was sent. */
  private static boolean isUsage(Throwable cause) {
    return cause instanceof UsageException
        || cause instanceof IllegalArgumentException
        || cause instanceof CommandLine.ParameterException;
  }

  /** One line: what went wrong, then what to try. Never contains secrets. */
  public static String describe(Throwable failure) {
    Throwable cause = unwrap(failure);
    String message = message(cause);
    String hint = alreadyAdvises(message) ? "" : hint(cause);
    return "homeport: " + message + (hint.isEmpty() ? "" : " (" + hint + ")");
  }

  /** Whether the message already says what to try (adapters often do). */
  private static boolean alreadyAdvises(String message) {
    String lower = message.toLowerCase(java.util.Locale.ROOT);
    return lower.contains("check ") || lower.contains("remove its") || lower.contains("pin the new")
        || lower.contains(" try ") || lower.contains("--help");
  }

  private static String message(Throwable cause) {
    String text = cause.getMessage();
    if (text == null || text.isBlank()) {
      text = cause.getClass().getSimpleName();
    }
    // remote error text ends up in exception messages: line breaks become spaces, any other
    // control character is shown escaped
    return TerminalText.escape(oneLine(text));
  }

  /** {@code text} on one line, whatever the source wrote: line breaks and the space around them become one space. */
  public static String oneLine(String text) {
    return LINE_BREAKS.matcher(text).replaceAll(" ").trim();
  }

  private static String hint(Throwable cause) {
    if (isUsage(cause)) {
      return "see --help";
    }
    if (cause instanceof SessionExpiredException) {
      return "the session expired: copy a fresh CSRF token and cookie from a logged-in browser";
    }
    if (cause instanceof AuthenticationException) {
      return "check the user name, the secret in the environment variable, and --auth for cameras";
    }
    if (cause instanceof CertificateMismatchException) {
      return "if the device was replaced or reset, remove its line from the known-hosts file or pin"
          + " the new fingerprint with --trust sha256:HEX";
    }
    if (cause instanceof RequestTimeoutException) {
      return "check that the device is on and reachable; a longer --timeout may help";
    }
    if (cause instanceof TransportException) {
      return "check the host, port or URL and that the device or service is reachable";
    }
    if (cause instanceof UnsupportedCommandException) {
      return "this device does not support it";
    }
    if (cause instanceof CameraCommandException) {
      return "the camera refused; check the value and the camera's state";
    }
    if (cause instanceof ServiceCallException) {
      return "the service refused; check the ids given";
    }
    if (cause instanceof RefusedException) {
      return "the other side said no";
    }
    return "run again with --verbose for details";
  }

  /** Prints the one-line description, and the stack trace when {@code verbose}. */
  public static int report(Throwable failure, PrintWriter err, boolean verbose) {
    if (unwrap(failure) instanceof OutputClosedException) {
      // The reader went away on purpose (| head): nothing to report, like any tool ended by SIGPIPE.
      return ExitCode.OUTPUT_CLOSED;
    }
    err.println(describe(failure));
    if (verbose) {
      unwrap(failure).printStackTrace(err);
    }
    err.flush();
    return exitCode(failure);
  }
}
