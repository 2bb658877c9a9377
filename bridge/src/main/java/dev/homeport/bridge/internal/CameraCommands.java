package dev.homeport.bridge.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.homeport.domain.camera.CameraCommand;
import dev.homeport.domain.camera.Direction;
import dev.homeport.domain.camera.GoToPreset;
import dev.homeport.domain.camera.Move;
import dev.homeport.domain.camera.Position;
import dev.homeport.domain.camera.Reboot;
import dev.homeport.domain.camera.SetPosition;
import dev.homeport.domain.camera.SetSetting;
import dev.homeport.domain.camera.Setting;
import dev.homeport.domain.camera.Stop;
import dev.homeport.domain.camera.TriggerTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Turns the JSON of {@code <base>/<camera>/set} into domain commands:
 *
 * <ul>
 *   <li>a setting by its id or state key ({@code motion-detection} or {@code motion_detection}) with
 *       its text value ({@code "ON"}, {@code "off"}, {@code true}, {@code "high"}, {@code "1920x1080"});
 *   <li>{@code motion_trigger_time_day_ms} / {@code _night_ms}: one half of the trigger time, the
 *       other half kept from the last known state;
 *   <li>{@code preset}: the camera's preset token, text or a number ({@code 2}, {@code "Preset_3"});
 *       {@code move}: a direction or {@code {"direction": "left", "speed": 5}};
 *       {@code stop}: any value; {@code position}: {@code {"x": 0..10000, "y": 0..10000}}, or
 *       {@code position_x} / {@code position_y} alone, the other kept;
 *   <li>{@code reboot}: {@code true} only (a restart is not undone, so no other value starts one);
 *   <li>{@code transaction}: ignored here (echoed in answers).
 * </ul>
 *
 * Stateless.
 */
public final class CameraCommands {

  /** The default pan/tilt speed of {@code move} without a speed. */
  public static final int DEFAULT_SPEED = 5;

  private CameraCommands() {}

  /** The state key of a setting: its id with underscores. */
  public static String key(Setting<?> setting) {
    return setting.id().replace('-', '_');
  }

  /**
   * The commands of {@code json}, in the order of its keys.
   *
   * @param state the camera's last known state (for the halves of trigger time and position)
   * @throws IllegalArgumentException naming the key at fault and what is allowed
   */
  public static List<CameraCommand<?>> parse(ObjectNode json, ObjectNode state) {
    List<CameraCommand<?>> commands = new ArrayList<>();
    Long triggerDay = null;
    Long triggerNight = null;
    Integer x = null;
    Integer y = null;
    for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String key = entry.getKey();
      JsonNode value = entry.getValue();
      switch (key) {
        case "transaction":
          continue;
        case "preset":
          commands.add(preset(value));
          continue;
        case "stop":
          commands.add(new Stop());
          continue;
        case "reboot":
          if (!(value.isBoolean() && value.asBoolean()) && !(value.isTextual() && value.asText().trim().equalsIgnoreCase("true"))) {
            throw new IllegalArgumentException("reboot must be true, was " + value);
          }
          commands.add(new Reboot());
          continue;
        case "move":
          commands.add(move(value));
          continue;
        case "position":
          if (!value.isObject()) {
            throw new IllegalArgumentException("position must be {\"x\": 0..10000, \"y\": 0..10000}");
          }
          commands.add(new SetPosition(new Position(integer("position x", value.path("x")), integer("position y", value.path("y")))));
          continue;
        case "position_x":
          x = integer(key, value);
          continue;
        case "position_y":
          y = integer(key, value);
          continue;
        case "motion_trigger_time_day_ms":
          triggerDay = (long) integer(key, value);
          continue;
        case "motion_trigger_time_night_ms":
          triggerNight = (long) integer(key, value);
          continue;
        default:
          break;
      }
      Optional<Setting<?>> setting = Setting.find(key.replace('_', '-'));
      if (setting.isEmpty()) {
        throw new IllegalArgumentException("unknown key '" + key + "'; allowed: " + allowedKeys());
      }
      commands.add(set(setting.get(), value));
    }
    if (triggerDay != null || triggerNight != null) {
      long day = triggerDay != null ? triggerDay : known(state, "motion_trigger_time_day_ms", "motion_trigger_time_night_ms");
      long night = triggerNight != null ? triggerNight : known(state, "motion_trigger_time_night_ms", "motion_trigger_time_day_ms");
      commands.add(SetSetting.of(Setting.MOTION_TRIGGER_TIME, TriggerTime.ofMillis(day, night)));
    }
    if (x != null || y != null) {
      int px = x != null ? x : (int) known(state, "position_x", "position_y");
      int py = y != null ? y : (int) known(state, "position_y", "position_x");
      commands.add(new SetPosition(new Position(px, py)));
    }
    if (commands.isEmpty()) {
      throw new IllegalArgumentException("nothing to do; allowed keys: " + allowedKeys());
    }
    return List.copyOf(commands);
  }

  private static long known(ObjectNode state, String key, String other) {
    JsonNode value = state.path(key);
    if (!value.canConvertToLong()) {
      throw new IllegalArgumentException(other + " alone needs the current " + key + ", which is not known yet; give both");
    }
    return value.asLong();
  }

  private static CameraCommand<?> set(Setting<?> setting, JsonNode value) {
    if (!value.isValueNode() || value.isNull()) {
      throw new IllegalArgumentException(setting.id() + " must be " + setting.allowedValues() + ", was " + value);
    }
    String text = value.isBoolean() ? (value.asBoolean() ? "on" : "off") : value.asText();
    return SetSetting.parse(setting, text);
  }

  private static GoToPreset preset(JsonNode value) {
    if (!(value.isTextual() || value.isIntegralNumber())) {
      throw new IllegalArgumentException("preset must be a preset token (text such as \"2\" or \"Preset_3\", or a number), was " + value);
    }
    try {
      return new GoToPreset(value.asText());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  private static Move move(JsonNode value) {
    if (value.isTextual()) {
      return new Move(direction(value.asText()), DEFAULT_SPEED);
    }
    if (value.isObject()) {
      int speed = value.has("speed") ? integer("move speed", value.get("speed")) : DEFAULT_SPEED;
      return new Move(direction(value.path("direction").asText("")), speed);
    }
    throw new IllegalArgumentException("move must be a direction (left, right, up, down) or {\"direction\": ..., \"speed\": 1..10}");
  }

  private static Direction direction(String text) {
    try {
      return Direction.valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("move direction must be left, right, up or down, was \"" + text + "\"");
    }
  }

  private static int integer(String key, JsonNode value) {
    if (value.isIntegralNumber() && value.canConvertToInt()) {
      return value.intValue();
    }
    if (value.isTextual()) {
      try {
        return Integer.parseInt(value.asText().trim());
      } catch (NumberFormatException e) {
        // falls through to the error
      }
    }
    throw new IllegalArgumentException(key + " must be a whole number, was " + value);
  }

  private static String allowedKeys() {
    TreeSet<String> keys = new TreeSet<>(List.of("preset", "move", "stop", "reboot", "position", "position_x", "position_y",
        "motion_trigger_time_day_ms", "motion_trigger_time_night_ms"));
    Setting.all().forEach(setting -> keys.add(key(setting)));
    return String.join(", ", keys);
  }
}
