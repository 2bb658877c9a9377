package dev.homeport.adapter.camera.http;

import dev.homeport.support.Fingerprints;
import dev.homeport.support.KnownHostsStore;
import dev.homeport.support.TrustMode;
import dev.homeport.domain.Secret;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Everything needed to control one Kasa camera. Build with {@code ImmutableKasaCameraConfig.builder()}:
 *
 * <pre>{@code
 * KasaCameraConfig porch = ImmutableKasaCameraConfig.builder()
 *     .name("porch")
 *     .host("192.168.1.20")
 *     .username("me@example.com")
 *     .password(Secret.of(System.getenv("KASA_PASSWORD")))
 *     .build();                       // port 10443, auth AUTO, trust TOFU, 5 s / 8 s time-outs
 * }</pre>
 *
 * <p>Invalid values are refused by {@code build()} with a message naming the field. Immutable and
 * thread-safe; {@code toString()} shows the password as {@code Secret[redacted]}.
 */
@Value.Immutable
public interface KasaCameraConfig {

  /** The default LINKIE port. */
  int DEFAULT_PORT = 10443;
  /** The default live stream port. */
  int DEFAULT_STREAM_PORT = 19443;
  /** The default talk-back port. */
  int DEFAULT_TALK_PORT = 18443;
  /** The default time a live stream may send nothing before it counts as stalled and reconnects. */
  Duration DEFAULT_STREAM_STALL_TIMEOUT = Duration.ofSeconds(10);
  /** The default connect time-out. */
  Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  /** The default time-out for an answer to a request. */
  Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(8);

  /** The camera's name in this deployment, e.g. {@code porch}; also its Guice binding name. */
  String name();

  /** Host name or IP address of the camera. */
  String host();

  /** The LINKIE port, 1..65535 (default 10443). */
  @Value.Default
  default int port() {
    return DEFAULT_PORT;
  }

  /** The live stream port, 1..65535 (default 19443). */
  @Value.Default
  default int streamPort() {
    return DEFAULT_STREAM_PORT;
  }

  /** The talk-back port, 1..65535 (default 18443). */
  @Value.Default
  default int talkPort() {
    return DEFAULT_TALK_PORT;
  }

  /**
   * How long a live stream may send nothing before it counts as stalled and is reconnected (default
   * 10 s); reconnects back off from 0.5 s, doubling, to 30 s.
   */
  @Value.Default
  default Duration streamStallTimeout() {
    return DEFAULT_STREAM_STALL_TIMEOUT;
  }

  /** The Kasa account e-mail (some firmware accepts {@code admin}). */
  String username();

  /** The Kasa account password. */
  Secret password();

  /** How the password is put in the credentials (default {@link AuthVariant#AUTO}). */
  /** How often event streams poll the camera's latest activity (default 2 s). */
  @Value.Default
  default Duration eventPollInterval() {
    return Duration.ofSeconds(2);
  }

  @Value.Default
  default AuthVariant authVariant() {
    return AuthVariant.AUTO;
  }

  /** How the camera's certificate is trusted (default {@link TrustMode#TOFU}). */
  @Value.Default
  default TrustMode trustMode() {
    return TrustMode.TOFU;
  }

  /**
   * The SHA-256 fingerprint of the camera's certificate (64 hex digits, colons allowed); required
   * with {@link TrustMode#PINNED} and refused with the other modes.
   */
  Optional<String> pinnedSha256();

  /** The known-hosts file for {@link TrustMode#TOFU} (default {@code ~/.homeport/known_hosts}). */
  @Value.Default
  default Path knownHostsFile() {
    return defaultKnownHostsFile();
  }

  /** Time allowed to open a connection (default 5 s). */
  @Value.Default
  default Duration connectTimeout() {
    return DEFAULT_CONNECT_TIMEOUT;
  }

  /** Time allowed for an answer once a request is sent (default 8 s). */
  @Value.Default
  default Duration requestTimeout() {
    return DEFAULT_REQUEST_TIMEOUT;
  }

