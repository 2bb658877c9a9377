package dev.homeport.bridge.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.homeport.bridge.BridgeConfig;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What the bridge's parts share: the configuration, the one thread everything runs on, the outbox,
 * the counters, the discovery builder and the clock. Its methods are called on the bridge's thread.
 *
 * @param config the bridge configuration
 * @param loop the bridge's single thread: every part's state is confined to it
 * @param outbox publishing
 * @param counters the health counters
 * @param discovery the discovery payload builder
 * @param clock the clock (debounce, uptime)
 */
public record BridgeContext(
    BridgeConfig config, ScheduledExecutorService loop, Outbox outbox, Counters counters, Discovery discovery, Clock clock) {

  /** {@code <base>/<suffix>}. */
  public String topic(String suffix) {
    return config.baseTopic() + "/" + suffix;
  }

  /**
   * Answers on {@code <base>/bridge/response/<what>} zigbee2mqtt's way:
   * {@code {"status":"ok","data":...,"transaction":...}} or {@code {"status":"error","error":"..."}}.
   */
  public void respond(String what, Optional<String> transaction, JsonNode data, String error) {
    ObjectNode answer = Json.object();
    answer.put("status", error == null ? "ok" : "error");
    answer.set("data", data == null ? Json.object() : data);
    if (error != null) {
      answer.put("error", error);
      counters.increment("requests.failed");
    } else {
      counters.increment("requests.answered");
    }
    transaction.ifPresent(t -> answer.put("transaction", t));
    outbox.publish(topic("bridge/response/" + what), Json.bytes(answer));
  }
}
