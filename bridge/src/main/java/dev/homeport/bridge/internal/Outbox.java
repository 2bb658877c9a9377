package dev.homeport.bridge.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the bridge publishes. Retained messages are remembered by topic: an unchanged payload is
 * not sent again, and everything remembered is sent again after a reconnection (the broker may
 * have restarted without them). Messages that are not retained are sent only while connected, and
 * dropped (and counted) otherwise: MQTT does not replay them either. Publishes in flight are
 * bounded; past the bound, non-retained messages are dropped and counted.
 *
 * <p>Confined to the bridge's thread, except {@link #inFlight()}.
 */
public final class Outbox {

  private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

  private final MqttLink link;
  private final Counters counters;
  private final int maxInFlight;
  private final Map<String, byte[]> retained = new LinkedHashMap<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private volatile boolean connected;

  public Outbox(MqttLink link, Counters counters, int maxInFlight) {
    this.link = link;
    this.counters = counters;
    this.maxInFlight = maxInFlight;
  }

  /** Whether the link is up (as last told by {@link #connected(boolean)}). */
  public boolean connected() {
    return connected;
  }

  /** Records the link's state. */
  public void connected(boolean value) {
    connected = value;
  }

  /** Publishes {@code payload} retained, unless the same payload is already retained there. */
  public void retain(String topic, String payload) {
    retain(topic, payload.getBytes(StandardCharsets.UTF_8));
  }

  /** Publishes {@code payload} retained, unless the same payload is already retained there. */
  public void retain(String topic, byte[] payload) {
    byte[] previous = retained.get(topic);
    if (previous != null && Arrays.equals(previous, payload)) {
      counters.increment("mqtt.unchanged_not_republished");
      return;
    }
    retained.put(topic, payload);
    send(topic, payload, true);
  }

  /** Clears the retained message at {@code topic} (an empty retained payload), e.g. a removed entity. */
  public void clear(String topic) {
    retained.remove(topic);
    send(topic, new byte[0], true);
    counters.increment("mqtt.retained_cleared");
  }

  /** Whether a retained message is remembered at {@code topic}. */
  public boolean retains(String topic) {
    return retained.containsKey(topic);
  }

  /** The retained topics remembered, in publication order. */
  public Set<String> retainedTopics() {
    return Set.copyOf(retained.keySet());
  }

  /** Publishes {@code payload} once, not retained; dropped while disconnected. */
  public void publish(String topic, byte[] payload) {
    if (!connected) {
      counters.increment("mqtt.dropped_while_disconnected");
      return;
    }
    if (inFlight.get() >= maxInFlight) {
      counters.increment("mqtt.dropped_queue_full");
      return;
    }
    send(topic, payload, false);
  }

  /** Sends every remembered retained message again (after a reconnection), or those under {@code prefix}. */
  public void republish(String prefix) {
    for (Map.Entry<String, byte[]> entry : retained.entrySet()) {
      if (prefix == null || entry.getKey().startsWith(prefix)) {
        send(entry.getKey(), entry.getValue(), true);
      }
    }
  }

  /** Publishes in flight (sent, not yet acknowledged or failed). */
  public int inFlight() {
    return inFlight.get();
  }

  private void send(String topic, byte[] payload, boolean retain) {
    if (!connected) {
      return; // retained ones go out on the next connection
    }
    inFlight.incrementAndGet();
    counters.increment("mqtt.published");
    link.publish(topic, payload, retain)
        .whenComplete(
            (ok, failure) -> {
              inFlight.decrementAndGet();
              if (failure != null) {
                counters.increment("mqtt.publish_failed");
                LOG.debug("publish to {} failed: {}", topic, failure.toString());
              }
            });
  }
}
