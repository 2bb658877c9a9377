package dev.homeport.ports.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeport.domain.camera.Stop;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CameraDriversTest {

  private static CameraEndpoint endpoint(String brand, Map<String, String> options) {
    return ImmutableCameraEndpoint.builder().name("porch").brand(brand).host("h").putAllOptions(options).build();
  }

  @Test
  void load_findsTheDriversListedAsServices() {
    CameraDrivers drivers = CameraDrivers.load();
    assertThat(drivers.brands()).containsExactly("alpha");
    assertThat(drivers.get("Alpha")).isInstanceOf(TestDrivers.Alpha.class);
    try (Camera camera = drivers.connect(endpoint("alpha", Map.of("mode", "SLOW")))) {
      assertThat(camera.name()).isEqualTo("porch");
      assertThat(camera.execute(new Stop()).join()).isNull();
    }
  }

  @Test
  void twoDriversWithOneBrand_areRefusedNamingBothClasses() {
    assertThatThrownBy(() -> CameraDrivers.of(List.of(new TestDrivers.Alpha(), new TestDrivers.AlphaAgain())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("brand 'alpha'")
        .hasMessageContaining(TestDrivers.Alpha.class.getName())
        .hasMessageContaining(TestDrivers.AlphaAgain.class.getName());
  }

  @Test
  void twoInstancesOfOneClass_keepTheFirst() {
    TestDrivers.Alpha first = new TestDrivers.Alpha();
    CameraDrivers drivers = CameraDrivers.of(List.of(first, new TestDrivers.Alpha()));
    assertThat(drivers.get("alpha")).isSameAs(first);
    assertThat(first.remote()).isTrue();
  }

  @Test
  void unknownBrand_isRefusedNamingTheBrandsFound() {
    CameraDrivers drivers = CameraDrivers.of(List.of(new TestDrivers.Alpha()));
    assertThat(drivers.find("beta")).isEmpty();
    assertThatThrownBy(() -> drivers.get("beta"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown camera brand 'beta'; brands found: alpha");
    assertThatThrownBy(() -> CameraDrivers.of(List.of()).get("beta")).hasMessageContaining("brands found: none");
  }

  @Test
  void unknownOption_isRefusedBeforeIoNamingItAndTheAllowedOnes() {
    CameraDriver alpha = new TestDrivers.Alpha();
    assertThatThrownBy(() -> alpha.connect(endpoint("alpha", Map.of("colour", "red"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("alpha camera 'porch': unknown option 'colour'; allowed options: mode, label");
    assertThatThrownBy(() -> alpha.connect(endpoint("alpha", Map.of("mode", "warp"))))
        .hasMessage("alpha camera 'porch': option 'mode' must be one of fast, slow, was \"warp\"");
    assertThatThrownBy(() -> alpha.connect(endpoint("beta", Map.of())))
        .hasMessage("camera 'porch' is of brand 'beta', not 'alpha'");
  }

  @Test
  void driverWithoutOptions_saysItTakesNone() {
    CameraDriver bare = new TestDrivers.AlphaAgain();
    assertThatThrownBy(() -> bare.checkEndpoint(endpoint("alpha", Map.of("x", "1"))))
        .hasMessageContaining("this brand takes no options");
  }

  @Test
  void driverOption_refusesBadNamesAndDefaultsOutsideItsChoices() {
    assertThatThrownBy(() -> DriverOption.choice("Mode", "d", null, "a"))
        .hasMessageContaining("lower-case words joined by '-'");
    assertThatThrownBy(() -> DriverOption.choice("mode", "d", "c", "a", "b"))
        .hasMessageContaining("default c is not one of a, b");
    assertThatThrownBy(() -> DriverOption.text("mode", " ", "x", null)).hasMessageContaining("needs a description");
    assertThat(DriverOption.choice("mode", "d", "a", "a", "b").allowed()).isEqualTo("a, b");
  }
}
