package dev.homeport.cli.internal;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A camera or service a command is about to talk to, as the user named it, so that {@link Failures}
 * can explain a failure with the options that change it: which host did not resolve, which
 * known-hosts file holds the old fingerprint, which options carry the credentials and the trust.
 *
 * @param kind a camera or the event service
 * @param host the host name or address as given (not resolved)
 * @param port the port, or 0 when it is the brand's default
 * @param knownHosts the known-hosts file trust-on-first-use records this peer in, when it may (none when its certificate is pinned)
 * @param credentials what to check when the credentials are refused, naming the real options
 */
public record Peer(Kind kind, String host, int port, Optional<Path> knownHosts, String credentials) {

  /** What the peer is. */
  public enum Kind {
    /** A camera: trust with --trust tofu|insecure|sha256:HEX and --known-hosts. */
    CAMERA,
    /** The event service: trust with --trust default|insecure|sha256:HEX and --ca-cert. */
    EVENTS
  }

  /** {@code host:port}, or the host alone when the port is the brand's default. */
  String address() {
    return port > 0 ? host + ":" + port : host;
  }
}
