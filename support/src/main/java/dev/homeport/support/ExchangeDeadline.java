package dev.homeport.support;

import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A time-out over a whole HTTP exchange, body included. The JDK client's request time-out covers
 * only the wait for the response headers: a peer that sends its headers and then trickles (or
 * stalls) its body would hold the exchange, and whatever is queued behind it, for ever. The one
 * helper for this job, for the Kasa and ONVIF camera transports alike.
 *
 * <p>All deadlines share one daemon timer thread (a scheduled task is ~100 bytes; an exchange that
 * completes in time removes its task). Thread-safe.
 */
public final class ExchangeDeadline {

  /** The time-out passed before the whole answer, body included, had arrived. */
  public static final class Expired extends HttpTimeoutException {
    private static final long serialVersionUID = 1L;

    /** An expiry after {@code timeout}. */
    public Expired(Duration timeout) {
      super("the whole answer did not arrive within " + Durations.format(timeout));
    }
  }

  private static final ScheduledThreadPoolExecutor TIMER = timer();

  private ExchangeDeadline() {}

  private static ScheduledThreadPoolExecutor timer() {
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "homeport-exchange-deadlines");
      t.setDaemon(true);
      return t;
    });
    // exchanges that complete in time leave no task behind
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }

  /**
   * Fails {@code result} with {@link Expired} unless it completes within {@code timeout}, and then,
   * or whenever {@code result} fails first (a body over its cap), cancels {@code exchange} (the
   * future of {@code HttpClient.sendAsync}: cancelling it aborts the exchange and closes its
   * connection, so nothing more is read).
   *
   * @return {@code result}
   * @throws IllegalArgumentException if {@code timeout} is not positive
   */
  public static <T> CompletableFuture<T> bound(CompletableFuture<T> result, Future<?> exchange,
      Duration timeout) {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(exchange, "exchange");
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
    ScheduledFuture<?> deadline = TIMER.schedule(() -> {
      if (result.completeExceptionally(new Expired(timeout))) {
        exchange.cancel(true);
      }
    }, timeout.toNanos(), TimeUnit.NANOSECONDS);
    result.whenComplete((value, failure) -> {
      deadline.cancel(false);
      if (failure != null && !exchange.isDone()) {
        exchange.cancel(true);
      }
    });
    return result;
  }
}
