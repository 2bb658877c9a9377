package dev.homeport.adapter.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.domain.camera.GetSetting;
import dev.homeport.domain.camera.SetSetting;
import dev.homeport.domain.camera.Setting;
import dev.homeport.domain.home.EventFilter;
import dev.homeport.domain.home.ImmutableDeviceEvent;
import dev.homeport.domain.home.ImmutableLocation;
import dev.homeport.domain.home.DeviceEvent;
import dev.homeport.domain.home.DeviceId;
import dev.homeport.domain.home.EventId;
import dev.homeport.domain.home.LocationId;
import dev.homeport.ports.home.SmartHomeSession;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SmokeTest {

  @Test
  void setThenGet_returnsNewValue() {
    InMemoryCamera camera = InMemoryCamera.builder().name("porch").build();
    camera.execute(SetSetting.of(Setting.POWER, false)).join();
    assertThat(camera.execute(GetSetting.of(Setting.POWER)).join()).isFalse();
  }

  @Test
  void publishedEvent_reachesSubscriber() {
    InMemorySmartHome home = InMemorySmartHome.builder().build();
    LocationId loc = LocationId.of("loc");
    home.addLocation(ImmutableLocation.builder().id(loc).name("Home").build());
    SmartHomeSession session = home.connect().join();
    RecordingSubscriber<DeviceEvent> sub = RecordingSubscriber.unbounded();
    session.subscribe(EventFilter.location(loc)).subscribe(sub);
    home.publish(ImmutableDeviceEvent.builder().eventId(EventId.of("e1")).locationId(loc)
        .deviceId(DeviceId.of("d1")).componentId("main").capability("switch").attribute("switch")
        .stateChange(true).time(Instant.EPOCH).build());
    assertThat(sub.items()).hasSize(1);
  }
}
