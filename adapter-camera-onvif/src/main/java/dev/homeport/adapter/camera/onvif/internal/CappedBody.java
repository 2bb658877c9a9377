package dev.homeport.adapter.camera.onvif.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A body subscriber that keeps at most {@code max} bytes and fails with {@link TooLarge} (cancelling
 * the download) as soon as more arrive, so a peer cannot make memory grow. Not shared.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

  /** The body was larger than the cap. */
  static final class TooLarge extends IOException {
    final int max;

    TooLarge(int max) {
      super("answer is larger than " + max + " bytes");
      this.max = max;
    }
  }

  private final int max;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private Flow.Subscription subscription;

  private CappedBody(int max) {
    this.max = max;
  }

  /** A handler whose bodies are capped at {@code max} bytes. */
  static HttpResponse.BodyHandler<byte[]> handler(int max) {
    return info -> new CappedBody(max);
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    s.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer buffer : buffers) {
      if (bytes.size() + buffer.remaining() > max) {
        subscription.cancel();
        result.completeExceptionally(new TooLarge(max));
        return;
      }
      byte[] chunk = new byte[buffer.remaining()];
      buffer.get(chunk);
      bytes.writeBytes(chunk);
    }
  }

  @Override
  public void onError(Throwable error) {
    result.completeExceptionally(error);
  }

  @Override
  public void onComplete() {
    result.complete(bytes.toByteArray());
  }
}
