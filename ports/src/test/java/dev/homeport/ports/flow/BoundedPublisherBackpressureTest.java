package dev.homeport.ports.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.ports.SubscriberOverflowException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Per-subscription policies, BACKPRESSURE's signal to the producer, lingering delivery and batch ends. */
class BoundedPublisherBackpressureTest {

  private final ExecutorService pool = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  @Test
  void backpressure_fullBuffer_tellsTheProducerToWait_andRoomComesBackAtHalf() throws Exception {
    BoundedPublisher<Integer> publisher = new BoundedPublisher<>(Runnable::run, 4, OverflowPolicy.BACKPRESSURE);
    RecordingSubscriber<Integer> stalled = new RecordingSubscriber<>(0);
    publisher.subscribe(stalled);

    assertThat(publisher.offer(1)).isTrue();
    assertThat(publisher.offer(2)).isTrue();
    assertThat(publisher.offer(3)).isTrue();
    assertThat(publisher.offer(4)).as("the fourth fills the buffer").isFalse();
    assertThat(publisher.awaitRoom(1, TimeUnit.MILLISECONDS)).as("room while nothing was taken").isFalse();

    stalled.request(1);
    assertThat(publisher.hasRoom()).as("3 of 4 still buffered").isFalse();
    stalled.request(1);
    assertThat(publisher.hasRoom()).as("drained to half").isTrue();
    assertThat(publisher.awaitRoom(0, TimeUnit.MILLISECONDS)).isTrue();
    stalled.request(10);
    assertThat(stalled.items).containsExactly(1, 2, 3, 4);
    assertThat(publisher.droppedCount()).isZero();
  }

  @Test
  void backpressure_producerThatWaits_losesNothing_andNeverBuffersMoreThanTheBuffer() throws Exception {
    int buffer = 16;
    BoundedPublisher<Integer> publisher = new BoundedPublisher<>(pool, buffer, OverflowPolicy.BACKPRESSURE, Duration.ofMillis(1));
    List<Integer> received = new ArrayList<>();
    AtomicInteger offeredAhead = new AtomicInteger();
    AtomicInteger maxAhead = new AtomicInteger();
    CompletableFuture<Void> done = new CompletableFuture<>();
    publisher.subscribe(
        new Flow.Subscriber<Integer>() {
          private Flow.Subscription subscription;

          @Override
          public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(1);
          }

          @Override
          public void onNext(Integer item) {
            received.add(item);
            offeredAhead.decrementAndGet();
            if (item % 100 == 0) {
              Thread.yield(); // a little slower now and then
            }
            subscription.request(1);
            if (item == 19_999) {
              done.complete(null);
            }
          }

          @Override
          public void onError(Throwable error) {
            done.completeExceptionally(error);
          }

          @Override
          public void onComplete() {}
        });

