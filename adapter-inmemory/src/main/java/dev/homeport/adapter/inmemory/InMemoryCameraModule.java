package dev.homeport.adapter.inmemory;

import com.google.inject.AbstractModule;
import com.google.inject.Key;
import com.google.inject.PrivateModule;
import com.google.inject.Provider;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.name.Names;
import dev.homeport.ports.camera.Camera;
import dev.homeport.ports.camera.CameraDriver;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Guice wiring for in-memory cameras. For each camera name it binds, in a {@link PrivateModule},
 * one singleton {@link InMemoryCamera} and exposes it as {@code @Named(name) Camera} (the port) and
 * as {@code @Named(name) InMemoryCamera} (for tests and demos that inject faults). It also adds an
 * {@link InMemoryCameraDriver} to the {@code Multibinder<CameraDriver>} set, so deployments that
 * pick brands by name find {@code inmemory}. Nothing else leaks into the injector.
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(
 *     InMemoryCameraModule.builder().camera("porch").camera("garage").build());
 * Camera porch = injector.getInstance(Key.get(Camera.class, Names.named("porch")));
 * }</pre>
 *
 * <p>Why an {@code AbstractModule} around a {@code PrivateModule}: Guice refuses a {@code
 * Multibinder} set bound both inside a private module and in the parent ("bound multiple times"),
 * so the driver is contributed from the outer module while the cameras stay private.
 *
 * <p>Cameras are created lazily, once per injector. Several of these modules may be installed in
 * one injector as long as their camera names differ; the driver is added once. The module itself is
 * immutable and thread-safe.
 */
public final class InMemoryCameraModule extends AbstractModule {

  private final Clock clock;
  private final Map<String, Consumer<InMemoryCamera.Builder>> cameras;

  private InMemoryCameraModule(Builder builder) {
    this.clock = builder.clock;
    this.cameras = Map.copyOf(builder.cameras);
  }

  /** A builder; add cameras with {@link Builder#camera(String)}. */
  public static InMemoryCameraModule.Builder builder() {
    return new Builder();
  }

  @Override
  protected void configure() {
    Multibinder.newSetBinder(binder(), CameraDriver.class)
        .permitDuplicates()
        .addBinding()
        .toInstance(new InMemoryCameraDriver(clock));
    install(new CamerasModule(clock, cameras));
  }

  /** The private part: the cameras, exposed only under their names. */
  private static final class CamerasModule extends PrivateModule {
    private final Clock clock;
    private final Map<String, Consumer<InMemoryCamera.Builder>> cameras;

    CamerasModule(Clock clock, Map<String, Consumer<InMemoryCamera.Builder>> cameras) {
      this.clock = clock;
      this.cameras = cameras;
    }

    @Override
    protected void configure() {
      cameras.forEach((name, customizer) -> {
        Key<InMemoryCamera> backend = Key.get(InMemoryCamera.class, Names.named(name));
        Key<Camera> port = Key.get(Camera.class, Names.named(name));
        bind(backend).toProvider(new CameraProvider(name, clock, customizer)).in(Singleton.class);
        bind(port).to(backend);
        expose(backend);
        expose(port);
      });
    }
  }

  /** Creates one camera; the singleton scope makes it once per injector. */
  private static final class CameraProvider implements Provider<InMemoryCamera> {
    private final String name;
    private final Clock clock;
    private final Consumer<InMemoryCamera.Builder> customizer;

    CameraProvider(String name, Clock clock, Consumer<InMemoryCamera.Builder> customizer) {
      this.name = name;
      this.clock = clock;
      this.customizer = customizer;
    }

    @Override
    public InMemoryCamera get() {
      InMemoryCamera.Builder builder = InMemoryCamera.builder().name(name).clock(clock);
      customizer.accept(builder);
      return builder.build();
    }
  }

  /** Builds an {@link InMemoryCameraModule}. Not thread-safe; build once. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private final Map<String, Consumer<InMemoryCamera.Builder>> cameras = new LinkedHashMap<>();

    private Builder() {}

    /** The clock every camera (and the driver) follows; default system UTC. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Adds a camera with default state, bound under {@code @Named(name)}.
     *
     * @throws IllegalArgumentException if the name is blank or already added
     */
    public Builder camera(String name) {
      return camera(name, builder -> {});
    }

    /**
     * Adds a camera bound under {@code @Named(name)}; {@code customizer} adjusts its builder (name
     * and clock are already set) when the injector creates it.
     *
     * @throws IllegalArgumentException if the name is blank or already added
     */
    public Builder camera(String name, Consumer<InMemoryCamera.Builder> customizer) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("camera name must be non-blank, was " + (name == null ? "null" : "\"" + name + "\""));
      }
      if (cameras.containsKey(name)) {
        throw new IllegalArgumentException("camera name must be unique, " + name + " was added twice");
      }
      cameras.put(name, Objects.requireNonNull(customizer, "customizer"));
      return this;
    }

    /** The module. A module without cameras only registers the driver. */
    public InMemoryCameraModule build() {
      return new InMemoryCameraModule(this);
    }
  }
}
