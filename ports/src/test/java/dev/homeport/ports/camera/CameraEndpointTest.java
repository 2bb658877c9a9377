package dev.homeport.ports.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeport.domain.Secret;
import org.junit.jupiter.api.Test;

class CameraEndpointTest {

  private static ImmutableCameraEndpoint.Builder porch() {
    return ImmutableCameraEndpoint.builder().name("porch").brand("kasa").host("192.168.1.20");
  }

  @Test
  void toString_neverShowsThePassword() {
    CameraEndpoint endpoint =
        porch().username("me@example.com").password(Secret.of("s3cr3t-pa55")).putOptions("trust", "tofu").build();
    assertThat(endpoint.toString()).doesNotContain("s3cr3t-pa55").contains("porch");
    assertThat(endpoint.password()).get().extracting(Secret::reveal).isEqualTo("s3cr3t-pa55");
  }

  @Test
  void portOutOfRange_isRefusedNamingTheRange() {
    assertThatThrownBy(() -> porch().port(70000).build()).hasMessage("camera port must be 1..65535, was 70000");
    assertThat(porch().port(10443).build().port()).hasValue(10443);
  }

  @Test
  void blankNameBrandOrHost_isRefused() {
    assertThatThrownBy(
            () -> ImmutableCameraEndpoint.builder().name(" ").brand("kasa").host("h").build())
        .hasMessage("camera name must be non-blank");
    assertThatThrownBy(
            () -> ImmutableCameraEndpoint.builder().name("a").brand(" ").host("h").build())
        .hasMessage("camera brand must be non-blank");
    assertThatThrownBy(
            () -> ImmutableCameraEndpoint.builder().name("a").brand("kasa").host("").build())
        .hasMessage("camera host must be non-blank");
  }
}
