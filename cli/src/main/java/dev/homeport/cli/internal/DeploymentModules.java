package dev.homeport.cli.internal;

import com.google.inject.Module;
import dev.homeport.adapter.events.wss.ImmutableSmartThingsConfig;
import dev.homeport.adapter.events.wss.SmartThingsEventsModule;
import dev.homeport.adapter.events.wss.SmartThingsTrust;
import dev.homeport.adapter.inmemory.InMemorySmartHomeModule;
import dev.homeport.domain.Secret;
import dev.homeport.ports.camera.CameraDrivers;
import java.util.List;
import java.util.Optional;

/**
 * Maps the CLI's specs (from flags or a deployment file) onto Guice modules: a camera of any brand
 * onto {@link CameraDriversModule} (the driver of its brand, found at run time), a
 * smartthings source onto {@link SmartThingsEventsModule}, an inmemory source onto
 * {@link InMemorySmartHomeModule} (seeded with the demo home). Cameras are bound as
 * {@code @Named(name) Camera}; the event source as an unannotated {@code SmartHomeGateway}.
 */
public final class DeploymentModules {

  private DeploymentModules() {}

  /**
   * The module binding {@code @Named(spec.name()) Camera}, connected by the driver of the spec's
   * brand among the drivers found at run time (see {@link CameraDriversModule}).
   *
   * @throws UsageException if the brand is unknown or its driver refuses the endpoint (before any
   *     I/O), when the injector is created
   */
  public static Module camera(CameraSpec spec, Optional<Secret> password) {
    return new CameraDriversModule(CameraDrivers.load().drivers(), List.of(spec), password);
  }

  /**
   * The module binding {@code SmartHomeGateway}.
   *
   * @throws IllegalArgumentException if the adapter's configuration refuses a value (before any I/O)
   */
  public static Module events(EventSourceSpec spec, Optional<Secret> csrfToken, Optional<Secret> cookie) {
    spec.validated();
    if (spec.source().equals("inmemory")) {
      return InMemorySmartHomeModule.builder().home(DemoData.home()).build();
    }
    ImmutableSmartThingsConfig.Builder config =
        ImmutableSmartThingsConfig.builder()
            .url(spec.url().orElseThrow())
            .csrfToken(csrfToken.orElseThrow(() -> new UsageException("smartthings needs a CSRF token")))
            .cookie(cookie.orElseThrow(() -> new UsageException("smartthings needs a session cookie")));
    config.trust(trust(spec)).tlsProvider(spec.tlsProvider());
    spec.timeout().ifPresent(timeout -> config.connectTimeout(timeout).callTimeout(timeout));
    return new SmartThingsEventsModule(config.build());
  }

  static SmartThingsTrust trust(EventSourceSpec spec) {
    String trust = spec.trust();
    if (spec.caCert().isPresent()) {
      if (!trust.equals("default")) {
        throw new UsageException("--ca-cert goes with --trust default only, not with --trust " + trust);
      }
      return SmartThingsTrust.caCertificates(spec.caCert().get());
    }
    if (trust.equals("insecure")) {
      return SmartThingsTrust.insecure();
    }
    if (trust.startsWith("sha256:")) {
      return SmartThingsTrust.pinnedSha256(trust.substring("sha256:".length()));
    }
    return SmartThingsTrust.systemDefault();
  }
}
