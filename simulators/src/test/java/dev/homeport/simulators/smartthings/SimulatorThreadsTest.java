package dev.homeport.simulators.smartthings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.adapter.inmemory.InMemorySmartHome;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Closing the simulator ends its threads (a CLI's simulate/demo starts and stops it). */
class SimulatorThreadsTest {

  @Test
  void closedSimulator_leavesNoThreads() throws Exception {
    Set<Thread> baseline = Thread.getAllStackTraces().keySet();
    SmartThingsSimulator simulator = SmartThingsSimulator.builder().backend(InMemorySmartHome.builder().build()).start();
    HttpClient client = HttpClient.newBuilder().sslContext(simulator.certificate().clientContextTrustingThis()).build();
    WebSocket socket =
        client.newWebSocketBuilder()
            .header("Cookie", simulator.cookie())
            .buildAsync(URI.create(simulator.url() + "?EIO=3&transport=websocket&csrfToken=" + simulator.csrfToken()),
                new WebSocket.Listener() {})
            .get(10, TimeUnit.SECONDS);
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> simulator.openConnections() == 1);

    simulator.close();
    socket.abort();

    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .pollInSameThread()
        .untilAsserted(
            () ->
                assertThat(
                        Thread.getAllStackTraces().keySet().stream()
                            .filter(thread -> !baseline.contains(thread))
                            .map(Thread::getName)
                            .filter(name -> !name.startsWith("HttpClient") && !name.startsWith("Common-Cleaner")))
                    .as("simulator threads alive after close")
                    .isEmpty());
  }
}
