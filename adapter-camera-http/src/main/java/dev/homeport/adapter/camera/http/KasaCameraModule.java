package dev.homeport.adapter.camera.http;

import com.google.inject.AbstractModule;
import com.google.inject.Inject;
import com.google.inject.Key;
import com.google.inject.PrivateModule;
import com.google.inject.Provider;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.name.Names;
import dev.homeport.ports.camera.Camera;
import dev.homeport.ports.camera.CameraDriver;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Guice wiring for Kasa cameras. Install ONE of these per injector, with every Kasa camera:
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new KasaCameraModule(porchConfig, gardenConfig));
 * Camera porch = injector.getInstance(Key.get(Camera.class, Names.named("porch")));
 * // or inject:  @Inject MyService(@Named("porch") Camera porch, Set<CameraDriver> drivers)
 * }</pre>
 *
 * <p>Bindings visible outside: the driver as an element of {@code Set<CameraDriver>} (a
 * {@link Multibinder}, so other brands can add theirs), the driver as
 * {@code @Named("kasa") CameraDriver}, and one {@code @Named(name) Camera} singleton per config.
 * Everything else (the concrete driver, its executor) stays inside a {@link PrivateModule}.
 * Cameras are created on first injection without I/O; the application closes them at shutdown.
 *
 * <p>Immutable; safe to use from any thread.
 */
public final class KasaCameraModule extends AbstractModule {

  private final List<KasaCameraConfig> cameras;

  /**
   * A module for these cameras (none is fine: then only the driver is bound).
   *
   * @throws IllegalArgumentException if two cameras share a name
   */
  public KasaCameraModule(KasaCameraConfig... cameras) {
    this(List.of(cameras));
  }

  /**
   * A module for these cameras.
   *
   * @throws IllegalArgumentException if two cameras share a name
   */
  public KasaCameraModule(Iterable<KasaCameraConfig> cameras) {
    List<KasaCameraConfig> list = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (KasaCameraConfig config : cameras) {
      Objects.requireNonNull(config, "camera config");
      if (!names.add(config.name())) {
        throw new IllegalArgumentException("camera name must be unique, '" + config.name() + "' appears twice");
      }
      list.add(config);
    }
    this.cameras = List.copyOf(list);
  }

  @Override
  protected void configure() {
    Key<CameraDriver> driverKey = Key.get(CameraDriver.class, Names.named(KasaCameraDriver.BRAND));
    install(new PrivateModule() {
      @Override
      protected void configure() {
        bind(KasaCameraDriver.class).toProvider(KasaCameraDriver::new).in(Singleton.class);
        bind(driverKey).to(KasaCameraDriver.class);
        expose(driverKey);
        for (KasaCameraConfig config : cameras) {
          Key<Camera> key = Key.get(Camera.class, Names.named(config.name()));
          bind(key).toProvider(new CameraProvider(config)).in(Singleton.class);
          expose(key);
        }
      }
    });
    Multibinder.newSetBinder(binder(), CameraDriver.class).addBinding().to(driverKey);
  }

  /** Connects one configured camera through the module's driver. */
  private static final class CameraProvider implements Provider<Camera> {
    private final KasaCameraConfig config;
    @Inject private KasaCameraDriver driver;

    CameraProvider(KasaCameraConfig config) {
      this.config = config;
    }

    @Override
    public Camera get() {
      return driver.connect(config);
    }
  }

  @Override
  public String toString() {
    return "KasaCameraModule" + cameras.stream().map(KasaCameraConfig::name).toList();
  }
}
