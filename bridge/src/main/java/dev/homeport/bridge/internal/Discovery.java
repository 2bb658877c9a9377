package dev.homeport.bridge.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.homeport.domain.camera.CameraEvent;
import dev.homeport.domain.camera.CameraInfo;
import dev.homeport.domain.camera.Direction;
import dev.homeport.domain.camera.GetCameraInfo;
import dev.homeport.domain.camera.GetPosition;
import dev.homeport.domain.camera.GetSdCardState;
import dev.homeport.domain.camera.GetSnapshot;
import dev.homeport.domain.camera.GoToPreset;
import dev.homeport.domain.camera.Move;
import dev.homeport.domain.camera.Position;
import dev.homeport.domain.camera.Preset;
import dev.homeport.domain.camera.Reboot;
import dev.homeport.domain.camera.SetPosition;
import dev.homeport.domain.camera.Setting;
import dev.homeport.domain.camera.Stop;
import dev.homeport.domain.camera.TriggerTime;
import dev.homeport.ports.camera.CameraCapabilities;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;

/**
 * Builds Home Assistant MQTT discovery payloads (the per-entity form,
 * {@code <prefix>/<component>/<node_id>/<object_id>/config}) for cameras and smart-home devices,
 * with full key names, a {@code device} block, {@code origin}, and availability on both the
 * bridge's last will and the thing's own availability topic. Stateless.
 */
public final class Discovery {

  private final String base;
  private final String prefix;
  private final String version;

  public Discovery(String baseTopic, String discoveryPrefix, String softwareVersion) {
    this.base = baseTopic;
    this.prefix = discoveryPrefix;
    this.version = softwareVersion;
  }

  /** The node id prefix of everything this bridge announces ({@code base} as an id). */
  public String nodePrefix() {
    return Topics.id(base.replace('/', '_'));
  }

  /** {@code <prefix>/<component>/<node>/<object>/config}. */
  public String topic(String component, String node, String object) {
    return prefix + "/" + component + "/" + node + "/" + object + "/config";
  }

  /** The bridge's own device identifier, the {@code via_device} of everything behind it. */
  public String bridgeIdentifier() {
    return nodePrefix() + "_bridge";
  }

