package dev.homeport.cli.internal;

import dev.homeport.support.FieldMapJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.homeport.domain.FieldMap;
import dev.homeport.domain.camera.CameraInfo;
import dev.homeport.domain.camera.CloudInfo;
import dev.homeport.domain.camera.DetectionEvent;
import dev.homeport.domain.camera.Position;
import dev.homeport.domain.camera.Preset;
import dev.homeport.domain.camera.SdCardState;
import dev.homeport.domain.camera.Setting;
import dev.homeport.domain.camera.TimeStatus;
import dev.homeport.domain.home.AttributeValue;
import dev.homeport.domain.home.Device;
import dev.homeport.domain.home.DeviceEvent;
import dev.homeport.domain.home.DeviceState;
import dev.homeport.domain.home.Location;
import dev.homeport.domain.home.Room;
import dev.homeport.domain.home.User;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Renders domain values as {@link Result}s: JSON trees for scripts and aligned text for people. */
public final class Views {

  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Views() {}

  // ---------------------------------------------------------------- camera

  public static Result cameraInfo(CameraInfo info) {
    ObjectNode node = NODES.objectNode();
    node.put("alias", info.alias());
    node.put("model", info.model());
    node.put("type", info.type());
    node.put("softwareVersion", info.softwareVersion());
    node.put("hardwareVersion", info.hardwareVersion());
    node.put("mac", info.mac());
    node.put("deviceId", info.deviceId());
    node.set("otherFields", fieldMap(info.otherFields()));
    String text =
        table(
            List.of(
                List.of("alias", info.alias()),
                List.of("model", info.model()),
                List.of("type", info.type()),
                List.of("firmware", info.softwareVersion()),
                List.of("hardware", info.hardwareVersion()),
                List.of("mac", info.mac()),
                List.of("device id", info.deviceId())));
    return new Result(node, text);
  }

  public static <T> Result setting(Setting<T> setting, T value) {
    ObjectNode node = NODES.objectNode();
    node.put("setting", setting.id());
    node.put("value", setting.format(value));
    return new Result(node, setting.id() + ": " + setting.format(value));
  }

  public static <T> Result settingChanged(Setting<T> setting, T value) {
    ObjectNode node = NODES.objectNode();
    node.put("setting", setting.id());
    node.put("value", setting.format(value));
    node.put("changed", true);
    return new Result(node, setting.id() + " set to " + setting.format(value));
  }

  public static Result action(String action, String text, Map<String, Object> fields) {
    ObjectNode node = NODES.objectNode();
    node.put("action", action);
    node.put("ok", true);
    fields.forEach((name, value) -> node.set(name, plain(value)));
    return new Result(node, text);
  }

  public static Result position(Position position) {
    ObjectNode node = NODES.objectNode();
    node.put("x", position.x());
    node.put("y", position.y());
    return new Result(node, "position: x=" + position.x() + " y=" + position.y());
  }

