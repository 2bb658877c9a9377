package dev.homeport.domain.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeport.domain.FieldMap;
import dev.homeport.domain.home.AttributeValue.BooleanValue;
import dev.homeport.domain.home.AttributeValue.NumberValue;
import dev.homeport.domain.home.AttributeValue.StructuredValue;
import dev.homeport.domain.home.AttributeValue.TextValue;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HomeValuesTest {

  @Test
  void blankIds_areRefusedNamingTheKindOfId() {
    assertThatThrownBy(() -> LocationId.of(" ")).hasMessage("location id must be a non-blank string, was \" \"");
    assertThatThrownBy(() -> DeviceId.of(null)).hasMessage("device id must be a non-blank string, was null");
    assertThatThrownBy(() -> RoomId.of("")).hasMessageStartingWith("room id must be");
    assertThatThrownBy(() -> UserId.of("")).hasMessageStartingWith("user id must be");
    assertThatThrownBy(() -> EventId.of("")).hasMessageStartingWith("event id must be");
    assertThatThrownBy(() -> SubscriptionId.of("")).hasMessageStartingWith("subscription id must be");
  }

  @Test
  void ids_areValuesWithPlainToString() {
    assertThat(DeviceId.of("d1")).isEqualTo(DeviceId.of("d1")).hasToString("d1");
    assertThat(LocationId.of("l1").value()).isEqualTo("l1");
  }

  @Test
  void attributeValues_exposeTheirPlainForm() {
    assertThat(NumberValue.of(9.2).plain()).isEqualTo(new BigDecimal("9.2"));
    assertThat(new TextValue("on").plain()).isEqualTo("on");
    assertThat(new BooleanValue(true).plain()).isEqualTo(true);
    assertThat(new StructuredValue(Map.of("a", 1)).plain()).isEqualTo(FieldMap.of("a", 1));
    assertThat(new StructuredValue(List.of(1, 2)).plain()).isEqualTo(List.of(1, 2));
  }

  @Test
  void structuredValue_isADeepCopy() {
    List<Object> source = new ArrayList<>(List.of(1));
    StructuredValue value = new StructuredValue(source);
    source.add(2);
    assertThat(value.plain()).isEqualTo(List.of(1));
  }

  @Test
  void structuredValueOfAScalar_isRefused() {
    assertThatThrownBy(() -> new StructuredValue("text"))
        .hasMessage("structured value must be a map or a list, was String");
    assertThatThrownBy(() -> new NumberValue(null)).hasMessage("number is required");
  }

  @Test
  void withDevice_attachesTheDeviceAndKeepsEverythingElse() {
    DeviceEvent event = EventFilterTest.event(LocationId.of("home"), DeviceId.of("plug"), "switch", "switch");
    Device device =
        ImmutableDevice.builder()
            .id(DeviceId.of("plug"))
            .locationId(LocationId.of("home"))
            .name("Plug")
            .otherFields(FieldMap.of("icon", "plug.png"))
            .build();
    DeviceEvent enriched = event.withDevice(device);
    assertThat(enriched.device()).contains(device);
    assertThat(event.device()).isEmpty();
    assertThat(ImmutableDeviceEvent.copyOf(enriched).withDevice(Optional.empty())).isEqualTo(event);
  }

  @Test
  void sessionInfoWithNegativeLength_isRefused() {
    assertThatThrownBy(() -> new SessionInfo(UserId.of("u"), Duration.ofSeconds(-1), false))
        .hasMessageStartingWith("sessionLength must be zero or more");
    assertThatThrownBy(() -> new SessionInfo(null, Duration.ZERO, false)).hasMessage("userId is required");
  }

  @Test
  void otherPushedKinds_requireTheirFields() {
    assertThatThrownBy(() -> new AlertMessage(null)).hasMessage("text is required");
    assertThatThrownBy(() -> new ControlMessage(Optional.empty(), null)).hasMessage("data is required");
    assertThatThrownBy(() -> new SubscriptionStateChange(null, "ok")).hasMessage("subscriptionId is required");
    assertThatThrownBy(() -> new UnknownMessage("n", "p", null)).hasMessage("reason is required");
  }

  @Test
  void builders_nameTheMissingAttributes() {
    assertThatThrownBy(() -> ImmutableDevice.builder().id(DeviceId.of("d")).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("locationId")
        .hasMessageContaining("name");
  }
}
