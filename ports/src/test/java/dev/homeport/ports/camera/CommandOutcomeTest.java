package dev.homeport.ports.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeport.domain.camera.GetSetting;
import dev.homeport.domain.camera.GoToPreset;
import dev.homeport.domain.camera.Setting;
import dev.homeport.domain.camera.Stop;
import dev.homeport.ports.CameraCommandException;
import dev.homeport.ports.UnsupportedCommandException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandOutcomeTest {

  @Test
  void success_carriesTheValue() {
    GetSetting<Boolean> get = GetSetting.of(Setting.POWER);
    CommandOutcome<Boolean> outcome = CommandOutcome.success(get, true);
    assertThat(outcome.succeeded()).isTrue();
    assertThat(outcome.command()).isEqualTo(get);
    assertThat(outcome.value()).contains(true);
    assertThat(outcome.failure()).isEmpty();
    assertThat(outcome.getOrThrow()).isTrue();
  }

  @Test
  void successOfAVoidCommand_hasNoValue() {
    CommandOutcome<Void> outcome = CommandOutcome.success(new Stop(), null);
    assertThat(outcome.succeeded()).isTrue();
    assertThat(outcome.value()).isEmpty();
    assertThat(outcome.getOrThrow()).isNull();
  }

  @Test
  void failure_carriesTheExceptionAndThrowsItOnGet() {
    CameraCommandException refused =
        new CameraCommandException("smartlife.cam.ipcamera.ptz.set_run_to_preset", "-40409", "bad index", false);
    CommandOutcome<Void> outcome = CommandOutcome.failure(new GoToPreset(2), refused);
    assertThat(outcome.succeeded()).isFalse();
    assertThat(outcome.value()).isEmpty();
    assertThat(outcome.failure()).containsSame(refused);
    assertThatThrownBy(outcome::getOrThrow).isSameAs(refused);
    assertThat(outcome.toString()).contains("failed").contains("-40409");
  }

  @Test
  void nullCommandOrFailure_isRefused() {
    assertThatThrownBy(() -> CommandOutcome.success(null, 1)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> CommandOutcome.failure(new Stop(), null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void batchResult_keepsOrder_andReportsWhetherAllSucceeded() {
    List<CommandOutcome<?>> outcomes = new ArrayList<>();
    outcomes.add(CommandOutcome.success(new Stop(), null));
    outcomes.add(CommandOutcome.failure(new GoToPreset(1), new UnsupportedCommandException("no ptz")));
    BatchResult mixed = new BatchResult(outcomes);
    outcomes.clear();
    assertThat(mixed.size()).isEqualTo(2);
    assertThat(mixed.get(0).succeeded()).isTrue();
    assertThat(mixed.get(1).failure()).get().isInstanceOf(UnsupportedCommandException.class);
    assertThat(mixed.allSucceeded()).isFalse();
    assertThat(new BatchResult(List.of(CommandOutcome.success(new Stop(), null))).allSucceeded()).isTrue();
  }
}
