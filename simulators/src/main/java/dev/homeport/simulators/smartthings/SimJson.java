package dev.homeport.simulators.smartthings;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.homeport.domain.FieldMap;
import dev.homeport.support.FieldMapJson;
import dev.homeport.domain.home.AlertMessage;
import dev.homeport.domain.home.AttributeValue;
import dev.homeport.domain.home.ControlMessage;
import dev.homeport.domain.home.Device;
import dev.homeport.domain.home.DeviceEvent;
import dev.homeport.domain.home.DeviceState;
import dev.homeport.domain.home.Location;
import dev.homeport.domain.home.PushedMessage;
import dev.homeport.domain.home.Room;
import dev.homeport.domain.home.SubscriptionStateChange;
import dev.homeport.domain.home.UnknownMessage;
import dev.homeport.domain.home.User;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The simulator's JSON: domain values written in the shapes of the protocol notes, as plain maps
 * serialized by Jackson. Independent of the adapter's mapping code on purpose.
 */
final class SimJson {

  static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private SimJson() {}

  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("simulator could not write JSON", e);
    }
  }

  static JsonNode read(String text) throws JsonProcessingException {
    return MAPPER.readTree(text);
  }

  /** A plain value (FieldMap, List, scalars) as something Jackson writes: the support bridge. */
  static Object jsonable(Object plain) {
    return FieldMapJson.toJsonValue(plain);
  }

  private static void putOthers(Map<String, Object> map, FieldMap others) {
    others.asMap().forEach((key, value) -> map.putIfAbsent(key, jsonable(value)));
  }

  static Map<String, Object> user(User user) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("principal", user.userName());
    map.put("user_name", user.userName());
    map.put("uuid", user.id().value());
    user.fullName().ifPresent(v -> map.put("fullName", v));
    user.email().ifPresent(v -> map.put("email", v));
    user.countryCode().ifPresent(v -> map.put("countryCode", v));
    map.put("scope", new ArrayList<>(user.scopes()));
    user.expiresAt().ifPresent(v -> map.put("exp", v.getEpochSecond()));
    putOthers(map, user.otherFields());
    return map;
  }

  static Map<String, Object> location(Location location) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("locationId", location.id().value());
    map.put("name", location.name());
    if (location.parentType().isPresent() || location.parentId().isPresent()) {
      Map<String, Object> parent = new LinkedHashMap<>();
      location.parentType().ifPresent(v -> parent.put("type", v));
      location.parentId().ifPresent(v -> parent.put("id", v));
      map.put("parent", parent);
    }
    putOthers(map, location.otherFields());
    return map;
  }

  static Map<String, Object> room(Room room) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("roomId", room.id().value());
    map.put("locationId", room.locationId().value());
    map.put("name", room.name());
    room.backgroundImage().ifPresent(v -> map.put("backgroundImage", v));
    room.created().ifPresent(v -> map.put("created", v.toString()));
    room.lastModified().ifPresent(v -> map.put("lastModified", v.toString()));
    putOthers(map, room.otherFields());
    return map;
  }

  static Map<String, Object> deviceEntry(Device device) {
    Map<String, Object> basic = new LinkedHashMap<>();
    basic.put("locationId", device.locationId().value());
    basic.put("deviceId", device.id().value());
    device.roomId().ifPresent(v -> basic.put("roomId", v.value()));
    device.componentId().ifPresent(v -> basic.put("componentId", v));
    basic.put("deviceName", device.name());
    device.type().ifPresent(v -> basic.put("deviceTypeData", Map.of("type", v)));
    List<Object> states = new ArrayList<>();
    for (DeviceState state : device.states()) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("capabilityId", state.capability());
      s.put("attributeName", state.attribute());
      s.put("componentId", state.componentId());
      state.value().ifPresent(v -> {
        s.put("value", jsonable(v.plain()));
        s.put("valueType", valueType(v));
      });
      putOthers(s, state.otherFields());
      states.add(s);
    }
    basic.put("states", states);
    putOthers(basic, device.otherFields());
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("type", "DEVICE");
    entry.put("basic", basic);
    return entry;
  }

  static String valueType(AttributeValue value) {
    if (value instanceof AttributeValue.NumberValue) {
      return "number";
    }
    if (value instanceof AttributeValue.BooleanValue) {
      return "boolean";
    }
    if (value instanceof AttributeValue.TextValue) {
      return "string";
    }
    return value.plain() instanceof List ? "array" : "object";
  }

  /**
   * Writes the {@code 42[...]} frame (an EVENT without ack id) that pushes {@code message} to
   * {@code out}, a generator without root value separator; for an unknown message its payload is
   * sent as JSON when it parses, else as a string. A device event is streamed field by field (the
   * firehose path: no map, no string per frame); the other kinds are rare and written from maps.
   */
  static void writePushFrame(JsonGenerator out, PushedMessage message, String subscriptionId) throws IOException {
    out.writeRaw("42");
    out.writeStartArray();
    if (message instanceof DeviceEvent) {
      out.writeString("api/subscription DEVICE_EVENT");
      out.writeStartObject();
      out.writeFieldName("data");
      writeDeviceEventData(out, (DeviceEvent) message);
      out.writeStringField("subscriptionId", subscriptionId);
      out.writeEndObject();
    } else if (message instanceof SubscriptionStateChange) {
      SubscriptionStateChange change = (SubscriptionStateChange) message;
      out.writeString("api/subscription SUBSCRIPTION_STATE");
      Map<String, Object> payload = new LinkedHashMap<>();
      payload.put("state", change.state());
      payload.put("subscriptionId", change.subscriptionId().map(id -> id.value()).orElse(subscriptionId));
      out.writeObject(payload);
    } else if (message instanceof ControlMessage) {
      ControlMessage control = (ControlMessage) message;
      out.writeString("api/subscription CONTROL_EVENT");
      Map<String, Object> payload = new LinkedHashMap<>();
      payload.put("data", control.data());
      payload.put("subscriptionId", control.subscriptionId().map(id -> id.value()).orElse(subscriptionId));
      out.writeObject(payload);
    } else if (message instanceof AlertMessage) {
      out.writeString("api/subscription ALERT");
      out.writeString(((AlertMessage) message).text());
    } else {
      UnknownMessage unknown = (UnknownMessage) message;
      out.writeString(unknown.name().isEmpty() ? "api/subscription UNKNOWN" : unknown.name());
      Object payload;
      try {
        payload = read(unknown.payload());
      } catch (JsonProcessingException e) {
        payload = unknown.payload();
      }
      out.writeObject(payload);
    }
    out.writeEndArray();
  }

  /** The {@code data} object of a device event, in the field order of the protocol notes. */
  private static void writeDeviceEventData(JsonGenerator out, DeviceEvent event) throws IOException {
    out.writeStartObject();
    out.writeStringField("eventType", "DEVICE_EVENT");
    out.writeStringField("eventId", event.eventId().value());
    out.writeStringField("locationId", event.locationId().value());
    out.writeStringField("deviceId", event.deviceId().value());
    out.writeStringField("componentId", event.componentId());
    out.writeStringField("capability", event.capability());
    out.writeStringField("attribute", event.attribute());
    out.writeFieldName("value");
    Optional<AttributeValue> value = event.value();
    if (value.isEmpty()) {
      out.writeNull();
    } else {
      AttributeValue v = value.get();
      if (v instanceof AttributeValue.NumberValue) {
        out.writeNumber(((AttributeValue.NumberValue) v).number());
      } else if (v instanceof AttributeValue.TextValue) {
        out.writeString(((AttributeValue.TextValue) v).text());
      } else if (v instanceof AttributeValue.BooleanValue) {
        out.writeBoolean(((AttributeValue.BooleanValue) v).value());
      } else {
        out.writeObject(jsonable(v.plain()));
      }
      out.writeStringField("valueType", valueType(v));
    }
    if (event.unit().isPresent()) {
      out.writeStringField("unit", event.unit().get());
    }
    out.writeBooleanField("stateChange", event.stateChange());
    out.writeStringField("time", event.time().toString());
    out.writeEndObject();
  }

  /** A Feathers error object. */
  static Map<String, Object> error(String name, int code, String message) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("name", name);
    error.put("message", message);
    error.put("code", code);
    error.put("className", className(name));
    error.put("data", Map.of());
    error.put("errors", Map.of());
    return error;
  }

  private static String className(String name) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isUpperCase(c) && i > 0) {
        out.append('-');
      }
      out.append(Character.toLowerCase(c));
    }
    return out.toString();
  }
}
