package dev.homeport.bridge;

import dev.homeport.support.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the {@code rules:} list of a deployment file, given as a plain tree (lists, maps, strings,
 * numbers, booleans, as a YAML or JSON reader produces):
 *
 * <pre>
 * rules:
 *   - name: porch-to-door
 *     when: {device: Front door, capability: contactSensor, attribute: contact, value: open}
 *     then: {camera: porch, command: {preset: 2}}
 *     debounce: 30s
 *   - name: porch-motion-alert
 *     when: {camera: porch, event: motion}
 *     then: {publish: {topic: alerts/porch, payload: "motion at ${camera}", retain: false}}
 * </pre>
 *
 * Stateless and thread-safe.
 */
public final class Rules {

  private static final List<String> RULE_KEYS = List.of("name", "when", "then", "debounce");
  private static final List<String> DEVICE_KEYS = List.of("location", "device", "capability", "attribute", "value");
  private static final List<String> CAMERA_KEYS = List.of("camera", "event");
  private static final List<String> CAMERA_ACTION_KEYS = List.of("camera", "command");
  private static final List<String> PUBLISH_KEYS = List.of("topic", "payload", "retain");

  private Rules() {}

  /**
   * The rules in {@code tree} (a list; null means none).
   *
   * @throws IllegalArgumentException naming the rule, the key at fault and what is allowed
   */
  public static List<Rule> parse(Object tree) {
    if (tree == null) {
      return List.of();
    }
    if (!(tree instanceof List<?> list)) {
      throw new IllegalArgumentException("rules must be a list of rules (each with name, when, then)");
    }
    List<Rule> rules = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      Rule rule = rule("rules[" + i + "]", list.get(i));
      if (!names.add(rule.name())) {
        throw new IllegalArgumentException("rules: the name " + rule.name() + " is used twice; names must be unique");
      }
      rules.add(rule);
    }
    return List.copyOf(rules);
  }

  private static Rule rule(String where, Object node) {
    Map<String, Object> map = map(where, node, RULE_KEYS);
    String name = text(where, map, "name").orElseThrow(() -> new IllegalArgumentException(where + ": name is required"));
    String at = "rule " + name;
    Rule.Trigger when = trigger(at + ": when", required(at, map, "when"));
    Rule.Action then = action(at + ": then", required(at, map, "then"));
    Duration debounce =
        text(at, map, "debounce").map(text -> Durations.nonNegative(at + ": debounce", text)).orElse(Duration.ZERO);
    try {
      return new Rule(name, when, then, debounce);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
  }

  private static Rule.Trigger trigger(String where, Object node) {
    if (node instanceof Map<?, ?> raw && raw.containsKey("camera")) {
      Map<String, Object> map = map(where, node, CAMERA_KEYS);
      return new Rule.CameraTrigger(
          text(where, map, "camera").orElseThrow(),
          text(where, map, "event").orElseThrow(() -> new IllegalArgumentException(where + ": event is required (e.g. motion)")));
    }
    Map<String, Object> map = map(where, node, DEVICE_KEYS);
    String device =
        text(where, map, "device")
            .orElseThrow(() -> new IllegalArgumentException(where + ": device (a name or id) or camera is required"));
    return new Rule.DeviceTrigger(
        text(where, map, "location"), device, text(where, map, "capability"), text(where, map, "attribute"),
        text(where, map, "value"));
  }

  private static Rule.Action action(String where, Object node) {
    if (node instanceof Map<?, ?> raw && raw.containsKey("publish")) {
      if (raw.size() != 1) {
        throw new IllegalArgumentException(where + ": publish stands alone (publish: {topic, payload, retain})");
      }
      Map<String, Object> map = map(where + ": publish", raw.get("publish"), PUBLISH_KEYS);
      String topic = text(where, map, "topic").orElseThrow(() -> new IllegalArgumentException(where + ": publish needs a topic"));
      String payload = text(where, map, "payload").orElse("");
      Object retain = map.getOrDefault("retain", Boolean.FALSE);
      if (!(retain instanceof Boolean)) {
        throw new IllegalArgumentException(where + ": publish retain must be true or false, was " + retain);
      }
      try {
        return new Rule.PublishAction(topic, payload, (Boolean) retain);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
      }
    }
    Map<String, Object> map = map(where, node, CAMERA_ACTION_KEYS);
    String camera =
        text(where, map, "camera")
            .orElseThrow(() -> new IllegalArgumentException(where + ": camera (with command) or publish is required"));
    Object command = required(where, map, "command");
    if (!(command instanceof Map<?, ?> commandMap) || commandMap.isEmpty()) {
      throw new IllegalArgumentException(
          where + ": command must be a mapping such as {preset: 2} or {motion-detection: on}");
    }
    Map<String, Object> copy = new LinkedHashMap<>();
    commandMap.forEach((key, value) -> copy.put(String.valueOf(key), value));
    return new Rule.CameraAction(camera, copy);
  }

  private static Object required(String where, Map<String, Object> map, String key) {
    Object value = map.get(key);
    if (value == null) {
      throw new IllegalArgumentException(where + ": " + key + " is required");
    }
    return value;
  }

  private static Map<String, Object> map(String where, Object node, List<String> allowed) {
    if (!(node instanceof Map<?, ?> raw)) {
      throw new IllegalArgumentException(where + " must be a mapping of " + String.join(", ", allowed));
    }
    Map<String, Object> map = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : raw.entrySet()) {
      String key = String.valueOf(entry.getKey());
      if (!allowed.contains(key)) {
        throw new IllegalArgumentException(where + ": unknown key '" + key + "'; allowed: " + String.join(", ", allowed));
      }
      map.put(key, entry.getValue());
    }
    return map;
  }

  private static Optional<String> text(String where, Map<String, Object> map, String key) {
    Object value = map.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof Map || value instanceof List) {
      throw new IllegalArgumentException(where + ": " + key + " must be a single value, was " + value);
    }
    String text = String.valueOf(value).trim();
    if (text.isEmpty()) {
      throw new IllegalArgumentException(where + ": " + key + " must not be empty");
    }
    return Optional.of(text);
  }
}
