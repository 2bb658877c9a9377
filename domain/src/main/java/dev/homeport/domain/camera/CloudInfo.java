package dev.homeport.domain.camera;

import dev.homeport.domain.FieldMap;
import java.util.Optional;
import org.immutables.value.Value;

/** The camera's link to the vendor cloud. Build with {@code ImmutableCloudInfo.builder()}. */
@Value.Immutable
public interface CloudInfo {

  /** Whether the camera is connected to the cloud now (Kasa: {@code cld_connection}). */
  boolean connected();

  /**
   * Whether the camera is bound to a cloud account, when the camera says (Kasa cameras do not
   * answer it in their cloud module; their sysinfo has {@code bind_status}).
   */
  Optional<Boolean> bound();

  /** The cloud server the camera uses, when the camera says (Kasa: {@code default_svr}). */
  Optional<String> server();

  /** The cloud entry domain, when the camera says (Kasa: {@code sef_domain}). */
  Optional<String> entryDomain();

  /** Every other field the camera reported. */
  @Value.Default
  default FieldMap otherFields() {
    return FieldMap.empty();
  }
}
