package dev.homeport.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules of Home Assistant's MQTT discovery documentation, written down independently of the
 * bridge's builder: topic shape and id characters, JSON object payload, the keys each component
 * requires, a unique id with a device block, availability entries, device classes and units.
 */
final class HaDiscoveryRules {

  private static final Pattern TOPIC =
      Pattern.compile("^(?<prefix>[^/]+)/(?<component>[a-z_]+)/(?:(?<node>[a-zA-Z0-9_-]+)/)?(?<object>[a-zA-Z0-9_-]+)/config$");

  private static final Map<String, List<String>> REQUIRED =
      Map.of(
          "switch", List.of("command_topic"),
          "select", List.of("command_topic", "options"),
          "button", List.of("command_topic"),
          "number", List.of("command_topic"),
          "sensor", List.of("state_topic"),
          "binary_sensor", List.of("state_topic"),
          "camera", List.of("topic"));

  private static final Map<String, Set<String>> DEVICE_CLASSES =
      Map.of(
          "binary_sensor", Set.of("connectivity", "door", "motion", "occupancy", "tamper", "presence", "moisture", "smoke", "power", "window", "opening"),
          "sensor", Set.of("temperature", "humidity", "power", "energy", "battery", "illuminance", "timestamp"),
          "switch", Set.of("outlet", "switch"),
          "button", Set.of("identify", "restart", "update"));

  private static final Map<String, Set<String>> UNITS =
      Map.of(
          "temperature", Set.of("°C", "°F", "K"),
          "humidity", Set.of("%"),
          "battery", Set.of("%"),
          "power", Set.of("W", "kW"),
          "energy", Set.of("Wh", "kWh", "MWh"),
          "illuminance", Set.of("lx"));

  private static final Set<String> ALLOWED_KEYS =
      Set.of("name", "unique_id", "device", "origin", "availability", "availability_mode", "state_topic", "command_topic",
          "value_template", "command_template", "payload_on", "payload_off", "state_on", "state_off", "options",
          "payload_press", "min", "max", "step", "mode", "unit_of_measurement", "device_class", "state_class",
          "entity_category", "topic", "image_encoding", "availability_topic", "payload_available", "payload_not_available");

  private HaDiscoveryRules() {}

  /** Asserts that {@code json} on {@code topic} is a valid discovery configuration; returns its component. */
  static String check(String topic, JsonNode json) {
    Matcher matcher = TOPIC.matcher(topic);
    assertThat(matcher.matches()).as("discovery topic %s has the shape <prefix>/<component>/[<node_id>/]<object_id>/config with [a-zA-Z0-9_-] ids", topic).isTrue();
    String component = matcher.group("component");
    assertThat(REQUIRED).as("component of %s", topic).containsKey(component);
    assertThat(json.isObject()).as("payload of %s is a JSON object", topic).isTrue();
    for (Iterator<String> keys = json.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      assertThat(ALLOWED_KEYS).as("key %s of %s is a documented discovery key", key, topic).contains(key);
    }
    for (String key : REQUIRED.get(component)) {
      assertThat(json.hasNonNull(key)).as("%s needs %s (%s)", component, key, topic).isTrue();
    }
    assertThat(json.path("unique_id").asText()).as("unique_id of %s", topic).matches("[a-zA-Z0-9_-]+");
    JsonNode device = json.path("device");
    assertThat(device.isObject()).as("device block of %s", topic).isTrue();
    assertThat(device.path("identifiers").size() + device.path("connections").size()).as("device identifiers of %s", topic).isPositive();
    assertThat(device.path("name").asText()).as("device name of %s", topic).isNotBlank();
    assertThat(json.path("origin").path("name").asText()).as("origin name of %s", topic).isNotBlank();
    for (String key : List.of("state_topic", "command_topic", "topic")) {
      if (json.has(key)) {
        assertThat(json.get(key).asText()).as("%s of %s is a plain topic", key, topic).doesNotContain("+").doesNotContain("#").isNotBlank();
      }
    }
    if (json.has("availability")) {
      assertThat(json.get("availability").isArray()).isTrue();
      json.get("availability").forEach(entry -> assertThat(entry.path("topic").asText()).as("availability topic of %s", topic).isNotBlank());
      assertThat(json.path("availability_mode").asText("latest")).isIn("all", "any", "latest");
    }
    if (component.equals("select")) {
      assertThat(json.get("options").isArray() && json.get("options").size() > 0).as("options of %s", topic).isTrue();
      json.get("options").forEach(option -> assertThat(option.isTextual()).isTrue());
    }
    if (component.equals("number")) {
      assertThat(json.path("min").asDouble(0)).isLessThan(json.path("max").asDouble(100));
      assertThat(json.path("mode").asText("auto")).isIn("auto", "box", "slider");
    }
    if (json.has("device_class")) {
      String deviceClass = json.get("device_class").asText();
      assertThat(DEVICE_CLASSES.getOrDefault(component, Set.of())).as("device class of %s", topic).contains(deviceClass);
      if (UNITS.containsKey(deviceClass)) {
        assertThat(UNITS.get(deviceClass)).as("unit for %s in %s", deviceClass, topic).contains(json.path("unit_of_measurement").asText());
      }
    }
    if (json.has("entity_category")) {
      assertThat(json.get("entity_category").asText()).isIn("config", "diagnostic");
    }
    if (json.has("state_class")) {
      assertThat(json.get("state_class").asText()).isIn("measurement", "total", "total_increasing");
    }
    return component;
  }

  /** The key a {@code {{ value_json.KEY }}} template reads. */
  static String templateKey(JsonNode json) {
    Matcher matcher = Pattern.compile("\\{\\{ value_json\\.([A-Za-z0-9_]+) \\}\\}").matcher(json.path("value_template").asText());
    assertThat(matcher.matches()).as("value_template %s", json.path("value_template")).isTrue();
    return matcher.group(1);
  }
}
