package dev.homeport.cli.internal;

import dev.homeport.adapter.inmemory.InMemorySmartHome;
import dev.homeport.domain.Secret;
import dev.homeport.simulators.smartthings.SmartThingsSimulator;

/** The SmartThings simulator serving an in-memory home, as the CLI's demo and simulate use it. */
final class EventsSimulator implements AutoCloseable {

  private final SmartThingsSimulator simulator;

  private EventsSimulator(SmartThingsSimulator simulator) {
    this.simulator = simulator;
  }

  /** Starts a simulator on loopback {@code port} (0: any free port), backed by {@code home}. */
  static EventsSimulator start(InMemorySmartHome home, int port) {
    return new EventsSimulator(SmartThingsSimulator.builder().backend(home).port(port).start());
  }

  /** A smartthings source pointing at this simulator, its certificate pinned. */
  EventSourceSpec spec() {
    return EventSourceSpec.smartThings().withUrl(simulator.url()).withTrust("sha256:" + fingerprint());
  }

  Secret csrfToken() {
    return Secret.of(simulator.csrfToken());
  }

  Secret cookie() {
    return Secret.of(simulator.cookie());
  }

  String fingerprint() {
    return simulator.certificate().sha256Fingerprint();
  }

  @Override
  public void close() {
    simulator.close();
  }
}
