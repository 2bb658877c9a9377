package dev.homeport.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.homeport.domain.camera.CameraCommand;
import dev.homeport.domain.camera.GetCameraInfo;
import dev.homeport.domain.camera.GetSetting;
import dev.homeport.domain.camera.Setting;
import dev.homeport.ports.HomeportException;
import dev.homeport.ports.UnsupportedCommandException;
import dev.homeport.ports.camera.CameraCapabilities;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The camera contract on unsupported commands: capabilities describe the camera; what they claim works, what they
 * leave out fails with {@code UnsupportedCommandException}.
 *
 * <p>One concern of {@link CameraContract}, which runs it as a {@code @Nested} group; each test
 * gets a fresh camera and backend from the fixture through {@link CameraContractSupport}.
 */
public interface UnsupportedCommandsContract extends CameraContractSupport {

  @Test
  @DisplayName("capabilities name command types and settings")
  default void capabilities_areDescribed() {
    CameraCapabilities capabilities = camera().capabilities();
    assertThat(capabilities).isNotNull();
    assertThat(capabilities.commandTypes()).isNotEmpty();
    assertThat(capabilities.supports(new GetCameraInfo()))
        .as("every camera can say what it is")
        .isTrue();
  }

  @Test
  @DisplayName("every command the capabilities claim is not refused as unsupported")
  default void supportedCommands_areNotRefusedAsUnsupported() {
    for (CameraCommand<?> command : oneOfEveryType()) {
      if (!camera().capabilities().supports(command)) {
        continue;
      }
      CompletableFuture<?> future = camera().execute(command);
      try {
        future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (ExecutionException e) {
        assertThat(e.getCause()).as("failure of supported %s", command)
            .isNotInstanceOf(UnsupportedCommandException.class);
      } catch (Exception e) {
        fail(command + " did not complete: " + e);
      }
    }
    for (Setting<?> setting : Setting.all()) {
      if (camera().capabilities().supports(GetSetting.of(setting))) {
        CompletableFuture<?> future = camera().execute(GetSetting.of(setting));
        assertThat(future).as("reading %s", setting).succeedsWithin(WAIT);
      }
    }
  }

  @Test
  @DisplayName("every command outside the capabilities fails with UnsupportedCommandException")
  default void unsupportedCommands_failUnsupported() {
    List<CameraCommand<?>> unsupported = new ArrayList<>();
    for (CameraCommand<?> command : oneOfEveryType()) {
      if (!camera().capabilities().supports(command)) {
        unsupported.add(command);
      }
    }
    for (Setting<?> setting : Setting.all()) {
      if (!camera().capabilities().supports(GetSetting.of(setting))) {
        unsupported.add(GetSetting.of(setting));
      }
    }
    if (unsupported.isEmpty()) {
      Assumptions.abort("the camera claims every command type and setting: nothing to refuse");
    }
    for (CameraCommand<?> command : unsupported) {
      assertThat(failureOf(camera().execute(command))).as("%s", command)
          .isInstanceOf(UnsupportedCommandException.class);
    }
  }

  @Test
  @DisplayName("a command the device says it does not know fails with UnsupportedCommandException")
  default void deviceSaysUnsupported_failsUnsupported() {
    backend().failNext(
        command -> command instanceof GetSetting<?>,
        new UnsupportedCommandException("method unknown to this model (simulated)"));
    HomeportException failure = failureOf(camera().execute(GetSetting.of(Setting.PATROL)));
    assertThat(failure).isInstanceOf(UnsupportedCommandException.class);
    assertThat(failure.retryable()).isFalse();
  }
}
