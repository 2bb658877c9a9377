package dev.homeport.adapter.camera.onvif;

import static dev.homeport.adapter.camera.onvif.OnvifTestSupport.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.homeport.adapter.camera.onvif.internal.OnvifCamera;
import dev.homeport.adapter.inmemory.InMemoryCamera;
import dev.homeport.domain.camera.CameraInfo;
import dev.homeport.domain.camera.GetCameraInfo;
import dev.homeport.domain.camera.GetPosition;
import dev.homeport.domain.camera.GetSnapshot;
import dev.homeport.ports.AuthenticationException;
import dev.homeport.ports.camera.Camera;
import dev.homeport.simulators.onvif.OnvifCameraSimulator;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** WS-Security digests, the camera clock offset and HTTP Digest, against the simulator. */
class OnvifAuthenticationTest {

  private static Throwable failure(java.util.concurrent.CompletableFuture<?> future) {
    Throwable t = catchThrowable(() -> future.get(20, TimeUnit.SECONDS));
    assertThat(t).isInstanceOf(ExecutionException.class);
    return t.getCause();
  }

  @Test
  void cameraClockHoursOff_isLearntAndCreatedIsStampedInCameraTime() {
    InMemoryCamera backend = OnvifTestSupport.backend();
    try (OnvifCameraSimulator sim = OnvifCameraSimulator.builder().backend(backend)
            .clockOffset(Duration.ofHours(-3).minusMinutes(7)).start();
        Camera camera = OnvifTestSupport.connect(sim, Map.of())) {
      CameraInfo info = await(camera.execute(new GetCameraInfo()));
      assertThat(info.model()).isEqualTo("C210");
      assertThat(sim.notAuthorizedCount()).isZero();
      assertThat(sim.lastCreatedSkew().abs()).isLessThan(Duration.ofSeconds(5));
      Duration offset = ((OnvifCamera) camera).transport().clockOffset().orElseThrow();
      assertThat(offset).isBetween(Duration.ofMinutes(-188), Duration.ofMinutes(-186));
    }
  }

  @Test
  void cameraClockJumpsAfterTheFirstSync_refusalMakesTheClientReadTheClockAgain() {
    InMemoryCamera backend = OnvifTestSupport.backend();
    try (OnvifCameraSimulator sim = OnvifCameraSimulator.builder().backend(backend).start();
        Camera camera = OnvifTestSupport.connect(sim, Map.of())) {
      await(camera.execute(new GetPosition()));
      sim.setClockOffset(Duration.ofHours(2));
      assertThat(await(camera.execute(new GetPosition()))).isEqualTo(backend.peekPosition());
      assertThat(sim.notAuthorizedCount()).as("one refusal, then the re-synchronised retry").isEqualTo(1);
      assertThat(((OnvifCamera) camera).transport().clockOffset().orElseThrow())
          .isBetween(Duration.ofMinutes(119), Duration.ofMinutes(121));
    }
  }

  @Test
  void wrongPassword_failsWithAuthenticationException_notRetryable_andNeverShowsThePassword() {
    InMemoryCamera backend = OnvifTestSupport.backend();
    try (OnvifCameraSimulator sim = OnvifCameraSimulator.builder().backend(backend).start();
        Camera camera = OnvifTestSupport.connect(sim, "wrong-horse-battery", Map.of())) {
      Throwable cause = failure(camera.execute(new GetCameraInfo()));
      assertThat(cause).isInstanceOf(AuthenticationException.class)
          .hasMessageContaining("not authorised").hasMessageNotContaining("wrong-horse-battery");
      assertThat(((AuthenticationException) cause).retryable()).isFalse();
      assertThat(backend.executedCommands()).isEmpty();
    }
  }

  @Test
  void passwordChangedOnTheCamera_failsTheNextCommandAsNotAuthorised() {
    InMemoryCamera backend = OnvifTestSupport.backend();
    try (OnvifCameraSimulator sim = OnvifCameraSimulator.builder().backend(backend).start();
        Camera camera = OnvifTestSupport.connect(sim, Map.of())) {
      await(camera.execute(new GetPosition()));
      sim.setPassword("changed-in-the-app");
      assertThat(failure(camera.execute(new GetPosition()))).isInstanceOf(AuthenticationException.class);
    }
  }

  @Test
  void cameraRequiringHttpDigest_isAnsweredWithDigest_forSoapAndSnapshots() {
    InMemoryCamera backend = OnvifTestSupport.backend();
    try (OnvifCameraSimulator sim = OnvifCameraSimulator.builder().backend(backend).requireDigest(true).start();
        Camera camera = OnvifTestSupport.connect(sim, Map.of())) {
      assertThat(await(camera.execute(new GetPosition()))).isEqualTo(backend.peekPosition());
      assertThat(((OnvifCamera) camera).transport().usesHttpDigest()).isTrue();
      int challenges = sim.digestChallenges();
      assertThat(challenges).isPositive();
      await(camera.execute(new GetPosition()));
      assertThat(sim.digestChallenges()).as("the remembered challenge is reused").isEqualTo(challenges);
      assertThat(await(camera.execute(new GetSnapshot())).bytes())
          .isEqualTo(backend.execute(new GetSnapshot()).join().bytes());
    }
  }
}
