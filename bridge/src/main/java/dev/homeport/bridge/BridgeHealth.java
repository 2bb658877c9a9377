package dev.homeport.bridge;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of the bridge's health, as published on {@code <base>/bridge/health}. Immutable.
 *
 * @param uptime time since {@link MqttBridge#start()}
 * @param mqttConnected whether the broker connection is up
 * @param cameras each camera's availability: true online, false offline (absent before its first poll)
 * @param eventSourceOnline whether the event session is authenticated (empty without an event source)
 * @param counters every counter by name (mqtt.*, camera.*, events.*, rules.*, requests.*)
 */
public record BridgeHealth(
    Duration uptime,
    boolean mqttConnected,
    Map<String, Boolean> cameras,
    Optional<Boolean> eventSourceOnline,
    Map<String, Long> counters) {

  public BridgeHealth {
    Objects.requireNonNull(uptime, "uptime");
    cameras = Map.copyOf(cameras);
    Objects.requireNonNull(eventSourceOnline, "eventSourceOnline");
    counters = Map.copyOf(counters);
  }

  /** The counter {@code name}, 0 if it never counted. */
  public long counter(String name) {
    return counters.getOrDefault(name, 0L);
  }
}
