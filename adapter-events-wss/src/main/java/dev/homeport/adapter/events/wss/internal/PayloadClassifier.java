package dev.homeport.adapter.events.wss.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.homeport.domain.home.AlertMessage;
import dev.homeport.domain.home.ControlMessage;
import dev.homeport.domain.home.PushedMessage;
import dev.homeport.domain.home.SubscriptionStateChange;
import dev.homeport.domain.home.UnknownMessage;

/**
 * Classifies a pushed Socket.IO EVENT by the shape of its payload (the second array element), never
 * by its event name, which the service does not keep stable. Never throws: what does not fit is an
 * {@link UnknownMessage} whose reason says why. Stateless and thread-safe.
 */
public final class PayloadClassifier {

  /** The result, and whether the payload looked like a device event but was invalid. */
  public record Classified(PushedMessage message, boolean invalid) {}

  private PayloadClassifier() {}

  public static Classified classify(JsonNode args) {
    String name = args.isArray() && args.size() > 0 && args.get(0).isTextual() ? args.get(0).asText() : "";
    if (!args.isArray() || args.size() < 2) {
      return unknown(name, args, "event carries no payload", false);
    }
    JsonNode payload = args.get(1);
    try {
      if (payload.isTextual()) {
        return new Classified(new AlertMessage(payload.asText()), false);
      }
      if (payload.isObject()) {
        JsonNode data = payload.get("data");
        if (data != null && data.isObject() && looksLikeDeviceEvent(data)) {
          try {
            return new Classified(
                WireMapping.deviceEvent(data, WireMapping.subscriptionId(payload)), false);
          } catch (MalformedFrameException | IllegalArgumentException e) {
            return unknown(name, payload, "invalid device event: " + e.getMessage(), true);
          }
        }
        if (data != null && data.isTextual()) {
          return new Classified(new ControlMessage(WireMapping.subscriptionId(payload), data.asText()), false);
        }
        JsonNode state = payload.get("state");
        if (state != null && state.isTextual() && data == null) {
          return new Classified(
              new SubscriptionStateChange(WireMapping.subscriptionId(payload), state.asText()), false);
        }
      }
      return unknown(name, payload, "payload shape not recognised", false);
    } catch (RuntimeException e) {
      return unknown(name, payload, "payload could not be read: " + e.getMessage(), true);
    }
  }

  private static boolean looksLikeDeviceEvent(JsonNode data) {
    JsonNode type = data.get("eventType");
    if (type != null) {
      return "DEVICE_EVENT".equals(type.asText());
    }
    return data.has("deviceId") && data.has("capability") && data.has("attribute");
  }

  private static Classified unknown(String name, JsonNode payload, String reason, boolean invalid) {
    return new Classified(new UnknownMessage(name, Json.write(payload), reason), invalid);
  }
}
