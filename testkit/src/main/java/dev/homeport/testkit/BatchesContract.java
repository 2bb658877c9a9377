package dev.homeport.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.domain.camera.CameraCommand;
import dev.homeport.domain.camera.CameraInfo;
import dev.homeport.domain.camera.GetCameraInfo;
import dev.homeport.domain.camera.GetPosition;
import dev.homeport.domain.camera.GetSetting;
import dev.homeport.domain.camera.ListPresets;
import dev.homeport.domain.camera.RawCommand;
import dev.homeport.domain.camera.SetSetting;
import dev.homeport.domain.camera.Setting;
import dev.homeport.ports.CameraCommandException;
import dev.homeport.ports.HomeportException;
import dev.homeport.ports.TransportException;
import dev.homeport.ports.UnsupportedCommandException;
import dev.homeport.ports.camera.BatchResult;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The camera contract on batches: one outcome per command in order, per-command refusals, a whole batch failing
 * when the camera is unreachable.
 *
 * <p>One concern of {@link CameraContract}, which runs it as a {@code @Nested} group; each test
 * gets a fresh camera and backend from the fixture through {@link CameraContractSupport}.
 */
public interface BatchesContract extends CameraContractSupport {

  @Test
  @DisplayName("a batch reports one successful outcome per command, in order")
  default void batch_allSucceed() {
    List<CameraCommand<?>> batch =
        List.of(
            SetSetting.of(Setting.STATUS_LED, !backend().peek(Setting.STATUS_LED)),
            GetSetting.of(Setting.MOTION_SENSITIVITY),
            new GetPosition(),
            new ListPresets(),
            new GetCameraInfo());
    assumeSupported(batch.toArray(CameraCommand<?>[]::new));
    boolean ledAfter = !backend().peek(Setting.STATUS_LED);

    BatchResult result = await(camera().executeAll(batch), WAIT, "batch");

    assertThat(result.size()).isEqualTo(batch.size());
    assertThat(result.allSucceeded()).as("all succeeded: %s", result.outcomes()).isTrue();
    for (int i = 0; i < batch.size(); i++) {
      assertThat(result.get(i).command()).as("outcome %s", i).isEqualTo(batch.get(i));
    }
    assertThat(backend().peek(Setting.STATUS_LED)).isEqualTo(ledAfter);
    assertThat(result.get(0).value()).isEmpty();
    assertThat(valueOf(result.get(1))).isEqualTo(backend().peek(Setting.MOTION_SENSITIVITY));
    assertThat(valueOf(result.get(2))).isEqualTo(backend().peekPosition());
    assertThat(valueOf(result.get(3))).isEqualTo(truth(new ListPresets()));
    assertThat(((CameraInfo) valueOf(result.get(4))).mac()).isEqualTo(truth(new GetCameraInfo()).mac());
  }

  @Test
  @DisplayName("a batch with one refused command reports that failure and the others' success")
  default void batch_oneRefused_othersSucceed() {
    assumeSupported(
        GetSetting.of(Setting.POWER), GetSetting.of(Setting.SOUND_SENSITIVITY), SetSetting.of(Setting.DO_NOT_DISTURB, true));
    CameraCommandException refusal = fixture().refusalExample();
    backend().failNext(
        command -> command instanceof GetSetting<?> get && get.setting() == Setting.SOUND_SENSITIVITY,
        refusal);
    List<CameraCommand<?>> batch =
        List.of(
            GetSetting.of(Setting.POWER),
            GetSetting.of(Setting.SOUND_SENSITIVITY),
            SetSetting.of(Setting.DO_NOT_DISTURB, !backend().peek(Setting.DO_NOT_DISTURB)));
    boolean dndAfter = !backend().peek(Setting.DO_NOT_DISTURB);

    BatchResult result = await(camera().executeAll(batch), WAIT, "batch");

    assertThat(result.size()).isEqualTo(3);
    assertThat(result.allSucceeded()).isFalse();
    assertThat(valueOf(result.get(0))).isEqualTo(backend().peek(Setting.POWER));
    assertThat(result.get(1).succeeded()).isFalse();
    assertThat(result.get(1).failure()).get().isInstanceOf(CameraCommandException.class);
    assertThat(((CameraCommandException) result.get(1).failure().orElseThrow()).errorCode())
        .isEqualTo(refusal.errorCode());
    assertThat(result.get(2).succeeded()).as("outcome 2: %s", result.get(2)).isTrue();
    assertThat(backend().peek(Setting.DO_NOT_DISTURB)).isEqualTo(dndAfter);
  }

  @Test
  @DisplayName("a batch with an unknown raw command reports it unsupported and runs the others")
  default void batch_unknownRaw_reportedPerCommand() {
    List<CameraCommand<?>> batch =
        List.of(
            GetSetting.of(Setting.NIGHT_VISION),
            RawCommand.of(fixture().unknownRawCommand().operation()),
            new GetPosition());
    assumeSupported(batch.get(0), batch.get(2));

    BatchResult result = await(camera().executeAll(batch), WAIT, "batch");

    assertThat(valueOf(result.get(0))).isEqualTo(backend().peek(Setting.NIGHT_VISION));
    assertThat(result.get(1).failure()).get().isInstanceOf(UnsupportedCommandException.class);
    assertThat(valueOf(result.get(2))).isEqualTo(backend().peekPosition());
  }

  @Test
  @DisplayName("an unreachable camera fails the whole batch with a retryable TransportException")
  default void batch_unreachable_failsWhole() {
    backend().setUnreachable(true);
    HomeportException failure =
        failureOf(camera().executeAll(List.of(GetSetting.of(Setting.POWER), new GetPosition())));
    assertThat(failure).isInstanceOf(TransportException.class);
    assertThat(failure.retryable()).isTrue();
  }
}
