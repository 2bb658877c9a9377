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
import dev.homeport.support.Fingerprints;
import dev.homeport.support.KnownHostsFileException;
import dev.homeport.support.KnownHostsStore;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Maps a failure to an exit code and one clear line: what went wrong and what to try, in words and
 * with the options that change it, never a Java class name or a chain of wrapped causes.
 */
public final class Failures {

  private static final Pattern LINE_BREAKS = Pattern.compile("\\s*[\\r\\n]+\\s*");

  /**
   * A Java class name that a library put in its message ({@code sun.security...Exception: },
   * {@code java.net.ConnectException}): not words for a person, so it is left out.
   */
  private static final Pattern JAVA_NAMES =
      Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error)\\b:?\\s*");

  /** How long reading an untrusted server's fingerprint, to print it, may take. */
  private static final Duration FINGERPRINT_WAIT = Duration.ofSeconds(5);

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
    if (isUsage(cause) || KnownHostsFileException.find(cause) != null) {
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
    return describe(failure, List.of());
  }

  /**
   * One line: what went wrong, then what to try, in the terms of the {@code peers} the command
   * talks to (the options that carry their credentials and trust, their known-hosts file). Never
   * contains secrets. May read an untrusted server's certificate fingerprint to print it (a TLS
   * handshake abandoned before anything is sent, at most a few seconds).
   */
  public static String describe(Throwable failure, List<Peer> peers) {
    Throwable cause = unwrap(failure);
    KnownHostsFileException knownHosts = KnownHostsFileException.find(cause);
    if (knownHosts != null) {
      // its message names the file, the line and the fix
      return line(message(knownHosts), "");
    }
    if (cause instanceof CertificateMismatchException mismatch) {
      return mismatch(mismatch, peers);
    }
    Optional<String> unresolved = unresolvedHost(cause, peers);
    if (unresolved.isPresent()) {
      return line("cannot resolve host " + TerminalText.escape(unresolved.get()),
          "check the spelling of the host name, and that this machine's DNS knows it");
    }
    if (notSignedByKnownCa(cause)) {
      return untrusted(cause, peers);
    }
    String message = message(cause);
    return line(message, alreadyAdvises(message) ? "" : hint(cause, peers));
  }

  /** {@code homeport: MESSAGE (HINT)}; {@code ; HINT} after a message that ends in brackets already. */
  private static String line(String message, String hint) {
    if (hint.isEmpty()) {
      return "homeport: " + message;
    }
    return "homeport: " + message + (message.endsWith(")") ? "; " + hint : " (" + hint + ")");
  }

  /** Whether the message already says what to try (adapters often do). */
  private static boolean alreadyAdvises(String message) {
    String lower = message.toLowerCase(java.util.Locale.ROOT);
    return lower.contains("check ") || lower.contains("remove its") || lower.contains("pin the new")
        || lower.contains(" try ") || lower.contains("--help");
  }

  private static String message(Throwable cause) {
    String text = cause.getMessage();
    text = text == null ? "" : JAVA_NAMES.matcher(text).replaceAll("").strip();
    while (text.endsWith(":")) {
      text = text.substring(0, text.length() - 1).strip();
    }
    if (text.isBlank()) {
      text = "an unexpected internal error";
    }
    // remote error text ends up in exception messages: line breaks become spaces, any other
    // control character is shown escaped
    return TerminalText.escape(oneLine(text));
  }

  /**
   * A certificate other than the recorded or pinned one. Like ssh, name the known-hosts file and
   * the line that holds the old fingerprint when trust on first use recorded it, so the user can
   * remove exactly that line if the change is expected.
   */
  private static String mismatch(CertificateMismatchException mismatch, List<Peer> peers) {
    String host = TerminalText.escape(mismatch.host());
    String presented = mismatch.actualFingerprint();
    for (Peer peer : peers) {
      if (peer.knownHosts().isEmpty()) {
        continue;
      }
      OptionalInt line = recordedLine(peer.knownHosts().get(), mismatch);
      if (line.isPresent()) {
        String file = TerminalText.escape(peer.knownHosts().get().toString());
        return line("the certificate of " + host + " changed: line " + line.getAsInt() + " of known-hosts file "
                + file + " records SHA-256 " + mismatch.expectedFingerprint() + ", the peer now presents "
                + presented,
            "if the device was reset or replaced, delete line " + line.getAsInt() + " of " + file
                + " and connect again to record the new one; if not, someone may be in the middle");
      }
    }
    boolean pinned = peers.stream().anyMatch(p -> p.knownHosts().isEmpty()
        && (p.host().equals(mismatch.host()) || p.address().equals(mismatch.host())));
    if (pinned) {
      // the event service has no trust on first use, and a pinned camera does not use it
      return line("the certificate of " + host + " is not the pinned one: pinned SHA-256 "
              + mismatch.expectedFingerprint() + ", the peer presents " + presented,
          "if the change is expected, pin the new one with --trust sha256:" + presented
              + ", or trust: in a config file; if not, someone may be in the middle");
    }
    // recorded by trust on first use, but the line is gone or the file unreadable now
    return line("the certificate of " + host + " is not the one recorded for it: expected SHA-256 "
            + mismatch.expectedFingerprint() + ", the peer presents " + presented,
        "if the device was reset or replaced, delete its line from the known-hosts file and connect again"
            + "; if not, someone may be in the middle");
  }

  /** The line of {@code file} that records the fingerprint {@code mismatch} expected, if it does. */
  private static OptionalInt recordedLine(java.nio.file.Path file, CertificateMismatchException mismatch) {
    try {
      KnownHostsStore store = new KnownHostsStore(file);
      Optional<String> recorded = store.lookup(mismatch.host());
      if (recorded.isPresent() && Fingerprints.matches(recorded.get(), mismatch.expectedFingerprint())) {
        return store.lineOf(mismatch.host());
      }
    } catch (RuntimeException e) {
      // unreadable now: the message without the line is still right
    }
    return OptionalInt.empty();
  }

  /** The host name that could not be resolved, when that is the failure. */
  private static Optional<String> unresolvedHost(Throwable cause, List<Peer> peers) {
    return inChain(cause, c -> c instanceof java.net.UnknownHostException || c instanceof java.nio.channels.UnresolvedAddressException)
        .map(c -> c instanceof java.net.UnknownHostException && c.getMessage() != null
            ? c.getMessage()
            : peer(cause, peers).map(Peer::host).orElse("(the host name given)"));
  }

  /** The first of {@code cause} and its causes that {@code test} accepts. */
  private static Optional<Throwable> inChain(Throwable cause, java.util.function.Predicate<Throwable> test) {
    for (Throwable c = cause; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (test.test(c)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** Whether the TLS failure is a certificate no trusted certificate authority signed (PKIX). */
  private static boolean notSignedByKnownCa(Throwable cause) {
    if (inChain(cause, c -> c instanceof java.security.cert.CertPathBuilderException
        || c instanceof java.security.cert.CertPathValidatorException).isPresent()) {
      return true;
    }
    String text = String.valueOf(cause.getMessage());
    return text.contains("PKIX path") || text.contains("unable to find valid certification path");
  }

  /**
   * A server whose certificate no trusted CA signed (a self-signed one): say so, and, as ssh does,
   * print the fingerprint the server presents so the user can compare it and pin it.
   */
  private static String untrusted(Throwable cause, List<Peer> peers) {
    Optional<Peer> peer = peer(cause, peers);
    String who = peer.map(p -> TerminalText.escape(p.address())).orElse("the server");
    String message = "the certificate of " + who + " is not trusted: no certificate authority this machine trusts signed it";
    if (peer.isPresent() && peer.get().kind() == Peer.Kind.CAMERA) {
      return line(message, "use --trust tofu to record it on first use, or --trust sha256:HEX to pin it");
    }
    Optional<String> fingerprint = peer.flatMap(p -> PeerCertificate.sha256(p.host(), p.port(), FINGERPRINT_WAIT));
    if (fingerprint.isPresent()) {
      String f = fingerprint.get();
      return line(message + "; it presents SHA-256 " + f,
          "if that is the server you expect, compare the fingerprint out of band and pin it with --trust sha256:" + f
              + ", or trust the CA that signed it with --ca-cert FILE; in a config file: trust: and ca-cert:");
    }
    return line(message, "pin its certificate with --trust sha256:HEX, HEX being its SHA-256 as"
        + " 'openssl x509 -noout -fingerprint -sha256' prints it, or trust the CA that signed it with --ca-cert FILE;"
        + " in a config file: trust: and ca-cert:");
  }

  /** Whether a TLS handshake or session failed somewhere in {@code cause}'s chain. */
  private static boolean tlsFailed(Throwable cause) {
    return inChain(cause, c -> c instanceof javax.net.ssl.SSLException).isPresent();
  }

  /** The peer {@code cause} is about: the only one, else the one its message names. */
  private static Optional<Peer> peer(Throwable cause, List<Peer> peers) {
    if (peers.size() == 1) {
      return Optional.of(peers.get(0));
    }
    String text = String.valueOf(cause.getMessage());
    return peers.stream().filter(p -> text.contains(p.host())).findFirst();
  }

  /** {@code text} on one line, whatever the source wrote: line breaks and the space around them become one space. */
  public static String oneLine(String text) {
    return LINE_BREAKS.matcher(text).replaceAll(" ").trim();
  }

  private static String hint(Throwable cause, List<Peer> peers) {
    if (isUsage(cause)) {
      return "see --help";
    }
    Optional<Peer> peer = peer(cause, peers);
    if (cause instanceof SessionExpiredException) {
      return "copy a fresh CSRF token and session cookie from a logged-in browser; "
          + peer.filter(p -> p.kind() == Peer.Kind.EVENTS).map(Peer::credentials)
              .orElse("they are read from the variables named by --csrf-env and --cookie-env");
    }
    if (cause instanceof AuthenticationException) {
      return peer.map(Peer::credentials).orElse("check the credentials: for a camera the user name, the"
          + " password variable (--password-env) and --auth; for events the variables named by --csrf-env"
          + " and --cookie-env");
    }
    if (cause instanceof CertificateMismatchException) {
      return "if the device was replaced or reset, remove its line from the known-hosts file or pin"
          + " the new fingerprint with --trust sha256:HEX";
    }
    if (cause instanceof RequestTimeoutException) {
      return "check that the device is on and reachable; a longer --timeout may help";
    }
    if (cause instanceof TransportException && tlsFailed(cause)) {
      return peer.filter(p -> p.kind() == Peer.Kind.CAMERA).isPresent()
          ? "check that --host and --port name the camera's HTTPS port, and --trust: tofu, sha256:HEX or insecure"
          : "check that --url names the service, and --trust: default, sha256:HEX or insecure, or --ca-cert";
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
    return report(failure, err, verbose, List.of());
  }

  /**
   * Prints the one-line description in the terms of the {@code peers} the command talked to (see
   * {@link #describe(Throwable, List)}), and the stack trace when {@code verbose}.
   */
  public static int report(Throwable failure, PrintWriter err, boolean verbose, List<Peer> peers) {
    if (unwrap(failure) instanceof OutputClosedException) {
      // The reader went away on purpose (| head): nothing to report, like any tool ended by SIGPIPE.
      return ExitCode.OUTPUT_CLOSED;
    }
    err.println(describe(failure, peers));
    if (verbose) {
      unwrap(failure).printStackTrace(err);
    }
    err.flush();
    return exitCode(failure);
  }
}
