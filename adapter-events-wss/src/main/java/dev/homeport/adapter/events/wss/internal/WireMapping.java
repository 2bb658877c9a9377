package dev.homeport.adapter.events.wss.internal;

import dev.homeport.support.FieldMapJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.homeport.domain.FieldMap;
import dev.homeport.domain.home.AttributeValue;
import dev.homeport.domain.home.Device;
import dev.homeport.domain.home.DeviceEvent;
import dev.homeport.domain.home.DeviceId;
import dev.homeport.domain.home.DeviceState;
import dev.homeport.domain.home.EventId;
import dev.homeport.domain.home.ImmutableDevice;
import dev.homeport.domain.home.ImmutableDeviceEvent;
import dev.homeport.domain.home.ImmutableDeviceState;
import dev.homeport.domain.home.ImmutableLocation;
import dev.homeport.domain.home.ImmutableRoom;
import dev.homeport.domain.home.ImmutableUser;
import dev.homeport.domain.home.Location;
import dev.homeport.domain.home.LocationId;
import dev.homeport.domain.home.Room;
import dev.homeport.domain.home.RoomId;
import dev.homeport.domain.home.SessionInfo;
import dev.homeport.domain.home.SubscriptionId;
import dev.homeport.domain.home.User;
import dev.homeport.domain.home.UserId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the service's JSON answers and pushed payloads into domain values. Every failure is a
 * {@link MalformedFrameException} naming the field. Numbers anywhere, also in fields passed through
 * ({@code otherFields}, structured values, the device list version), are held to the bounds of
 * {@link #bounded}; instants to years 1..9999. In a device list a device entry that fails is
 * skipped and reported ({@link DeviceList#skipped}), the others are kept; only when every entry
 * fails is the list refused. Stateless and thread-safe.
 */
public final class WireMapping {

  /**
   * The most digits a number may have, and the largest exponent (either sign) of its leading digit.
   * Real values have a handful; a server sending {@code 1e999999999} or a 400-digit integer is
   * refused, since printing either in plain notation would write a line of up to a gigabyte.
   */
  static final int MAX_NUMBER_DIGITS = 100;

  /** The earliest instant accepted in a payload (year 1). */
  static final Instant MIN_INSTANT = Instant.parse("0001-01-01T00:00:00Z");

  /** The latest instant accepted in a payload (end of year 9999, what ISO-8601 text can say plainly). */
  static final Instant MAX_INSTANT = Instant.parse("9999-12-31T23:59:59.999999999Z");

  private WireMapping() {}

  // ---- plain values ----

  /** A JSON tree as a plain value: the support library's one bridge ({@link FieldMapJson#toPlain}). */
  public static Object plain(JsonNode node) {
    return FieldMapJson.toPlain(node);
  }

  /**
   * The fields of {@code object} other than {@code known}, as a FieldMap, once every number in them
   * is within bounds ({@code what} names the object in the error).
   */
  static FieldMap otherFields(JsonNode object, Set<String> known, String what) {
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      if (!known.contains(field.getKey())) {
        requireBoundedNumbers(field.getValue(), what + " field " + field.getKey());
      }
    }
    return FieldMapJson.toFieldMap(object, known);
  }

  /**
   * Refuses a tree holding a number out of {@link #bounded}'s range; {@code field} names the tree,
   * extended by the path inside it. Numbers of up to 18 digits ({@code int}, {@code long}) are
   * always in range and are not looked at. The path is spelled out only for the number refused.
   */
  static void requireBoundedNumbers(JsonNode node, String field) {
    OutOfRange refused = outOfRange(node);
    if (refused != null) {
      bounded(refused.number(), field + refused.path());
    }
  }

  /** The first number out of range in a tree and its path from the tree's root, or null. */
  private record OutOfRange(String path, BigDecimal number) {}

  private static OutOfRange outOfRange(JsonNode node) {
    if (node.isBigDecimal() || node.isBigInteger()) {
      BigDecimal number = node.decimalValue();
      return inRange(number) ? null : new OutOfRange("", number);
    }
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> child : node.properties()) {
        OutOfRange refused = outOfRange(child.getValue());
        if (refused != null) {
          return new OutOfRange("." + child.getKey() + refused.path(), refused.number());
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        OutOfRange refused = outOfRange(node.get(i));
        if (refused != null) {
          return new OutOfRange("[" + i + "]" + refused.path(), refused.number());
        }
      }
    }
    return null;
  }

  // ---- answers ----

  public static SessionInfo sessionInfo(JsonNode result) {
    requireObject(result, "authentication result");
    JsonNode length = result.path("sessionLength");
    long seconds = 0;
    if (length.isNumber()) {
      if (!length.isIntegralNumber() || !length.canConvertToLong() || length.asLong() < 0) {
        throw new MalformedFrameException(
            "authentication result field sessionLength must be whole seconds 0.." + Long.MAX_VALUE);
      }
      seconds = length.asLong();
    }
    return new SessionInfo(
        UserId.of(requiredText(result, "userId", "authentication result")),
        Duration.ofSeconds(seconds),
        result.path("stayLoggedIn").asBoolean(false));
  }

  public static User user(JsonNode result) {
    requireObject(result, "user");
    String id = optionalText(result, "uuid").orElseGet(() -> requiredText(result, "principal", "user"));
    String userName =
        optionalText(result, "user_name").orElseGet(() -> optionalText(result, "principal").orElse(id));
    ImmutableUser.Builder builder =
        ImmutableUser.builder()
            .id(UserId.of(id))
            .userName(userName)
            .fullName(optionalText(result, "fullName"))
            .email(optionalText(result, "email"))
            .countryCode(optionalText(result, "countryCode"));
    JsonNode scope = result.get("scope");
    if (scope != null && scope.isArray()) {
      scope.forEach(s -> builder.addScopes(s.asText()));
    } else if (scope != null && scope.isTextual()) {
      for (String s : scope.asText().trim().split("\\s+")) {
        if (!s.isEmpty()) {
          builder.addScopes(s);
        }
      }
    }
    JsonNode exp = result.get("exp");
    if (exp != null && exp.isNumber()) {
      long seconds = exp.isIntegralNumber() && exp.canConvertToLong() ? exp.asLong() : Long.MAX_VALUE;
      if (seconds < MIN_INSTANT.getEpochSecond() || seconds > MAX_INSTANT.getEpochSecond()) {
        throw new MalformedFrameException("user field exp is out of range: whole epoch seconds within years 1..9999 are accepted");
      }
      builder.expiresAt(Instant.ofEpochSecond(seconds));
    }
    return builder
        .otherFields(otherFields(result, Set.of("uuid", "principal", "user_name", "fullName", "email", "countryCode", "scope", "exp"), "user"))
        .build();
  }

  public static List<Location> locations(JsonNode result) {
    List<Location> locations = new ArrayList<>();
    for (JsonNode item : list(result, "locations")) {
      requireObject(item, "location");
      JsonNode parent = item.path("parent");
      locations.add(
          ImmutableLocation.builder()
              .id(LocationId.of(requiredText(item, "locationId", "location")))
              .name(optionalText(item, "name").orElse(""))
              .parentType(optionalText(parent, "type"))
              .parentId(optionalText(parent, "id"))
              .otherFields(otherFields(item, Set.of("locationId", "name", "parent"), "location"))
              .build());
    }
    return locations;
  }

  public static List<Room> rooms(JsonNode result) {
    List<Room> rooms = new ArrayList<>();
    for (JsonNode item : list(result, "rooms")) {
      requireObject(item, "room");
      rooms.add(
          ImmutableRoom.builder()
              .id(RoomId.of(requiredText(item, "roomId", "room")))
              .locationId(LocationId.of(requiredText(item, "locationId", "room")))
              .name(optionalText(item, "name").orElse(""))
              .backgroundImage(optionalText(item, "backgroundImage"))
              .created(optionalInstant(item, "created", "room"))
              .lastModified(optionalInstant(item, "lastModified", "room"))
              .otherFields(otherFields(item, Set.of("roomId", "locationId", "name", "backgroundImage", "created", "lastModified"), "room"))
              .build());
    }
    return rooms;
  }

  /**
   * The device list answer: the devices, the list's etag and version, and one line per device
   * entry that was skipped (its index, its deviceId when readable, and the field that failed).
   */
  public record DeviceList(List<Device> devices, Optional<String> etag, Optional<Object> version, List<String> skipped) {
    public DeviceList {
      devices = List.copyOf(devices);
      skipped = List.copyOf(skipped);
    }
  }

  /**
   * The device list; an entry that cannot be mapped (a missing id, a number or instant out of
   * range) is skipped and named in {@link DeviceList#skipped}, so one odd device does not cost the
   * others.
   *
   * @throws MalformedFrameException when the answer is not a list, its version is out of range, or
   *     every entry was skipped (naming the first)
   */
  public static DeviceList devices(JsonNode result) {
    List<Device> devices = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    int index = 0;
    for (JsonNode entry : list(result, "devices")) {
      try {
        devices.add(device(entry));
      } catch (MalformedFrameException e) {
        skipped.add("device entry " + index + deviceIdOf(entry) + " skipped: " + e.getMessage());
      }
      index++;
    }
    if (devices.isEmpty() && !skipped.isEmpty()) {
      throw new MalformedFrameException("devices answer has no usable entry: " + skipped.get(0)
          + (skipped.size() > 1 ? " (and " + (skipped.size() - 1) + " more)" : ""));
    }
    Optional<String> etag = result.isObject() ? optionalText(result, "etag") : Optional.empty();
    Optional<Object> version = Optional.empty();
    if (result.isObject() && result.has("version")) {
      requireBoundedNumbers(result.get("version"), "devices answer field version");
      version = Optional.ofNullable(plain(result.get("version")));
    }
    return new DeviceList(devices, etag, version, skipped);
  }

  private static Device device(JsonNode entry) {
    requireObject(entry, "device entry");
    JsonNode basic = entry.has("basic") ? entry.get("basic") : entry;
    requireObject(basic, "device");
    ImmutableDevice.Builder builder =
        ImmutableDevice.builder()
            .id(DeviceId.of(requiredText(basic, "deviceId", "device")))
            .locationId(LocationId.of(requiredText(basic, "locationId", "device")))
            .roomId(optionalText(basic, "roomId").map(RoomId::of))
            .componentId(optionalText(basic, "componentId"))
            .name(optionalText(basic, "deviceName").or(() -> optionalText(basic, "label")).orElse(""))
            .type(optionalText(basic.path("deviceTypeData"), "type").or(() -> optionalText(entry, "type")));
    JsonNode states = basic.get("states");
    if (states != null && states.isArray()) {
      for (JsonNode state : states) {
        builder.addStates(state(state));
      }
    }
    // deviceTypeData carrying only the type is fully represented by Device.type().
    JsonNode typeData = basic.path("deviceTypeData");
    Set<String> known =
        typeData.isObject() && typeData.size() == 1 && typeData.has("type")
            ? Set.of("deviceId", "locationId", "roomId", "componentId", "deviceName", "states", "deviceTypeData")
            : Set.of("deviceId", "locationId", "roomId", "componentId", "deviceName", "states");
    return builder.otherFields(otherFields(basic, known, "device")).build();
  }

  /** {@code " (deviceId \"x\")"} for an entry whose id is a short string, else empty. */
  private static String deviceIdOf(JsonNode entry) {
    JsonNode id = entry.path("basic").isObject() ? entry.path("basic").path("deviceId") : entry.path("deviceId");
    return id.isTextual() && id.textValue().length() <= 64 ? " (deviceId " + Json.write(id) + ")" : "";
  }

  private static DeviceState state(JsonNode state) {
    requireObject(state, "device state");
    return ImmutableDeviceState.builder()
        .componentId(optionalText(state, "componentId").orElse("main"))
        .capability(requiredText(state, "capabilityId", "device state"))
        .attribute(requiredText(state, "attributeName", "device state"))
        .value(value(state.get("value"), optionalText(state, "valueType"), "device state"))
        .otherFields(otherFields(state, Set.of("componentId", "capabilityId", "attributeName", "value", "valueType"), "device state"))
        .build();
  }

  public static Optional<SubscriptionId> subscriptionId(JsonNode result) {
    if (result == null || !result.isObject()) {
      return Optional.empty();
    }
    return subscriptionId(result::get);
  }

  /** The subscription id among an object's {@code fields} ({@code subscriptionId}, else {@code id}). */
  static Optional<SubscriptionId> subscriptionId(Fields fields) {
    return optionalText(fields, "subscriptionId").or(() -> optionalText(fields, "id")).map(SubscriptionId::of);
  }

  // ---- pushed device event ----

  /** The {@code data} object of a pushed device event. */
  public static DeviceEvent deviceEvent(JsonNode data, Optional<SubscriptionId> subscriptionId) {
    requireObject(data, "device event");
    return deviceEvent(data::get, subscriptionId);
  }

  /**
   * The device event whose {@code data} object has these {@code fields}: the tree's own, or the few
   * a streaming read kept ({@link DeviceEventFrame}), so both are mapped and bounded alike.
   */
  static DeviceEvent deviceEvent(Fields data, Optional<SubscriptionId> subscriptionId) {
    JsonNode stateChange = data.get("stateChange");
    return ImmutableDeviceEvent.builder()
        .eventId(EventId.of(requiredText(data, "eventId", "device event")))
        .locationId(LocationId.of(requiredText(data, "locationId", "device event")))
        .deviceId(DeviceId.of(requiredText(data, "deviceId", "device event")))
        .componentId(optionalText(data, "componentId").orElse("main"))
        .capability(requiredText(data, "capability", "device event"))
        .attribute(requiredText(data, "attribute", "device event"))
        .value(value(data.get("value"), optionalText(data, "valueType"), "device event"))
        .unit(optionalText(data, "unit"))
        .stateChange(stateChange == null || stateChange.asBoolean(true))
        .time(optionalInstant(data, "time", "device event")
            .orElseThrow(() -> new MalformedFrameException("device event lacks field time")))
        .subscriptionId(subscriptionId)
        .build();
  }

  /** A typed value; {@code valueType} wins over the JSON type when both are known and agree. */
  static Optional<AttributeValue> value(JsonNode value, Optional<String> valueType, String what) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return Optional.empty();
    }
    String type = valueType.orElse("");
    try {
      if (value.isNumber() || ("number".equals(type) || "integer".equals(type)) && value.isTextual()) {
        BigDecimal number = value.isNumber() ? value.decimalValue() : new BigDecimal(value.asText().trim());
        if (value.isIntegralNumber()) {
          number = new BigDecimal(value.bigIntegerValue());
        }
        // In range checked first: the field name is spelled out only for a number refused.
        return Optional.of(new AttributeValue.NumberValue(inRange(number) ? number : bounded(number, what + " field value")));
      }
    } catch (NumberFormatException e) {
      throw new MalformedFrameException(what + " field value is not a number although valueType is " + type);
    }
    if (value.isBoolean()) {
      return Optional.of(new AttributeValue.BooleanValue(value.booleanValue()));
    }
    if (value.isTextual()) {
      if ("boolean".equals(type) && ("true".equals(value.asText()) || "false".equals(value.asText()))) {
        return Optional.of(new AttributeValue.BooleanValue(Boolean.parseBoolean(value.asText())));
      }
      return Optional.of(new AttributeValue.TextValue(value.asText()));
    }
    if (value.isObject() || value.isArray()) {
      requireBoundedNumbers(value, what + " field value");
      return Optional.of(new AttributeValue.StructuredValue(plain(value)));
    }
    throw new MalformedFrameException(what + " field value has an unsupported JSON type " + value.getNodeType());
  }

  // ---- helpers ----

  /** An object's fields by name, null for one it lacks: a tree's ({@code object::get}) or a streaming read's. */
  @FunctionalInterface
  interface Fields {
    JsonNode get(String name);
  }

  /**
   * {@code number} if it has at most {@link #MAX_NUMBER_DIGITS} digits and its leading digit's
   * exponent is within that many either way; only precision and scale are read, so this is quick
   * whatever the number.
   */
  static BigDecimal bounded(BigDecimal number, String field) {
    if (!inRange(number)) {
      long exponent = (long) number.precision() - number.scale() - 1;
      throw new MalformedFrameException(
          field + " is out of range: at most " + MAX_NUMBER_DIGITS + " digits and a magnitude of 1e-"
              + MAX_NUMBER_DIGITS + "..1e" + MAX_NUMBER_DIGITS + " are accepted (it has " + number.precision()
              + " digits, magnitude 1e" + exponent + ")");
    }
    return number;
  }

  private static boolean inRange(BigDecimal number) {
    long exponent = (long) number.precision() - number.scale() - 1;
    return number.precision() <= MAX_NUMBER_DIGITS && Math.abs(exponent) <= MAX_NUMBER_DIGITS;
  }

  private static Iterable<JsonNode> list(JsonNode result, String what) {
    if (result != null && result.isArray()) {
      return result;
    }
    if (result != null && result.isObject() && result.path("data").isArray()) {
      return result.get("data");
    }
    throw new MalformedFrameException(what + " answer must be an array or an object with a data array");
  }

  static void requireObject(JsonNode node, String what) {
    if (node == null || !node.isObject()) {
      throw new MalformedFrameException(what + " must be a JSON object");
    }
  }

  static String requiredText(JsonNode node, String field, String what) {
    return requiredText(node::get, field, what);
  }

  static String requiredText(Fields fields, String field, String what) {
    JsonNode value = fields.get(field);
    if (value == null || !(value.isTextual() || value.isNumber()) || value.asText().isBlank()) {
      throw new MalformedFrameException(what + " lacks field " + field + " (a non-blank string)");
    }
    if (value.isBigDecimal() || value.isBigInteger()) {
      bounded(value.decimalValue(), what + " field " + field);
    }
    return value.asText();
  }

  static Optional<String> optionalText(JsonNode node, String field) {
    return node == null ? Optional.empty() : optionalText(node::get, field);
  }

  static Optional<String> optionalText(Fields fields, String field) {
    JsonNode value = fields.get(field);
    if (value == null || value.isNull() || !value.isValueNode()) {
      return Optional.empty();
    }
    return Optional.of(value.asText());
  }

  static Optional<Instant> optionalInstant(JsonNode node, String field, String what) {
    return optionalInstant(node::get, field, what);
  }

  static Optional<Instant> optionalInstant(Fields fields, String field, String what) {
    JsonNode value = fields.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    Instant instant = null;
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      instant = Instant.ofEpochMilli(value.asLong());
    } else if (value.isTextual() && value.asText().length() <= 64) {
      try {
        instant = IsoInstants.parse(value.asText());
      } catch (DateTimeParseException e) {
        instant = null;
      }
    }
    if (instant != null && !instant.isBefore(MIN_INSTANT) && !instant.isAfter(MAX_INSTANT)) {
      return Optional.of(instant);
    }
    if (instant != null || value.isIntegralNumber()) {
      throw new MalformedFrameException(what + " field " + field + " is out of range: an instant within years 1..9999 is accepted");
    }
    throw new MalformedFrameException(what + " field " + field + " must be an ISO-8601 instant or epoch ms");
  }

  /** A fresh JSON object (for request parameters). */
  static ObjectNode object() {
    return Json.NODES.objectNode();
  }
}
