package dev.homeport.bridge;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One rule: {@code when} something happens, {@code then} do something, at most once per
 * {@code debounce}. Immutable and thread-safe; build from a configuration tree with
 * {@link Rules#parse(Object)}.
 *
 * @param name unique among the rules; names the rule in logs and counters
 * @param when the trigger
 * @param then the action
 * @param debounce the quiet time after a firing during which the rule does not fire again (zero: none)
 */
public record Rule(String name, Trigger when, Action then, Duration debounce) {

  public Rule {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(when, "when");
    Objects.requireNonNull(then, "then");
    Objects.requireNonNull(debounce, "debounce");
    if (!name.matches("[A-Za-z0-9_-]{1,64}")) {
      throw new IllegalArgumentException(
          "rule name must be 1..64 letters, digits, '_' or '-', was \"" + name + "\"");
    }
    if (debounce.isNegative()) {
      throw new IllegalArgumentException("rule " + name + ": debounce must not be negative");
    }
  }

  /** What a rule waits for. */
  public sealed interface Trigger permits DeviceTrigger, CameraTrigger {}

  /**
   * A smart-home device event. Names or ids are both accepted for the location and the device;
   * an empty field matches anything.
   *
   * @param location the location's name or id, or empty for any
   * @param device the device's name or id
   * @param capability e.g. {@code contactSensor}, or empty for any
   * @param attribute e.g. {@code contact}, or empty for any
   * @param value the value as text (numbers compare numerically), or empty for any
   */
  public record DeviceTrigger(
      Optional<String> location,
      String device,
      Optional<String> capability,
      Optional<String> attribute,
      Optional<String> value)
      implements Trigger {
    public DeviceTrigger {
      Objects.requireNonNull(location, "location");
      Objects.requireNonNull(device, "device");
      Objects.requireNonNull(capability, "capability");
      Objects.requireNonNull(attribute, "attribute");
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * A camera event such as motion, from the camera events port.
   *
   * @param camera the camera's name
   * @param event the kind, e.g. {@code motion}
   */
  public record CameraTrigger(String camera, String event) implements Trigger {
    public CameraTrigger {
      Objects.requireNonNull(camera, "camera");
      Objects.requireNonNull(event, "event");
    }
  }

  /** What a rule does. */
  public sealed interface Action permits CameraAction, PublishAction {}

  /**
   * Commands to a camera, written as the JSON of {@code <base>/<camera>/set}: settings by name,
   * {@code preset}, {@code move}, {@code stop}, {@code position}.
   *
   * @param camera the camera's name
   * @param command the command object (plain values: maps, lists, strings, numbers, booleans)
   */
  public record CameraAction(String camera, Map<String, Object> command) implements Action {
    public CameraAction {
      Objects.requireNonNull(camera, "camera");
      command = Map.copyOf(command);
    }
  }

  /**
   * An MQTT message. {@code ${device}}, {@code ${attribute}}, {@code ${value}}, {@code ${camera}}
   * and {@code ${event}} in the payload are replaced by the trigger's values.
   *
   * @param topic where to publish (no wildcards)
   * @param payload the text to publish
   * @param retain whether the broker keeps it
   */
  public record PublishAction(String topic, String payload, boolean retain) implements Action {
    public PublishAction {
      Objects.requireNonNull(topic, "topic");
      Objects.requireNonNull(payload, "payload");
      if (topic.isEmpty() || topic.contains("+") || topic.contains("#") || topic.length() > 1024) {
        throw new IllegalArgumentException(
            "publish topic must be 1..1024 characters without '+' or '#', was \"" + topic + "\"");
      }
    }
  }
}
