package dev.homeport.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.homeport.domain.FieldMap;
import dev.homeport.domain.home.AttributeValue;
import dev.homeport.domain.home.DeviceEvent;
import dev.homeport.domain.home.DeviceId;
import dev.homeport.domain.home.EventId;
import dev.homeport.domain.home.ImmutableDevice;
import dev.homeport.domain.home.ImmutableDeviceEvent;
import dev.homeport.domain.home.LocationId;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code watch --json} streams each event with a generator; these are the bytes the tree of each
 * event used to give through {@link Output#compact} (the tree below is that former view, kept here
 * as the reference), for events whose text needs escaping and for every kind of value.
 */
class WatchJsonLineTest {

  private static final String TRICKY = "a\u009b[2Jb\u001b]0;title\u0007c\u202ed\u2066e\u2028f\u007fg\"h\\i\tj\nk\u00e9l\ud83d\ude00m";

  @Test
  void streamedLines_areTheBytesOfTheEventTrees() {
    List<DeviceEvent> events = new ArrayList<>();
    List<Optional<AttributeValue>> values = List.of(
        Optional.of(AttributeValue.NumberValue.of(3.5)),
        Optional.of(new AttributeValue.NumberValue(new BigDecimal("3.50"))),
        Optional.of(new AttributeValue.NumberValue(new BigDecimal("1E+3"))),
        Optional.of(new AttributeValue.NumberValue(new BigDecimal("0.000"))),
        Optional.of(new AttributeValue.NumberValue(new BigDecimal("-12345678901234567890.000000000001"))),
        Optional.of(new AttributeValue.NumberValue(new BigDecimal(BigInteger.TEN.pow(40)))),
        Optional.of(new AttributeValue.TextValue(TRICKY)),
        Optional.of(new AttributeValue.TextValue("")),
        Optional.of(new AttributeValue.BooleanValue(true)),
        Optional.of(new AttributeValue.BooleanValue(false)),
        Optional.of(new AttributeValue.StructuredValue(FieldMap.of("hue", new BigDecimal("12.50"), "name" + TRICKY, List.of(TRICKY, true, 1L)))),
        Optional.of(new AttributeValue.StructuredValue(List.of())),
        Optional.empty());
    int n = 0;
    for (Optional<AttributeValue> value : values) {
      for (boolean tricky : new boolean[] {false, true}) {
        ImmutableDeviceEvent.Builder event = ImmutableDeviceEvent.builder()
            .eventId(EventId.of(tricky ? "ev-" + TRICKY : "ev-" + n++))
            .locationId(LocationId.of(tricky ? "loc" + TRICKY : "loc"))
            .deviceId(DeviceId.of(tricky ? "dev" + TRICKY : "dev"))
            .componentId(tricky ? "main" + TRICKY : "main")
            .capability(tricky ? "cap" + TRICKY : "switch")
            .attribute(tricky ? "att" + TRICKY : "switch")
            .value(value)
            .stateChange(tricky)
            .time(Instant.parse(tricky ? "2021-06-09T04:16:03Z" : "2021-06-09T04:16:03.854123Z"));
        if (tricky) {
          event.unit("\u00b0C" + TRICKY).device(ImmutableDevice.builder()
              .id(DeviceId.of("dev")).locationId(LocationId.of("loc")).name("Lamp" + TRICKY).build());
        }
        events.add(event.build());
      }
    }

    StringWriter streamed = new StringWriter();
    Output output = new Output(new PrintWriter(streamed), new PrintWriter(new StringWriter()), true, false);
    StringBuilder expected = new StringBuilder();
    for (DeviceEvent event : events) {
      output.jsonLineInBurst(generator -> HomeViews.writeEvent(generator, event));
      expected.append(Output.compact(tree(event))).append(System.lineSeparator());
    }
    // A line written another way in between keeps its place.
    output.lineInBurst("between");
    expected.append("between").append(System.lineSeparator());
    output.jsonLineInBurst(generator -> HomeViews.writeEvent(generator, events.get(1)));
    expected.append(Output.compact(tree(events.get(1)))).append(System.lineSeparator());
    output.endBurst();

    assertThat(streamed.toString()).isEqualTo(expected.toString());
    assertThat(streamed.toString()).doesNotContain("\u009b", "\u001b", "\u202e", "\u2066", "\u2028", "\u007f")
        .contains("\\u009b", "\\u202e", "\\u007F", "\ud83d\ude00");
  }

  /** The tree {@code watch --json} printed per event before it streamed (the former HomeViews.event). */
  private static ObjectNode tree(DeviceEvent event) {
    ObjectNode node = JsonViews.NODES.objectNode();
    node.put("eventId", event.eventId().value());
    node.put("locationId", event.locationId().value());
    node.put("deviceId", event.deviceId().value());
    event.device().ifPresent(device -> node.put("deviceName", device.name()));
    node.put("componentId", event.componentId());
    node.put("capability", event.capability());
    node.put("attribute", event.attribute());
    node.set("value", event.value().map(HomeViews::attribute).orElse(JsonViews.NODES.nullNode()));
    node.set("unit", event.unit().<JsonNode>map(JsonViews.NODES::textNode).orElse(JsonViews.NODES.nullNode()));
    node.put("stateChange", event.stateChange());
    node.put("time", event.time().toString());
    return node;
  }
}
