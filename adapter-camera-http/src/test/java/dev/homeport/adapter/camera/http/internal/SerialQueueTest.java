package dev.homeport.adapter.camera.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SerialQueueTest {

  @Test
  void tasksSubmittedWhileOneRuns_startOnlyAfterItCompletes_inSubmissionOrder() throws Exception {
    SerialQueue queue = new SerialQueue();
    List<CompletableFuture<Integer>> gates = new ArrayList<>();
    List<Integer> started = new CopyOnWriteArrayList<>();
    List<CompletableFuture<Integer>> results = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      CompletableFuture<Integer> gate = new CompletableFuture<>();
      gates.add(gate);
      int n = i;
      results.add(queue.submit(() -> {
        started.add(n);
        return gate;
      }));
    }
    assertThat(started).containsExactly(0);
    assertThat(queue.waitingCount()).isEqualTo(4);
    for (int i = 0; i < 5; i++) {
      gates.get(i).complete(i * 10);
      assertThat(started).hasSize(Math.min(i + 2, 5));
    }
    assertThat(started).containsExactly(0, 1, 2, 3, 4);
    for (int i = 0; i < 5; i++) {
      assertThat(results.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(i * 10);
    }
  }

  @Test
  void concurrentSubmitters_neverRunTwoTasksAtOnce() throws Exception {
    SerialQueue queue = new SerialQueue();
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger maxInFlight = new AtomicInteger();
    List<CompletableFuture<Void>> all = new CopyOnWriteArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      Thread thread = new Thread(() -> {
        for (int i = 0; i < 200; i++) {
          all.add(queue.submit(() -> CompletableFuture.runAsync(() -> {
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            inFlight.decrementAndGet();
          })));
        }
      });
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join(10_000);
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
    assertThat(all).hasSize(1600);
    assertThat(maxInFlight.get()).isEqualTo(1);
  }

  @Test
  void failingTask_failsItsFutureAndTheNextStillRuns() throws Exception {
    SerialQueue queue = new SerialQueue();
    CompletableFuture<String> failed = queue.submit(() -> {
      throw new IllegalStateException("boom");
    });
    CompletableFuture<String> next = queue.submit(() -> CompletableFuture.completedFuture("ok"));
    assertThatThrownBy(() -> failed.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(IllegalStateException.class);
    assertThat(next.get(10, TimeUnit.SECONDS)).isEqualTo("ok");
  }

  @Test
  void close_failsWaitingTasksAndRefusesNewOnes() {
    SerialQueue queue = new SerialQueue();
    CompletableFuture<String> gate = new CompletableFuture<>();
    CompletableFuture<String> running = queue.submit(() -> gate);
    CompletableFuture<String> waiting = queue.submit(() -> CompletableFuture.completedFuture("x"));
    queue.close(new IllegalStateException("closed"));
    assertThat(waiting).isCompletedExceptionally();
    assertThat(queue.submit(() -> CompletableFuture.completedFuture("y")))
        .isCompletedExceptionally();
    gate.complete("done");
    assertThat(running).isCompletedWithValue("done");
  }
}
