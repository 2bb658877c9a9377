package dev.homeport.adapter.events.wss;

import dev.homeport.adapter.inmemory.InMemorySmartHome;
import dev.homeport.domain.Secret;
import dev.homeport.ports.home.SmartHomeGateway;
import dev.homeport.testkit.SmartHomeContract;
import dev.homeport.testkit.SmartHomeFixture;
import dev.homeport.simulators.smartthings.SmartThingsSimulator;
import java.time.Duration;

/**
 * The SmartThings adapter passes the whole smart-home contract: the contract's account lives in an
 * {@link InMemorySmartHome}, served by a {@link SmartThingsSimulator} over real TLS on loopback, and
 * the real adapter talks to it over WSS (Engine.IO 3 / Socket.IO, Feathers calls).
 */
class SmartThingsContractTest extends SmartHomeContract {

  @Override
  protected SmartHomeFixture createFixture() {
    InMemorySmartHome backend = InMemorySmartHome.builder().build();
    SmartThingsSimulator simulator =
        SmartThingsSimulator.builder()
            .backend(backend)
            .pingInterval(Duration.ofMillis(300))
            .pingTimeout(Duration.ofMillis(3000))
            .start();
    SmartHomeGateway gateway =
        SmartThingsGateway.create(
            ImmutableSmartThingsConfig.builder()
                .url(simulator.url())
                .csrfToken(Secret.of(simulator.csrfToken()))
                .cookie(Secret.of(simulator.cookie()))
                .trust(SmartThingsTrust.pinnedSha256(simulator.certificate().sha256Fingerprint()))
                .callTimeout(Duration.ofSeconds(5))
                .backoffMin(Duration.ofMillis(50))
                .backoffMax(Duration.ofMillis(500))
                .build());
    return new SmartHomeFixture() {
      @Override
      public SmartHomeGateway gateway() {
        return gateway;
      }

      @Override
      public InMemorySmartHome backend() {
        return backend;
      }

      @Override
      public void close() {
        simulator.close();
      }
    };
  }
}
