package dev.homeport.cli.internal;

import com.google.inject.Module;
import dev.homeport.adapter.camera.http.AuthVariant;
import dev.homeport.adapter.camera.http.ImmutableKasaCameraConfig;
import dev.homeport.adapter.camera.http.KasaCameraModule;
import dev.homeport.support.TrustMode;
import dev.homeport.adapter.events.wss.ImmutableSmartThingsConfig;
import dev.homeport.adapter.events.wss.SmartThingsEventsModule;
import dev.homeport.adapter.events.wss.SmartThingsTrust;
import dev.homeport.adapter.inmemory.InMemoryCameraModule;
import dev.homeport.adapter.inmemory.InMemorySmartHomeModule;
import dev.homeport.domain.Secret;
import java.util.Optional;

/**
 * Maps the CLI's specs (from flags or a deployment file) onto the adapters' Guice modules: a kasa
 * camera onto {@link KasaCameraModule}, an inmemory camera onto {@link InMemoryCameraModule}, a
 * smartthings source onto {@link SmartThingsEventsModule}, an inmemory source onto
 * {@link InMemorySmartHomeModule} (seeded with the demo home). Cameras are bound as
 * {@code @Named(name) Camera}; the event source as an unannotated {@code SmartHomeGateway}.
 */
public final class DeploymentModules {

  private DeploymentModules() {}

  /**
   * The module binding {@code @Named(spec.name()) Camera}.
   *
   * @throws IllegalArgumentException if the adapter's configuration refuses a value (before any I/O)
   */
  public static Module camera(CameraSpec spec, Optional<Secret> password) {
    spec.validated();
    if (spec.brand().equals("inmemory")) {
      return InMemoryCameraModule.builder().camera(spec.name(), DemoData::camera).build();
    }
    if (spec.brand().equals("onvif")) {
      dev.homeport.ports.camera.ImmutableCameraEndpoint.Builder endpoint =
          dev.homeport.ports.camera.ImmutableCameraEndpoint.builder()
              .name(spec.name()).brand("onvif").host(spec.host().orElseThrow())
              .port(spec.port().orElse(80));
      spec.username().ifPresent(endpoint::username);
      if (spec.username().isPresent()) {
        endpoint.password(password.orElseThrow(() -> new UsageException("an onvif camera with a user name needs a password")));
      }
      spec.timeout().ifPresent(timeout -> endpoint.putOptions("requestTimeout", timeout.toMillis() + "ms")
          .putOptions("connectTimeout", timeout.toMillis() + "ms"));
      return new dev.homeport.adapter.camera.onvif.OnvifCameraModule(endpoint.build());
    }
    ImmutableKasaCameraConfig.Builder config =
        ImmutableKasaCameraConfig.builder()
            .name(spec.name())
            .host(spec.host().orElseThrow())
            .port(spec.port().orElse(CameraSpec.DEFAULT_PORT))
            .username(spec.username().orElseThrow())
            .password(password.orElseThrow(() -> new UsageException("a kasa camera needs a password")))
            .authVariant(AuthVariant.parse(spec.auth()));
    if (spec.trust().startsWith("sha256:")) {
      config.trustMode(TrustMode.PINNED).pinnedSha256(spec.trust().substring("sha256:".length()));
    } else {
      config.trustMode(TrustMode.parse(spec.trust()));
    }
    spec.knownHosts().ifPresent(config::knownHostsFile);
    spec.streamPort().ifPresent(config::streamPort);
    spec.talkPort().ifPresent(config::talkPort);
    spec.timeout().ifPresent(timeout -> config.requestTimeout(timeout).connectTimeout(timeout));
    return new KasaCameraModule(config.build());
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
    config.trust(trust(spec));
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
