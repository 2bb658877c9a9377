package dev.homeport.ports.camera;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds a brand's cameras on the local network, for a driver that can (see
 * {@link CameraDriver#discovery()}). Implementations are thread-safe; each call probes afresh.
 */
public interface CameraDiscovery {

  /**
   * Probes the network as {@code request} says and returns every device that answered within its
   * time-out, in the order they answered.
   *
   * @throws IllegalArgumentException for a target the brand cannot probe, naming it, before any I/O
   * @throws dev.homeport.ports.TransportException when the probe cannot be sent at all
   */
  List<FoundCamera> discover(Request request);

  /**
   * What to probe: unicast {@code targets} (host or host:port, in the brand's spelling), a broadcast
   * as well or not, and how long to wait for answers.
   */
  record Request(List<String> targets, boolean broadcast, Duration timeout) {
    public Request {
      targets = List.copyOf(Objects.requireNonNull(targets, "targets"));
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive, was " + timeout);
      }
    }
  }

  /**
   * A device that answered: where it is, what it said it is, and brand-specific {@code details}
   * (for Kasa: {@code type}, {@code protocol}, {@code streamVersion}, {@code deviceName}). Every text
   * comes from the network: escape it before showing it on a terminal.
   */
  record FoundCamera(String brand, String host, Optional<String> model, Optional<String> alias,
      Optional<String> deviceId, Map<String, String> details) {
    public FoundCamera {
      Objects.requireNonNull(brand, "brand");
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(alias, "alias");
      Objects.requireNonNull(deviceId, "deviceId");
      details = Map.copyOf(details);
    }
  }
}
