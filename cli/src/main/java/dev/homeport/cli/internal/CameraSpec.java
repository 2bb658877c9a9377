package dev.homeport.cli.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * One camera as the CLI will connect to it, from flags or from a deployment file. Secrets are not
 * held here: only the name of the environment variable that holds the password.
 *
 * @param name the camera's name in the deployment (the host when given by flags)
 * @param brand {@code kasa} or {@code inmemory}
 * @param host host name or address (required for kasa)
 * @param port the port, or empty for the brand's default (10443)
 * @param username the user name (the Kasa account e-mail)
 * @param passwordEnv the environment variable holding the password
 * @param auth {@code auto}, {@code base64}, {@code md5} or {@code plain}
 * @param trust {@code tofu}, {@code insecure} or {@code sha256:HEX}
 * @param knownHosts the known-hosts file for {@code tofu}, or empty for the adapter's default
 * @param timeout per-request time-out, or empty for the adapter's default
 * @param streamPort the live stream port, or empty for the brand's default (19443)
 * @param talkPort the talk-back port, or empty for the brand's default (18443)
 */
public record CameraSpec(
    String name,
    String brand,
    Optional<String> host,
    Optional<Integer> port,
    Optional<String> username,
    String passwordEnv,
    String auth,
    String trust,
    Optional<Path> knownHosts,
    Optional<Duration> timeout,
    Optional<Integer> streamPort,
    Optional<Integer> talkPort) {

  /** The default variable for the camera password. */
  public static final String DEFAULT_PASSWORD_ENV = "HOMEPORT_CAMERA_PASSWORD";
  /** The Kasa LINKIE port. */
  public static final int DEFAULT_PORT = 10443;

  /** A kasa camera with defaults everywhere. */
  public static CameraSpec kasa(String name) {
    return new CameraSpec(
        name, "kasa", Optional.empty(), Optional.empty(), Optional.empty(), DEFAULT_PASSWORD_ENV,
        "auto", "tofu", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** Checks that the spec is complete enough to connect; before any I/O. */
  public CameraSpec validated() {
    Values.oneOf("brand of camera " + name, brand, Values.BRANDS);
    if (brand.equals("onvif") && host.isEmpty()) {
      throw new UsageException("camera " + name + " needs a host (--host H, or host: in the config file)");
    }
    if (brand.equals("kasa")) {
      if (host.isEmpty()) {
        throw new UsageException("camera " + name + " needs a host (--host H, or host: in the config file)");
      }
      if (username.isEmpty()) {
        throw new UsageException(
            "camera " + name + " needs a user name, the Kasa account e-mail (--username U, or username: in the config file)");
      }
    }
    return this;
  }

  public CameraSpec withBrand(String value) {
    return new CameraSpec(name, value, host, port, username, passwordEnv, auth, trust, knownHosts, timeout);
  }

  public CameraSpec withHost(String value) {
    return new CameraSpec(name, brand, Optional.of(value), port, username, passwordEnv, auth, trust, knownHosts, timeout, streamPort, talkPort);
  }

  public CameraSpec withPort(int value) {
    return new CameraSpec(name, brand, host, Optional.of(value), username, passwordEnv, auth, trust, knownHosts, timeout, streamPort, talkPort);
  }

  public CameraSpec withUsername(String value) {
    return new CameraSpec(name, brand, host, port, Optional.of(value), passwordEnv, auth, trust, knownHosts, timeout, streamPort, talkPort);
  }

  public CameraSpec withPasswordEnv(String value) {
    return new CameraSpec(name, brand, host, port, username, value, auth, trust, knownHosts, timeout, streamPort, talkPort);
  }

  public CameraSpec withAuth(String value) {
    return new CameraSpec(name, brand, host, port, username, passwordEnv, value, trust, knownHosts, timeout, streamPort, talkPort);
  }

  public CameraSpec withTrust(String value) {
    return new CameraSpec(name, brand, host, port, username, passwordEnv, auth, value, knownHosts, timeout, streamPort, talkPort);
  }

  public CameraSpec withKnownHosts(Path value) {
    return new CameraSpec(name, brand, host, port, username, passwordEnv, auth, trust, Optional.of(value), timeout, streamPort, talkPort);
  }

  public CameraSpec withTimeout(Duration value) {
    return new CameraSpec(name, brand, host, port, username, passwordEnv, auth, trust, knownHosts, Optional.of(value), streamPort, talkPort);
  }

  public CameraSpec withStreamPort(int value) {
    return new CameraSpec(name, brand, host, port, username, passwordEnv, auth, trust, knownHosts, timeout,
        Optional.of(value), talkPort);
  }

  public CameraSpec withTalkPort(int value) {
    return new CameraSpec(name, brand, host, port, username, passwordEnv, auth, trust, knownHosts, timeout,
        streamPort, Optional.of(value));
  }
}
