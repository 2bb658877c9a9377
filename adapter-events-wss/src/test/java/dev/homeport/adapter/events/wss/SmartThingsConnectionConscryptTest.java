package dev.homeport.adapter.events.wss;

/** {@link SmartThingsConnectionTest}'s tests, every connection on Conscrypt, the native TLS engine. */
class SmartThingsConnectionConscryptTest extends SmartThingsConnectionTest {

  @Override
  EventsTlsProvider tlsProvider() {
    return EventsTlsProvider.CONSCRYPT;
  }
}
