package dev.homeport.testkit;

import dev.homeport.adapter.inmemory.InMemorySmartHome;
import dev.homeport.ports.home.SmartHomeGateway;

/**
 * What {@link SmartHomeContract} tests: a {@link SmartHomeGateway} under test, and the
 * {@link InMemorySmartHome} holding the account behind it (the in-memory smart home itself, or the
 * data of the simulator the gateway talks to).
 *
 * <p>The contract puts users, locations, rooms and devices into {@link #backend()}, publishes pushed
 * messages there and switches its faults ({@code rejectCredentials}, {@code failNextCall},
 * {@code expireSession}, {@code simulateDisconnect}); the gateway under test must deliver what the
 * backend holds and surface its faults as the documented exceptions and lifecycle events.
 *
 * <p>One fixture serves one test; {@link #close()} releases the gateway, the backend, servers and
 * threads.
 */
public interface SmartHomeFixture extends AutoCloseable {

  /** The gateway under test. */
  SmartHomeGateway gateway();

  /** The in-memory smart home holding the account the gateway under test connects to. */
  InMemorySmartHome backend();
}
