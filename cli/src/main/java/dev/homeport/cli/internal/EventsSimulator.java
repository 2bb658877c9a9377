package dev.homeport.cli.internal;

import dev.homeport.adapter.inmemory.InMemorySmartHome;
import dev.homeport.domain.Secret;

/** The SmartThings simulator serving an in-memory home, as the CLI uses it. */
final class EventsSimulator implements AutoCloseable {

  private EventsSimulator() {}

  static EventsSimulator start(InMemorySmartHome home) {
    throw new UnsupportedOperationException("the SmartThings simulator is not available in this build yet");
  }

  EventSourceSpec spec() {
    throw new UnsupportedOperationException();
  }

  Secret csrfToken() {
    throw new UnsupportedOperationException();
  }

  Secret cookie() {
    throw new UnsupportedOperationException();
  }

  int port() {
    throw new UnsupportedOperationException();
  }

  String fingerprint() {
    throw new UnsupportedOperationException();
  }

  @Override
  public void close() {}
}