  /**
   * The {@code User-Agent} of every request (default the Kasa app's,
   * {@value dev.homeport.adapter.camera.http.internal.LinkieTransport#APP_USER_AGENT}): a KC420WS
   * silently drops requests that do not look like the app's.
   */
  @Value.Default
  default String userAgent() {
    return dev.homeport.adapter.camera.http.internal.LinkieTransport.APP_USER_AGENT;
  }

  /**
   * The camera's {@code stream_version} when known (from discovery): 2 starts on LINKIE2.json.
   * Without it the adapter starts on LINKIE.json and moves to LINKIE2.json on a 404 or no answer.
   */
  java.util.OptionalInt streamVersion();

  /** Which TLS implementation carries this camera's connections (default {@link TlsProvider#AUTO}). */
  @Value.Default
  default TlsProvider tlsProvider() {
    return TlsProvider.AUTO;
  }

  /**
   * The largest answer body accepted from the camera, in bytes (default 256 KiB; real answers are
   * a few KB). A larger answer fails its request with a {@code ProtocolException} and the rest of
   * it is never read, so a camera cannot make memory grow.
   */
  @Value.Default
  default int maxAnswerBytes() {
    return dev.homeport.adapter.camera.http.internal.LinkieTransport.DEFAULT_MAX_ANSWER_BYTES;
  }

  /** {@code ~/.homeport/known_hosts}, where {@code ~} follows {@code $HOME} (see {@link KnownHostsStore#defaultFile()}). */
  static Path defaultKnownHostsFile() {
    return KnownHostsStore.defaultFile();
  }

  /** Checks every field; called by {@code build()}. */
  @Value.Check
  default void check() {
    if (name().isBlank()) {
      throw new IllegalArgumentException("name must be non-blank");
    }
    if (host().isBlank() || host().chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("host must be a host name or IP address without spaces, was \"" + host() + "\"");
    }
    if (port() < 1 || port() > 65535) {
      throw new IllegalArgumentException("port must be 1..65535, was " + port());
    }
    if (streamPort() < 1 || streamPort() > 65535) {
      throw new IllegalArgumentException("streamPort must be 1..65535, was " + streamPort());
    }
    if (talkPort() < 1 || talkPort() > 65535) {
      throw new IllegalArgumentException("talkPort must be 1..65535, was " + talkPort());
    }
    if (username().isBlank()) {
      throw new IllegalArgumentException("username must be non-blank (the Kasa account e-mail)");
    }
    if (trustMode() == TrustMode.PINNED && pinnedSha256().isEmpty()) {
      throw new IllegalArgumentException("pinnedSha256 is required when trustMode is pinned");
    }
    if (trustMode() != TrustMode.PINNED && pinnedSha256().isPresent()) {
      throw new IllegalArgumentException(
          "pinnedSha256 is only allowed when trustMode is pinned, was " + trustMode().text());
    }
    pinnedSha256().ifPresent(fp -> {
      try {
        Fingerprints.normalize(fp);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("pinnedSha256 " + e.getMessage().replaceFirst("^SHA-256 fingerprint ", ""));
      }
    });
    if (userAgent().isBlank() || userAgent().chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
      throw new IllegalArgumentException("userAgent must be non-blank printable ASCII, was \"" + userAgent() + "\"");
    }
    streamVersion().ifPresent(v -> {
      if (v < 1 || v > 2) {
        throw new IllegalArgumentException("streamVersion must be 1 or 2, was " + v);
      }
    });
    if (maxAnswerBytes() < 1024 || maxAnswerBytes() > 64 * 1024 * 1024) {
      throw new IllegalArgumentException("maxAnswerBytes must be 1024..67108864 (1 KiB..64 MiB), was "
          + maxAnswerBytes());
    }
    checkPositive("connectTimeout", connectTimeout());
    checkPositive("requestTimeout", requestTimeout());
    checkPositive("streamStallTimeout", streamStallTimeout());
  }

  private static void checkPositive(String field, Duration value) {
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(field + " must be positive, was " + value);
    }
  }
}
