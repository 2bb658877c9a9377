package dev.homeport.adapter.events.wss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.homeport.adapter.inmemory.InMemorySmartHome;
import dev.homeport.domain.Secret;
import dev.homeport.domain.home.AttributeValue;
import dev.homeport.domain.home.Device;
import dev.homeport.domain.home.DeviceEvent;
import dev.homeport.domain.home.ImmutableEventFilter;
import dev.homeport.domain.home.Location;
import dev.homeport.ports.home.LifecycleEvent;
import dev.homeport.ports.home.SmartHomeGateway;
import dev.homeport.ports.home.SmartHomeSession;
import dev.homeport.simulators.smartthings.SmartThingsSimulator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The "Watch device events" README section (docs-wss.md), verbatim except where the credentials
 * come from: here the simulator's, with its certificate pinned.
 */
class ReadmeWatchEventsExampleTest {

  @Test
  void readmeExample_connectsQueriesAndPrintsAnEvent() throws Exception {
    TestHome testHome = new TestHome();
    InMemorySmartHome backend = testHome.backend;
    List<String> printed = new CopyOnWriteArrayList<>();
    Flow.Subscriber<LifecycleEvent> printer = new Collector<>();

    try (SmartThingsSimulator simulator = SmartThingsSimulator.builder().backend(backend).start()) {
      // --- README: Connect and subscribe (config from the simulator instead of the environment) ---
      SmartThingsConfig config = ImmutableSmartThingsConfig.builder()
          .url(simulator.url())
          .csrfToken(Secret.of(simulator.csrfToken()))
          .cookie(Secret.of(simulator.cookie()))
          .trust(SmartThingsTrust.pinnedSha256(simulator.certificate().sha256Fingerprint()))
          .build();

      Injector injector = Guice.createInjector(new SmartThingsEventsModule(config));
      SmartHomeGateway gateway = injector.getInstance(SmartHomeGateway.class);

      try (SmartHomeSession session = gateway.connect().get(30, TimeUnit.SECONDS)) {
        Location home = session.locations().join().get(0);
        session.devices(home.id()).join();

        session.lifecycle().subscribe(printer);
        session.subscribe(ImmutableEventFilter.builder()
                .locationId(home.id())
                .addCapabilities("powerMeter")
                .build())
            .subscribe(new Flow.Subscriber<DeviceEvent>() {
              Flow.Subscription subscription;
              public void onSubscribe(Flow.Subscription s) { subscription = s; s.request(100); }
              public void onNext(DeviceEvent e) {
                printed.add(String.format("%s %s.%s = %s", e.device().map(Device::name).orElse(e.deviceId().value()),
                    e.capability(), e.attribute(), e.value().map(AttributeValue::plain).orElse(null)));
                subscription.request(1);
              }
              public void onError(Throwable t) { }
              public void onComplete() { }
            });
        // --- end of README ---

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
          testHome.publish(TestHome.event("readme", 9.2));
          return !printed.isEmpty();
        });
      }
    }

    assertThat(printed).containsExactly("Kettle plug powerMeter.power = 9.2");
  }
}
