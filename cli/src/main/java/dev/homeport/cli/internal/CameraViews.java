package dev.homeport.cli.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.homeport.domain.FieldMap;
import dev.homeport.ports.camera.CameraDriver;
import dev.homeport.ports.camera.DriverOption;
import dev.homeport.domain.camera.CameraInfo;
import dev.homeport.domain.camera.CloudInfo;
import dev.homeport.domain.camera.DetectionEvent;
import dev.homeport.domain.camera.Position;
import dev.homeport.domain.camera.Preset;
import dev.homeport.domain.camera.SdCardState;
import dev.homeport.domain.camera.Setting;
import dev.homeport.domain.camera.TimeStatus;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Renders camera values as {@link Result}s: JSON trees for scripts and aligned text for people. */
public final class CameraViews {

  private CameraViews() {}

  public static Result cameraInfo(CameraInfo info) {
    ObjectNode node = JsonViews.NODES.objectNode();
    node.put("alias", info.alias());
    node.put("model", info.model());
    node.put("type", info.type());
    node.put("softwareVersion", info.softwareVersion());
    node.put("hardwareVersion", info.hardwareVersion());
    node.put("mac", info.mac());
    node.put("deviceId", info.deviceId());
    node.set("otherFields", JsonViews.fieldMap(info.otherFields()));
    String text =
        Result.table(
            List.of(
                List.of("alias", TerminalText.escape(info.alias())),
                List.of("model", TerminalText.escape(info.model())),
                List.of("type", TerminalText.escape(info.type())),
                List.of("firmware", TerminalText.escape(info.softwareVersion())),
                List.of("hardware", TerminalText.escape(info.hardwareVersion())),
                List.of("mac", TerminalText.escape(info.mac())),
                List.of("device id", TerminalText.escape(info.deviceId()))));
    return new Result(node, text);
  }

  public static <T> Result setting(Setting<T> setting, T value) {
    ObjectNode node = JsonViews.NODES.objectNode();
    node.put("setting", setting.id());
    node.put("value", setting.format(value));
    return new Result(node, setting.id() + ": " + TerminalText.escape(setting.format(value)));
  }

  public static <T> Result settingChanged(Setting<T> setting, T value) {
    return settingChanged(setting, value, true);
  }

  /** The outcome of {@code set}: {@code changed} is false when the camera already had the value. */
  public static <T> Result settingChanged(Setting<T> setting, T value, boolean changed) {
    ObjectNode node = JsonViews.NODES.objectNode();
    node.put("setting", setting.id());
    node.put("value", setting.format(value));
    node.put("changed", changed);
    return new Result(
        node,
        setting.id() + (changed ? " set to " : " is already ") + TerminalText.escape(setting.format(value)) + (changed ? "" : " (unchanged)"));
  }

  public static Result action(String action, String text, Map<String, Object> fields) {
    ObjectNode node = JsonViews.NODES.objectNode();
    node.put("action", action);
    node.put("ok", true);
    fields.forEach((name, value) -> node.set(name, JsonViews.plain(value)));
    return new Result(node, text);
  }

  public static Result position(Position position) {
    ObjectNode node = JsonViews.NODES.objectNode();
    node.put("x", position.x());
    node.put("y", position.y());
    return new Result(node, "position: x=" + position.x() + " y=" + position.y());
  }

