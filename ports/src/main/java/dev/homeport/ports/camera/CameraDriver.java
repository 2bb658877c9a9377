package dev.homeport.ports.camera;

/**
 * The brand SPI: one implementation per camera brand (e.g. {@code kasa}), turning an endpoint into a
 * connected {@link Camera}. A new brand proves itself by passing the testkit's {@code CameraContract}.
 *
 * <p>Implementations are thread-safe and may be shared by many cameras.
 */
public interface CameraDriver {

  /** The brand id deployments name, lower case, e.g. {@code kasa} or {@code inmemory}. */
  String brand();

  /**
   * Creates a camera for {@code endpoint}. Connecting is lazy: no I/O happens here, so the first
   * command reports unreachable cameras.
   *
   * @throws IllegalArgumentException if the endpoint is of another brand or has invalid or unknown
   *     options (the message names the option and the allowed values)
   */
  Camera connect(CameraEndpoint endpoint);
}
