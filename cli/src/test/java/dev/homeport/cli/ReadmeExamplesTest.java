package dev.homeport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.name.Names;
import dev.homeport.adapter.inmemory.InMemoryCameraModule;
import dev.homeport.adapter.inmemory.InMemorySmartHome;
import dev.homeport.adapter.inmemory.InMemorySmartHomeModule;
import dev.homeport.domain.camera.GetSetting;
import dev.homeport.domain.camera.GoToPreset;
import dev.homeport.domain.camera.NightVisionMode;
import dev.homeport.domain.camera.Sensitivity;
import dev.homeport.domain.camera.SetSetting;
import dev.homeport.domain.camera.Setting;
import dev.homeport.domain.home.AttributeValue;
import dev.homeport.domain.home.DeviceEvent;
import dev.homeport.domain.home.DeviceId;
import dev.homeport.domain.home.EventFilter;
import dev.homeport.domain.home.EventId;
import dev.homeport.domain.home.ImmutableDeviceEvent;
import dev.homeport.domain.home.ImmutableLocation;
import dev.homeport.domain.home.LocationId;
import dev.homeport.ports.camera.Camera;
import dev.homeport.ports.home.SmartHomeGateway;
import dev.homeport.ports.home.SmartHomeSession;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

/** The README's Java quick start, verbatim where it can be, so the README cannot rot. */
class ReadmeExamplesTest {

  @Test
  void quickStart_wiresAnInMemoryCameraAndSmartHome_andDeliversAnEvent() {
    List<DeviceEvent> received = new CopyOnWriteArrayList<>();
    Flow.Subscriber<DeviceEvent> mySubscriber = new Flow.Subscriber<>() {
      @Override
      public void onSubscribe(Flow.Subscription subscription) {
        subscription.request(Long.MAX_VALUE);
      }

      @Override
      public void onNext(DeviceEvent event) {
        received.add(event);
      }

      @Override
      public void onError(Throwable error) {}

      @Override
      public void onComplete() {}
    };
    DeviceEvent someDeviceEvent = ImmutableDeviceEvent.builder()
        .eventId(EventId.of("e-1"))
        .locationId(LocationId.of("home"))
        .deviceId(DeviceId.of("plug"))
        .componentId("main")
        .capability("powerMeter")
        .attribute("power")
        .value(AttributeValue.NumberValue.of(9.2))
        .unit("W")
        .stateChange(true)
        .time(Instant.parse("2026-11-28T12:00:00Z"))
        .build();

    // --- README: Quick start ---
    Injector injector = Guice.createInjector(
        InMemoryCameraModule.builder().camera("porch").build(),
        InMemorySmartHomeModule.create());

    Camera porch = injector.getInstance(Key.get(Camera.class, Names.named("porch")));
    porch.execute(SetSetting.of(Setting.NIGHT_VISION, NightVisionMode.AUTO)).join();
    porch.execute(new GoToPreset(2)).join();
    Sensitivity sensitivity = porch.execute(GetSetting.of(Setting.MOTION_SENSITIVITY)).join();

    InMemorySmartHome home = injector.getInstance(InMemorySmartHome.class);
    home.addLocation(ImmutableLocation.builder().id(LocationId.of("home")).name("Home").build());
    try (SmartHomeSession session = injector.getInstance(SmartHomeGateway.class).connect().join()) {
      session.subscribe(EventFilter.location(LocationId.of("home")))
          .subscribe(mySubscriber);
      home.publish(someDeviceEvent);
    }
    // --- end of README code ---

    assertThat(porch.execute(GetSetting.of(Setting.NIGHT_VISION)).join()).isEqualTo(NightVisionMode.AUTO);
    assertThat(sensitivity).isNotNull();
    assertThat(received).containsExactly(someDeviceEvent);
  }
}
