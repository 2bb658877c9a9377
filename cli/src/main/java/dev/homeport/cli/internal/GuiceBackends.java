package dev.homeport.cli.internal;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.Stage;
import com.google.inject.name.Names;
import dev.homeport.domain.Secret;
import dev.homeport.ports.camera.Camera;
import dev.homeport.ports.home.SmartHomeGateway;
import java.util.Optional;

/** Backends wired through the adapters' Guice modules (see {@link DeploymentModules}). */
public final class GuiceBackends implements Backends {

  @Override
  public Camera camera(CameraSpec spec, Optional<Secret> password) {
    return Guice.createInjector(Stage.PRODUCTION, DeploymentModules.camera(spec, password))
        .getInstance(Key.get(Camera.class, Names.named(spec.name())));
  }

  @Override
  public SmartHomeGateway gateway(EventSourceSpec spec, Optional<Secret> csrfToken, Optional<Secret> cookie) {
    return Guice.createInjector(Stage.PRODUCTION, DeploymentModules.events(spec, csrfToken, cookie))
        .getInstance(SmartHomeGateway.class);
  }
}
