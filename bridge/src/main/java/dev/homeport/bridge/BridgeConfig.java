package dev.homeport.bridge;

import java.time.Duration;
import java.util.List;
import org.immutables.value.Value;

/**
 * How the bridge names its topics and paces itself. Build with {@code ImmutableBridgeConfig.builder()};
 * every attribute has a default. Immutable and thread-safe.
 */
@Value.Immutable
public interface BridgeConfig {

  /** The topic root of the bridge's own topics (default {@code homeport}). */
  @Value.Default
  default String baseTopic() {
    return "homeport";
  }

  /** Home Assistant's discovery prefix (default {@code homeassistant}). */
  @Value.Default
  default String discoveryPrefix() {
    return "homeassistant";
  }

  /** How often each camera's state is read (default 30 s); changes are published, repeats are not. */
  @Value.Default
  default Duration pollInterval() {
    return Duration.ofSeconds(30);
  }

  /** How often the health counters are published on {@code <base>/bridge/health} (default 60 s). */
  @Value.Default
  default Duration healthInterval() {
    return Duration.ofSeconds(60);
  }

  /** The first retry delay for an unreachable camera or event source (default 2 s), doubling up to the poll interval. */
  @Value.Default
  default Duration retryInitialDelay() {
    return Duration.ofSeconds(2);
  }

  /** The longest retry delay for the event source (default 5 min). */
  @Value.Default
  default Duration retryMaxDelay() {
    return Duration.ofMinutes(5);
  }

  /** How many inbound MQTT commands may wait at once (default 256); more are refused with an error. */
  @Value.Default
  default int maxPendingCommands() {
    return 256;
  }

  /** How many device events may wait at once (default 1024): the bridge's demand on the event stream. */
  @Value.Default
  default int eventBuffer() {
    return 1024;
  }

  /** The largest MQTT payload accepted on a command topic (default 64 KiB). */
  @Value.Default
  default int maxCommandBytes() {
    return 64 * 1024;
  }

  /**
   * How long a detection stays {@code ON} when the camera reports starts only (Kasa's polled
   * activity; default 30 s). A camera that reported one end of a kind is trusted for its ends.
   */
  @Value.Default
  default Duration detectionHold() {
    return Duration.ofSeconds(30);
  }

  /** How often each camera's snapshot is taken again (default 10 min; also at start and on each detection start). */
  @Value.Default
  default Duration snapshotInterval() {
    return Duration.ofMinutes(10);
  }

  /** The largest snapshot published (default 4 MiB, at most GetSnapshot's 64 MiB); a larger image is refused. */
  @Value.Default
  default int maxSnapshotBytes() {
    return 4 * 1024 * 1024;
  }

  /** Whether the bridge ends (see {@link MqttBridge#terminated()}) when the event session expires; default false. */
  @Value.Default
  default boolean exitOnSessionExpiry() {
    return false;
  }

  /** The software version named in discovery's {@code origin} and {@code sw_version}. */
  @Value.Default
  default String softwareVersion() {
    return "dev";
  }

  /** The rules to run. */
  List<Rule> rules();

  @Value.Check
  default void check() {
    if (!baseTopic().matches("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*")) {
      throw new IllegalArgumentException(
          "base topic must be letters, digits, '_' or '-' in '/'-separated levels (no '+', '#' or"
              + " spaces), was \"" + baseTopic() + "\"");
    }
    if (!discoveryPrefix().matches("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*")) {
      throw new IllegalArgumentException(
          "discovery prefix must be letters, digits, '_' or '-' in '/'-separated levels, was \""
              + discoveryPrefix() + "\"");
    }
    positive("poll interval", pollInterval());
    positive("health interval", healthInterval());
    positive("retry initial delay", retryInitialDelay());
    positive("retry max delay", retryMaxDelay());
    positive("detection hold", detectionHold());
    positive("snapshot interval", snapshotInterval());
    if (maxSnapshotBytes() < 1 || maxSnapshotBytes() > dev.homeport.domain.camera.GetSnapshot.MAX_BYTES) {
      throw new IllegalArgumentException("max snapshot bytes must be 1.." + dev.homeport.domain.camera.GetSnapshot.MAX_BYTES
          + ", was " + maxSnapshotBytes());
    }
    if (maxPendingCommands() < 1 || eventBuffer() < 1 || maxCommandBytes() < 64) {
      throw new IllegalArgumentException("queue bounds must be positive (command bytes at least 64)");
    }
    long names = rules().stream().map(Rule::name).distinct().count();
    if (names != rules().size()) {
      throw new IllegalArgumentException("rule names must be unique");
    }
  }

  private static void positive(String what, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(what + " must be positive, was " + value);
    }
  }
}
