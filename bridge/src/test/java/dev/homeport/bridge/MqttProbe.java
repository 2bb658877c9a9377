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

  record Message(String topic, String payload, boolean retained) {
    JsonNode json() {
      try {
        return JSON.readTree(payload);
      } catch (java.io.IOException e) {
        throw new AssertionError("not JSON on " + topic + ": " + payload, e);
      }
    }
  }

  private final Mqtt3BlockingClient client;
  private final List<Message> messages = new CopyOnWriteArrayList<>();

  MqttProbe(URI broker) {
    client =
        MqttClient.builder().useMqttVersion3().identifier("probe-" + UUID.randomUUID().toString().substring(0, 8))
            .serverHost(broker.getHost()).serverPort(broker.getPort()).buildBlocking();
    client.connect();
    client.toAsync().subscribeWith().topicFilter("#").qos(MqttQos.AT_LEAST_ONCE)
        .callback(p -> messages.add(new Message(p.getTopic().toString(), new String(p.getPayloadAsBytes(), StandardCharsets.UTF_8), p.isRetain())))
        .send().join();
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
