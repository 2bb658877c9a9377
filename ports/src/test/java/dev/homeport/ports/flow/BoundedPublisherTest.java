package dev.homeport.ports.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.homeport.ports.SubscriberOverflowException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BoundedPublisherTest {

  private static final Duration BOUND = Duration.ofSeconds(10);

  /** Direct executor: delivery happens on the calling thread, so assertions need no waiting. */
  private final BoundedPublisher<Integer> direct =
      new BoundedPublisher<>(Runnable::run, 16, OverflowPolicy.FAIL);

  private final ExecutorService pool = Executors.newFixedThreadPool(4);

  @AfterEach
  void stopPool() throws InterruptedException {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void withoutDemand_nothingIsDelivered_untilRequested() {
    RecordingSubscriber<Integer> subscriber = new RecordingSubscriber<>(0);
    direct.subscribe(subscriber);
    direct.offer(1);
    direct.offer(2);
    direct.offer(3);
    assertThat(subscriber.subscribes.get()).isEqualTo(1);
    assertThat(subscriber.items).isEmpty();

    subscriber.request(2);
    assertThat(subscriber.items).containsExactly(1, 2);

    subscriber.request(5);
    assertThat(subscriber.items).containsExactly(1, 2, 3);
    direct.offer(4);
    assertThat(subscriber.items).containsExactly(1, 2, 3, 4);
  }

  @Test
  void requestOne_deliversExactlyOne() {
    RecordingSubscriber<Integer> subscriber = new RecordingSubscriber<>(1);
    direct.subscribe(subscriber);
    direct.offer(1);
    direct.offer(2);
    assertThat(subscriber.items).containsExactly(1);
  }

  @Test
  void items_arriveInOfferOrder_onAPoolExecutor_withoutOverlappingSignals() {
    BoundedPublisher<Integer> publisher = new BoundedPublisher<>(pool, 10_000, OverflowPolicy.FAIL);
    RecordingSubscriber<Integer> subscriber = new RecordingSubscriber<>(Long.MAX_VALUE);
    publisher.subscribe(subscriber);
    await().atMost(BOUND).until(() -> subscriber.subscribes.get() == 1);
    List<Integer> expected = IntStream.range(0, 5_000).boxed().collect(Collectors.toList());
    expected.forEach(publisher::offer);
    publisher.close();

    await().atMost(BOUND).until(subscriber::terminated);
    assertThat(subscriber.items).containsExactlyElementsOf(expected);
    assertThat(subscriber.completions.get()).isEqualTo(1);
    assertThat(subscriber.overlapped).isFalse();
  }

  @Test
  void concurrentProducers_everyItemArrivesOnce_perProducerInOrder() throws Exception {
    BoundedPublisher<Integer> publisher = new BoundedPublisher<>(pool, 100_000, OverflowPolicy.FAIL);
    RecordingSubscriber<Integer> subscriber = new RecordingSubscriber<>(Long.MAX_VALUE);
    publisher.subscribe(subscriber);
    await().atMost(BOUND).until(() -> subscriber.subscribes.get() == 1);
    int producers = 4;
    int perProducer = 2_000;
    CountDownLatch start = new CountDownLatch(1);
    Thread[] threads = new Thread[producers];
    for (int p = 0; p < producers; p++) {
      int base = p * perProducer;
      threads[p] =
          new Thread(
              () -> {
                try {
                  start.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  return;
                }
                for (int i = 0; i < perProducer; i++) {
                  publisher.offer(base + i);
                }
              });
      threads[p].start();
    }
    start.countDown();
    for (Thread thread : threads) {
      thread.join(BOUND.toMillis());
      assertThat(thread.isAlive()).isFalse();
    }
    await().atMost(BOUND).until(() -> subscriber.items.size() == producers * perProducer);
    assertThat(subscriber.items).doesNotHaveDuplicates();
    for (int p = 0; p < producers; p++) {
      int base = p * perProducer;
      List<Integer> ofProducer =
          subscriber.items.stream().filter(i -> i >= base && i < base + perProducer).collect(Collectors.toList());
      assertThat(ofProducer).isSorted();
    }
    assertThat(subscriber.overlapped).isFalse();
  }

  @Test
  void failSubscription_endsOnlyTheSlowSubscriber_othersGoOn() {
    BoundedPublisher<Integer> publisher = new BoundedPublisher<>(Runnable::run, 2, OverflowPolicy.FAIL);
    RecordingSubscriber<Integer> slow = new RecordingSubscriber<>(0);
    RecordingSubscriber<Integer> fast = new RecordingSubscriber<>(Long.MAX_VALUE);
    publisher.subscribe(slow);
    publisher.subscribe(fast);
    assertThat(publisher.subscriberCount()).isEqualTo(2);

    publisher.offer(1);
    publisher.offer(2);
    assertThat(slow.error.get()).isNull();
    publisher.offer(3);

    assertThat(slow.error.get())
        .isInstanceOf(SubscriberOverflowException.class)
        .hasMessageContaining("buffer of 2 items overflowed");
    assertThat(slow.items).isEmpty();
    assertThat(publisher.subscriberCount()).isEqualTo(1);

    publisher.offer(4);
    assertThat(fast.items).containsExactly(1, 2, 3, 4);
    assertThat(fast.error.get()).isNull();
    slow.request(10);
    assertThat(slow.items).isEmpty();
    assertThat(publisher.droppedCount()).isZero();
  }

  @Test
  void dropOldest_keepsTheNewestItems_countsTheDropped_othersUnaffected() {
    BoundedPublisher<Integer> publisher = new BoundedPublisher<>(Runnable::run, 2, OverflowPolicy.DROP_OLDEST);
    RecordingSubscriber<Integer> slow = new RecordingSubscriber<>(0);
    RecordingSubscriber<Integer> fast = new RecordingSubscriber<>(Long.MAX_VALUE);
    publisher.subscribe(slow);
    publisher.subscribe(fast);
    IntStream.rangeClosed(1, 5).forEach(publisher::offer);

    assertThat(publisher.droppedCount()).isEqualTo(3);
    assertThat(slow.error.get()).isNull();
    slow.request(10);
    assertThat(slow.items).containsExactly(4, 5);
    assertThat(fast.items).containsExactly(1, 2, 3, 4, 5);
    publisher.offer(6);
    assertThat(slow.items).containsExactly(4, 5, 6);
  }

  @Test
  void close_completesAfterTheBufferedItemsAreDelivered() {
    RecordingSubscriber<Integer> subscriber = new RecordingSubscriber<>(0);
    direct.subscribe(subscriber);
    direct.offer(1);
    direct.offer(2);
    direct.close();
    assertThat(direct.isClosed()).isTrue();
    assertThat(subscriber.completions.get()).isZero();

    subscriber.request(1);
    assertThat(subscriber.items).containsExactly(1);
    assertThat(subscriber.completions.get()).isZero();
    subscriber.request(1);
    assertThat(subscriber.items).containsExactly(1, 2);
    assertThat(subscriber.completions.get()).isEqualTo(1);
    assertThat(direct.subscriberCount()).isZero();
  }

  @Test
  void closeExceptionally_signalsTheErrorAfterTheBufferedItems() {
    RecordingSubscriber<Integer> subscriber = new RecordingSubscriber<>(0);
    direct.subscribe(subscriber);
    direct.offer(1);
    IllegalStateException cause = new IllegalStateException("session expired");
    direct.closeExceptionally(cause);
    assertThat(subscriber.error.get()).isNull();
    subscriber.request(1);
    assertThat(subscriber.items).containsExactly(1);
    assertThat(subscriber.error.get()).isSameAs(cause);
    assertThat(subscriber.completions.get()).isZero();
  }

  @Test
  void close_isIdempotent_theFirstCloseWins() {
    RecordingSubscriber<Integer> subscriber = new RecordingSubscriber<>(1);
    direct.subscribe(subscriber);
    direct.close();
    direct.close();
    direct.closeExceptionally(new IllegalStateException("late"));
    assertThat(subscriber.completions.get()).isEqualTo(1);
    assertThat(subscriber.error.get()).isNull();
  }

  @Test
  void offerAfterClose_isRefused() {
    direct.close();
    assertThatThrownBy(() -> direct.offer(1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("publisher is closed");
  }

  @Test
  void lateSubscriber_ofAClosedPublisher_isSubscribedThenCompletedAtOnce() {
    direct.close();
    RecordingSubscriber<Integer> subscriber = new RecordingSubscriber<>(0);
    direct.subscribe(subscriber);
    assertThat(subscriber.subscribes.get()).isEqualTo(1);
    assertThat(subscriber.completions.get()).isEqualTo(1);
  }

  @Test
  void lateSubscriber_whenTheExecutorIsShutDown_isStillSubscribedThenCompleted() {
    ExecutorService stopped = Executors.newSingleThreadExecutor();
    stopped.shutdown();
    BoundedPublisher<Integer> publisher = new BoundedPublisher<>(stopped, 4, OverflowPolicy.FAIL);
    publisher.close();
    RecordingSubscriber<Integer> subscriber = new RecordingSubscriber<>(0);
    publisher.subscribe(subscriber);
    assertThat(subscriber.subscribes.get()).isEqualTo(1);
    assertThat(subscriber.completions.get()).isEqualTo(1);
  }

  @Test
  void lateSubscriber_ofAFailedPublisher_getsTheError() {
    IllegalStateException cause = new IllegalStateException("expired");
    direct.closeExceptionally(cause);
    RecordingSubscriber<Integer> subscriber = new RecordingSubscriber<>(0);
    direct.subscribe(subscriber);
    assertThat(subscriber.subscribes.get()).isEqualTo(1);
    assertThat(subscriber.error.get()).isSameAs(cause);
  }

  @Test
  void lateSubscriber_ofAnOpenPublisher_getsOnlyLaterItems() {
    RecordingSubscriber<Integer> early = new RecordingSubscriber<>(Long.MAX_VALUE);
    direct.subscribe(early);
    direct.offer(1);
    RecordingSubscriber<Integer> late = new RecordingSubscriber<>(Long.MAX_VALUE);
    direct.subscribe(late);
    direct.offer(2);
    assertThat(early.items).containsExactly(1, 2);
    assertThat(late.items).containsExactly(2);
  }

  @Test
  void cancel_stopsDelivery_andUnsubscribes() {
    RecordingSubscriber<Integer> subscriber = new RecordingSubscriber<>(Long.MAX_VALUE);
    direct.subscribe(subscriber);
    direct.offer(1);
    subscriber.subscription.cancel();
    direct.offer(2);
    direct.close();
    assertThat(subscriber.items).containsExactly(1);
    assertThat(subscriber.completions.get()).isZero();
    assertThat(direct.subscriberCount()).isZero();
  }

  @Test
  void requestZero_endsTheSubscriptionWithAnError() {
    RecordingSubscriber<Integer> subscriber = new RecordingSubscriber<>(0);
    direct.subscribe(subscriber);
    subscriber.request(0);
    assertThat(subscriber.error.get())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("request must be positive (rule 3.9), was 0");
    assertThat(direct.subscriberCount()).isZero();
    direct.offer(1);
    assertThat(subscriber.items).isEmpty();
  }

  @Test
  void requestNegative_endsTheSubscriptionWithAnError() {
    RecordingSubscriber<Integer> subscriber = new RecordingSubscriber<>(0);
    direct.subscribe(subscriber);
    subscriber.request(-3);
    assertThat(subscriber.error.get()).hasMessage("request must be positive (rule 3.9), was -3");
  }

  @Test
  void demand_addsUpWithoutOverflowing() {
    RecordingSubscriber<Integer> subscriber = new RecordingSubscriber<>(Long.MAX_VALUE);
    direct.subscribe(subscriber);
    subscriber.request(Long.MAX_VALUE);
    IntStream.range(0, 10).forEach(direct::offer);
    assertThat(subscriber.items).hasSize(10);
    assertThat(subscriber.error.get()).isNull();
  }

  @Test
  void filteredView_deliversOnlyAcceptedItems() {
    RecordingSubscriber<Integer> evens = new RecordingSubscriber<>(Long.MAX_VALUE);
    RecordingSubscriber<Integer> all = new RecordingSubscriber<>(Long.MAX_VALUE);
    direct.filtered(i -> i % 2 == 0).subscribe(evens);
    direct.subscribe(all);
    IntStream.rangeClosed(1, 6).forEach(direct::offer);
    assertThat(evens.items).containsExactly(2, 4, 6);
    assertThat(all.items).containsExactly(1, 2, 3, 4, 5, 6);
  }

  @Test
  void filteredView_doesNotCountRejectedItemsAgainstTheBuffer() {
    BoundedPublisher<Integer> publisher = new BoundedPublisher<>(Runnable::run, 1, OverflowPolicy.FAIL);
    RecordingSubscriber<Integer> subscriber = new RecordingSubscriber<>(0);
    publisher.filtered(i -> i == 42).subscribe(subscriber);
    IntStream.range(0, 10).forEach(publisher::offer);
    assertThat(subscriber.error.get()).isNull();
  }

  @Test
  void throwingFilter_failsOnlyThatSubscriber() {
    RecordingSubscriber<Integer> broken = new RecordingSubscriber<>(Long.MAX_VALUE);
    RecordingSubscriber<Integer> fine = new RecordingSubscriber<>(Long.MAX_VALUE);
    direct.filtered(i -> { throw new IllegalStateException("bad filter"); }).subscribe(broken);
    direct.subscribe(fine);
    direct.offer(1);
    assertThat(broken.error.get()).hasMessage("bad filter");
    assertThat(fine.items).containsExactly(1);
  }

  @Test
  void subscriberThrowingFromOnNext_isCancelled_othersGoOn() {
    AtomicInteger calls = new AtomicInteger();
    Flow.Subscriber<Integer> throwing =
        new Flow.Subscriber<>() {
          @Override
          public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
          }

          @Override
          public void onNext(Integer item) {
            calls.incrementAndGet();
            throw new IllegalStateException("subscriber bug");
          }

          @Override
          public void onError(Throwable throwable) {}

          @Override
          public void onComplete() {}
        };
    RecordingSubscriber<Integer> fine = new RecordingSubscriber<>(Long.MAX_VALUE);
    direct.subscribe(throwing);
    direct.subscribe(fine);
    direct.offer(1);
    direct.offer(2);
    assertThat(calls.get()).isEqualTo(1);
    assertThat(fine.items).containsExactly(1, 2);
    assertThat(direct.subscriberCount()).isEqualTo(1);
  }

  @Test
  void constructorArguments_areChecked() {
    assertThatThrownBy(() -> new BoundedPublisher<>(Runnable::run, 0, OverflowPolicy.DROP_OLDEST))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bufferSize must be at least 1, was 0");
    assertThatThrownBy(() -> new BoundedPublisher<>(null, 1, OverflowPolicy.DROP_OLDEST))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> direct.offer(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void rejectingExecutor_deliversOnTheCallingThreadInstead() {
    ExecutorService stopped = Executors.newSingleThreadExecutor();
    stopped.shutdown();
    BoundedPublisher<Integer> publisher = new BoundedPublisher<>(stopped, 4, OverflowPolicy.FAIL);
    RecordingSubscriber<Integer> subscriber = new RecordingSubscriber<>(Long.MAX_VALUE);
    publisher.subscribe(subscriber);
    publisher.offer(1);
    assertThat(subscriber.subscribes.get()).isEqualTo(1);
    assertThat(subscriber.items).containsExactly(1);
  }
}
