package dev.homeport.bridge.internal;

import dev.homeport.bridge.Rule;
import dev.homeport.domain.home.AttributeValue;
import dev.homeport.domain.home.Device;
import dev.homeport.domain.home.DeviceEvent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates the rules on each event: a match fires the action unless the rule fired less than its
 * debounce ago. Every firing is logged and counted ({@code rules.<name>.fired}, {@code .debounced},
 * {@code .failed}). Confined to the bridge's thread.
 */
public final class RuleEngine {

  private static final Logger LOG = LoggerFactory.getLogger(RuleEngine.class);

  private final List<Rule> rules;
  private final BridgeContext context;
  private final Map<String, CameraNode> cameras;
  private final HomeNodeView home;
  private final Map<String, Instant> lastFired = new HashMap<>();

  /** What the engine needs to know of the home: names for ids. */
  public interface HomeNodeView {
    Optional<String> deviceName(dev.homeport.domain.home.DeviceId id);

    Optional<String> locationName(dev.homeport.domain.home.LocationId id);
  }

  public RuleEngine(List<Rule> rules, BridgeContext context, Map<String, CameraNode> cameras, HomeNodeView home) {
    this.rules = List.copyOf(rules);
    this.context = context;
    this.cameras = cameras;
    this.home = home;
  }

  /** Runs the rules a device event triggers. */
  public void onDeviceEvent(DeviceEvent event) {
    for (Rule rule : rules) {
      if (rule.when() instanceof Rule.DeviceTrigger trigger && matches(trigger, event)) {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("device", deviceName(event));
        vars.put("attribute", event.attribute());
        vars.put("value", event.value().map(v -> String.valueOf(v.plain())).orElse(""));
        vars.put("event", event.capability() + "." + event.attribute());
        fire(rule, vars, "device event " + event.eventId().value() + " (" + deviceName(event) + " "
            + event.capability() + "." + event.attribute() + " = " + vars.get("value") + ")");
      }
    }
  }

  /** Runs the rules a camera event triggers. */
  public void onCameraEvent(String camera, String kind) {
    for (Rule rule : rules) {
      if (rule.when() instanceof Rule.CameraTrigger trigger
          && trigger.camera().equals(camera) && trigger.event().equalsIgnoreCase(kind)) {
        fire(rule, Map.of("camera", camera, "event", kind), "camera " + camera + " " + kind);
      }
    }
  }

  private void fire(Rule rule, Map<String, String> vars, String cause) {
    Instant now = context.clock().instant();
    Instant last = lastFired.get(rule.name());
    if (last != null && !rule.debounce().isZero() && now.isBefore(last.plus(rule.debounce()))) {
      context.counters().increment("rules." + rule.name() + ".debounced");
      LOG.debug("rule {} debounced: {}", rule.name(), Topics.printable(cause));
      return;
    }
    lastFired.put(rule.name(), now);
    context.counters().increment("rules." + rule.name() + ".fired");
    context.counters().increment("rules.fired");
    if (rule.then() instanceof Rule.CameraAction action) {
      LOG.info("rule {} fired by {}: camera {} {}", rule.name(), Topics.printable(cause), action.camera(), action.command());
      CameraNode camera = cameras.get(action.camera());
      camera.command(
          Json.objectOf(action.command()),
          error -> {
            if (error != null) {
              context.counters().increment("rules." + rule.name() + ".failed");
              LOG.warn("rule {}: camera {} failed: {}", rule.name(), action.camera(), Topics.printable(error));
            }
          });
    } else if (rule.then() instanceof Rule.PublishAction publish) {
      String payload = substitute(publish.payload(), vars);
      LOG.info("rule {} fired by {}: publish to {}", rule.name(), Topics.printable(cause), publish.topic());
      byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
      if (publish.retain()) {
        context.outbox().retain(publish.topic(), bytes);
      } else {
        context.outbox().publish(publish.topic(), bytes);
      }
    }
  }

  static String substitute(String template, Map<String, String> vars) {
    String result = template;
    for (Map.Entry<String, String> entry : vars.entrySet()) {
      result = result.replace("${" + entry.getKey() + "}", entry.getValue());
    }
    return result;
  }

  private boolean matches(Rule.DeviceTrigger trigger, DeviceEvent event) {
    if (!trigger.device().equals(event.deviceId().value()) && !trigger.device().equals(deviceName(event))) {
      return false;
    }
    if (trigger.location().isPresent()) {
      String location = trigger.location().get();
      if (!location.equals(event.locationId().value())
          && !location.equals(home.locationName(event.locationId()).orElse(null))) {
        return false;
      }
    }
    if (trigger.capability().isPresent() && !trigger.capability().get().equals(event.capability())) {
      return false;
    }
    if (trigger.attribute().isPresent() && !trigger.attribute().get().equals(event.attribute())) {
      return false;
    }
    return trigger.value().isEmpty() || valueMatches(trigger.value().get(), event.value());
  }

  static boolean valueMatches(String wanted, Optional<AttributeValue> value) {
    if (value.isEmpty()) {
      return false;
    }
    Object plain = value.get().plain();
    if (plain instanceof BigDecimal number) {
      try {
        return number.compareTo(new BigDecimal(wanted.trim())) == 0;
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return String.valueOf(plain).equalsIgnoreCase(wanted.trim());
  }

  private String deviceName(DeviceEvent event) {
    return event.device().map(Device::name).or(() -> home.deviceName(event.deviceId())).orElse(event.deviceId().value());
  }
}
