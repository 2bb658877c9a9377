package dev.homeport.ports.camera;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The brand SPI: one implementation per camera brand (e.g. {@code kasa}), turning an endpoint into a
 * connected {@link Camera}. Drivers are found at run time: a brand module lists its driver in
 * {@code META-INF/services/dev.homeport.ports.camera.CameraDriver} (and keeps a public no-argument
 * constructor), and {@link CameraDrivers} loads them; deployments never name a driver class. A new
 * brand proves itself by passing the testkit's {@code CameraContract}; most extend
 * {@link AbstractCamera} for the behaviour every camera shares.
 *
 * <p>Implementations are thread-safe and may be shared by many cameras.
 */
public interface CameraDriver {

  /** The brand id deployments name, lower case, e.g. {@code kasa} or {@code inmemory}. */
  String brand();

  /**
   * Whether cameras of this brand are reached over a network: {@code true} (the default) when
   * {@link #connect} needs a real {@link CameraEndpoint#host()} and, usually, a username and
   * password, so a deployment must name the host and the CLI asks for the password; {@code false}
   * for brands that ignore host and credentials (such as {@code inmemory}), which deployments may
   * leave out (the host is then {@code localhost}).
   */
  default boolean remote() {
    return true;
  }

  /**
   * The options {@link #connect} understands in {@link CameraEndpoint#options()}, in the order they
   * are best explained. Empty (the default) when the brand takes none.
   */
  default List<DriverOption> options() {
    return List.of();
  }

  /**
   * How to find this brand's cameras on the local network, when the brand has a discovery probe;
   * empty (the default) when it has none.
   */
  default java.util.Optional<CameraDiscovery> discovery() {
    return java.util.Optional.empty();
  }

  /**
   * Creates a camera for {@code endpoint}. Connecting is lazy: no I/O happens here, so the first
   * command reports unreachable cameras. Implementations start with {@link #checkEndpoint}.
   *
   * @throws IllegalArgumentException if the endpoint is of another brand or has invalid or unknown
   *     options (the message names the option and the allowed values), before any I/O
   */
  Camera connect(CameraEndpoint endpoint);

  /**
   * The checks every driver makes first: the endpoint is of this brand, every option is one of
   * {@link #options()}, and options with choices have one of them.
   *
   * @throws IllegalArgumentException naming the camera, the option and what is allowed
   */
  default void checkEndpoint(CameraEndpoint endpoint) {
    Objects.requireNonNull(endpoint, "endpoint");
    String brand = brand();
    if (!brand.equalsIgnoreCase(endpoint.brand())) {
      throw new IllegalArgumentException("camera '" + endpoint.name() + "' is of brand '"
          + endpoint.brand() + "', not '" + brand + "'");
    }
    String where = brand + " camera '" + endpoint.name() + "'";
    List<DriverOption> known = options();
    for (var entry : endpoint.options().entrySet()) {
      DriverOption option = known.stream()
          .filter(o -> o.name().equals(entry.getKey()))
          .findFirst()
          .orElseThrow(() -> new IllegalArgumentException(where + ": unknown option '"
              + entry.getKey() + "'; " + describe(known)));
      option.check(where, entry.getValue());
    }
  }

  /** "allowed options: a, b, c" or "brand B takes no options", for messages. */
  private static String describe(List<DriverOption> known) {
    if (known.isEmpty()) {
      return "this brand takes no options";
    }
    List<String> names = new ArrayList<>();
    known.forEach(o -> names.add(o.name()));
    return "allowed options: " + String.join(", ", names);
  }
}
