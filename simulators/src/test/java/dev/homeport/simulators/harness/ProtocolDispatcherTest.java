package dev.homeport.simulators.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.adapter.inmemory.InMemoryCamera;
import dev.homeport.domain.camera.GetPosition;
import dev.homeport.domain.camera.GoToPreset;
import dev.homeport.domain.camera.Position;
import dev.homeport.domain.camera.RawCommand;
import dev.homeport.domain.FieldMap;
import dev.homeport.ports.AuthenticationException;
import dev.homeport.ports.CameraCommandException;
import dev.homeport.ports.RequestTimeoutException;
import dev.homeport.ports.TransportException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/**
 * A toy brand ("/position" answers "x,y"; "/preset/N" goes there) on the harness: the
 * brand writes only decode and encode, and armed faults and backend faults land on the wire alike.
 */
class ProtocolDispatcherTest {

  /** The toy brand: decode a path, encode an outcome. */
  private static final class ToyProtocol implements SimulatedProtocol<String> {
    @Override
    public Decoded<String> decode(RecordedRequest request) {
      if (!"secret".equals(request.header("X-Key").orElse(""))) {
        return Decoded.fault(Fault.REJECT_LOGIN);
      }
      return request.path().startsWith("/") ? Decoded.call(request.path()) : Decoded.answer(HttpAnswer.status(404));
    }

    @Override
    public CompletionStage<HttpAnswer> answer(String path, BackendBridge backend) {
      if (path.equals("/position")) {
        return backend.run(new GetPosition()).thenApply(o -> encode(o, p -> p.x() + "," + p.y()));
      }
      int n = Integer.parseInt(path.substring("/preset/".length()));
      return backend.run(new GoToPreset(n)).thenApply(o -> encode(o, v -> "ok"));
    }

    private static <T> HttpAnswer encode(BackendOutcome<T> outcome, java.util.function.Function<T, String> text) {
      if (outcome.fault().isPresent()) {
        return HttpAnswer.fault(outcome.fault().get());
      }
      if (outcome instanceof BackendOutcome.Value) {
        return HttpAnswer.text(200, "text/plain", text.apply(((BackendOutcome.Value<T>) outcome).value()));
      }
      if (outcome instanceof BackendOutcome.Refused) {
        BackendOutcome.Refused<T> refused = (BackendOutcome.Refused<T>) outcome;
        return HttpAnswer.text(409, "text/plain", refused.code() + " " + refused.message());
      }
      return HttpAnswer.status(501);
    }

    @Override
    public HttpAnswer rejectedLogin(RecordedRequest request) {
      return HttpAnswer.text(403, "text/plain", "who are you");
    }

    @Override
    public HttpAnswer malformed(HttpAnswer proper) {
      return HttpAnswer.text(200, "text/plain", "%%garbage%%");
    }
  }

  private final InMemoryCamera camera = InMemoryCamera.builder().position(new Position(10, 20)).build();
  private final FaultPlan faults = new FaultPlan();
  private final HttpClient client = HttpClient.newHttpClient();

  private SimulatorServer start() {
    return SimulatorServer.builder().plainHttp().faults(faults)
        .dispatcher(new ProtocolDispatcher<>(new ToyProtocol(), new BackendBridge(camera), faults)).start();
  }

  private HttpResponse<String> get(SimulatorServer server, String path, String key) throws Exception {
    // POST: the JDK client retries an idempotent GET once on a dropped connection, hiding the drop
    HttpRequest.Builder request = HttpRequest.newBuilder(server.url(path)).timeout(Duration.ofSeconds(20))
        .POST(HttpRequest.BodyPublishers.noBody());
    if (key != null) {
      request.header("X-Key", key);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void value_isEncodedByTheBrand() throws Exception {
    try (SimulatorServer server = start()) {
      assertThat(get(server, "/position", "secret").body()).isEqualTo("10,20");
    }
  }

  @Test
  void badCredentials_andABackendRejectingThem_bothGetTheBrandsRefusal() throws Exception {
    try (SimulatorServer server = start()) {
      HttpResponse<String> wrongKey = get(server, "/position", "nope");
      assertThat(wrongKey.statusCode()).isEqualTo(403);
      camera.failNext(new AuthenticationException("simulated"));
      assertThat(get(server, "/position", "secret").statusCode()).isEqualTo(403);
      assertThat(faults.carriedOut(Fault.REJECT_LOGIN)).isEqualTo(2);
    }
  }

  @Test
  void armedDrop_andAnUnreachableBackend_bothDropTheConnection() throws Exception {
    try (SimulatorServer server = start()) {
      faults.armNext(Fault.DROP_CONNECTION, 1);
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> get(server, "/position", "secret"))
          .isInstanceOf(IOException.class);
      camera.failNext(new TransportException("simulated", null));
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> get(server, "/position", "secret"))
          .isInstanceOf(IOException.class);
      assertThat(faults.carriedOut(Fault.DROP_CONNECTION)).isEqualTo(2);
      assertThat(get(server, "/position", "secret").body()).isEqualTo("10,20");
    }
  }

