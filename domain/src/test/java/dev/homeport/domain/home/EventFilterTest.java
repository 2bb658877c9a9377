package dev.homeport.domain.home;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.domain.home.AttributeValue.NumberValue;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventFilterTest {

  private static final LocationId HOME = LocationId.of("home");
  private static final LocationId CABIN = LocationId.of("cabin");
  private static final DeviceId PLUG = DeviceId.of("plug");
  private static final DeviceId LAMP = DeviceId.of("lamp");

  static DeviceEvent event(LocationId location, DeviceId device, String capability, String attribute) {
    return ImmutableDeviceEvent.builder()
        .eventId(EventId.of("e-" + device + "-" + attribute))
        .locationId(location)
        .deviceId(device)
        .componentId("main")
        .capability(capability)
        .attribute(attribute)
        .value(NumberValue.of(9.2))
        .unit("W")
        .stateChange(true)
        .time(Instant.parse("2021-06-09T04:16:03.854Z"))
        .build();
  }

  @Test
  void locationFilter_matchesEveryEventOfThatLocationOnly() {
    EventFilter filter = EventFilter.location(HOME);
    assertThat(filter.matches(event(HOME, PLUG, "powerMeter", "power"))).isTrue();
    assertThat(filter.matches(event(HOME, LAMP, "switch", "switch"))).isTrue();
    assertThat(filter.matches(event(CABIN, PLUG, "powerMeter", "power"))).isFalse();
  }

  @Test
  void deviceFilter_matchesOnlyTheNamedDevices() {
    EventFilter filter = ImmutableEventFilter.builder().locationId(HOME).addDeviceIds(PLUG).build();
    assertThat(filter.matches(event(HOME, PLUG, "switch", "switch"))).isTrue();
    assertThat(filter.matches(event(HOME, LAMP, "switch", "switch"))).isFalse();
    assertThat(filter.matches(event(CABIN, PLUG, "switch", "switch"))).isFalse();
  }

  @Test
  void capabilityFilter_matchesOnlyTheNamedCapabilities() {
    EventFilter filter = ImmutableEventFilter.builder().locationId(HOME).addCapabilities("switch").build();
    assertThat(filter.matches(event(HOME, PLUG, "switch", "switch"))).isTrue();
    assertThat(filter.matches(event(HOME, PLUG, "powerMeter", "power"))).isFalse();
  }

  @Test
  void attributeFilter_matchesOnlyTheNamedAttributes() {
    EventFilter filter = ImmutableEventFilter.builder().locationId(HOME).addAttributes("power", "energy").build();
    assertThat(filter.matches(event(HOME, PLUG, "powerMeter", "power"))).isTrue();
    assertThat(filter.matches(event(HOME, PLUG, "energyMeter", "energy"))).isTrue();
    assertThat(filter.matches(event(HOME, PLUG, "powerMeter", "voltage"))).isFalse();
  }

  @Test
  void combinedFilter_requiresEveryPart() {
    EventFilter filter =
        ImmutableEventFilter.builder()
            .locationId(HOME)
            .addDeviceIds(PLUG)
            .addCapabilities("powerMeter")
            .addAttributes("power")
            .build();
    assertThat(filter.matches(event(HOME, PLUG, "powerMeter", "power"))).isTrue();
    assertThat(filter.matches(event(HOME, LAMP, "powerMeter", "power"))).isFalse();
    assertThat(filter.matches(event(HOME, PLUG, "energyMeter", "power"))).isFalse();
    assertThat(filter.matches(event(HOME, PLUG, "powerMeter", "energy"))).isFalse();
  }
}
