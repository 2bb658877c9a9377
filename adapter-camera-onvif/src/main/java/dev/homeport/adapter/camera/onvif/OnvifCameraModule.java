package dev.homeport.adapter.camera.onvif;

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
import dev.homeport.ports.camera.CameraEndpoint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Guice wiring for ONVIF cameras, shaped like the Kasa module:
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new OnvifCameraModule(gardenEndpoint));
 * Camera garden = injector.getInstance(Key.get(Camera.class, Names.named("garden")));
 * }</pre>
 *
 * <p>Bindings visible outside: the driver ({@link OnvifCameraDriver#shared()}) as an element of
 * {@code Set<CameraDriver>} and one {@code @Named(name) Camera} singleton per endpoint; the concrete
 * driver stays inside a {@link PrivateModule}. Endpoints are checked when the module is built (an
 * invalid option fails then, not at injection). Cameras are created on first injection, without
 * I/O; the application closes them. Immutable; safe to use from any thread.
 */
public final class OnvifCameraModule extends AbstractModule {

  private final List<CameraEndpoint> cameras;

  /**
   * A module for these endpoints (brand {@code onvif}).
   *
   * @throws IllegalArgumentException if two share a name, or an endpoint is invalid for the brand
   */
  public OnvifCameraModule(CameraEndpoint... cameras) {
    this(List.of(cameras));
  }

  /**
   * A module for these endpoints (brand {@code onvif}).
   *
   * @throws IllegalArgumentException if two share a name, or an endpoint is invalid for the brand
   */
  public OnvifCameraModule(Iterable<CameraEndpoint> cameras) {
    List<CameraEndpoint> list = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (CameraEndpoint endpoint : cameras) {
      Objects.requireNonNull(endpoint, "camera endpoint");
      if (!names.add(endpoint.name())) {
        throw new IllegalArgumentException("camera name must be unique, '" + endpoint.name() + "' appears twice");
      }
      dev.homeport.adapter.camera.onvif.internal.OnvifOptions.of(endpoint, OnvifCameraDriver.BRAND);
      list.add(endpoint);
    }
    this.cameras = List.copyOf(list);
  }

  @Override
  protected void configure() {
    OnvifCameraDriver driver = OnvifCameraDriver.shared();
    Multibinder.newSetBinder(binder(), CameraDriver.class).permitDuplicates().addBinding().toInstance(driver);
    install(new PrivateModule() {
      @Override
      protected void configure() {
        bind(OnvifCameraDriver.class).toInstance(driver);
        for (CameraEndpoint endpoint : cameras) {
          Key<Camera> key = Key.get(Camera.class, Names.named(endpoint.name()));
          bind(key).toProvider(new CameraProvider(endpoint)).in(Singleton.class);
          expose(key);
        }
      }
    });
  }

  /** Connects one configured camera through the shared driver. */
  private static final class CameraProvider implements Provider<Camera> {
    private final CameraEndpoint endpoint;
    @Inject private OnvifCameraDriver driver;

    CameraProvider(CameraEndpoint endpoint) {
      this.endpoint = endpoint;
    }

    @Override
    public Camera get() {
      return driver.connect(endpoint);
    }
  }

  @Override
  public String toString() {
    return "OnvifCameraModule" + cameras.stream().map(CameraEndpoint::name).toList();
  }
}
