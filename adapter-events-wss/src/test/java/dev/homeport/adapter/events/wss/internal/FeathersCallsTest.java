package dev.homeport.adapter.events.wss.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.homeport.ports.AuthenticationException;
import dev.homeport.ports.RequestTimeoutException;
import dev.homeport.ports.ServiceCallException;
import dev.homeport.ports.TransportException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The call machinery on its own: frames it writes, ack ids, answers, errors and time-outs. */
class FeathersCallsTest {

  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final PendingCalls pending = new PendingCalls(timer);
  private final List<String> sent = new CopyOnWriteArrayList<>();
  private final FeathersClient client = new FeathersClient(pending, Duration.ofSeconds(5), dev.homeport.support.SecretScrubber.none());

  @AfterEach
  void stop() {
    timer.shutdownNow();
  }

  private CompletableFuture<JsonNode> call(String... args) {
    var array = Json.NODES.arrayNode();
    for (String arg : args) {
      array.add(arg);
    }
    return client.call(sent::add, String.join(" ", args), array);
  }

  private static Throwable failure(CompletableFuture<?> future) throws Exception {
    try {
      future.get(10, TimeUnit.SECONDS);
      return null;
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }

  @Test
  void twoCallsOfOneKind_getDistinctAckIdsAndTheirOwnAnswers() throws Exception {
    CompletableFuture<JsonNode> first = call("find", "api/location");
    CompletableFuture<JsonNode> second = call("find", "api/location");

    assertThat(sent).containsExactly("420[\"find\",\"api/location\"]", "421[\"find\",\"api/location\"]");
    pending.complete(1, Json.parse("[null,\"second\"]", "test"));
    pending.complete(0, Json.parse("[null,\"first\"]", "test"));
    assertThat(first.get().asText()).isEqualTo("first");
    assertThat(second.get().asText()).isEqualTo("second");
    assertThat(pending.size()).isZero();
  }

  @Test
  void notAuthenticatedError_becomesAuthenticationException() throws Exception {
    CompletableFuture<JsonNode> call = call("authenticate");

    pending.complete(0, Json.parse("[{\"name\":\"NotAuthenticated\",\"message\":\"jwt expired\",\"code\":401}]", "test"));

    assertThat(failure(call)).isInstanceOf(AuthenticationException.class).hasMessageContaining("jwt expired");
  }

  @Test
  void otherFeathersError_becomesServiceCallExceptionWithNameCodeAndMessage() throws Exception {
    CompletableFuture<JsonNode> call = call("find", "api/room");

    pending.complete(0, Json.parse("[{\"name\":\"TooManyRequests\",\"message\":\"slow down\",\"code\":429,\"className\":\"too-many-requests\"}]", "test"));

    Throwable failure = failure(call);
    assertThat(failure).isInstanceOf(ServiceCallException.class);
    ServiceCallException refused = (ServiceCallException) failure;
    assertThat(refused.name()).isEqualTo("TooManyRequests");
    assertThat(refused.code()).isEqualTo(429);
    assertThat(refused.remoteMessage()).isEqualTo("slow down");
    assertThat(refused.retryable()).isTrue();
  }

  @Test
  void unansweredCall_timesOutAndItsLateAnswerIsIgnored() throws Exception {
    FeathersClient quick = new FeathersClient(pending, Duration.ofMillis(50), dev.homeport.support.SecretScrubber.none());
    CompletableFuture<JsonNode> call = quick.call(sent::add, "get api/user", Json.NODES.arrayNode().add("get"));

    assertThat(failure(call)).isInstanceOf(RequestTimeoutException.class).hasMessageContaining("get api/user");
    assertThat(pending.size()).isZero();
    assertThat(pending.complete(0, Json.parse("[null,{}]", "test"))).isFalse();
    assertThat(pending.lateAckCount()).isEqualTo(1);
  }

  @Test
  void failedSend_failsTheCallAndReleasesTheId() throws Exception {
    CompletableFuture<JsonNode> call =
        client.call(frame -> { throw new java.io.IOException("broken pipe"); }, "find api/device", Json.NODES.arrayNode().add("find"));

    assertThat(failure(call)).isInstanceOf(TransportException.class).hasMessageContaining("broken pipe");
    assertThat(pending.size()).isZero();
  }

  @Test
  void failAll_failsEveryPendingCallAtOnce() throws Exception {
    List<CompletableFuture<JsonNode>> calls = List.of(call("a"), call("b"), call("c"));

    pending.failAll(c -> new TransportException(c.description() + " lost", null));

    for (CompletableFuture<JsonNode> call : calls) {
      assertThat(failure(call)).isInstanceOf(TransportException.class).hasMessageEndingWith("lost");
    }
    assertThat(pending.size()).isZero();
  }

  @Test
  void backoff_growsExponentiallyWithJitterWithinTheCap() {
    dev.homeport.adapter.events.wss.ReconnectPolicy backoff = dev.homeport.adapter.events.wss.ReconnectPolicy.defaults();

    for (int attempt = 0; attempt < 100; attempt++) {
      Duration delay = backoff.delay(attempt);
      long ceiling = Math.min(30_000, 500L << Math.min(attempt, 20));
      assertThat(delay.toMillis()).isBetween(Math.max(500, ceiling / 2) - 1, ceiling);
    }
  }
}
