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
 * Guice wiring for Kasa cameras:
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new KasaCameraModule(porchConfig, gardenConfig));
 * Camera porch = injector.getInstance(Key.get(Camera.class, Names.named("porch")));
 * // or inject:  @Inject MyService(@Named("porch") Camera porch, Set<CameraDriver> drivers)
 * }</pre>
 *
 * <p>Bindings visible outside: the driver ({@link KasaCameraDriver#shared()}) as an element of
 * {@code Set<CameraDriver>} (a {@link Multibinder}, so other brands add theirs) and one
 * {@code @Named(name) Camera} singleton per config; the concrete driver stays inside a
 * {@link PrivateModule}. Several of these modules may be installed in one injector as long as the
 * camera names differ (the driver is added once). Why an {@code AbstractModule} around a
 * {@code PrivateModule}: Guice refuses a multibound set bound both in a private module and in its
 * parent. Cameras are created on first injection, without I/O; the application closes them at
 * shutdown.
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
    KasaCameraDriver driver = KasaCameraDriver.shared();
    // the same instance from every KasaCameraModule: Guice keeps one element in the set
    Multibinder.newSetBinder(binder(), CameraDriver.class).permitDuplicates()
        .addBinding().toInstance(driver);
    install(new PrivateModule() {
      @Override
      protected void configure() {
        bind(KasaCameraDriver.class).toInstance(driver);
        for (KasaCameraConfig config : cameras) {
          Key<Camera> key = Key.get(Camera.class, Names.named(config.name()));
          bind(key).toProvider(new CameraProvider(config)).in(Singleton.class);
          expose(key);
        }
      }
    });
  }

  /** Connects one configured camera through the shared driver. */
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
