package dev.homeport.adapter.camera.onvif;

import static dev.homeport.adapter.camera.onvif.OnvifTestSupport.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeport.domain.camera.GetPosition;
import dev.homeport.ports.ProtocolException;
import dev.homeport.ports.RequestTimeoutException;
import dev.homeport.ports.camera.Camera;
import dev.homeport.simulators.harness.Fault;
import dev.homeport.simulators.onvif.OnvifCameraSimulator;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * ONVIF cameras that misbehave on the wire (issue 10 items 9 and 10): the same capped body and
 * whole-exchange time-out as the Kasa adapter's, against the simulator's body faults.
 */
class OnvifHostileAnswersTest {

  @Test
  void endlessAnswer_failsAsProtocolError_andTheClientStopsReading() {
    try (OnvifCameraSimulator sim = OnvifCameraSimulator.builder().backend(OnvifTestSupport.backend()).start();
        Camera camera = OnvifTestSupport.connect(sim, Map.of())) {
      await(camera.execute(new GetPosition()));
      sim.faults().armNext(Fault.ENDLESS_ANSWER, 1);

      assertThatThrownBy(() -> camera.execute(new GetPosition()).join())
          .isInstanceOf(CompletionException.class).cause()
          .isInstanceOf(ProtocolException.class).hasMessageContaining("with more than");
      Awaitility.await().atMost(Duration.ofSeconds(10))
          .until(() -> sim.faults().carriedOut(Fault.ENDLESS_ANSWER) == 1);
      assertThat(sim.faults().bodyBytesSent()).isLessThan(64L * 1024 * 1024);
      assertThat(await(camera.execute(new GetPosition()))).isNotNull();
    }
  }

  @Test
  void tricklingBody_failsAtTheRequestTimeout() {
    try (OnvifCameraSimulator sim = OnvifCameraSimulator.builder().backend(OnvifTestSupport.backend()).start();
        Camera camera = OnvifTestSupport.connect(sim, Map.of("requestTimeout", "1500ms"))) {
      await(camera.execute(new GetPosition()));
      sim.faults().armNext(Fault.TRICKLE_ANSWER, 1);

      assertThatThrownBy(() -> camera.execute(new GetPosition()).join())
          .isInstanceOf(CompletionException.class).cause()
          .isInstanceOf(RequestTimeoutException.class).hasMessageContaining("in time");
      Awaitility.await().atMost(Duration.ofSeconds(10))
          .until(() -> sim.faults().carriedOut(Fault.TRICKLE_ANSWER) == 1);
      assertThat(sim.faults().bodyBytesSent()).isLessThan(4096);
      assertThat(await(camera.execute(new GetPosition()))).isNotNull();
    }
  }
}
