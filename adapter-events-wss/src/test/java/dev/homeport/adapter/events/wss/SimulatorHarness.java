package dev.homeport.adapter.events.wss;

import dev.homeport.domain.Secret;
import dev.homeport.ports.home.SmartHomeGateway;
import dev.homeport.simulators.smartthings.SmartThingsSimulator;
import java.time.Duration;

/** Test helpers: a simulator with short ping values, and adapter configs aimed at it. */
final class SimulatorHarness {

  private SimulatorHarness() {}

  /**
   * A simulator that expects a ping every 300 ms and allows 3 s for answers, so a loaded build
   * machine does not cause spurious reconnects; the half-open test uses 300 ms / 300 ms.
   */
  static SmartThingsSimulator simulator(SmartHomeGateway backend) {
    return simulator(backend, Duration.ofMillis(300), Duration.ofMillis(3000));
  }

  static SmartThingsSimulator simulator(SmartHomeGateway backend, Duration pingInterval, Duration pingTimeout) {
    return SmartThingsSimulator.builder()
        .backend(backend)
        .pingInterval(pingInterval)
        .pingTimeout(pingTimeout)
        .start();
  }

  static ImmutableSmartThingsConfig config(SmartThingsSimulator simulator) {
    return ImmutableSmartThingsConfig.builder()
        .url(simulator.url())
        .origin("https://my.smartthings.com")
        .csrfToken(Secret.of(simulator.csrfToken()))
        .cookie(Secret.of(simulator.cookie()))
        .trust(SmartThingsTrust.pinnedSha256(simulator.certificate().sha256Fingerprint()))
        .connectTimeout(Duration.ofSeconds(5))
        .callTimeout(Duration.ofSeconds(5))
        .backoffMin(Duration.ofMillis(50))
        .backoffMax(Duration.ofMillis(200))
        .build();
  }
}
