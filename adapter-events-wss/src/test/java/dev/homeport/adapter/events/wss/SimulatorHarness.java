package dev.homeport.adapter.events.wss;

import dev.homeport.domain.Secret;
import dev.homeport.ports.home.SmartHomeGateway;
import dev.homeport.testkit.smartthings.SmartThingsSimulator;
import java.time.Duration;

/** Test helpers: a simulator with short ping values, and adapter configs aimed at it. */
final class SimulatorHarness {

  private SimulatorHarness() {}

  static SmartThingsSimulator simulator(SmartHomeGateway backend) {
    return SmartThingsSimulator.builder()
        .backend(backend)
        .pingInterval(Duration.ofMillis(300))
        .pingTimeout(Duration.ofMillis(300))
        .start();
  }

  static ImmutableSmartThingsConfig.Builder config(SmartThingsSimulator simulator) {
    return ImmutableSmartThingsConfig.builder()
        .url(simulator.url())
        .origin("https://my.smartthings.com")
        .csrfToken(Secret.of(simulator.csrfToken()))
        .cookie(Secret.of(simulator.cookie()))
        .trust(SmartThingsTrust.pinnedSha256(simulator.certificate().sha256Fingerprint()))
        .connectTimeout(Duration.ofSeconds(5))
        .callTimeout(Duration.ofSeconds(5))
        .backoffMin(Duration.ofMillis(50))
        .backoffMax(Duration.ofMillis(200));
  }
}
