package dev.homeport.support;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * The one body handler for answers of peers that must not make memory grow (camera HTTP answers,
 * Kasa and ONVIF alike): it keeps at most {@code max} bytes and fails with {@link TooLarge},
 * cancelling the download (the JDK client then closes the connection, so the rest is never read),
 * as soon as more arrive, or at once when the announced {@code Content-Length} is already larger.
 *
 * <p>{@link #handler(int, Sink)} also hands the finished answer to a {@link Sink} on the thread
 * that delivered its last bytes: callers that need no thread per answer use it instead of the
 * future of {@code HttpClient.sendAsync}, whose dependent actions the JDK runs on the common pool
 * (a new thread per answer on a machine with fewer than three cores).
 *
 * <p>A subscriber serves one answer; the handlers are stateless and thread-safe.
 */
public final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

  /** The body was larger than the cap. */
  public static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;
    private final int max;

    TooLarge(int max, String how) {
      super("answer " + how + " more than " + max + " bytes");
      this.max = max;
    }

    /** The cap that was exceeded, in bytes. */
    public int max() {
      return max;
    }
  }

  /** Receives a finished answer: its status and body, or the failure that ended it. */
  @FunctionalInterface
  public interface Sink {
    /**
     * Called once per answer whose body was read to its end or failed; {@code body} is null when
     * {@code failure} is not.
     */
    void done(HttpResponse.ResponseInfo info, byte[] body, Throwable failure);
  }

  private final int max;
  private final HttpResponse.ResponseInfo info;
  private final Sink sink;
  private final long announced;
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private byte[] bytes = new byte[0];
  private int size;
  private Flow.Subscription subscription;

  private CappedBody(int max, HttpResponse.ResponseInfo info, Sink sink) {
    this.max = max;
    this.info = info;
    this.sink = sink;
    OptionalLong length = info.headers().firstValueAsLong("Content-Length");
    this.announced = length.orElse(-1);
  }

  /**
   * A handler whose bodies are capped at {@code max} bytes.
   *
   * @throws IllegalArgumentException if {@code max} is not positive
   */
  public static HttpResponse.BodyHandler<byte[]> handler(int max) {
    return handler(max, null);
  }

  /**
   * A handler whose bodies are capped at {@code max} bytes and that hands each finished answer to
   * {@code sink} (may be null) on the thread that delivered it.
   *
   * @throws IllegalArgumentException if {@code max} is not positive
   */
  public static HttpResponse.BodyHandler<byte[]> handler(int max, Sink sink) {
    if (max <= 0) {
      throw new IllegalArgumentException("max must be a positive number of bytes, was " + max);
    }
    return info -> new CappedBody(max, info, sink);
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    if (announced > max) {
      s.cancel();
      fail(new TooLarge(max, "announced " + announced + " bytes,"));
      return;
    }
    if (announced > 0) {
      bytes = new byte[(int) announced];
    }
    s.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer buffer : buffers) {
      int n = buffer.remaining();
      if ((long) size + n > max) {
        subscription.cancel();
        bytes = null;
        fail(new TooLarge(max, "has"));
        return;
      }
      if (size + n > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.min(max, Math.max(size + n, Math.max(256, bytes.length * 2))));
      }
      buffer.get(bytes, size, n);
      size += n;
    }
  }

  @Override
  public void onError(Throwable error) {
    fail(error);
  }

  @Override
  public void onComplete() {
    if (result.isDone()) {
      return;
    }
    byte[] body = size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
    bytes = null;
    if (sink != null) {
      sink.done(info, body, null);
    }
    result.complete(body);
  }

  private void fail(Throwable error) {
    if (result.isDone()) {
      return;
    }
    if (sink != null) {
      sink.done(info, null, error);
    }
    result.completeExceptionally(error);
  }
}
