package dev.homeport.adapter.camera.http.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Runs asynchronous tasks one at a time, in submission order (first come, first served, so no
 * caller starves), without holding a thread while a task's future is pending. Used to keep exactly
 * one request in flight per camera.
 *
 * <p>Thread-safe. Tasks are expected to complete asynchronously (network I/O); a task whose future
 * is already complete starts the next one on the same stack.
 */
public final class SerialQueue {

  private final ArrayDeque<Entry<?>> waiting = new ArrayDeque<>();
  private boolean busy;
  private RuntimeException closedBy;

  private final class Entry<T> {
    final Supplier<CompletableFuture<T>> task;
    final CompletableFuture<T> result = new CompletableFuture<>();

    Entry(Supplier<CompletableFuture<T>> task) {
      this.task = task;
    }

    void start() {
      CompletableFuture<T> running;
      try {
        running = task.get();
      } catch (RuntimeException | Error e) {
        running = CompletableFuture.failedFuture(e);
      }
      running.whenComplete((value, failure) -> {
        // hand over before completing, so a caller that submits from its completion callback
        // queues behind the tasks that were already waiting
        startNext();
        if (failure != null) {
          result.completeExceptionally(failure);
        } else {
          result.complete(value);
        }
      });
    }
  }

  /**
   * Queues {@code task}; it starts once every earlier task's future has completed. The returned
   * future completes as the task's future does, exceptionally if the task throws, or with the
   * close reason if the queue is closed before the task starts.
   */
  public <T> CompletableFuture<T> submit(Supplier<CompletableFuture<T>> task) {
    Entry<T> entry = new Entry<>(task);
    synchronized (this) {
      if (closedBy != null) {
        return CompletableFuture.failedFuture(closedBy);
      }
      if (busy) {
        waiting.addLast(entry);
        return entry.result;
      }
      busy = true;
    }
    entry.start();
    return entry.result;
  }

  private void startNext() {
    Entry<?> next;
    synchronized (this) {
      next = waiting.pollFirst();
      if (next == null) {
        busy = false;
        return;
      }
    }
    next.start();
  }

  /**
   * Refuses new tasks and fails the waiting ones with {@code reason}; the running task, if any,
   * is left to finish.
   */
  public void close(RuntimeException reason) {
    List<Entry<?>> dropped;
    synchronized (this) {
      if (closedBy != null) {
        return;
      }
      closedBy = reason;
      dropped = new ArrayList<>(waiting);
      waiting.clear();
    }
    dropped.forEach(e -> e.result.completeExceptionally(reason));
  }

  /** Number of tasks waiting (not counting the one running). */
  public synchronized int waitingCount() {
    return waiting.size();
  }
}
