package dev.homeport.domain.camera;

import dev.homeport.domain.FieldMap;
import java.util.Optional;
import org.immutables.value.Value;

/** The camera's link to the vendor cloud. Build with {@code ImmutableCloudInfo.builder()}. */
@Value.Immutable
public interface CloudInfo {

  /** Whether the camera is connected to the cloud now. */
  boolean connected();

  /** Whether the camera is bound to a cloud account, when the camera says. */
  Optional<Boolean> bound();

  /** The cloud server the camera uses, when the camera says. */
  Optional<String> server();

  /** Every other field the camera reported. */
  @Value.Default
  default FieldMap otherFields() {
    return FieldMap.empty();
  }
}
