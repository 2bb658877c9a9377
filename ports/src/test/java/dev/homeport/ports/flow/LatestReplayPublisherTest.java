package dev.homeport.ports.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Re-entrant use on the delivering thread (direct executor), as a simulator reacting to lifecycle events does. */
class LatestReplayPublisherTest {

  private final LatestReplayPublisher<String> publisher =
      new LatestReplayPublisher<>(Runnable::run, 16, OverflowPolicy.FAIL);

  /** Requests everything; records items and completion. */
  private static class Recorder implements Flow.Subscriber<String> {
    final List<String> items = new CopyOnWriteArrayList<>();
    final AtomicBoolean completed = new AtomicBoolean();

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String item) {
      items.add(item);
    }

    @Override
    public void onError(Throwable throwable) {}

    @Override
    public void onComplete() {
      completed.set(true);
    }
  }

  @Test
  void subscribingFromOnNext_duringOffer_doesNotBreakDelivery() {
    Recorder late = new Recorder();
    Recorder first =
        new Recorder() {
          @Override
          public void onNext(String item) {
            super.onNext(item);
            if (item.equals("expired")) {
              publisher.subscribe(late);
            }
          }
        };
    Recorder other = new Recorder();
    publisher.subscribe(first);
    publisher.subscribe(other);

    publisher.offer("authenticated");
    publisher.offer("expired");
    publisher.offer("closed");

    assertThat(first.items).containsExactly("authenticated", "expired", "closed");
    assertThat(other.items).containsExactly("authenticated", "expired", "closed");
    assertThat(late.items).containsExactly("expired", "closed");
  }

  @Test
  void subscribingFromOnComplete_duringClose_completesTheLateSubscriber() {
    Recorder late = new Recorder();
    Recorder first =
        new Recorder() {
          @Override
          public void onComplete() {
            super.onComplete();
            publisher.subscribe(late);
          }
        };
    Recorder other = new Recorder();
    publisher.subscribe(first);
    publisher.subscribe(other);
    publisher.offer("closed");

    publisher.close();

    assertThat(first.completed).isTrue();
    assertThat(other.completed).isTrue();
    assertThat(late.items).containsExactly("closed");
    assertThat(late.completed).isTrue();
  }
}
