package dev.homeport.cli.internal;

import dev.homeport.ports.RequestTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waiting for an adapter's answer on the command's thread. */
final class Futures {

  private Futures() {}

  /**
   * Waits for a result; a safety net beyond the adapter's own time-outs: three times {@code
   * timeout} (default 30 s) plus 5 s.
   *
   * @throws RequestTimeoutException when nothing came in that time (the future is cancelled)
   * @throws RuntimeException the future's own failure, unwrapped
   */
  static <R> R await(CompletableFuture<R> future, Optional<Duration> timeout) {
    Duration limit = timeout.orElse(Duration.ofSeconds(30)).multipliedBy(3).plusSeconds(5);
    try {
      return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw Failures.rethrowable(e.getCause());
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new RequestTimeoutException("no answer within " + limit.toSeconds() + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UsageException("interrupted");
    }
  }
}
