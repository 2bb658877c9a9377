package dev.homeport.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RulesTest {

  @Test
  void deviceRuleWithCameraAction_parsesEveryField() {
    List<Rule> rules =
        Rules.parse(List.of(Map.of(
            "name", "porch-to-door",
            "when", Map.of("location", "Maison", "device", "Front door", "capability", "contactSensor", "attribute", "contact", "value", "open"),
            "then", Map.of("camera", "porch", "command", Map.of("preset", 2)),
            "debounce", "30s")));
    Rule rule = rules.get(0);
    assertThat(rule.name()).isEqualTo("porch-to-door");
    assertThat(rule.debounce()).isEqualTo(Duration.ofSeconds(30));
    assertThat(rule.when()).isEqualTo(new Rule.DeviceTrigger(Optional.of("Maison"), "Front door", Optional.of("contactSensor"), Optional.of("contact"), Optional.of("open")));
    assertThat(rule.then()).isEqualTo(new Rule.CameraAction("porch", Map.of("preset", 2)));
  }

  @Test
  void publishAndCameraTrigger_parse() {
    List<Rule> rules =
        Rules.parse(List.of(Map.of(
            "name", "alert",
            "when", Map.of("camera", "porch", "event", "motion"),
            "then", Map.of("publish", Map.of("topic", "alerts/porch", "payload", "motion", "retain", true)))));
    assertThat(rules.get(0).when()).isEqualTo(new Rule.CameraTrigger("porch", "motion"));
    assertThat(rules.get(0).then()).isEqualTo(new Rule.PublishAction("alerts/porch", "motion", true));
    assertThat(rules.get(0).debounce()).isZero();
    assertThat(Rules.parse(null)).isEmpty();
  }

  @Test
  void mistakes_areNamedWithTheRuleAndTheKey() {
    assertThatThrownBy(() -> Rules.parse(Map.of())).hasMessageContaining("list");
    assertThatThrownBy(() -> Rules.parse(List.of(Map.of("when", Map.of("device", "d"), "then", Map.of("camera", "c", "command", Map.of("stop", true))))))
        .hasMessageContaining("rules[0]").hasMessageContaining("name is required");
    assertThatThrownBy(() -> Rules.parse(List.of(Map.of("name", "r", "when", Map.of("device", "d", "colour", "red"), "then", Map.of("camera", "c", "command", Map.of("stop", true))))))
        .hasMessageContaining("rule r").hasMessageContaining("unknown key 'colour'").hasMessageContaining("capability");
    assertThatThrownBy(() -> Rules.parse(List.of(Map.of("name", "r", "when", Map.of("device", "d"), "then", Map.of("camera", "c")))))
        .hasMessageContaining("command is required");
    assertThatThrownBy(() -> Rules.parse(List.of(Map.of("name", "r", "when", Map.of("device", "d"), "then", Map.of("camera", "c", "command", Map.of("stop", true)), "debounce", "soon"))))
        .hasMessageContaining("debounce").hasMessageContaining("5s");
    assertThatThrownBy(() -> Rules.parse(List.of(Map.of("name", "r", "when", Map.of("device", "d"), "then", Map.of("publish", Map.of("topic", "a/#"))))))
        .hasMessageContaining("'+' or '#'");
    assertThatThrownBy(() -> Rules.parse(List.of(Map.of("name", "bad name", "when", Map.of("device", "d"), "then", Map.of("camera", "c", "command", Map.of("stop", true))))))
        .hasMessageContaining("rule name");
    Map<String, Object> rule = Map.of("name", "r", "when", Map.of("device", "d"), "then", Map.of("camera", "c", "command", Map.of("stop", true)));
    assertThatThrownBy(() -> Rules.parse(List.of(rule, rule))).hasMessageContaining("used twice");
  }
}