  /**
   * The entities of one camera.
   *
   * @param presets the presets the camera listed: one button each
   * @param detections the detection kinds to announce as {@code binary_sensor}s (empty without events)
   */
  public List<Entity> camera(
      String name, CameraCapabilities capabilities, Optional<CameraInfo> info, List<Preset> presets,
      Set<CameraEvent.Kind> detections) {
    String node = nodePrefix() + "_" + Topics.id(name);
    String stateTopic = base + "/" + name + "/state";
    String setTopic = base + "/" + name + "/set";
    ObjectNode device = Json.object();
    device.putArray("identifiers").add(node);
    device.put("name", name);
    info.ifPresent(
        i -> {
          device.put("model", i.model());
          device.put("sw_version", i.softwareVersion());
          device.put("hw_version", i.hardwareVersion());
          if (!i.mac().isBlank()) {
            device.putArray("connections").addArray().add("mac").add(i.mac().replace('-', ':').toLowerCase(Locale.ROOT));
          }
        });
    device.put("via_device", bridgeIdentifier());
    String availability = base + "/" + name + "/availability";
    List<Entity> entities = new ArrayList<>();
    for (Setting<?> setting : Setting.all()) {
      if (!capabilities.settings().contains(setting)) {
        continue;
      }
      String key = CameraCommands.key(setting);
      String label = capitalized(setting.label());
      Class<?> type = setting.valueType();
      if (type == Boolean.class) {
        ObjectNode c = common(node, key, label, device, availability);
        c.put("state_topic", stateTopic).put("command_topic", setTopic);
        c.put("value_template", "{{ value_json." + key + " }}");
        c.put("payload_on", "{\"" + key + "\":\"ON\"}").put("payload_off", "{\"" + key + "\":\"OFF\"}");
        c.put("state_on", "ON").put("state_off", "OFF");
        if (setting != Setting.POWER) {
          c.put("entity_category", "config");
        }
        entities.add(new Entity("switch", topic("switch", node, key), c));
      } else if (type.isEnum() || type == dev.homeport.domain.camera.Resolution.class) {
        // Resolution is an open value (cameras may answer labels nobody published): its known
        // values are the options; a camera's other label still shows in the state
        ObjectNode c = common(node, key, label, device, availability);
        c.put("state_topic", stateTopic).put("command_topic", setTopic);
        c.put("value_template", "{{ value_json." + key + " }}");
        c.put("command_template", "{\"" + key + "\":\"{{ value }}\"}");
        ArrayNode options = c.putArray("options");
        Object[] constants = type.isEnum() ? type.getEnumConstants()
            : dev.homeport.domain.camera.Resolution.known().toArray();
        for (Object constant : constants) {
          options.add(format(setting, constant));
        }
        c.put("entity_category", "config");
        entities.add(new Entity("select", topic("select", node, key), c));
      } else if (type == TriggerTime.class) {
        for (String half : List.of("day", "night")) {
          String halfKey = key + "_" + half + "_ms";
          ObjectNode c = common(node, halfKey, label + " (" + half + ")", device, availability);
          c.put("state_topic", stateTopic).put("command_topic", setTopic);
          c.put("value_template", "{{ value_json." + halfKey + " }}");
          c.put("command_template", "{\"" + halfKey + "\":{{ value | int }}}");
          c.put("min", 0).put("max", TriggerTime.MAX.toMillis()).put("step", 100);
          c.put("unit_of_measurement", "ms").put("mode", "box").put("entity_category", "config");
          entities.add(new Entity("number", topic("number", node, halfKey), c));
        }
      } else if (type == Instant.class) {
        ObjectNode c = sensor(node, key, label, device, availability, stateTopic);
        c.put("device_class", "timestamp");
        entities.add(new Entity("sensor", topic("sensor", node, key), c));
      } else {
        entities.add(new Entity("sensor", topic("sensor", node, key), sensor(node, key, label, device, availability, stateTopic)));
      }
    }
    if (capabilities.commandTypes().contains(GoToPreset.class)) {
      // one button per preset the camera listed; the token is the camera's own (Kasa 1..4, ONVIF any text)
      Set<String> keys = new HashSet<>();
      for (Preset preset : presets) {
        String key = "preset_" + Topics.id(preset.token());
        if (!keys.add(key)) {
          key = key + "_" + keys.size(); // two tokens with the same id form
          keys.add(key);
        }
        String label = "Preset " + preset.token() + (preset.name().isBlank() ? "" : ": " + preset.name());
        ObjectNode c = common(node, key, label, device, availability);
        ObjectNode press = Json.object().put("preset", preset.token());
        c.put("command_topic", setTopic).put("payload_press", press.toString());
        entities.add(new Entity("button", topic("button", node, key), c));
      }
    }
    if (capabilities.commandTypes().contains(Move.class)) {
      for (Direction direction : Direction.values()) {
        String word = direction.name().toLowerCase(Locale.ROOT);
        String key = "move_" + word;
        ObjectNode c = common(node, key, "Move " + word, device, availability);
        c.put("command_topic", setTopic).put("payload_press", "{\"move\":\"" + word + "\"}");
        entities.add(new Entity("button", topic("button", node, key), c));
      }
    }
    if (capabilities.commandTypes().contains(Stop.class)) {
      ObjectNode c = common(node, "stop", "Stop moving", device, availability);
      c.put("command_topic", setTopic).put("payload_press", "{\"stop\":true}");
      entities.add(new Entity("button", topic("button", node, "stop"), c));
    }
    if (capabilities.commandTypes().contains(Reboot.class)) {
      // device class restart: Home Assistant shows it as a restart button, under the device's configuration
      ObjectNode c = common(node, "reboot", "Restart", device, availability);
      c.put("command_topic", setTopic).put("payload_press", "{\"reboot\":true}");
      c.put("device_class", "restart").put("entity_category", "config");
      entities.add(new Entity("button", topic("button", node, "reboot"), c));
    }
    if (capabilities.commandTypes().contains(SetPosition.class) && capabilities.commandTypes().contains(GetPosition.class)) {
      for (String axis : List.of("x", "y")) {
        String key = "position_" + axis;
        ObjectNode c = common(node, key, axis.equals("x") ? "Pan position" : "Tilt position", device, availability);
        c.put("state_topic", stateTopic).put("command_topic", setTopic);
        c.put("value_template", "{{ value_json." + key + " }}");
        c.put("command_template", "{\"" + key + "\":{{ value | int }}}");
        c.put("min", 0).put("max", Position.MAX).put("step", 1).put("mode", "slider");
        entities.add(new Entity("number", topic("number", node, key), c));
      }
    }
    for (CameraEvent.Kind kind : CameraEvent.Kind.values()) {
      if (!detections.contains(kind)) {
        continue;
      }
      String key = kind.name().toLowerCase(Locale.ROOT);
      ObjectNode c = common(node, key, DETECTION_LABELS.get(kind), device, availability);
      // unavailable while the event stream resubscribes: a detection may have been missed
      c.withArray("availability").addObject().put("topic", base + "/" + name + "/events/availability");
      c.put("state_topic", base + "/" + name + "/" + key).put("payload_on", "ON").put("payload_off", "OFF");
      c.put("device_class", DETECTION_CLASSES.get(kind));
      entities.add(new Entity("binary_sensor", topic("binary_sensor", node, key), c));
    }
    if (capabilities.commandTypes().contains(GetSnapshot.class)) {
      // the image bytes themselves on the topic (Home Assistant's MQTT camera)
      ObjectNode c = common(node, "snapshot", "Snapshot", device, availability);
      c.put("topic", base + "/" + name + "/snapshot");
      entities.add(new Entity("camera", topic("camera", node, "snapshot"), c));
    }
    if (capabilities.commandTypes().contains(GetSdCardState.class)) {
      ObjectNode c = sensor(node, "sd_card", "SD card", device, availability, stateTopic);
      c.put("entity_category", "diagnostic");
      entities.add(new Entity("sensor", topic("sensor", node, "sd_card"), c));
    }
    if (capabilities.commandTypes().contains(GetCameraInfo.class)) {
      ObjectNode c = sensor(node, "firmware", "Firmware", device, availability, stateTopic);
      c.put("entity_category", "diagnostic");
      entities.add(new Entity("sensor", topic("sensor", node, "firmware"), c));
    }
    return entities;
  }