  public static Result presets(List<Preset> presets) {
    ArrayNode array = NODES.arrayNode();
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("PRESET", "NAME"));
    for (Preset preset : presets) {
      ObjectNode node = array.addObject();
      node.put("index", preset.index());
      node.put("name", preset.name());
      rows.add(List.of(Integer.toString(preset.index()), preset.name()));
    }
    return new Result(array, presets.isEmpty() ? "no presets" : table(rows));
  }

  public static Result sdCard(SdCardState state) {
    ObjectNode node = NODES.objectNode();
    node.put("status", state.status());
    state.encrypted().ifPresent(value -> node.put("encrypted", value));
    state.totalBytes().ifPresent(value -> node.put("totalBytes", value));
    state.freeBytes().ifPresent(value -> node.put("freeBytes", value));
    state.usedBytes().ifPresent(value -> node.put("usedBytes", value));
    state.capacityBytes().ifPresent(value -> node.put("capacityBytes", value));
    state.detectState().ifPresent(value -> node.put("detectState", value));
    node.set("encryptionConfig", fieldMap(state.encryptionConfig()));
    node.set("otherFields", fieldMap(state.otherFields()));
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("status", state.status()));
    state.encrypted().ifPresent(value -> rows.add(List.of("encrypted", value ? "yes" : "no")));
    state.totalBytes().ifPresent(value -> rows.add(List.of("total", bytes(value))));
    state.freeBytes().ifPresent(value -> rows.add(List.of("free", bytes(value))));
    state.usedBytes().ifPresent(value -> rows.add(List.of("used", bytes(value))));
    state.capacityBytes().ifPresent(value -> rows.add(List.of("capacity", bytes(value))));
    state.detectState().ifPresent(value -> rows.add(List.of("detect state", value)));
    return new Result(node, table(rows));
  }

  public static Result latestActivity(dev.homeport.domain.camera.LatestActivity activity) {
    ObjectNode node = NODES.objectNode();
    activity.time().ifPresent(t -> node.put("time", t.toString()));
    activity.kindCode().ifPresent(k -> node.put("kindCode", k));
    ObjectNode states = node.putObject("eventStates");
    activity.eventStates().forEach((source, fields) -> states.set(source, fieldMap(fields)));
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("last activity", activity.time().map(Object::toString).orElse("-")));
    rows.add(List.of("kind code", activity.kindCode().isPresent() ? Long.toString(activity.kindCode().getAsLong()) : "-"));
    activity.eventStates().forEach((source, fields) -> rows.add(List.of(DiscoverCli.safe(source) + " state", DiscoverCli.safe(fields.asMap().toString()))));
    return new Result(node, table(rows));
  }

  public static Result cloud(CloudInfo info) {
    ObjectNode node = NODES.objectNode();
    node.put("connected", info.connected());
    info.bound().ifPresent(value -> node.put("bound", value));
    info.server().ifPresent(value -> node.put("server", value));
    info.entryDomain().ifPresent(value -> node.put("entryDomain", value));
    node.set("otherFields", fieldMap(info.otherFields()));
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("connected", info.connected() ? "yes" : "no"));
    info.bound().ifPresent(value -> rows.add(List.of("bound", value ? "yes" : "no")));
    info.server().ifPresent(value -> rows.add(List.of("server", value)));
    info.entryDomain().ifPresent(value -> rows.add(List.of("entry domain", value)));
    return new Result(node, table(rows));
  }

  public static Result time(TimeStatus status) {
    ObjectNode node = NODES.objectNode();
    node.put("time", status.time().toString());
    node.put("epochSeconds", status.time().getEpochSecond());
    node.put("utcOffset", status.timeZone().utcOffset());
    node.put("area", status.timeZone().area());
    node.set("otherFields", fieldMap(status.otherFields()));
    return new Result(
        node,
        table(
            List.of(
                List.of("time", status.time().toString()),
                List.of("time zone", status.timeZone().text()))));
  }

  public static Result detections(List<DetectionEvent> events) {
    ArrayNode array = NODES.arrayNode();
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("START", "END", "KIND"));
    for (DetectionEvent event : events) {
      ObjectNode node = array.addObject();
      event.start().ifPresent(start -> node.put("start", start.toString()));
      event.end().ifPresent(end -> node.put("end", end.toString()));
      event.kind().ifPresent(kind -> node.put("kind", kind));
      node.set("otherFields", fieldMap(event.otherFields()));
      rows.add(
          List.of(event.start().map(Instant::toString).orElse("-"), event.end().map(Instant::toString).orElse("-"),
              event.kind().orElse("-")));
    }
    return new Result(array, events.isEmpty() ? "no detections in that window" : table(rows));
  }

  public static Result snapshot(URI link) {
    ObjectNode node = NODES.objectNode();
    node.put("url", link.toString());
    return new Result(node, link.toString());
  }

  public static Result raw(String operation, FieldMap answer) {
    ObjectNode node = NODES.objectNode();
    node.put("operation", operation);
    ObjectNode result = fieldMap(answer);
    node.set("result", result);
    return new Result(node, Output.pretty(result));
  }

  // ---------------------------------------------------------------- home

  public static Result user(User user) {
    ObjectNode node = NODES.objectNode();
    node.put("id", user.id().value());
    node.put("userName", user.userName());
    user.fullName().ifPresent(value -> node.put("fullName", value));
    user.email().ifPresent(value -> node.put("email", value));
    user.countryCode().ifPresent(value -> node.put("countryCode", value));
    ArrayNode scopes = node.putArray("scopes");
    user.scopes().forEach(scopes::add);
    user.expiresAt().ifPresent(value -> node.put("expiresAt", value.toString()));
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("id", user.id().value()));
    rows.add(List.of("user name", user.userName()));
    user.fullName().ifPresent(value -> rows.add(List.of("name", value)));
    user.email().ifPresent(value -> rows.add(List.of("e-mail", value)));
    user.countryCode().ifPresent(value -> rows.add(List.of("country", value)));
    if (!user.scopes().isEmpty()) {
      rows.add(List.of("scopes", String.join(" ", user.scopes())));
    }
    user.expiresAt().ifPresent(value -> rows.add(List.of("expires", value.toString())));
    return new Result(node, table(rows));
  }

  public static Result locations(List<Location> locations) {
    ArrayNode array = NODES.arrayNode();
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("LOCATION", "NAME"));
    for (Location location : locations) {
      ObjectNode node = array.addObject();
      node.put("id", location.id().value());
      node.put("name", location.name());
      location.parentType().ifPresent(value -> node.put("parentType", value));
      location.parentId().ifPresent(value -> node.put("parentId", value));
      rows.add(List.of(location.id().value(), location.name()));
    }
    return new Result(array, locations.isEmpty() ? "no locations" : table(rows));
  }

  public static Result rooms(List<Room> rooms) {
    ArrayNode array = NODES.arrayNode();
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("ROOM", "NAME"));
    for (Room room : rooms) {
      ObjectNode node = array.addObject();
      node.put("id", room.id().value());
      node.put("locationId", room.locationId().value());
      node.put("name", room.name());
      room.backgroundImage().ifPresent(value -> node.put("backgroundImage", value));
      room.created().ifPresent(value -> node.put("created", value.toString()));
      room.lastModified().ifPresent(value -> node.put("lastModified", value.toString()));
      rows.add(List.of(room.id().value(), room.name()));
    }
    return new Result(array, rooms.isEmpty() ? "no rooms" : table(rows));
  }

  public static Result devices(List<Device> devices, List<Room> rooms) {
    Map<String, String> roomNames =
        rooms.stream().collect(Collectors.toMap(room -> room.id().value(), Room::name, (a, b) -> a));
    ArrayNode array = NODES.arrayNode();
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("DEVICE", "NAME", "ROOM", "TYPE", "STATE"));
    for (Device device : devices) {
      ObjectNode node = array.addObject();
      node.put("id", device.id().value());
      node.put("locationId", device.locationId().value());
      device.roomId().ifPresent(value -> node.put("roomId", value.value()));
      device.componentId().ifPresent(value -> node.put("componentId", value));
      node.put("name", device.name());
      device.type().ifPresent(value -> node.put("type", value));
      ArrayNode states = node.putArray("states");
      for (DeviceState state : device.states()) {
        ObjectNode stateNode = states.addObject();
        stateNode.put("componentId", state.componentId());
        stateNode.put("capability", state.capability());
        stateNode.put("attribute", state.attribute());
        stateNode.set("value", state.value().map(Views::attribute).orElse(NODES.nullNode()));
      }
      String room =
          device.roomId().map(id -> roomNames.getOrDefault(id.value(), id.value())).orElse("-");
      rows.add(
          List.of(
              device.id().value(),
              device.name(),
              room,
              device.type().orElse("-"),
              device.states().stream()
                  .filter(state -> state.value().isPresent())
                  .map(state -> state.attribute() + "=" + text(state.value().get()))
                  .limit(3)
                  .collect(Collectors.joining(" "))));
    }
    return new Result(array, devices.isEmpty() ? "no devices" : table(rows));
  }

  /** One event as a JSON object (one line of {@code watch --json}). */
  public static ObjectNode event(DeviceEvent event) {
    ObjectNode node = NODES.objectNode();
    node.put("eventId", event.eventId().value());
    node.put("locationId", event.locationId().value());
    node.put("deviceId", event.deviceId().value());
    event.device().ifPresent(device -> node.put("deviceName", device.name()));
    node.put("componentId", event.componentId());
    node.put("capability", event.capability());
    node.put("attribute", event.attribute());
    node.set("value", event.value().map(Views::attribute).orElse(NODES.nullNode()));
    node.set("unit", event.unit().<JsonNode>map(NODES::textNode).orElse(NODES.nullNode()));
    node.put("stateChange", event.stateChange());
    node.put("time", event.time().toString());
    return node;
  }

  /** One event as a line of text. */
  public static String eventText(DeviceEvent event) {
    String device = event.device().map(Device::name).orElse(event.deviceId().value());
    String value = event.value().map(Views::text).orElse("(none)");
    return event.time().truncatedTo(java.time.temporal.ChronoUnit.MILLIS) + "  " + device + "  " + event.componentId() + "/" + event.capability()
        + "." + event.attribute() + " = " + value + event.unit().map(unit -> " " + unit).orElse("")
        + (event.stateChange() ? "" : "  (refresh)");
  }

  // ---------------------------------------------------------------- helpers

  static JsonNode attribute(AttributeValue value) {
    return plain(value.plain());
  }

  static String text(AttributeValue value) {
    Object plain = value.plain();
    if (plain instanceof BigDecimal number) {
      return number.toPlainString();
    }
    if (plain instanceof String || plain instanceof Boolean) {
      return plain.toString();
    }
    return Output.compact(plain(plain));
  }

  /** A FieldMap as a JSON object (the support library's bridge). */
  public static ObjectNode fieldMap(FieldMap fields) {
    return FieldMapJson.toJson(fields);
  }

  /** A value for JSON output: plain values through the support bridge, Optional unwrapped, others as text. */
  public static JsonNode plain(Object value) {
    if (value instanceof Optional<?> optional) {
      return optional.map(Views::plain).orElse(NODES.nullNode());
    }
    try {
      return FieldMapJson.toJsonValue(value);
    } catch (IllegalArgumentException notPlain) {
      return NODES.textNode(value.toString());
    }
  }

  /** Rows as aligned columns (two spaces between), no trailing spaces. */
  static String table(List<List<String>> rows) {
    int columns = rows.stream().mapToInt(List::size).max().orElse(0);
    int[] widths = new int[columns];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).codePointCount(0, row.get(i).length()));
      }
    }
    StringBuilder text = new StringBuilder();
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        String cell = row.get(i);
        line.append(cell);
        if (i < row.size() - 1) {
          line.append(" ".repeat(widths[i] - cell.codePointCount(0, cell.length()) + 2));
        }
      }
      if (text.length() > 0) {
        text.append(System.lineSeparator());
      }
      text.append(line.toString().stripTrailing());
    }
    return text.toString();
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
}
