package dev.homeport.testkit.inmemory;

import dev.homeport.adapter.inmemory.InMemorySmartHome;
import dev.homeport.testkit.SmartHomeContract;
import dev.homeport.testkit.SmartHomeFixture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The in-memory smart home passes the smart-home contract with delivery on a thread pool, the way
 * events reach subscribers of a networked adapter: this keeps the contract's bounded waits honest.
 */
class InMemorySmartHomeAsyncContractTest extends SmartHomeContract {

  @Override
  protected SmartHomeFixture createFixture() {
    ExecutorService executor = Executors.newFixedThreadPool(2);
    return InMemorySmartHomeContractTest.fixture(InMemorySmartHome.builder().executor(executor).build(), executor);
  }
}
