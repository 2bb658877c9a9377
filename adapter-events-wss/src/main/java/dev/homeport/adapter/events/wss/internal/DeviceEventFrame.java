package dev.homeport.adapter.events.wss.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.homeport.domain.home.DeviceEvent;
import java.io.IOException;

/**
 * Reads the common frame, a pushed device event ({@code 42["name",{"data":{...},"subscriptionId":..}]}),
 * token by token straight into a {@link DeviceEvent}, without the Jackson tree of the whole frame
 * (which was most of the garbage per event). The fields are mapped by the same {@link
 * WireMapping#deviceEvent(WireMapping.Fields, java.util.Optional)} as the tree's, so bounds and
 * results are the same.
 *
 * <p>It only ever answers for a frame it understands completely: anything else (another packet,
 * a namespace or ack id, a third argument, a repeated field it reads, a field of an unexpected
 * type, a value that does not map, invalid JSON, trailing text, a frame over {@link
 * #MAX_LENGTH}) gives {@code null}, and the caller decodes the frame the tree way, which gives
 * the result or the error. So every error a peer can cause is the tree path's, word for word.
 * Stateless and thread-safe.
 */
public final class DeviceEventFrame {

  /**
   * Longer frames go the tree way. Device events are well under 1 KB; the cap keeps every string
   * of a frame read here far below Jackson's string-length limit, which the tree path applies to
   * strings this reader skips without building them.
   */
  static final int MAX_LENGTH = 16 * 1024;

  /** Engine.IO message, Socket.IO event of the default namespace with no ack id, an array. */
  private static final String PREFIX = "42[";

  /** The fields of {@code data} that the mapping reads; any other field is skipped unread. */
  private static final String[] DATA_FIELDS = {
    "eventType", "eventId", "locationId", "deviceId", "componentId", "capability", "attribute",
    "value", "valueType", "unit", "stateChange", "time"
  };

  private static final int VALUE = 7;

  /** The adapter's mapper for one value inside the frame (the rest of the frame follows it). */
  private static final ObjectReader VALUE_READER =
      Json.MAPPER.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private DeviceEventFrame() {}

  /**
   * The device event the Engine.IO text {@code frame} carries, or null when it must be decoded the
   * tree way. Never throws.
   */
  public static DeviceEvent read(String frame) {
    if (frame.length() > MAX_LENGTH || !frame.startsWith(PREFIX)) {
      return null;
    }
    try (JsonParser parser = Json.parser(frame, PREFIX.length() - 1)) {
      return read(parser);
    } catch (IOException | RuntimeException e) {
      return null; // the tree path reads it again and says what is wrong
    }
  }

  private static DeviceEvent read(JsonParser parser) throws IOException {
    if (parser.nextToken() != JsonToken.START_ARRAY
        || parser.nextToken() != JsonToken.VALUE_STRING
        || parser.nextToken() != JsonToken.START_OBJECT) {
      return null;
    }
    Fields payload = new Fields(new String[] {"subscriptionId", "id"});
    Fields data = null;
    for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if ("data".equals(name)) {
        if (data != null || value != JsonToken.START_OBJECT) {
          return null;
        }
        data = readData(parser);
        if (data == null) {
          return null;
        }
      } else if (!payload.read(name, parser, value, false)) {
        return null;
      }
    }
    // The whole frame must be the one event: a third argument or trailing text goes the tree way.
    if (data == null || parser.nextToken() != JsonToken.END_ARRAY || parser.nextToken() != null) {
      return null;
    }
    if (!looksLikeDeviceEvent(data)) {
      return null;
    }
    return WireMapping.deviceEvent(data, WireMapping.subscriptionId(payload));
  }

  private static Fields readData(JsonParser parser) throws IOException {
    Fields data = new Fields(DATA_FIELDS);
    for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if (!data.read(name, parser, value, true)) {
        return null;
      }
    }
    return data;
  }

  /** As {@link PayloadClassifier} decides, on the fields kept. */
  private static boolean looksLikeDeviceEvent(Fields data) {
    JsonNode type = data.get("eventType");
    if (type != null) {
      return "DEVICE_EVENT".equals(type.asText());
    }
    return data.get("deviceId") != null && data.get("capability") != null && data.get("attribute") != null;
  }

  /** The fields of one object that are read, as the tree would hold them; the others skipped. */
  private static final class Fields implements WireMapping.Fields {
    private final String[] names;
    private final JsonNode[] values;

    Fields(String[] names) {
      this.names = names;
      this.values = new JsonNode[names.length];
    }

    @Override
    public JsonNode get(String name) {
      int index = indexOf(name);
      return index < 0 ? null : values[index];
    }

    /**
     * Keeps the value the parser is at ({@code token}) if {@code name} is read, else skips it.
     *
     * @return false when the frame must go the tree way (a repeated field, or a structured value
     *     other than the event's {@code value} when {@code structuredValue})
     */
    boolean read(String name, JsonParser parser, JsonToken token, boolean structuredValue) throws IOException {
      int index = indexOf(name);
      if (index < 0) {
        parser.skipChildren();
        return true;
      }
      if (values[index] != null) {
        return false;
      }
      JsonNode node = scalar(parser, token);
      if (node == null && structuredValue && index == VALUE && (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY)) {
        node = VALUE_READER.readTree(parser); // a colour and the like: the tree of this value alone
      }
      values[index] = node;
      return node != null;
    }

    private int indexOf(String name) {
      for (int i = 0; i < names.length; i++) {
        if (names[i].equals(name)) {
          return i;
        }
      }
      return -1;
    }
  }

  /** The node the tree would hold for a scalar token (the mapper's exact decimals), or null. */
  private static JsonNode scalar(JsonParser parser, JsonToken token) throws IOException {
    switch (token) {
      case VALUE_STRING:
        return TextNode.valueOf(parser.getText());
      case VALUE_NUMBER_INT:
        switch (parser.getNumberType()) {
          case INT:
            return IntNode.valueOf(parser.getIntValue());
          case LONG:
            return LongNode.valueOf(parser.getLongValue());
          default:
            return BigIntegerNode.valueOf(parser.getBigIntegerValue());
        }
      case VALUE_NUMBER_FLOAT:
        return DecimalNode.valueOf(parser.getDecimalValue());
      case VALUE_TRUE:
        return BooleanNode.TRUE;
      case VALUE_FALSE:
        return BooleanNode.FALSE;
      case VALUE_NULL:
        return NullNode.getInstance();
      default:
        return null;
    }
  }
}
