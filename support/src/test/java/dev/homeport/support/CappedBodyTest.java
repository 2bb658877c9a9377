package dev.homeport.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The capped body subscriber driven as the JDK client drives it (subscription, buffers, end); the
 * end-to-end cases against misbehaving servers are in the camera adapters' tests.
 */
class CappedBodyTest {

  private static HttpResponse.ResponseInfo info(Map<String, List<String>> headers) {
    HttpHeaders h = HttpHeaders.of(headers, (a, b) -> true);
    return new HttpResponse.ResponseInfo() {
      @Override
      public int statusCode() {
        return 200;
      }

      @Override
      public HttpHeaders headers() {
        return h;
      }

      @Override
      public HttpClient.Version version() {
        return HttpClient.Version.HTTP_1_1;
      }
    };
  }

  /** Records what the subscriber asks of its subscription. */
  private static final class Subscription implements Flow.Subscription {
    long requested;
    boolean cancelled;

    @Override
    public void request(long n) {
      requested += n;
    }

    @Override
    public void cancel() {
      cancelled = true;
    }
  }

  @Test
  void bodyWithinTheCap_isDeliveredWhole_toTheFutureAndTheSink() throws Exception {
    AtomicReference<byte[]> sunk = new AtomicReference<>();
    HttpResponse.BodySubscriber<byte[]> body = CappedBody.handler(8, (i, b, f) -> sunk.set(b))
        .apply(info(Map.of()));
    Subscription s = new Subscription();
    body.onSubscribe(s);
    body.onNext(List.of(ByteBuffer.wrap(new byte[] {1, 2, 3}), ByteBuffer.wrap(new byte[] {4, 5})));
    body.onNext(List.of(ByteBuffer.wrap(new byte[] {6, 7, 8})));
    body.onComplete();

    assertThat(body.getBody().toCompletableFuture().get()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    assertThat(sunk.get()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    assertThat(s.cancelled).isFalse();
  }

  @Test
  void oneByteOverTheCap_cancelsTheDownload_andFailsWithTooLarge() {
    AtomicReference<Throwable> sunk = new AtomicReference<>();
    HttpResponse.BodySubscriber<byte[]> body = CappedBody.handler(8, (i, b, f) -> sunk.set(f))
        .apply(info(Map.of()));
    Subscription s = new Subscription();
    body.onSubscribe(s);
    body.onNext(List.of(ByteBuffer.wrap(new byte[8])));
    body.onNext(List.of(ByteBuffer.wrap(new byte[1])));
    body.onNext(List.of(ByteBuffer.wrap(new byte[1 << 20]))); // arrives after cancel: ignored

    assertThat(s.cancelled).isTrue();
    assertThat(sunk.get()).isInstanceOfSatisfying(CappedBody.TooLarge.class, e -> assertThat(e.max()).isEqualTo(8));
    assertThatThrownBy(() -> body.getBody().toCompletableFuture().get())
        .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(CappedBody.TooLarge.class);
  }

  @Test
  void announcedLengthOverTheCap_failsBeforeRequestingAnyByte() {
    HttpResponse.BodySubscriber<byte[]> body = CappedBody.handler(1024)
        .apply(info(Map.of("Content-Length", List.of("500000000"))));
    Subscription s = new Subscription();
    body.onSubscribe(s);

    assertThat(s.cancelled).isTrue();
    assertThat(s.requested).isZero();
    assertThatThrownBy(() -> body.getBody().toCompletableFuture().get())
        .hasCauseInstanceOf(CappedBody.TooLarge.class).hasMessageContaining("500000000");
  }

  @Test
  void nonPositiveCap_isRefused() {
    assertThatThrownBy(() -> CappedBody.handler(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("max");
  }
}
