package dev.homeport.cli.internal;

import dev.homeport.domain.Secret;
import dev.homeport.ports.camera.Camera;
import dev.homeport.ports.home.SmartHomeGateway;
import java.util.Optional;

/** Backends wired through the adapters' Guice modules. */
public final class GuiceBackends implements Backends {

  @Override
  public Camera camera(CameraSpec spec, Optional<Secret> password) {
    throw new UnsupportedOperationException("not wired yet");
  }

  @Override
  public SmartHomeGateway gateway(EventSourceSpec spec, Optional<Secret> csrfToken, Optional<Secret> cookie) {
    throw new UnsupportedOperationException("not wired yet");
  }
}