  public static Result presets(List<Preset> presets) {
    ArrayNode array = JsonViews.NODES.arrayNode();
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("PRESET", "NAME"));
    for (Preset preset : presets) {
      ObjectNode node = array.addObject();
      node.put("token", preset.token());
      node.put("name", preset.name());
      rows.add(List.of(TerminalText.escape(preset.token()), TerminalText.escape(preset.name())));
    }
    return new Result(array, presets.isEmpty() ? "no presets" : Result.table(rows));
  }

  public static Result sdCard(SdCardState state) {
    ObjectNode node = JsonViews.NODES.objectNode();
    node.put("status", state.status());
    state.encrypted().ifPresent(value -> node.put("encrypted", value));
    state.totalBytes().ifPresent(value -> node.put("totalBytes", value));
    state.freeBytes().ifPresent(value -> node.put("freeBytes", value));
    state.usedBytes().ifPresent(value -> node.put("usedBytes", value));
    state.capacityBytes().ifPresent(value -> node.put("capacityBytes", value));
    state.detectState().ifPresent(value -> node.put("detectState", value));
    node.set("encryptionConfig", JsonViews.fieldMap(state.encryptionConfig()));
    node.set("otherFields", JsonViews.fieldMap(state.otherFields()));
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("status", TerminalText.escape(state.status())));
    state.encrypted().ifPresent(value -> rows.add(List.of("encrypted", value ? "yes" : "no")));
    state.totalBytes().ifPresent(value -> rows.add(List.of("total", bytes(value))));
    state.freeBytes().ifPresent(value -> rows.add(List.of("free", bytes(value))));
    state.usedBytes().ifPresent(value -> rows.add(List.of("used", bytes(value))));
    state.capacityBytes().ifPresent(value -> rows.add(List.of("capacity", bytes(value))));
    state.detectState().ifPresent(value -> rows.add(List.of("detect state", TerminalText.escape(value))));
    return new Result(node, Result.table(rows));
  }

  public static Result latestActivity(dev.homeport.domain.camera.LatestActivity activity) {
    ObjectNode node = JsonViews.NODES.objectNode();
    activity.time().ifPresent(t -> node.put("time", t.toString()));
    activity.kindCode().ifPresent(k -> node.put("kindCode", k));
    ObjectNode states = node.putObject("eventStates");
    activity.eventStates().forEach((source, fields) -> states.set(source, JsonViews.fieldMap(fields)));
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("last activity", activity.time().map(Object::toString).orElse("-")));
    rows.add(List.of("kind code", activity.kindCode().isPresent() ? Long.toString(activity.kindCode().getAsLong()) : "-"));
    activity.eventStates().forEach((source, fields) -> rows.add(List.of(TerminalText.escape(source) + " state", TerminalText.escape(fields.asMap().toString()))));
    return new Result(node, Result.table(rows));
  }

  public static Result cloud(CloudInfo info) {
    ObjectNode node = JsonViews.NODES.objectNode();
    node.put("connected", info.connected());
    info.bound().ifPresent(value -> node.put("bound", value));
    info.server().ifPresent(value -> node.put("server", value));
    info.entryDomain().ifPresent(value -> node.put("entryDomain", value));
    node.set("otherFields", JsonViews.fieldMap(info.otherFields()));
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("connected", info.connected() ? "yes" : "no"));
    info.bound().ifPresent(value -> rows.add(List.of("bound", value ? "yes" : "no")));
    info.server().ifPresent(value -> rows.add(List.of("server", TerminalText.escape(value))));
    info.entryDomain().ifPresent(value -> rows.add(List.of("entry domain", TerminalText.escape(value))));
    return new Result(node, Result.table(rows));
  }

  public static Result time(TimeStatus status) {
    ObjectNode node = JsonViews.NODES.objectNode();
    node.put("time", status.time().toString());
    node.put("epochSeconds", status.time().getEpochSecond());
    node.put("utcOffset", status.timeZone().utcOffset());
    node.put("area", status.timeZone().area());
    node.set("otherFields", JsonViews.fieldMap(status.otherFields()));
    return new Result(
        node,
        Result.table(
            List.of(
                List.of("time", status.time().toString()),
                List.of("time zone", TerminalText.escape(status.timeZone().text())))));
  }

  public static Result detections(List<DetectionEvent> events) {
    ArrayNode array = JsonViews.NODES.arrayNode();
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("START", "END", "KIND"));
    for (DetectionEvent event : events) {
      ObjectNode node = array.addObject();
      event.start().ifPresent(start -> node.put("start", start.toString()));
      event.end().ifPresent(end -> node.put("end", end.toString()));
      event.kind().ifPresent(kind -> node.put("kind", kind));
      node.set("otherFields", JsonViews.fieldMap(event.otherFields()));
      rows.add(
          List.of(event.start().map(Instant::toString).orElse("-"), event.end().map(Instant::toString).orElse("-"),
              TerminalText.escape(event.kind().orElse("-"))));
    }
    return new Result(array, events.isEmpty() ? "no detections in that window" : Result.table(rows));
  }

  public static Result snapshot(URI link) {
    ObjectNode node = JsonViews.NODES.objectNode();
    node.put("url", link.toString());
    return new Result(node, TerminalText.escape(link.toString()));
  }

  public static Result raw(String operation, FieldMap answer) {
    ObjectNode node = JsonViews.NODES.objectNode();
    node.put("operation", operation);
    ObjectNode result = JsonViews.fieldMap(answer);
    node.set("result", result);
    return new Result(node, Output.pretty(result));
  }

  static String bytes(long value) {
    if (value < 1024) {
      return value + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double scaled = value;
    int unit = -1;
    while (scaled >= 1024 && unit < units.length - 1) {
      scaled /= 1024;
      unit++;
    }
    return String.format(java.util.Locale.ROOT, "%.1f %s", scaled, units[unit]);
  }

  /**
   * A driver's options as its brand documents them ({@code --help-options}): name, allowed values,
   * default and description, plus the brands found.
   */
  public static Result driverOptions(CameraDriver driver, List<String> brands) {
    ObjectNode node = JsonViews.NODES.objectNode();
    node.put("brand", driver.brand());
    node.put("remote", driver.remote());
    ArrayNode array = node.putArray("options");
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("OPTION", "VALUES", "DEFAULT", "WHAT IT DOES"));
    for (DriverOption option : driver.options()) {
      ObjectNode item = array.addObject();
      item.put("name", option.name());
      item.put("allowed", option.allowed());
      option.defaultValue().ifPresent(value -> item.put("default", value));
      item.put("description", option.description());
      rows.add(List.of(option.name(), option.allowed(), option.defaultValue().orElse("-"), option.description()));
    }
    node.set("brands", JsonViews.plain(brands));
    String text = driver.options().isEmpty()
        ? "brand " + driver.brand() + " takes no options"
        : "options of brand " + driver.brand() + " (give them as --option NAME=VALUE or in the config file's options:)"
            + System.lineSeparator() + Result.table(rows);
    return new Result(node, text + System.lineSeparator() + "brands found: " + String.join(", ", brands));
  }
}
