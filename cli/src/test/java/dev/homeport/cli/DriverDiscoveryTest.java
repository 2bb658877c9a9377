package dev.homeport.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Stage;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.name.Names;
import dev.homeport.cli.internal.CameraSpec;
import dev.homeport.cli.internal.DeploymentModules;
import dev.homeport.domain.camera.GetCameraInfo;
import dev.homeport.ports.camera.Camera;
import dev.homeport.ports.camera.CameraDriver;
import dev.homeport.ports.camera.CameraDrivers;
import dev.homeport.ports.camera.CameraEndpoint;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The CLI's wiring consumes the Guice {@code Set<CameraDriver>}: drivers found at run time and drivers bound by modules. */
class DriverDiscoveryTest {

  /** A brand only a Guice module knows (no META-INF/services entry). */
  static class ModuleOnlyDriver implements CameraDriver {
    private final CameraDriver delegate = CameraDrivers.load().get("inmemory");

    @Override
    public String brand() {
      return "module-only";
    }

    @Override
    public boolean remote() {
      return false;
    }

    @Override
    public Camera connect(CameraEndpoint endpoint) {
      checkEndpoint(endpoint);
      return delegate.connect(dev.homeport.ports.camera.ImmutableCameraEndpoint.copyOf(endpoint).withBrand("inmemory"));
    }
  }

  /** Another class claiming kasa. */
  static final class SecondKasa extends ModuleOnlyDriver {
    @Override
    public String brand() {
      return "kasa";
    }
  }

  private static AbstractModule adding(CameraDriver driver) {
    return new AbstractModule() {
      @Override
      protected void configure() {
        Multibinder.newSetBinder(binder(), CameraDriver.class).addBinding().toInstance(driver);
      }
    };
  }

  @Test
  void driversBoundByAModule_joinTheDriversFoundAtRunTime() {
    Injector injector = Guice.createInjector(
        DeploymentModules.camera(CameraSpec.of("shed", "module-only"), Optional.empty()),
        adding(new ModuleOnlyDriver()));
    assertThat(injector.getInstance(CameraDrivers.class).brands()).contains("acme", "inmemory", "kasa", "module-only");
    try (Camera shed = injector.getInstance(Key.get(Camera.class, Names.named("shed")))) {
      assertThat(shed.execute(new GetCameraInfo()).join().alias()).isEqualTo("shed");
    }
  }

  @Test
  void twoDriverClassesForOneBrand_areRefused() {
    assertThatThrownBy(() -> Guice.createInjector(Stage.PRODUCTION,
            DeploymentModules.camera(CameraSpec.of("porch", "inmemory"), Optional.empty()), adding(new SecondKasa())))
        .isInstanceOf(CreationException.class)
        .hasMessageContaining("two camera drivers claim brand 'kasa'");
  }
}
