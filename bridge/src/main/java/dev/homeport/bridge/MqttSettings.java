package dev.homeport.bridge;

import dev.homeport.domain.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.TrustManagerFactory;
import org.immutables.value.Value;

/**
 * How to reach the MQTT broker: {@code tcp://host:1883} (also {@code mqtt://}) or
 * {@code ssl://host:8883} (also {@code mqtts://}), the client id, MQTT 3.1.1 or 5, credentials and
 * the reconnection back-off. Build with {@code ImmutableMqttSettings.builder()}; immutable and
 * thread-safe; {@code toString()} never shows the password.
 */
@Value.Immutable
public interface MqttSettings {

  /** The URI schemes accepted. */
  Set<String> SCHEMES = Set.of("tcp", "mqtt", "ssl", "mqtts");

  /** The broker, e.g. {@code tcp://127.0.0.1:1883}; a URI without a port takes 1883 or 8883. */
  URI uri();

  /** The MQTT client id; the default is {@code homeport-bridge-<base topic>}. */
  @Value.Default
  default String clientId() {
    return "homeport-bridge";
  }

  /** 3 (MQTT 3.1.1, the default: every broker speaks it) or 5. */
  @Value.Default
  default int version() {
    return 3;
  }

  /** The user name, if the broker wants one. */
  Optional<String> username();

  /** The password, if the broker wants one; never shown by {@code toString()}. */
  Optional<Secret> password();

  /** The trust for {@code ssl://}: empty means the system's certificate authorities. */
  @Value.Auxiliary
  Optional<TrustManagerFactory> trustManagerFactory();

  /** MQTT keep-alive (default 30 s): how fast a silently dead broker is noticed. */
  @Value.Default
  default Duration keepAlive() {
    return Duration.ofSeconds(30);
  }

  /** The first reconnection delay (default 1 s); each failed attempt doubles it up to the maximum. */
  @Value.Default
  default Duration reconnectInitialDelay() {
    return Duration.ofSeconds(1);
  }

  /** The longest reconnection delay (default 60 s). */
  @Value.Default
  default Duration reconnectMaxDelay() {
    return Duration.ofSeconds(60);
  }

  /** Whether the connection uses TLS ({@code ssl://} or {@code mqtts://}). */
  default boolean tls() {
    String scheme = uri().getScheme().toLowerCase(Locale.ROOT);
    return scheme.equals("ssl") || scheme.equals("mqtts");
  }

  @Value.Check
  default void check() {
    String scheme = uri().getScheme() == null ? "" : uri().getScheme().toLowerCase(Locale.ROOT);
    if (!SCHEMES.contains(scheme)) {
      throw new IllegalArgumentException(
          "MQTT URL must start with tcp://, mqtt://, ssl:// or mqtts://, was " + uri());
    }
    if (uri().getHost() == null || uri().getHost().isBlank()) {
      throw new IllegalArgumentException("MQTT URL must name a host, e.g. tcp://127.0.0.1:1883, was " + uri());
    }
    if (uri().getUserInfo() != null) {
      throw new IllegalArgumentException(
          "MQTT URL must not carry credentials; give them through environment variables");
    }
    if (uri().getPath() != null && !uri().getPath().isEmpty() && !uri().getPath().equals("/")) {
      throw new IllegalArgumentException("MQTT URL must have no path, was " + uri());
    }
    if (version() != 3 && version() != 5) {
      throw new IllegalArgumentException("MQTT version must be 3 (3.1.1) or 5, was " + version());
    }
    if (!clientId().matches("[A-Za-z0-9_.-]{1,64}")) {
      throw new IllegalArgumentException(
          "MQTT client id must be 1..64 letters, digits, '.', '_' or '-', was " + clientId());
    }
    if (password().isPresent() && username().isEmpty()) {
      throw new IllegalArgumentException("an MQTT password needs a user name too");
    }
    if (keepAlive().isNegative() || keepAlive().isZero() || reconnectInitialDelay().isNegative()
        || reconnectInitialDelay().isZero() || reconnectMaxDelay().compareTo(reconnectInitialDelay()) < 0) {
      throw new IllegalArgumentException(
          "MQTT keep-alive and reconnect delays must be positive, the maximum delay at least the initial one");
    }
  }
}
