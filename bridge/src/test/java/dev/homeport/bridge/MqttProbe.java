package dev.homeport.bridge;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** A real MQTT client (HiveMQ, MQTT 3.1.1) that subscribes to everything and records what it gets. */
final class MqttProbe implements AutoCloseable {

  static final Duration WAIT = Duration.ofSeconds(20);
  private static final ObjectMapper JSON = new ObjectMapper();

  record Message(String topic, String payload, boolean retained, byte[] bytes) {
    JsonNode json() {
      try {
        return JSON.readTree(payload);
      } catch (java.io.IOException e) {
        throw new AssertionError("not JSON on " + topic + ": " + payload, e);
      }
    }
  }

  /** Connections Moquette may drop right after its CONNACK before one is given up (see the constructor). */
  private static final int CONNECT_ATTEMPTS = 3;

  private final Mqtt3BlockingClient client;
  private final List<Message> messages = new CopyOnWriteArrayList<>();

  /**
   * Connects and subscribes to {@code #}.
   *
   * <p>Moquette 0.17 has a race between CONNACK and the first SUBSCRIBE: it writes the CONNACK from
   * its session thread and only then attaches the listener that marks the connection as connected;
   * when the machine is loaded the client's SUBSCRIBE can be read before that listener runs, and
   * Moquette then logs "SUBSCRIBE received on already closed connection" and closes the socket
   * (HiveMQ: "Server closed connection without DISCONNECT"). No broker setting avoids it. So, and
   * only in that case (the broker closed the connection before the SUBACK), the probe connects
   * again with a new client, at most {@value #CONNECT_ATTEMPTS} times; any other failure is thrown
   * at once. Nothing that the tests assert is retried: a subscription that succeeds sees exactly
   * what the broker holds.
   */
  MqttProbe(URI broker) {
    client = connectAndSubscribe(broker);
  }

  private Mqtt3BlockingClient connectAndSubscribe(URI broker) {
    for (int attempt = 1; ; attempt++) {
      Mqtt3BlockingClient candidate =
          MqttClient.builder().useMqttVersion3().identifier("probe-" + UUID.randomUUID().toString().substring(0, 8))
              .serverHost(broker.getHost()).serverPort(broker.getPort()).buildBlocking();
      candidate.connect();
      try {
        candidate.toAsync().subscribeWith().topicFilter("#").qos(MqttQos.AT_LEAST_ONCE)
            .callback(p -> messages.add(new Message(p.getTopic().toString(), new String(p.getPayloadAsBytes(), StandardCharsets.UTF_8), p.isRetain(), p.getPayloadAsBytes())))
            .send().join();
        return candidate;
      } catch (java.util.concurrent.CompletionException e) {
        if (attempt >= CONNECT_ATTEMPTS || !closedByBroker(e)) {
          throw e;
        }
        messages.clear(); // nothing can have arrived without a subscription, but start clean
      }
    }
  }

  private static boolean closedByBroker(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof com.hivemq.client.mqtt.exceptions.ConnectionClosedException) {
        return true;
      }
    }
    return false;
  }

  List<Message> messages() {
    return List.copyOf(messages);
  }

  List<Message> on(String topic) {
    return messages.stream().filter(m -> m.topic().equals(topic)).collect(Collectors.toList());
  }

  Optional<Message> last(String topic) {
    List<Message> list = on(topic);
    return list.isEmpty() ? Optional.empty() : Optional.of(list.get(list.size() - 1));
  }

  /** The raw payload of the latest message on {@code topic} (null if none). */
  byte[] lastBytes(String topic) {
    return last(topic).map(Message::bytes).orElse(null);
  }

  /** Waits until a message on {@code topic} matches, and returns the first that does. */
  Message await(String topic, Predicate<Message> match) {
    return org.awaitility.Awaitility.await().atMost(WAIT).until(() -> on(topic).stream().filter(match).findFirst(), Optional::isPresent).get();
  }

  Message await(String topic) {
    return await(topic, m -> true);
  }

  /** Waits until the latest message on {@code topic} matches. */
  Message awaitLast(String topic, Predicate<Message> match) {
    return org.awaitility.Awaitility.await().atMost(WAIT).until(() -> last(topic).filter(match), Optional::isPresent).get();
  }

  void publish(String topic, String payload) {
    client.publishWith().topic(topic).payload(payload.getBytes(StandardCharsets.UTF_8)).qos(MqttQos.AT_LEAST_ONCE).send();
  }

  void publishRetained(String topic, String payload) {
    client.publishWith().topic(topic).payload(payload.getBytes(StandardCharsets.UTF_8)).qos(MqttQos.AT_LEAST_ONCE).retain(true).send();
  }

  void clear() {
    messages.clear();
  }

  @Override
  public void close() {
    try {
      client.disconnect();
    } catch (RuntimeException e) {
      // already gone (broker stopped)
    }
  }
}
