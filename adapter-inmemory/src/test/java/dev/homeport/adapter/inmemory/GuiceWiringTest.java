package dev.homeport.adapter.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.ConfigurationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import com.google.inject.name.Names;
import dev.homeport.domain.camera.SetSetting;
import dev.homeport.domain.camera.Setting;
import dev.homeport.ports.camera.Camera;
import dev.homeport.ports.camera.CameraDriver;
import dev.homeport.ports.home.SmartHomeGateway;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GuiceWiringTest {

  private static Key<Camera> camera(String name) {
    return Key.get(Camera.class, Names.named(name));
  }

  private static Key<InMemoryCamera> backend(String name) {
    return Key.get(InMemoryCamera.class, Names.named(name));
  }

  @Test
  void twoNamedCameras_areDistinctSingletonsSharedWithTheirBackends() {
    Injector injector =
        Guice.createInjector(
            InMemoryCameraModule.builder()
                .camera("porch")
                .camera("garage", builder -> builder.setting(Setting.PATROL, true))
                .build());

    Camera porch = injector.getInstance(camera("porch"));
    Camera garage = injector.getInstance(camera("garage"));

    assertThat(porch.name()).isEqualTo("porch");
    assertThat(garage.name()).isEqualTo("garage");
    assertThat(porch).isNotSameAs(garage);
    assertThat(injector.getInstance(camera("porch"))).isSameAs(porch);
    assertThat(injector.getInstance(backend("porch"))).isSameAs(porch);
    assertThat(injector.getInstance(backend("garage")).peek(Setting.PATROL)).isTrue();

    porch.execute(SetSetting.of(Setting.STATUS_LED, false)).join();
    assertThat(injector.getInstance(backend("porch")).peek(Setting.STATUS_LED)).isFalse();
    assertThat(injector.getInstance(backend("garage")).peek(Setting.STATUS_LED)).isTrue();
  }

  @Test
  void cameraModule_registersTheDriverOnceEvenWhenInstalledTwice() {
    Injector injector =
        Guice.createInjector(
            InMemoryCameraModule.builder().camera("porch").build(),
            InMemoryCameraModule.builder().camera("garage").build());

    Set<CameraDriver> drivers = injector.getInstance(Key.get(new TypeLiteral<Set<CameraDriver>>() {}));

    assertThat(drivers).extracting(CameraDriver::brand).containsExactly("inmemory");
    assertThat(injector.getInstance(camera("garage")).name()).isEqualTo("garage");
  }

  @Test
  void cameraModule_exposesNothingUnnamed() {
    Injector injector = Guice.createInjector(InMemoryCameraModule.builder().camera("porch").build());

    assertThatThrownBy(() -> injector.getInstance(Camera.class)).isInstanceOf(ConfigurationException.class);
  }

  @Test
  void duplicateCameraName_isRefusedNamingIt() {
    assertThatThrownBy(() -> InMemoryCameraModule.builder().camera("porch").camera("porch"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("porch");
  }

  @Test
  void smartHomeModule_exposesGatewayAndHomeUnderTheAnnotation() {
    Injector injector =
        Guice.createInjector(
            InMemorySmartHomeModule.builder()
                .annotatedWith(Names.named("home"))
                .configure(builder -> builder.bufferSize(8))
                .build());

    SmartHomeGateway gateway = injector.getInstance(Key.get(SmartHomeGateway.class, Names.named("home")));
    InMemorySmartHome home = injector.getInstance(Key.get(InMemorySmartHome.class, Names.named("home")));

    assertThat(gateway).isSameAs(home);
    assertThatThrownBy(() -> injector.getInstance(SmartHomeGateway.class)).isInstanceOf(ConfigurationException.class);
  }

  @Test
  void smartHomeModuleWithInstance_bindsThatInstance() {
    InMemorySmartHome home = InMemorySmartHome.builder().build();

    Injector injector = Guice.createInjector(InMemorySmartHomeModule.builder().home(home).build());

    assertThat(injector.getInstance(SmartHomeGateway.class)).isSameAs(home);
  }

  @Test
  void camerasAndHome_installTogether() {
    Injector injector =
        Guice.createInjector(
            InMemoryCameraModule.builder().camera("porch").build(), InMemorySmartHomeModule.create());

    assertThat(injector.getInstance(camera("porch"))).isNotNull();
    assertThat(injector.getInstance(SmartHomeGateway.class).connect().join().sessionInfo()).isNotNull();
  }
}
