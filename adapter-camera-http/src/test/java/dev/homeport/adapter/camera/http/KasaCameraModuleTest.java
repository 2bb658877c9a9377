package dev.homeport.adapter.camera.http;

import static dev.homeport.adapter.camera.http.KasaTestSupport.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import com.google.inject.name.Names;
import dev.homeport.adapter.inmemory.InMemoryCamera;
import dev.homeport.domain.camera.GetSetting;
import dev.homeport.domain.camera.SetSetting;
import dev.homeport.domain.camera.Setting;
import dev.homeport.ports.camera.Camera;
import dev.homeport.ports.camera.CameraDriver;
import dev.homeport.simulators.kasa.KasaCameraSimulator;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KasaCameraModuleTest {

  @TempDir Path dir;

  static final class Porch {
    final Camera porch;
    final Camera garden;

    @Inject
    Porch(@Named("porch") Camera porch, @Named("garden") Camera garden) {
      this.porch = porch;
      this.garden = garden;
    }
  }

  @Test
  void twoNamedCameras_areInjectedAndTalkToTheirOwnCameras() {
    InMemoryCamera porchBackend = KasaTestSupport.backend();
    InMemoryCamera gardenBackend = KasaTestSupport.backend();
    try (KasaCameraSimulator porchSim = KasaCameraSimulator.builder().backend(porchBackend).start();
        KasaCameraSimulator gardenSim = KasaCameraSimulator.builder().backend(gardenBackend).start()) {
      Injector injector = Guice.createInjector(new KasaCameraModule(
          KasaTestSupport.config(porchSim, dir).build(),
          KasaTestSupport.config(gardenSim, dir).build().withName("garden")));
      Porch app = injector.getInstance(Porch.class);
      try (Camera porch = app.porch; Camera garden = app.garden) {
        assertThat(porch.name()).isEqualTo("porch");
        assertThat(garden.name()).isEqualTo("garden");
        assertThat(injector.getInstance(Key.get(Camera.class, Names.named("porch")))).isSameAs(porch);
        await(garden.execute(SetSetting.of(Setting.POWER, false)));
        assertThat(gardenBackend.peek(Setting.POWER)).isFalse();
        assertThat(porchBackend.peek(Setting.POWER)).isTrue();
        assertThat(await(porch.execute(GetSetting.of(Setting.POWER)))).isTrue();
      }
    }
  }

  @Test
  void twoModules_contributeOneDriverToTheSet_andOnlyPortTypesAreVisible() {
    KasaCameraConfig a = ImmutableKasaCameraConfig.builder().name("a").host("10.0.0.2")
        .username("u").password(dev.homeport.domain.Secret.of("p")).build();
    KasaCameraConfig b = ImmutableKasaCameraConfig.builder().name("b").host("10.0.0.3")
        .username("u").password(dev.homeport.domain.Secret.of("p")).build();
    Injector injector = Guice.createInjector(new KasaCameraModule(a), new KasaCameraModule(b));
    Set<CameraDriver> drivers = injector.getInstance(Key.get(new TypeLiteral<Set<CameraDriver>>() {}));
    assertThat(drivers).singleElement().satisfies(d -> assertThat(d.brand()).isEqualTo("kasa"));
    assertThat(injector.getInstance(Key.get(Camera.class, Names.named("a"))).name()).isEqualTo("a");
    assertThat(injector.getInstance(Key.get(Camera.class, Names.named("b"))).name()).isEqualTo("b");
    assertThat(injector.getExistingBinding(Key.get(KasaCameraDriver.class))).isNull();
    assertThatThrownBy(() -> injector.getInstance(KasaCameraDriver.class))
        .hasMessageContaining("private");
  }

  @Test
  void duplicateCameraNames_areRefusedNamingTheName() {
    ImmutableKasaCameraConfig config = ImmutableKasaCameraConfig.builder().name("porch").host("10.0.0.2")
        .username("u").password(dev.homeport.domain.Secret.of("p")).build();
    assertThatThrownBy(() -> new KasaCameraModule(config, config.withHost("10.0.0.3")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'porch'");
  }
}