  /**
   * The entity of one smart-home attribute: a {@code binary_sensor} for the two-state attributes
   * it knows (contact, motion, presence, water, smoke, switch), otherwise a {@code sensor} with a
   * device class and unit where the capability says which.
   *
   * @param deviceNode the device's node id
   * @param device the device block
   * @param stateTopic the device's retained state topic
   * @param availability the event source's availability topic
   * @param key the attribute's key in the state JSON
   * @param capability the capability, e.g. {@code contactSensor}
   * @param attribute the attribute, e.g. {@code contact}
   * @param unit the unit the service gave, if any
   */
  public Entity attribute(
      String deviceNode, ObjectNode device, String stateTopic, String availability, String key,
      String capability, String attribute, Optional<String> unit) {
    String label = capitalized(splitCamel(capability.equals(attribute) ? attribute : capability + " " + attribute));
    String[] binary = BINARY.get(capability + "." + attribute);
    if (binary != null) {
      ObjectNode c = common(deviceNode, key, label, device, availability);
      c.put("state_topic", stateTopic).put("value_template", "{{ value_json." + key + " }}");
      c.put("payload_on", binary[1]).put("payload_off", binary[2]);
      if (!binary[0].isEmpty()) {
        c.put("device_class", binary[0]);
      }
      return new Entity("binary_sensor", topic("binary_sensor", deviceNode, key), c);
    }
    ObjectNode c = common(deviceNode, key, label, device, availability);
    c.put("state_topic", stateTopic).put("value_template", "{{ value_json." + key + " }}");
    String[] measured = MEASURED.get(capability + "." + attribute);
    Optional<String> haUnit = unit.map(Discovery::haUnit);
    if (measured != null) {
      Optional<String> finalUnit = haUnit.isPresent() ? haUnit : Optional.ofNullable(measured[1].isEmpty() ? null : measured[1]);
      // a device class with a unit HA does not accept for it is refused: only set both when the unit is known
      if (finalUnit.isPresent()) {
        c.put("device_class", measured[0]).put("unit_of_measurement", finalUnit.get());
      }
      c.put("state_class", measured[2]);
    } else {
      haUnit.ifPresent(u -> c.put("unit_of_measurement", u));
    }
    return new Entity("sensor", topic("sensor", deviceNode, key), c);
  }

