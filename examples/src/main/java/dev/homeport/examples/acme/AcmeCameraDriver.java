package dev.homeport.examples.acme;

import dev.homeport.examples.acme.internal.AcmeCamera;
import dev.homeport.ports.camera.Camera;
import dev.homeport.ports.camera.CameraDriver;
import dev.homeport.ports.camera.CameraEndpoint;
import dev.homeport.ports.camera.DriverOption;
import dev.homeport.support.Durations;
import dev.homeport.support.Fingerprints;
import dev.homeport.support.PinningTrustManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;

/**
 * The {@code acme} brand (see the package documentation for its protocol). Found at run time
 * through {@code META-INF/services/dev.homeport.ports.camera.CameraDriver}, so {@code brand: acme}
 * in a deployment file works without any edit in the CLI. Options: {@code scheme} ({@code http}
 * or {@code https}), {@code fingerprint} (the pinned certificate for https) and
 * {@code request-timeout}. Stateless and thread-safe.
 */
public final class AcmeCameraDriver implements CameraDriver {

  /** The brand id. */
  public static final String BRAND = "acme";

  /** The default time for an answer. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);

  private static final List<DriverOption> OPTIONS = List.of(
      DriverOption.choice("scheme", "Plain HTTP, or HTTPS with a pinned certificate.", "http", "http", "https"),
      DriverOption.text("fingerprint", "The camera certificate's SHA-256, required with scheme https.",
          "64 hex digits, colons allowed", null),
      DriverOption.text("request-timeout", "How long an answer may take.", Durations.FORMS,
          Durations.format(DEFAULT_REQUEST_TIMEOUT)));

  /** The port when the endpoint names none. */
  public static final int DEFAULT_PORT = 8080;

  @Override
  public String brand() {
    return BRAND;
  }

  @Override
  public List<DriverOption> options() {
    return OPTIONS;
  }

  /**
   * {@inheritDoc} Needs a username and a password; no I/O happens here.
   *
   * @throws IllegalArgumentException for another brand, a missing credential, or an unknown or
   *     invalid option, naming it and what is allowed
   */
  @Override
  public Camera connect(CameraEndpoint endpoint) {
    checkEndpoint(endpoint);
    String where = BRAND + " camera '" + endpoint.name() + "'";
    String user = endpoint.username().orElseThrow(() -> new IllegalArgumentException(where + " needs a username"));
    var password = endpoint.password().orElseThrow(() -> new IllegalArgumentException(where + " needs a password"));
    boolean https = "https".equalsIgnoreCase(endpoint.options().getOrDefault("scheme", "http"));
    Duration timeout = endpoint.options().containsKey("request-timeout")
        ? Durations.positive(where + ": option 'request-timeout'", endpoint.options().get("request-timeout"))
        : DEFAULT_REQUEST_TIMEOUT;
    int port = endpoint.port().orElse(DEFAULT_PORT);
    HttpClient.Builder client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(timeout);
    String fingerprint = endpoint.options().get("fingerprint");
    if (https) {
      if (fingerprint == null) {
        throw new IllegalArgumentException(where + ": option 'scheme' is https, so option 'fingerprint' is required");
      }
      String pin;
      try {
        pin = Fingerprints.normalize(fingerprint);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ": option 'fingerprint': " + e.getMessage(), e);
      }
      PinningTrustManager trust = PinningTrustManager.pinned(endpoint.host() + ":" + port, pin);
      var tls = trust.context();
      var parameters = tls.getDefaultSSLParameters();
      parameters.setEndpointIdentificationAlgorithm(null); // the pin identifies the camera
      client.sslContext(tls).sslParameters(parameters);
    } else if (fingerprint != null) {
      throw new IllegalArgumentException(where + ": option 'fingerprint' needs option 'scheme' to be https");
    }
    URI uri = URI.create((https ? "https" : "http") + "://" + hostForUri(endpoint.host()) + ":" + port + "/api/v1/command");
    return new AcmeCamera(endpoint.name(), uri, user, password, timeout, client.build());
  }

  private static String hostForUri(String host) {
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  @Override
  public String toString() {
    return "AcmeCameraDriver";
  }
}
