package dev.homeport.adapter.events.wss;

import com.google.inject.Key;
import com.google.inject.PrivateModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.homeport.ports.home.SmartHomeGateway;
import java.lang.annotation.Annotation;
import java.util.Objects;

/**
 * Binds a {@link SmartHomeGateway} for the SmartThings socket, built from a
 * {@link SmartThingsConfig}. A {@link PrivateModule}: only the gateway is exposed, optionally under
 * a binding annotation so several accounts can be bound side by side:
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new SmartThingsEventsModule(config));
 * SmartHomeGateway gateway = injector.getInstance(SmartHomeGateway.class);
 *
 * // two accounts
 * Guice.createInjector(
 *     new SmartThingsEventsModule(homeConfig, Names.named("home")),
 *     new SmartThingsEventsModule(officeConfig, Names.named("office")));
 * }</pre>
 *
 * <p>The gateway is a singleton within its injector. Modules are immutable and thread-safe.
 */
public final class SmartThingsEventsModule extends PrivateModule {

  private final SmartThingsConfig config;
  private final Annotation annotation;

  /** Exposes {@code SmartHomeGateway} without annotation. */
  public SmartThingsEventsModule(SmartThingsConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.annotation = null;
  }

  /** Exposes {@code @annotation SmartHomeGateway}, e.g. {@code Names.named("home")}. */
  public SmartThingsEventsModule(SmartThingsConfig config, Annotation annotation) {
    this.config = Objects.requireNonNull(config, "config");
    this.annotation = Objects.requireNonNull(annotation, "annotation");
  }

  @Override
  protected void configure() {
    bind(SmartThingsConfig.class).toInstance(config);
    Key<SmartHomeGateway> key =
        annotation == null ? Key.get(SmartHomeGateway.class) : Key.get(SmartHomeGateway.class, annotation);
    if (annotation != null) {
      bind(key).to(SmartHomeGateway.class);
    }
    expose(key);
  }

  @Provides
  @Singleton
  SmartHomeGateway gateway(SmartThingsConfig configuration) {
    return SmartThingsGateway.create(configuration);
  }
}
