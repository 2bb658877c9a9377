package dev.homeport.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.homeport.domain.camera.CameraInfo;
import dev.homeport.domain.camera.GetCameraInfo;
import dev.homeport.domain.camera.GetPosition;
import dev.homeport.domain.camera.Stop;
import dev.homeport.ports.ClosedException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The camera contract on close: commands after close, idempotent close, commands pending at close.
 *
 * <p>One concern of {@link CameraContract}, which runs it as a {@code @Nested} group; each test
 * gets a fresh camera and backend from the fixture through {@link CameraContractSupport}.
 */
public interface CloseContract extends CameraContractSupport {

  @Test
  @DisplayName("after close, commands fail with ClosedException")
  default void afterClose_commandsFailWithClosedException() {
    camera().close();
    assertThat(failureOf(camera().execute(new GetCameraInfo()))).isInstanceOf(ClosedException.class);
    assertThat(failureOf(camera().executeAll(List.of(new GetPosition())))).isInstanceOf(ClosedException.class);
  }

  @Test
  @DisplayName("close is idempotent")
  default void close_isIdempotent() {
    camera().close();
    camera().close();
    assertThat(failureOf(camera().execute(new Stop()))).isInstanceOf(ClosedException.class);
  }

  @Test
  @DisplayName("a command pending at close fails with ClosedException")
  default void pendingAtClose_failsWithClosedException() {
    backend().setLatency(fixture().requestTimeout().multipliedBy(4));
    CompletableFuture<CameraInfo> pending = camera().execute(new GetCameraInfo());
    camera().close();
    assertThat(failureOf(pending)).isInstanceOf(ClosedException.class);
  }
}
