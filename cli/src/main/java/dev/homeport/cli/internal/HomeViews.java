package dev.homeport.cli.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.homeport.domain.home.AttributeValue;
import dev.homeport.domain.home.Device;
import dev.homeport.domain.home.DeviceEvent;
import dev.homeport.domain.home.DeviceState;
import dev.homeport.domain.home.Location;
import dev.homeport.domain.home.Room;
import dev.homeport.domain.home.User;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders smart-home values as {@link Result}s: JSON trees for scripts and aligned text for people. */
public final class HomeViews {

  private HomeViews() {}

  public static Result user(User user) {
    ObjectNode node = JsonViews.NODES.objectNode();
    node.put("id", user.id().value());
    node.put("userName", user.userName());
    user.fullName().ifPresent(value -> node.put("fullName", value));
    user.email().ifPresent(value -> node.put("email", value));
    user.countryCode().ifPresent(value -> node.put("countryCode", value));
    ArrayNode scopes = node.putArray("scopes");
    user.scopes().forEach(scopes::add);
    user.expiresAt().ifPresent(value -> node.put("expiresAt", value.toString()));
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("id", TerminalText.escape(user.id().value())));
    rows.add(List.of("user name", TerminalText.escape(user.userName())));
    user.fullName().ifPresent(value -> rows.add(List.of("name", TerminalText.escape(value))));
    user.email().ifPresent(value -> rows.add(List.of("e-mail", TerminalText.escape(value))));
    user.countryCode().ifPresent(value -> rows.add(List.of("country", TerminalText.escape(value))));
    if (!user.scopes().isEmpty()) {
      rows.add(List.of("scopes", TerminalText.escape(String.join(" ", user.scopes()))));
    }
    user.expiresAt().ifPresent(value -> rows.add(List.of("expires", value.toString())));
    return new Result(node, Result.table(rows));
  }

  public static Result locations(List<Location> locations) {
    ArrayNode array = JsonViews.NODES.arrayNode();
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("LOCATION", "NAME"));
    for (Location location : locations) {
      ObjectNode node = array.addObject();
      node.put("id", location.id().value());
      node.put("name", location.name());
      location.parentType().ifPresent(value -> node.put("parentType", value));
      location.parentId().ifPresent(value -> node.put("parentId", value));
      rows.add(List.of(TerminalText.escape(location.id().value()), TerminalText.escape(location.name())));
    }
    return new Result(array, locations.isEmpty() ? "no locations" : Result.table(rows));
  }

  public static Result rooms(List<Room> rooms) {
    ArrayNode array = JsonViews.NODES.arrayNode();
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
      rows.add(List.of(TerminalText.escape(room.id().value()), TerminalText.escape(room.name())));
    }
    return new Result(array, rooms.isEmpty() ? "no rooms" : Result.table(rows));
  }

  public static Result devices(List<Device> devices, List<Room> rooms) {
    Map<String, String> roomNames =
        rooms.stream().collect(Collectors.toMap(room -> room.id().value(), Room::name, (a, b) -> a));
    ArrayNode array = JsonViews.NODES.arrayNode();
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
        stateNode.set("value", state.value().map(HomeViews::attribute).orElse(JsonViews.NODES.nullNode()));
      }
      String room =
          device.roomId().map(id -> roomNames.getOrDefault(id.value(), id.value())).orElse("-");
      rows.add(
          List.of(
              TerminalText.escape(device.id().value()),
              TerminalText.escape(device.name()),
              TerminalText.escape(room),
              TerminalText.escape(device.type().orElse("-")),
              TerminalText.escape(device.states().stream()
                  .filter(state -> state.value().isPresent())
                  .map(state -> state.attribute() + "=" + text(state.value().get()))
                  .limit(3)
                  .collect(Collectors.joining(" ")))));
    }
    return new Result(array, devices.isEmpty() ? "no devices" : Result.table(rows));
  }

  /**
   * Writes one event as a JSON object (one line of {@code watch --json}) with {@code generator},
   * field by field, building no tree: eventId, locationId, deviceId, deviceName (when known),
   * componentId, capability, attribute, value, unit (null when none), stateChange, time.
   */
  public static void writeEvent(com.fasterxml.jackson.core.JsonGenerator generator, DeviceEvent event)
      throws java.io.IOException {
    generator.writeStartObject();
    generator.writeStringField("eventId", event.eventId().value());
    generator.writeStringField("locationId", event.locationId().value());
    generator.writeStringField("deviceId", event.deviceId().value());
    if (event.device().isPresent()) {
      generator.writeStringField("deviceName", event.device().get().name());
    }
    generator.writeStringField("componentId", event.componentId());
    generator.writeStringField("capability", event.capability());
    generator.writeStringField("attribute", event.attribute());
    generator.writeFieldName("value");
    if (event.value().isEmpty()) {
      generator.writeNull();
    } else if (event.value().get() instanceof AttributeValue.TextValue text) {
      generator.writeString(text.text());
    } else if (event.value().get() instanceof AttributeValue.BooleanValue flag) {
      generator.writeBoolean(flag.value());
    } else {
      // Numbers and structures go through their tree node, which decides how a number is written.
      generator.writeTree(attribute(event.value().get()));
    }
    generator.writeFieldName("unit");
    if (event.unit().isPresent()) {
      generator.writeString(event.unit().get());
    } else {
      generator.writeNull();
    }
    generator.writeBooleanField("stateChange", event.stateChange());
    generator.writeStringField("time", event.time().toString());
    generator.writeEndObject();
  }

  /** One event as a line of text. */
  public static String eventText(DeviceEvent event) {
    String device = TerminalText.escape(event.device().map(Device::name).orElse(event.deviceId().value()));
    String value = event.value().map(HomeViews::text).map(TerminalText::escape).orElse("(none)");
    return event.time().truncatedTo(java.time.temporal.ChronoUnit.MILLIS) + "  " + device + "  "
        + TerminalText.escape(event.componentId() + "/" + event.capability() + "." + event.attribute()) + " = " + value
        + event.unit().map(unit -> " " + TerminalText.escape(unit)).orElse("")
        + (event.stateChange() ? "" : "  (refresh)");
  }

  static JsonNode attribute(AttributeValue value) {
    return JsonViews.plain(value.plain());
  }

  static String text(AttributeValue value) {
    Object plain = value.plain();
    if (plain instanceof BigDecimal number) {
      return number.toPlainString();
    }
    if (plain instanceof String || plain instanceof Boolean) {
      return plain.toString();
    }
    return Output.compact(JsonViews.plain(plain));
  }
}