  @Test
  void backendTimeout_leavesTheRequestUnanswered() throws Exception {
    try (SimulatorServer server = start()) {
      camera.failNext(new RequestTimeoutException("simulated", null));
      HttpRequest request = HttpRequest.newBuilder(server.url("/position")).header("X-Key", "secret")
          .timeout(Duration.ofMillis(500)).POST(HttpRequest.BodyPublishers.noBody()).build();
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString()))
          .isInstanceOf(java.net.http.HttpTimeoutException.class);
      assertThat(faults.carriedOut(Fault.NO_ANSWER)).isEqualTo(1);
    }
  }

  @Test
  void refusal_carriesTheBackendsCodeAndMessage() throws Exception {
    try (SimulatorServer server = start()) {
      camera.failNext(new CameraCommandException("ptz.go", "-40401", "no such preset", false));
      HttpResponse<String> refused = get(server, "/preset/2", "secret");
      assertThat(refused.statusCode()).isEqualTo(409);
      assertThat(refused.body()).isEqualTo("-40401 no such preset");
    }
  }

  @Test
  void malformedSwitch_replacesProperAnswersOnly_untilCleared() throws Exception {
    try (SimulatorServer server = start()) {
      faults.set(Fault.MALFORMED_ANSWER, true);
      assertThat(get(server, "/position", "secret").body()).isEqualTo("%%garbage%%");
      assertThat(get(server, "/position", "nope").statusCode()).isEqualTo(403);
      faults.clear();
      assertThat(get(server, "/position", "secret").body()).isEqualTo("10,20");
    }
  }

  @Test
  void slowAnswers_delayAcceptedAnswers_pastAClientTimeout_untilCleared() throws Exception {
    try (SimulatorServer server = start()) {
      faults.slowAnswers(Duration.ofSeconds(5));
      HttpRequest request = HttpRequest.newBuilder(server.url("/position")).header("X-Key", "secret")
          .timeout(Duration.ofMillis(200)).POST(HttpRequest.BodyPublishers.noBody()).build();
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString()))
          .isInstanceOf(java.net.http.HttpTimeoutException.class);
      assertThat(get(server, "/position", "nope").statusCode()).as("a refused login is not delayed").isEqualTo(403);
      faults.clear();
      assertThat(get(server, "/position", "secret").body()).isEqualTo("10,20");
    }
  }

  @Test
  void bridge_mapsEveryPortFailureToItsOutcome() {
    BackendBridge bridge = new BackendBridge(camera);
    camera.failNext(new CameraCommandException("m.x", "-1", "nope", false));
    assertThat(bridge.run(new GetPosition()).join()).isEqualTo(new BackendOutcome.Refused<Position>("-1", "nope"));
    assertThat(bridge.run(new RawCommand("nothing.here", FieldMap.empty())).join())
        .isInstanceOf(BackendOutcome.Unsupported.class);
    camera.failNext(new AuthenticationException("x"));
    assertThat(bridge.run(new GetPosition()).join().fault()).contains(Fault.REJECT_LOGIN);
    camera.failNext(new RequestTimeoutException("x", null));
    assertThat(bridge.run(new GetPosition()).join().fault()).contains(Fault.NO_ANSWER);
    camera.setUnreachable(true);
    assertThat(bridge.run(new GetPosition()).join().fault()).contains(Fault.DROP_CONNECTION);
    camera.setUnreachable(false);
    assertThat(bridge.run(new GetPosition()).join()).isEqualTo(new BackendOutcome.Value<>(new Position(10, 20)));
  }

  @Test
  void faultPlan_refusesSwitchesAsOneShots_andTheOtherWayRound() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> faults.armNext(Fault.SLOW_ANSWER, 1))
        .hasMessageContaining("fault must be one of");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> faults.set(Fault.DROP_CONNECTION, true))
        .hasMessageContaining("fault must be one of");
    faults.armNext(Fault.NO_ANSWER, 2).armNext(Fault.DROP_CONNECTION, 1);
    assertThat(faults.takeArmed()).isEqualTo(Fault.NO_ANSWER);
    assertThat(faults.armedCount()).isEqualTo(2);
    faults.armOnly(Fault.DROP_CONNECTION, 0);
    assertThat(faults.takeArmed()).isNull();
  }
}
