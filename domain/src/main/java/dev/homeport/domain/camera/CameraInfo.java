package dev.homeport.domain.camera;

import dev.homeport.domain.FieldMap;
import org.immutables.value.Value;

/**
 * What a camera says about itself. Fields the model does not name are kept in {@link #otherFields()}.
 * Build with {@code ImmutableCameraInfo.builder()}; immutable and thread-safe.
 */
@Value.Immutable
public interface CameraInfo {

  /** The name given to the camera in its app, e.g. {@code Porch}; may hold any Unicode text. */
  String alias();

  /** The model, e.g. {@code KC120(US)}. */
  String model();

  /** The device type, e.g. {@code IOT.IPCAMERA}. */
  String type();

  /** Firmware version. */
  String softwareVersion();

  /** Hardware version. */
  String hardwareVersion();

  /** MAC address as the camera writes it. */
  String mac();

  /** The vendor's device id. */
  String deviceId();

  /** Every other field the camera reported. */
  @Value.Default
  default FieldMap otherFields() {
    return FieldMap.empty();
  }
}
