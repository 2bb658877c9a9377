package dev.homeport.ports.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * For any interleaving of offers and requests, a subscriber receives the offered items in order,
 * never more than it requested, and everything it requested that was offered (buffer large enough).
 */
class BoundedPublisherDemandPropertyTest {

  /** One step: offer {@code amount} items (when {@code offer}) or request {@code amount}. */
  record Step(boolean offer, int amount) {}

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Step> step =
        Arbitraries.integers().between(1, 5).flatMap(amount -> Arbitraries.of(true, false).map(offer -> new Step(offer, amount)));
    return step.list().ofMinSize(1).ofMaxSize(40);
  }

  @Property(tries = 300)
  void deliveries_followDemandAndOrder(
      @ForAll("steps") List<Step> steps, @ForAll @IntRange(min = 0, max = 3) int initialDemand) {
    BoundedPublisher<Integer> publisher =
        new BoundedPublisher<>(Runnable::run, 1_000, OverflowPolicy.FAIL);
    RecordingSubscriber<Integer> subscriber = new RecordingSubscriber<>(initialDemand);
    publisher.subscribe(subscriber);
    long requested = initialDemand;
    int offered = 0;
    List<Integer> expected = new ArrayList<>();
    for (Step step : steps) {
      if (step.offer()) {
        for (int i = 0; i < step.amount(); i++) {
          publisher.offer(offered);
          expected.add(offered);
          offered++;
        }
      } else {
        subscriber.request(step.amount());
        requested += step.amount();
      }
      long deliverable = Math.min(requested, offered);
      assertThat(subscriber.items).hasSize((int) deliverable);
      assertThat(subscriber.items).containsExactlyElementsOf(expected.subList(0, (int) deliverable));
    }
    assertThat(subscriber.error.get()).isNull();
    assertThat(subscriber.overlapped).isFalse();
  }

  @Property(tries = 200)
  void dropOldest_keepsTheNewestItemsInOrder(
      @ForAll @IntRange(min = 1, max = 8) int bufferSize, @ForAll @IntRange(min = 0, max = 30) int offers) {
    BoundedPublisher<Integer> publisher = new BoundedPublisher<>(Runnable::run, bufferSize, OverflowPolicy.DROP_OLDEST);
    RecordingSubscriber<Integer> subscriber = new RecordingSubscriber<>(0);
    publisher.subscribe(subscriber);
    for (int i = 0; i < offers; i++) {
      publisher.offer(i);
    }
    subscriber.request(Long.MAX_VALUE);
    int kept = Math.min(bufferSize, offers);
    List<Integer> newest = new ArrayList<>();
    for (int i = offers - kept; i < offers; i++) {
      newest.add(i);
    }
    assertThat(subscriber.items).containsExactlyElementsOf(newest);
    assertThat(publisher.droppedCount()).isEqualTo(offers - kept);
  }
}
