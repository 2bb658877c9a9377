package dev.homeport.adapter.events.wss.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.homeport.ports.RequestTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Calls waiting for their Socket.IO ACK, by ack id. Every call gets a fresh id; an id is released
 * when its ACK arrives, when it times out, or when all calls are failed at once (disconnect).
 * Thread-safe.
 */
public final class PendingCalls {

  /** One call in flight. */
  public static final class Call {
    private final long ackId;
    private final String description;
    private final CompletableFuture<JsonNode> future = new CompletableFuture<>();
    private volatile ScheduledFuture<?> timer;

    private Call(long ackId, String description) {
      this.ackId = ackId;
      this.description = description;
    }

    public long ackId() {
      return ackId;
    }

    public String description() {
      return description;
    }

    /** Completes with the ACK's argument array. */
    public CompletableFuture<JsonNode> future() {
      return future;
    }
  }

  private final Map<Long, Call> pending = new ConcurrentHashMap<>();
  private final AtomicLong nextAckId = new AtomicLong();
  private final AtomicLong lateAcks = new AtomicLong();
  private final ScheduledExecutorService scheduler;

  public PendingCalls(ScheduledExecutorService scheduler) {
    this.scheduler = scheduler;
  }

  /**
   * Allocates a fresh ack id and arms the time-out.
   *
   * @param description what the call is, for messages (never contains secrets)
   */
  public Call allocate(String description, Duration timeout) {
    long id = nextAckId.getAndUpdate(current -> current == Long.MAX_VALUE ? 0 : current + 1);
    Call call = new Call(id, description);
    if (pending.putIfAbsent(id, call) != null) {
      throw new IllegalStateException("ack id " + id + " still in use after wrapping around");
    }
    call.future.whenComplete((value, error) -> release(call));
    try {
      call.timer =
          scheduler.schedule(
              () -> {
                release(call);
                call.future.completeExceptionally(
                    new RequestTimeoutException(
                        description + " got no answer within " + timeout.toMillis() + " ms", null));
              },
              timeout.toNanos(),
              TimeUnit.NANOSECONDS);
      if (call.future.isDone()) {
        call.timer.cancel(false);
      }
    } catch (java.util.concurrent.RejectedExecutionException e) {
      fail(call, new dev.homeport.ports.ClosedException("session is closed"));
    }
    return call;
  }

  private void release(Call call) {
    pending.remove(call.ackId, call);
    ScheduledFuture<?> timer = call.timer;
    if (timer != null) {
      timer.cancel(false);
    }
  }

  /**
   * Hands an ACK to its call.
   *
   * @return false when no call waits for {@code ackId} (late, duplicate or unknown ACK)
   */
  public boolean complete(long ackId, JsonNode args) {
    Call call = pending.get(ackId);
    if (call == null) {
      lateAcks.incrementAndGet();
      return false;
    }
    // Release first, so whoever sees the answer also sees the ack id free.
    release(call);
    call.future.complete(args);
    return true;
  }

  /**
   * Fails the call waiting for {@code ackId} (its answer could not be read) with the error made for
   * it.
   *
   * @return false when no call waits for {@code ackId}
   */
  public boolean fail(long ackId, Function<Call, Throwable> error) {
    Call call = pending.get(ackId);
    if (call == null) {
      lateAcks.incrementAndGet();
      return false;
    }
    fail(call, error.apply(call));
    return true;
  }

  /** Fails one call (e.g. the send failed). */
  public void fail(Call call, Throwable error) {
    release(call);
    call.future.completeExceptionally(error);
  }

  /** Fails every pending call with an error made for it, releasing every ack id. */
  public void failAll(Function<Call, Throwable> error) {
    for (Call call : pending.values()) {
      fail(call, error.apply(call));
    }
  }

  /** Calls currently waiting for an ACK. */
  public int size() {
    return pending.size();
  }

  /** ACKs that arrived for no waiting call. */
  public long lateAckCount() {
    return lateAcks.get();
  }
}
