package dev.homeport.cli.internal;

import dev.homeport.domain.Secret;
import dev.homeport.ports.camera.CameraDriver;
import dev.homeport.ports.camera.CameraEndpoint;
import dev.homeport.ports.camera.ImmutableCameraEndpoint;
import dev.homeport.support.Durations;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One camera as the CLI will connect to it, from flags or from a deployment file: the brand-neutral
 * parts of a {@link CameraEndpoint} and the brand's options, which the brand's driver validates.
 * Secrets are not held here: only the name of the environment variable that holds the password.
 *
 * @param name the camera's name in the deployment (the host when given by flags)
 * @param brand the brand id of a driver found at run time, e.g. {@code kasa} or {@code inmemory}
 * @param host host name or address (required for brands whose driver is {@linkplain CameraDriver#remote() remote})
 * @param port the port, or empty for the brand's default
 * @param username the user name, when the brand needs one
 * @param passwordEnv the environment variable holding the password
 * @param options the driver options, in the order given (e.g. {@code trust=tofu})
 */
public record CameraSpec(
    String name,
    String brand,
    Optional<String> host,
    Optional<Integer> port,
    Optional<String> username,
    String passwordEnv,
    Map<String, String> options) {

  /** The default variable for the camera password. */
  public static final String DEFAULT_PASSWORD_ENV = "HOMEPORT_CAMERA_PASSWORD";
  /** The brand of a camera that names none. */
  public static final String DEFAULT_BRAND = "kasa";

  public CameraSpec {
    brand = brand.toLowerCase(Locale.ROOT);
    options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
  }

  /** A camera of {@code brand} with defaults everywhere. */
  public static CameraSpec of(String name, String brand) {
    return new CameraSpec(name, brand, Optional.empty(), Optional.empty(), Optional.empty(), DEFAULT_PASSWORD_ENV, Map.of());
  }

  /**
   * The per-request time-out the brand was given ({@code request-timeout}, else {@code timeout}),
   * for the CLI's own safety net around a command; empty when none was given or it does not parse
   * (the driver reports that).
   */
  public Optional<Duration> timeout() {
    String text = options.getOrDefault("request-timeout", options.get("timeout"));
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Durations.positive("timeout", text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Whether the option {@code trust} is {@code insecure} (the CLI then warns). */
  public boolean insecureTrust() {
    return "insecure".equalsIgnoreCase(options.getOrDefault("trust", "").strip());
  }

  /**
   * The endpoint for {@code driver}; checks what every brand shares (a host for remote brands) and
   * leaves the rest to the driver. No I/O.
   *
   * @throws UsageException naming the camera and what is missing or invalid
   */
  public CameraEndpoint endpoint(CameraDriver driver, Optional<Secret> password) {
    if (driver.remote() && host.isEmpty()) {
      throw new UsageException("camera " + name + " needs a host (--host H, or host: in the config file)");
    }
    try {
      ImmutableCameraEndpoint.Builder endpoint = ImmutableCameraEndpoint.builder()
          .name(name)
          .brand(brand)
          .host(host.orElse("localhost"))
          .username(username)
          .password(password)
          .putAllOptions(options);
      port.ifPresent(endpoint::port);
      return endpoint.build();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /**
   * This camera as a failure message names it: its host, the known-hosts file trust on first use
   * records it in (option {@code known-hosts}, else {@code ~/.homeport/known_hosts} under
   * {@code home}; none when option {@code trust} pins a fingerprint), and the options that carry
   * its credentials.
   *
   * @param home the {@code HOME} variable of the run, if set
   * @param fromFile whether the camera comes from a config file (then its keys are named)
   */
  public Peer peer(Optional<String> home, boolean fromFile) {
    String file = options.get("known-hosts");
    boolean pinned = options.getOrDefault("trust", "").strip().regionMatches(true, 0, "sha256:", 0, 7);
    Map<String, String> environment = home.map(h -> Map.of("HOME", h)).orElse(Map.of());
    Optional<java.nio.file.Path> knownHosts;
    try {
      // a pinned camera never reads the known-hosts file, so a mismatch is against the pin
      knownHosts = pinned ? Optional.empty() : Optional.of(file == null
          ? dev.homeport.support.KnownHostsStore.defaultFile(environment)
          : file.startsWith("~/")
              ? dev.homeport.support.KnownHostsStore.homeDirectory(environment).resolve(file.substring(2))
              : java.nio.file.Path.of(file));
    } catch (java.nio.file.InvalidPathException e) {
      knownHosts = Optional.empty();
    }
    String credentials = fromFile
        ? "check username:, password-env: and auth: of camera " + name + " in the config file, and the password in $"
            + passwordEnv
        : "check --username and the password in $" + passwordEnv + "; another variable: --password-env; how it is"
            + " sent: --auth";
    return new Peer(Peer.Kind.CAMERA, host.orElse(name), port.orElse(0), knownHosts, credentials);
  }

  public CameraSpec withBrand(String value) {
    return new CameraSpec(name, value, host, port, username, passwordEnv, options);
  }

  public CameraSpec withHost(String value) {
    return new CameraSpec(name, brand, Optional.of(value), port, username, passwordEnv, options);
  }

  public CameraSpec withPort(int value) {
    return new CameraSpec(name, brand, host, Optional.of(value), username, passwordEnv, options);
  }

  public CameraSpec withUsername(String value) {
    return new CameraSpec(name, brand, host, port, Optional.of(value), passwordEnv, options);
  }

  public CameraSpec withPasswordEnv(String value) {
    return new CameraSpec(name, brand, host, port, username, value, options);
  }

  /** This spec with option {@code key} set to {@code value} (replacing an earlier value). */
  public CameraSpec withOption(String key, String value) {
    Map<String, String> more = new LinkedHashMap<>(options);
    more.put(key, value);
    return new CameraSpec(name, brand, host, port, username, passwordEnv, more);
  }
}
