package dev.homeport.ports.camera;

import dev.homeport.domain.Secret;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * Where a camera is and how to talk to it: the brand-neutral input of
 * {@link CameraDriver#connect(CameraEndpoint)}. Brand-specific settings go in {@link #options()}, which
 * each driver documents and validates. Build with {@code ImmutableCameraEndpoint.builder()};
 * {@code toString()} never shows the password.
 */
@Value.Immutable
public interface CameraEndpoint {

  /** The camera's name in this deployment, e.g. {@code porch}. */
  String name();

  /** The brand id, matching a {@link CameraDriver#brand()}. */
  String brand();

  /** Host name or IP address. */
  String host();

  /** The port, when not the brand's default. */
  OptionalInt port();

  /** The user name to log in with, when the brand needs one. */
  Optional<String> username();

  /** The password, when the brand needs one; never shown by {@code toString()}. */
  Optional<Secret> password();

  /** Brand-specific options, e.g. {@code trust=tofu}; see the driver's documentation. */
  Map<String, String> options();

  @Value.Check
  default void check() {
    if (name().isBlank()) {
      throw new IllegalArgumentException("camera name must be non-blank");
    }
    if (brand().isBlank()) {
      throw new IllegalArgumentException("camera brand must be non-blank");
    }
    if (host().isBlank()) {
      throw new IllegalArgumentException("camera host must be non-blank");
    }
    if (port().isPresent() && (port().getAsInt() < 1 || port().getAsInt() > 65535)) {
      throw new IllegalArgumentException("camera port must be 1..65535, was " + port().getAsInt());
    }
  }
}