    for (int i = 0; i < 20_000; i++) {
      int ahead = offeredAhead.incrementAndGet();
      maxAhead.accumulateAndGet(ahead, Math::max);
      if (!publisher.offer(i)) {
        while (!publisher.awaitRoom(10, TimeUnit.SECONDS)) {
          // bounded by the test's own time-out
        }
      }
    }
    done.get(20, TimeUnit.SECONDS);
    assertThat(received).containsExactlyElementsOf(IntStream.range(0, 20_000).boxed().collect(Collectors.toList()));
    // Offered but not yet delivered: the buffer, plus the one being delivered.
    assertThat(maxAhead.get()).isLessThanOrEqualTo(buffer + 1);
  }

  @Test
  void backpressure_producerIgnoringTheSignal_failsThatSubscriptionAtTwiceTheBuffer() {
    BoundedPublisher<Integer> publisher = new BoundedPublisher<>(Runnable::run, 4, OverflowPolicy.BACKPRESSURE);
    RecordingSubscriber<Integer> stalled = new RecordingSubscriber<>(0);
    publisher.subscribe(stalled);
    for (int i = 0; i < 9; i++) {
      publisher.offer(i);
    }
    assertThat(stalled.error.get()).isInstanceOf(SubscriberOverflowException.class).hasMessageContaining("ignored backpressure");
    assertThat(publisher.hasRoom()).as("an ended subscriber holds nobody").isTrue();
  }

  @Test
  void policyPerSubscription_dropAndFailBesideBackpressure_neverHoldTheProducer() {
    BoundedPublisher<Integer> publisher = new BoundedPublisher<>(Runnable::run, 2, OverflowPolicy.BACKPRESSURE);
    RecordingSubscriber<Integer> dropping = new RecordingSubscriber<>(0);
    RecordingSubscriber<Integer> failing = new RecordingSubscriber<>(0);
    RecordingSubscriber<Integer> fast = new RecordingSubscriber<>(Long.MAX_VALUE);
    publisher.filtered(i -> true, OverflowPolicy.DROP_OLDEST).subscribe(dropping);
    publisher.filtered(i -> true, OverflowPolicy.FAIL).subscribe(failing);
    publisher.subscribe(fast);

    for (int i = 0; i < 10; i++) {
      assertThat(publisher.offer(i)).as("offer %d", i).isTrue();
    }
    assertThat(fast.items).hasSize(10);
    assertThat(failing.error.get()).isInstanceOf(SubscriberOverflowException.class);
    assertThat(publisher.droppedCount()).isEqualTo(8);
    dropping.request(5);
    assertThat(dropping.items).containsExactly(8, 9);
  }

  @Test
  void cancelAndClose_releaseAWaitingProducer() throws Exception {
    BoundedPublisher<Integer> publisher = new BoundedPublisher<>(Runnable::run, 1, OverflowPolicy.BACKPRESSURE);
    RecordingSubscriber<Integer> stalled = new RecordingSubscriber<>(0);
    publisher.subscribe(stalled);
    assertThat(publisher.offer(1)).isFalse();
    CompletableFuture<Boolean> waited = CompletableFuture.supplyAsync(() -> {
      try {
        return publisher.awaitRoom(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }, pool);
    stalled.subscription.cancel();
    assertThat(waited.get(10, TimeUnit.SECONDS)).isTrue();

    BoundedPublisher<Integer> other = new BoundedPublisher<>(Runnable::run, 1, OverflowPolicy.BACKPRESSURE);
    other.subscribe(new RecordingSubscriber<>(0));
    assertThat(other.offer(1)).isFalse();
    CompletableFuture<Boolean> waitedForClose = CompletableFuture.supplyAsync(() -> {
      try {
        return other.awaitRoom(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }, pool);
    other.close();
    assertThat(waitedForClose.get(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void batchingSubscriber_isToldWhereEachBurstEnds() {
    BoundedPublisher<Integer> publisher = new BoundedPublisher<>(Runnable::run, 8, OverflowPolicy.BACKPRESSURE);
    List<String> signals = new ArrayList<>();
    Flow.Subscription[] subscription = new Flow.Subscription[1];
    publisher.subscribe(
        new BatchingSubscriber<Integer>() {
          @Override
          public void onSubscribe(Flow.Subscription s) {
            subscription[0] = s;
          }

          @Override
          public void onNext(Integer item) {
            signals.add("item " + item);
          }

          @Override
          public void onBatchEnd() {
            signals.add("end");
          }

          @Override
          public void onError(Throwable error) {}

          @Override
          public void onComplete() {
            signals.add("complete");
          }
        });
    publisher.offer(1);
    publisher.offer(2);
    publisher.offer(3);
    subscription[0].request(10);
    publisher.offer(4);
    publisher.close();
    assertThat(signals).containsExactly("item 1", "item 2", "item 3", "end", "item 4", "end", "complete");
  }

  @Test
  void lingeringDelivery_deliversEverything_andGivesItsThreadBack() throws Exception {
    BoundedPublisher<Integer> publisher = new BoundedPublisher<>(pool, 10_000, OverflowPolicy.FAIL, Duration.ofMillis(1));
    RecordingSubscriber<Integer> subscriber = new RecordingSubscriber<>(Long.MAX_VALUE);
    publisher.subscribe(subscriber);
    for (int i = 0; i < 5_000; i++) {
      publisher.offer(i);
      if (i % 500 == 0) {
        // bursts, then quiet: the burst is delivered and the delivery task lingers on an empty buffer
        int delivered = i + 1;
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> subscriber.items.size() == delivered);
      }
    }
    publisher.close();
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(subscriber::terminated);
    assertThat(subscriber.items).containsExactlyElementsOf(IntStream.range(0, 5_000).boxed().collect(Collectors.toList()));
    assertThat(subscriber.error.get()).isNull();
  }
}
