package dev.homeport.bridge.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeport.domain.camera.Direction;
import dev.homeport.domain.camera.GoToPreset;
import dev.homeport.domain.camera.Move;
import dev.homeport.domain.camera.NightVisionMode;
import dev.homeport.domain.camera.Resolution;
import dev.homeport.domain.camera.SetPosition;
import dev.homeport.domain.camera.SetSetting;
import dev.homeport.domain.camera.Setting;
import dev.homeport.domain.camera.Stop;
import dev.homeport.domain.camera.TriggerTime;
import dev.homeport.support.RecentIds;
import org.junit.jupiter.api.Test;

class CameraCommandsTest {

  private static ObjectNode json(String text) {
    return Json.readObject(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void settingsAndActions_becomeDomainCommands_inOrder() {
    assertThat(CameraCommands.parse(json("{\"night_vision\":\"NIGHT\",\"status-led\":false,\"resolution\":\"1280x720\",\"preset\":3,"
            + "\"move\":{\"direction\":\"up\",\"speed\":2},\"stop\":1,\"position\":{\"x\":1,\"y\":2},\"transaction\":\"t\"}"), Json.object()))
        .containsExactly(
            SetSetting.of(Setting.NIGHT_VISION, NightVisionMode.NIGHT),
            SetSetting.of(Setting.STATUS_LED, false),
            SetSetting.of(Setting.RESOLUTION, Resolution.P720),
            new GoToPreset(3),
            new Move(Direction.UP, 2),
            new Stop(),
            SetPosition.of(1, 2));
    assertThat(CameraCommands.parse(json("{\"move\":\"left\"}"), Json.object())).containsExactly(new Move(Direction.LEFT, CameraCommands.DEFAULT_SPEED));
    // preset tokens: the camera's own text (ONVIF) or a number (Kasa 1..4, checked by its driver)
    assertThat(CameraCommands.parse(json("{\"preset\":\"Preset_3\"}"), Json.object())).containsExactly(new GoToPreset("Preset_3"));
    assertThat(CameraCommands.parse(json("{\"preset\":\"2\"}"), Json.object())).containsExactly(new GoToPreset(2));
    assertThat(CameraCommands.parse(json("{\"reboot\":true}"), Json.object())).containsExactly(new dev.homeport.domain.camera.Reboot());
    assertThat(CameraCommands.parse(json("{\"reboot\":\"TRUE\"}"), Json.object())).containsExactly(new dev.homeport.domain.camera.Reboot());
  }

  @Test
  void halfOfATriggerTimeOrPosition_keepsTheOtherHalfFromTheState() {
    ObjectNode state = Json.object().put("motion_trigger_time_day_ms", 1000).put("motion_trigger_time_night_ms", 2000).put("position_x", 10).put("position_y", 20);
    assertThat(CameraCommands.parse(json("{\"motion_trigger_time_night_ms\":\"500\"}"), state))
        .containsExactly(SetSetting.of(Setting.MOTION_TRIGGER_TIME, TriggerTime.ofMillis(1000, 500)));
    assertThat(CameraCommands.parse(json("{\"position_y\":99}"), state)).containsExactly(SetPosition.of(10, 99));
    assertThatThrownBy(() -> CameraCommands.parse(json("{\"position_y\":99}"), Json.object())).hasMessageContaining("give both");
  }

  @Test
  void badValues_areRefusedNamingTheKeyAndTheAllowedValues() {
    assertThatThrownBy(() -> CameraCommands.parse(json("{\"colour\":\"red\"}"), Json.object())).hasMessageContaining("unknown key 'colour'").hasMessageContaining("night_vision");
    assertThatThrownBy(() -> CameraCommands.parse(json("{\"preset\":\"\"}"), Json.object())).hasMessageContaining("preset must be 1..64 characters");
    assertThatThrownBy(() -> CameraCommands.parse(json("{\"preset\":\"a\\u0007b\"}"), Json.object())).hasMessageContaining("control characters");
    assertThatThrownBy(() -> CameraCommands.parse(json("{\"preset\":[1]}"), Json.object())).hasMessageContaining("preset token");
    assertThatThrownBy(() -> CameraCommands.parse(json("{\"move\":\"sideways\"}"), Json.object())).hasMessageContaining("left, right, up or down");
    assertThatThrownBy(() -> CameraCommands.parse(json("{\"move\":{\"direction\":\"up\",\"speed\":11}}"), Json.object())).hasMessageContaining("speed");
    assertThatThrownBy(() -> CameraCommands.parse(json("{\"power\":{\"on\":true}}"), Json.object())).hasMessageContaining("power");
    assertThatThrownBy(() -> CameraCommands.parse(json("{\"transaction\":\"t\"}"), Json.object())).hasMessageContaining("nothing to do");
    assertThatThrownBy(() -> CameraCommands.parse(json("{\"reboot\":1}"), Json.object())).hasMessageContaining("reboot must be true");
    assertThatThrownBy(() -> CameraCommands.parse(json("{\"reboot\":\"yes\"}"), Json.object())).hasMessageContaining("reboot must be true");
    assertThatThrownBy(() -> Json.readObject("[1]".getBytes(java.nio.charset.StandardCharsets.UTF_8))).hasMessageContaining("JSON object");
  }

  @Test
  void topicNames_areSafeIds() {
    assertThat(Topics.slug("Capteur entrée")).isEqualTo("capteur_entree");
    assertThat(Topics.slug("Living room / #1 +")).isEqualTo("living_room_1");
    assertThat(Topics.slug("!!!")).isEqualTo("_");
    assertThat(Topics.id("a.b/c d")).isEqualTo("a_b_c_d").matches("[a-zA-Z0-9_-]+");
    assertThat(Topics.printable("Door\u001b[31m\nopen")).isEqualTo("Door?[31m?open");
    assertThat(Topics.printable("x".repeat(400))).hasSize(303);
  }

  @Test
  void recentIds_forgetTheOldestBeyondTheirCapacity() {
    RecentIds<String> ids = new RecentIds<>(2);
    assertThat(ids.add("a")).isTrue();
    assertThat(ids.add("a")).isFalse();
    ids.add("b");
    ids.add("c");
    assertThat(ids.add("a")).isTrue();
  }

  @Test
  void ruleValues_compareNumbersNumerically_andTextIgnoringCase() {
    assertThat(RuleEngine.valueMatches("20.50", java.util.Optional.of(new dev.homeport.domain.home.AttributeValue.NumberValue(new java.math.BigDecimal("20.5"))))).isTrue();
    assertThat(RuleEngine.valueMatches("open", java.util.Optional.of(new dev.homeport.domain.home.AttributeValue.TextValue("OPEN")))).isTrue();
    assertThat(RuleEngine.valueMatches("open", java.util.Optional.empty())).isFalse();
    assertThat(RuleEngine.substitute("${device} is ${value}", java.util.Map.of("device", "Door", "value", "open"))).isEqualTo("Door is open");
  }
}
