package dev.homeport.bridge.internal;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientBuilder;
import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import dev.homeport.bridge.MqttSettings;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.net.ssl.TrustManagerFactory;

/**
 * One MQTT connection through the HiveMQ client, MQTT 3.1.1 or 5, with automatic reconnection
 * (exponential back-off between the settings' initial and maximum delays) and a last will. The
 * bridge sees only this small surface. Thread-safe; listeners run on the client's threads.
 */
public final class MqttLink {

  private final Mqtt3AsyncClient v3;
  private final Mqtt5AsyncClient v5;
  private final MqttSettings settings;

  /**
   * A link, not yet connected.
   *
   * @param onConnected called on every (re)connection
   * @param onDisconnected called with the cause on every loss or failed attempt
   */
  public MqttLink(MqttSettings settings, Runnable onConnected, Consumer<Throwable> onDisconnected) {
    this.settings = Objects.requireNonNull(settings, "settings");
    URI uri = settings.uri();
    boolean tls = settings.tls();
    int port = uri.getPort() > 0 ? uri.getPort() : (tls ? 8883 : 1883);
    String host = uri.getHost();
    long initial = settings.reconnectInitialDelay().toMillis();
    long max = Math.max(initial, settings.reconnectMaxDelay().toMillis());
    // everything but the protocol version is set once on the common builder
    MqttClientBuilder builder =
        MqttClient.builder()
            .identifier(settings.clientId())
            .serverHost(host)
            .serverPort(port)
            .automaticReconnect()
            .initialDelay(initial, TimeUnit.MILLISECONDS)
            .maxDelay(max, TimeUnit.MILLISECONDS)
            .applyAutomaticReconnect()
            .addConnectedListener(context -> onConnected.run())
            .addDisconnectedListener(context -> onDisconnected.accept(context.getCause()));
    if (tls) {
      builder = builder.sslConfig(ssl(settings.trustManagerFactory().orElse(null)));
    }
    if (settings.version() == 5) {
      this.v5 = builder.useMqttVersion5().buildAsync();
      this.v3 = null;
    } else {
      this.v3 = builder.useMqttVersion3().buildAsync();
      this.v5 = null;
    }
  }

  private static MqttClientSslConfig ssl(TrustManagerFactory trust) {
    return trust == null
        ? MqttClientSslConfig.builder().build()
        : MqttClientSslConfig.builder().trustManagerFactory(trust).build();
  }

  /**
   * Connects with a retained last will; reconnections reuse the same will. The future fails when
   * the first attempt fails (attempts go on in the background).
   */
  public CompletableFuture<Void> connect(String willTopic, String willPayload) {
    byte[] will = willPayload.getBytes(StandardCharsets.UTF_8);
    int keepAlive = (int) Math.max(1, Math.min(65535, settings.keepAlive().toSeconds()));
    if (v5 != null) {
      var connect = v5.connectWith().keepAlive(keepAlive).cleanStart(true);
      if (settings.username().isPresent()) {
        var auth = com.hivemq.client.mqtt.mqtt5.message.auth.Mqtt5SimpleAuth.builder().username(settings.username().get());
        connect =
            connect.simpleAuth(
                settings.password().isPresent()
                    ? auth.password(settings.password().get().reveal().getBytes(StandardCharsets.UTF_8)).build()
                    : auth.build());
      }
      return connect
          .willPublish().topic(willTopic).payload(will).qos(MqttQos.AT_LEAST_ONCE).retain(true).applyWillPublish()
          .send()
          .thenApply(ack -> (Void) null);
    }
    var connect = v3.connectWith().keepAlive(keepAlive).cleanSession(true);
    if (settings.username().isPresent()) {
      var auth = com.hivemq.client.mqtt.mqtt3.message.auth.Mqtt3SimpleAuth.builder().username(settings.username().get());
      connect =
          connect.simpleAuth(
              settings.password().isPresent()
                  ? auth.password(settings.password().get().reveal().getBytes(StandardCharsets.UTF_8)).build()
                  : auth.build());
    }
    return connect
        .willPublish().topic(willTopic).payload(will).qos(MqttQos.AT_LEAST_ONCE).retain(true).applyWillPublish()
        .send()
        .thenApply(ack -> (Void) null);
  }

  /**
   * Publishes one message. Retained messages go at QoS 1 (Moquette drops the retained copy of a
   * QoS 0 publish, and a retained state is worth the acknowledgement); others at QoS 0.
   */
  public CompletableFuture<Void> publish(String topic, byte[] payload, boolean retain) {
    MqttQos qos = retain ? MqttQos.AT_LEAST_ONCE : MqttQos.AT_MOST_ONCE;
    if (v5 != null) {
      return v5.publishWith().topic(topic).payload(payload).qos(qos).retain(retain).send().thenApply(result -> {
        result.getError().ifPresent(error -> {
          throw new java.util.concurrent.CompletionException(error);
        });
        return null;
      });
    }
    return v3.publishWith().topic(topic).payload(payload).qos(qos).retain(retain).send().thenApply(result -> null);
  }

  /** Subscribes to {@code filter}; {@code handler} gets topic, payload and the retain flag. */
  public CompletableFuture<Void> subscribe(String filter, MessageHandler handler) {
    if (v5 != null) {
      return v5.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE)
          .callback(p -> handler.accept(p.getTopic().toString(), p.getPayloadAsBytes(), p.isRetain()))
          .send()
          .thenApply(ack -> null);
    }
    return v3.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE)
        .callback(p -> handler.accept(p.getTopic().toString(), p.getPayloadAsBytes(), p.isRetain()))
        .send()
        .thenApply(ack -> null);
  }

  /** Disconnects cleanly (the broker then does not publish the will) and stops reconnecting. */
  public CompletableFuture<Void> disconnect() {
    if (v5 != null) {
      return v5.disconnect();
    }
    return v3.disconnect();
  }

  /** Receives one message. */
  @FunctionalInterface
  public interface MessageHandler {
    void accept(String topic, byte[] payload, boolean retained);
  }
}
