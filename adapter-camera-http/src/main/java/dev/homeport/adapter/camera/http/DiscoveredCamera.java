package dev.homeport.adapter.camera.http;

import dev.homeport.domain.FieldMap;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * A device that answered the Kasa discovery probe (UDP 9999, kasa-firmware.md §6). Build with
 * {@code ImmutableDiscoveredCamera.builder()}; immutable and thread-safe. Every text comes from the
 * network: escape it before showing it on a terminal.
 */
@Value.Immutable
public interface DiscoveredCamera {

  /** The protocol the device speaks, from its {@code type}. */
  enum Protocol {
    /** {@code IOT.IPCAMERA}: the LINKIE protocol this adapter speaks. */
    LINKIE,
    /** {@code SMART.IPCAMERA}: the Tapo protocol (some Kasa-branded cameras behind a hub); not LINKIE. */
    TAPO,
    /** Another device type (a plug, a bulb...). */
    OTHER
  }

  /** The address the answer came from (an IP literal). */
  String host();

  /** The device {@code type}, e.g. {@code IOT.IPCAMERA}; empty when the answer lacks it. */
  String type();

  /** What {@link #type()} means for this adapter. */
  @Value.Derived
  default Protocol protocol() {
    if ("IOT.IPCAMERA".equals(type())) {
      return Protocol.LINKIE;
    }
    if ("SMART.IPCAMERA".equals(type())) {
      return Protocol.TAPO;
    }
    return Protocol.OTHER;
  }

  /** The model, e.g. {@code EC60(US)}. */
  Optional<String> model();

  /** The name given in the app. */
  Optional<String> alias();

  /** The vendor's device id ({@code deviceId}). */
  Optional<String> deviceId();

  /** The product name ({@code dev_name}), e.g. {@code Kasa Spot, 24/7 Recording}. */
  Optional<String> deviceName();

  /** {@code stream_version}: 2 means the camera serves LINKIE2.json. */
  OptionalInt streamVersion();

  /** Every field of the answer's sysinfo. */
  @Value.Default
  default FieldMap sysinfo() {
    return FieldMap.empty();
  }
}
