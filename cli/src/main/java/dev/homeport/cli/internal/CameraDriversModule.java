package dev.homeport.cli.internal;

import com.google.inject.AbstractModule;
import com.google.inject.Key;
import com.google.inject.Provider;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.name.Names;
import dev.homeport.domain.Secret;
import dev.homeport.ports.camera.Camera;
import dev.homeport.ports.camera.CameraDriver;
import dev.homeport.ports.camera.CameraDrivers;
import java.util.List;
import java.util.Optional;

/**
 * Binds the camera drivers found at run time and one camera: every driver {@link CameraDrivers#load()}
 * finds joins the {@code Multibinder<CameraDriver>} set (where brand modules such as
 * {@code KasaCameraModule} add theirs), {@link CameraDrivers} is made from that set, and
 * {@code @Named(spec.name()) Camera} is connected by the driver of the spec's brand. The CLI names
 * no brand: a brand on the class path is a brand the CLI can use.
 */
final class CameraDriversModule extends AbstractModule {

  private final List<CameraDriver> found;
  private final List<CameraSpec> cameras;
  private final Optional<Secret> password;

  /** Drivers only (no camera). */
  CameraDriversModule(List<CameraDriver> found) {
    this(found, List.of(), Optional.empty());
  }

  CameraDriversModule(List<CameraDriver> found, List<CameraSpec> cameras, Optional<Secret> password) {
    this.found = List.copyOf(found);
    this.cameras = List.copyOf(cameras);
    this.password = password;
  }

  @Override
  protected void configure() {
    Multibinder<CameraDriver> drivers = Multibinder.newSetBinder(binder(), CameraDriver.class).permitDuplicates();
    for (CameraDriver driver : found) {
      drivers.addBinding().toInstance(driver);
    }
    Provider<CameraDrivers> all = getProvider(CameraDrivers.class);
    for (CameraSpec spec : cameras) {
      bind(Key.get(Camera.class, Names.named(spec.name())))
          .toProvider(() -> {
            CameraDrivers byBrand = all.get();
            try {
              return byBrand.get(spec.brand()).connect(spec.endpoint(byBrand.get(spec.brand()), password));
            } catch (IllegalArgumentException e) {
              throw new UsageException(e.getMessage());
            }
          })
          .in(Singleton.class);
    }
  }

  /** The drivers of the set, one per brand (two classes claiming one brand are refused). */
  @Provides
  @Singleton
  CameraDrivers cameraDrivers(java.util.Set<CameraDriver> drivers) {
    return CameraDrivers.of(drivers);
  }
}