  /** The device block of a smart-home device. */
  public ObjectNode deviceBlock(String node, String name, Optional<String> type, Optional<String> room) {
    ObjectNode device = Json.object();
    device.putArray("identifiers").add(node);
    device.put("name", name);
    type.ifPresent(t -> device.put("model", t));
    room.ifPresent(r -> device.put("suggested_area", r));
    device.put("via_device", bridgeIdentifier());
    return device;
  }

  /** The bridge's own entity: a connectivity sensor on its last will. */
  public Entity bridgeEntity() {
    String node = bridgeIdentifier();
    ObjectNode device = Json.object();
    device.putArray("identifiers").add(node);
    device.put("name", "homeport bridge (" + base + ")");
    device.put("manufacturer", "homeport");
    device.put("model", "MQTT bridge");
    device.put("sw_version", version);
    ObjectNode c = Json.object();
    c.put("name", "Connection state");
    c.put("unique_id", node + "_connection_state");
    c.put("state_topic", base + "/bridge/state");
    c.put("payload_on", "online").put("payload_off", "offline");
    c.put("device_class", "connectivity").put("entity_category", "diagnostic");
    c.set("device", device);
    c.set("origin", origin());
    return new Entity("binary_sensor", topic("binary_sensor", node, "connection_state"), c);
  }

  private ObjectNode sensor(String node, String key, String label, ObjectNode device, String availability, String stateTopic) {
    ObjectNode c = common(node, key, label, device, availability);
    c.put("state_topic", stateTopic).put("value_template", "{{ value_json." + key + " }}");
    return c;
  }

  private ObjectNode common(String node, String key, String label, ObjectNode device, String availability) {
    ObjectNode c = Json.object();
    c.put("name", label);
    c.put("unique_id", node + "_" + key);
    c.set("device", device);
    c.set("origin", origin());
    ArrayNode list = c.putArray("availability");
    list.addObject().put("topic", base + "/bridge/state");
    list.addObject().put("topic", availability);
    c.put("availability_mode", "all");
    return c;
  }

  private ObjectNode origin() {
    ObjectNode origin = Json.object();
    origin.put("name", "homeport").put("sw_version", version);
    return origin;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static String format(Setting setting, Object constant) {
    return setting.format(constant);
  }

  private static String capitalized(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static String splitCamel(String text) {
    return text.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
  }

  /** SmartThings units as Home Assistant writes them. */
  static String haUnit(String unit) {
    switch (unit) {
      case "C":
        return "°C";
      case "F":
        return "°F";
      default:
        return unit;
    }
  }

  /** Home Assistant's binary sensor device class of each detection kind. */
  private static final Map<CameraEvent.Kind, String> DETECTION_CLASSES =
      Map.of(CameraEvent.Kind.MOTION, "motion", CameraEvent.Kind.PERSON, "occupancy", CameraEvent.Kind.TAMPER, "tamper");

  private static final Map<CameraEvent.Kind, String> DETECTION_LABELS =
      Map.of(CameraEvent.Kind.MOTION, "Motion", CameraEvent.Kind.PERSON, "Person", CameraEvent.Kind.TAMPER, "Tampering");

  /** capability.attribute -> device class, payload on, payload off. */
  private static final Map<String, String[]> BINARY =
      Map.of(
          "contactSensor.contact", new String[] {"door", "open", "closed"},
          "motionSensor.motion", new String[] {"motion", "active", "inactive"},
          "presenceSensor.presence", new String[] {"presence", "present", "not present"},
          "waterSensor.water", new String[] {"moisture", "wet", "dry"},
          "smokeDetector.smoke", new String[] {"smoke", "detected", "clear"},
          "switch.switch", new String[] {"power", "on", "off"});

  /** capability.attribute -> device class, default unit (empty: none assumed), state class. */
  private static final Map<String, String[]> MEASURED =
      Map.of(
          "temperatureMeasurement.temperature", new String[] {"temperature", "", "measurement"},
          "relativeHumidityMeasurement.humidity", new String[] {"humidity", "%", "measurement"},
          "powerMeter.power", new String[] {"power", "W", "measurement"},
          "energyMeter.energy", new String[] {"energy", "kWh", "total_increasing"},
          "battery.battery", new String[] {"battery", "%", "measurement"},
          "illuminanceMeasurement.illuminance", new String[] {"illuminance", "lx", "measurement"});
}
