package dev.homeport.cli.internal;

import dev.homeport.adapter.events.wss.EventsTlsProvider;
import dev.homeport.adapter.events.wss.SmartThingsConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The event source as the CLI will connect to it, from flags or from a deployment file. Secrets
 * are not held here: only the names of the environment variables that hold them.
 *
 * @param source {@code smartthings} or {@code inmemory}
 * @param url the WebSocket URL (smartthings: the library's default, {@link SmartThingsConfig#DEFAULT_URL}, unless given)
 * @param csrfEnv the variable holding the CSRF token
 * @param cookieEnv the variable holding the session cookie
 * @param trust {@code default}, {@code insecure} or {@code sha256:HEX}
 * @param caCert an extra CA certificate (PEM) to trust, if any
 * @param timeout the connect and call time-out, when not the adapter's default
 * @param tlsProvider the TLS engine; the CLI's default is {@link EventsTlsProvider#AUTO} (Conscrypt,
 *     which the CLI ships, unless its native library does not load here), the library's is JDK
 */
public record EventSourceSpec(
    String source,
    Optional<URI> url,
    String csrfEnv,
    String cookieEnv,
    String trust,
    Optional<Path> caCert,
    Optional<java.time.Duration> timeout,
    EventsTlsProvider tlsProvider) {

  /** A spec with the adapter's default time-outs and the CLI's default TLS engine (auto). */
  public EventSourceSpec(
      String source, Optional<URI> url, String csrfEnv, String cookieEnv, String trust, Optional<Path> caCert) {
    this(source, url, csrfEnv, cookieEnv, trust, caCert, Optional.empty(), EventsTlsProvider.AUTO);
  }

  /** The default variable for the CSRF token. */
  public static final String DEFAULT_CSRF_ENV = "HOMEPORT_CSRF_TOKEN";
  /** The default variable for the session cookie. */
  public static final String DEFAULT_COOKIE_ENV = "HOMEPORT_COOKIE";

  /** SmartThings with defaults everywhere; the URL is the library's own default, not a copy of it. */
  public static EventSourceSpec smartThings() {
    return new EventSourceSpec(
        "smartthings", Optional.of(SmartThingsConfig.DEFAULT_URL), DEFAULT_CSRF_ENV, DEFAULT_COOKIE_ENV, "default", Optional.empty());
  }

  /** Checks that the spec is complete enough to connect; before any I/O. */
  public EventSourceSpec validated() {
    Values.oneOf("event source", source, Values.SOURCES);
    if (source.equals("smartthings") && url.isEmpty()) {
      throw new UsageException("the event source needs a URL (--url wss://..., or url: in the config file)");
    }
    return this;
  }

  /**
   * The service as a failure message names it (see {@link Failures}): its host and port, and the
   * variables and options that carry the CSRF token and cookie; empty without a URL.
   */
  public Optional<Peer> peer() {
    return url.map(u -> new Peer(Peer.Kind.EVENTS, u.getHost(), u.getPort() > 0 ? u.getPort() : 443, Optional.empty(),
        "check the CSRF token in $" + csrfEnv + " and the session cookie in $" + cookieEnv
            + "; name other variables with --csrf-env and --cookie-env, or csrf-env: and cookie-env: in a config file"));
  }

  public EventSourceSpec withUrl(URI value) {
    return new EventSourceSpec(source, Optional.of(value), csrfEnv, cookieEnv, trust, caCert, timeout, tlsProvider);
  }

  public EventSourceSpec withCsrfEnv(String value) {
    return new EventSourceSpec(source, url, value, cookieEnv, trust, caCert, timeout, tlsProvider);
  }

  public EventSourceSpec withCookieEnv(String value) {
    return new EventSourceSpec(source, url, csrfEnv, value, trust, caCert, timeout, tlsProvider);
  }

  public EventSourceSpec withTrust(String value) {
    return new EventSourceSpec(source, url, csrfEnv, cookieEnv, value, caCert, timeout, tlsProvider);
  }

  public EventSourceSpec withCaCert(Path value) {
    return new EventSourceSpec(source, url, csrfEnv, cookieEnv, trust, Optional.of(value), timeout, tlsProvider);
  }

  public EventSourceSpec withTimeout(java.time.Duration value) {
    return new EventSourceSpec(source, url, csrfEnv, cookieEnv, trust, caCert, Optional.of(value), tlsProvider);
  }

  public EventSourceSpec withTlsProvider(EventsTlsProvider value) {
    return new EventSourceSpec(source, url, csrfEnv, cookieEnv, trust, caCert, timeout, value);
  }
}
