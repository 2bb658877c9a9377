package dev.homeport.cli.internal;

import dev.homeport.domain.Secret;
import dev.homeport.ports.camera.Camera;
import dev.homeport.ports.home.SmartHomeGateway;
import java.util.Optional;

/**
 * Turns validated specs and secrets into ports. The real implementation ({@link GuiceBackends})
 * installs the adapters' Guice modules; no I/O happens until the port is used.
 */
public interface Backends {

  /**
   * A camera for {@code spec}.
   *
   * @throws IllegalArgumentException if the adapter rejects the settings (before any I/O)
   */
  Camera camera(CameraSpec spec, Optional<Secret> password);

  /**
   * A gateway for {@code spec}.
   *
   * @throws IllegalArgumentException if the adapter rejects the settings (before any I/O)
   */
  SmartHomeGateway gateway(EventSourceSpec spec, Optional<Secret> csrfToken, Optional<Secret> cookie);
}
