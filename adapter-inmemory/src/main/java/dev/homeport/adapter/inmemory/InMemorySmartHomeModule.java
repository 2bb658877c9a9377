package dev.homeport.adapter.inmemory;

import com.google.inject.Key;
import com.google.inject.PrivateModule;
import com.google.inject.Provider;
import com.google.inject.Singleton;
import dev.homeport.ports.home.SmartHomeGateway;
import java.lang.annotation.Annotation;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Guice wiring for an in-memory smart home: a {@link PrivateModule} exposing {@link
 * SmartHomeGateway} (the port) and {@link InMemorySmartHome} (for tests and demos that add data and
 * publish events), both under the same optional binding annotation.
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(
 *     InMemorySmartHomeModule.builder().annotatedWith(Names.named("home")).build());
 * SmartHomeGateway gateway = injector.getInstance(Key.get(SmartHomeGateway.class, Names.named("home")));
 * }</pre>
 *
 * <p>The home is a singleton per injector (or the instance given to {@link Builder#home}). Immutable
 * and thread-safe.
 */
public final class InMemorySmartHomeModule extends PrivateModule {

  private final Annotation annotation;
  private final Class<? extends Annotation> annotationType;
  private final InMemorySmartHome instance;
  private final Consumer<InMemorySmartHome.Builder> customizer;

  private InMemorySmartHomeModule(Builder builder) {
    this.annotation = builder.annotation;
    this.annotationType = builder.annotationType;
    this.instance = builder.instance;
    this.customizer = builder.customizer;
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A module exposing an unannotated gateway backed by a default {@link InMemorySmartHome}. */
  public static InMemorySmartHomeModule create() {
    return builder().build();
  }

  @Override
  protected void configure() {
    Key<InMemorySmartHome> home = key(InMemorySmartHome.class);
    Key<SmartHomeGateway> gateway = key(SmartHomeGateway.class);
    if (instance != null) {
      bind(home).toInstance(instance);
    } else {
      bind(home).toProvider(new HomeProvider(customizer)).in(Singleton.class);
    }
    bind(gateway).to(home);
    expose(home);
    expose(gateway);
  }

  private <T> Key<T> key(Class<T> type) {
    if (annotation != null) {
      return Key.get(type, annotation);
    }
    if (annotationType != null) {
      return Key.get(type, annotationType);
    }
    return Key.get(type);
  }

  private static final class HomeProvider implements Provider<InMemorySmartHome> {
    private final Consumer<InMemorySmartHome.Builder> customizer;

    HomeProvider(Consumer<InMemorySmartHome.Builder> customizer) {
      this.customizer = customizer;
    }

    @Override
    public InMemorySmartHome get() {
      InMemorySmartHome.Builder builder = InMemorySmartHome.builder();
      customizer.accept(builder);
      return builder.build();
    }
  }

  /** Builds an {@link InMemorySmartHomeModule}. Not thread-safe; build once. */
  public static final class Builder {
    private Annotation annotation;
    private Class<? extends Annotation> annotationType;
    private InMemorySmartHome instance;
    private Consumer<InMemorySmartHome.Builder> customizer = builder -> {};

    private Builder() {}

    /** Binds both keys under this annotation instance, e.g. {@code Names.named("home")}. */
    public Builder annotatedWith(Annotation annotation) {
      this.annotation = Objects.requireNonNull(annotation, "annotation");
      this.annotationType = null;
      return this;
    }

    /** Binds both keys under this binding annotation type. */
    public Builder annotatedWith(Class<? extends Annotation> annotationType) {
      this.annotationType = Objects.requireNonNull(annotationType, "annotationType");
      this.annotation = null;
      return this;
    }

    /** Uses this home instead of creating one (shared by every injector using the module). */
    public Builder home(InMemorySmartHome home) {
      this.instance = Objects.requireNonNull(home, "home");
      return this;
    }

    /** Adjusts the builder of the home the injector creates (ignored when {@link #home} is given). */
    public Builder configure(Consumer<InMemorySmartHome.Builder> customizer) {
      this.customizer = Objects.requireNonNull(customizer, "customizer");
      return this;
    }

    /** The module. */
    public InMemorySmartHomeModule build() {
      return new InMemorySmartHomeModule(this);
    }
  }
}
