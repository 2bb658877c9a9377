package dev.homeport.benchmarks;

import dev.homeport.adapter.inmemory.InMemorySmartHome;
import dev.homeport.domain.home.AttributeValue;
import dev.homeport.domain.home.DeviceEvent;
import dev.homeport.domain.home.DeviceId;
import dev.homeport.domain.home.EventId;
import dev.homeport.domain.home.ImmutableDeviceEvent;
import dev.homeport.domain.home.ImmutableLocation;
import dev.homeport.domain.home.LocationId;
import dev.homeport.simulators.smartthings.SmartThingsSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The one server both clients of the peer comparison talk to ({@code benchmarks/peer/compare.sh}):
 * a {@link SmartThingsSimulator} (Engine.IO 3 / Socket.IO 2, cookie and CSRF token) that, for each
 * client that subscribes, pushes {@code --events} device events as fast as the client takes them,
 * then waits for the next client. Writes its URL, credentials and certificate pin to {@code --info}
 * as shell variables. Not a test: a benchmark fixture.
 */
public final class PeerServer {

  private PeerServer() {}

  public static void main(String[] args) throws Exception {
    Bench.Options options = new Bench.Options(args);
    int events = (int) options.number("events", 200_000);
    Path info = Path.of(System.getProperty("peer.info", "benchmarks/target/peer-server.env"));
    LocationId location = LocationId.of("loc-bench");
    InMemorySmartHome home = InMemorySmartHome.builder().bufferSize(4096).build()
        .addLocation(ImmutableLocation.builder().id(location).name("Bench").parentType("ACCOUNT").parentId("acc").build());
    SmartThingsSimulator simulator =
        SmartThingsSimulator.builder().backend(home).pingInterval(Duration.ofSeconds(25)).pingTimeout(Duration.ofSeconds(20)).start();
    List<DeviceEvent> batch = new ArrayList<>(events);
    for (int i = 0; i < events; i++) {
      batch.add(
          ImmutableDeviceEvent.builder()
              .eventId(EventId.of("ev-" + i))
              .locationId(location)
              .deviceId(DeviceId.of("dev-" + (i % 16)))
              .componentId("main")
              .capability("powerMeter")
              .attribute("power")
              .value(AttributeValue.NumberValue.of(i % 1000 / 10.0))
              .unit("W")
              .stateChange(true)
              .time(Instant.parse("2021-06-09T04:16:03.854Z").plusMillis(i))
              .build());
    }
    Files.createDirectories(info.toAbsolutePath().getParent());
    Files.writeString(
        info,
        "URL=" + simulator.url() + "\nCSRF=" + simulator.csrfToken() + "\nCOOKIE='" + simulator.cookie() + "'\nPIN="
            + simulator.certificate().sha256Fingerprint() + "\nLOCATION=" + location.value() + "\n");
    System.out.println("peer server ready: " + info);
    while (true) {
      while (simulator.liveSubscriptions() == 0) {
        Thread.sleep(5);
      }
      long start = System.nanoTime();
      simulator.pushAll(batch, Duration.ZERO).get();
      System.out.printf("pushed %d events in %.2f s%n", events, (System.nanoTime() - start) / 1e9);
      while (simulator.openConnections() > 0) {
        Thread.sleep(5);
      }
    }
  }
}
