package dev.homeport.testkit.inmemory;

import dev.homeport.adapter.inmemory.InMemorySmartHome;
import dev.homeport.ports.home.SmartHomeGateway;
import dev.homeport.testkit.SmartHomeContract;
import dev.homeport.testkit.SmartHomeFixture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The in-memory smart home passes the smart-home contract: it is both the gateway under test and its
 * backend. Delivery is direct (on the publishing thread); {@link InMemorySmartHomeAsyncContractTest}
 * runs the contract with delivery on a thread pool.
 */
class InMemorySmartHomeContractTest extends SmartHomeContract {

  @Override
  protected SmartHomeFixture createFixture() {
    return fixture(InMemorySmartHome.builder().build(), null);
  }

  static SmartHomeFixture fixture(InMemorySmartHome home, ExecutorService executor) {
    return new SmartHomeFixture() {
      @Override
      public SmartHomeGateway gateway() {
        return home;
      }

      @Override
      public InMemorySmartHome backend() {
        return home;
      }

      @Override
      public void close() throws InterruptedException {
        home.openSessions().forEach(session -> session.close());
        if (executor != null) {
          executor.shutdown();
          if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("delivery threads did not stop within 10 s");
          }
        }
      }
    };
  }
}
