package dev.homeport.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeport.ports.flow.BoundedPublisher;
import dev.homeport.ports.flow.OverflowPolicy;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

class RecordingSubscriberTest {

  private final BoundedPublisher<String> publisher =
      new BoundedPublisher<>(Runnable::run, 8, OverflowPolicy.FAIL);

  @Test
  void requesting_honoursItsInitialDemand_andLaterRequests() {
    RecordingSubscriber<String> subscriber = RecordingSubscriber.requesting(1);
    publisher.subscribe(subscriber);
    publisher.offer("a");
    publisher.offer("b");
    assertThat(subscriber.items()).containsExactly("a");
    subscriber.request(1);
    assertThat(subscriber.awaitItems(2)).containsExactly("a", "b");
    assertThat(subscriber.awaitItem("b"::equals)).isEqualTo("b");
  }

  @Test
  void completionAndErrors_areAwaited() {
    RecordingSubscriber<String> completed = RecordingSubscriber.unbounded();
    publisher.subscribe(completed);
    publisher.close();
    completed.awaitCompletion();
    assertThat(completed.completed()).isTrue();

    BoundedPublisher<String> failing = new BoundedPublisher<>(Runnable::run, 8, OverflowPolicy.FAIL);
    RecordingSubscriber<String> failed = RecordingSubscriber.unbounded();
    failing.subscribe(failed);
    failing.closeExceptionally(new IllegalStateException("gone"));
    assertThat(failed.awaitError()).hasMessage("gone");
    failed.assertNoViolations();
  }

  @Test
  void signalsAfterTermination_areReportedAsViolations() {
    RecordingSubscriber<String> subscriber = RecordingSubscriber.unbounded();
    subscriber.onSubscribe(
        new Flow.Subscription() {
          @Override
          public void request(long n) {}

          @Override
          public void cancel() {}
        });
    subscriber.onComplete();
    subscriber.onNext("late");
    assertThatThrownBy(subscriber::assertNoViolations)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("onNext after a terminal signal");
  }

  @Test
  void signalsBeforeOnSubscribe_areReportedAsViolations() {
    RecordingSubscriber<String> subscriber = RecordingSubscriber.unbounded();
    subscriber.onNext("early");
    assertThatThrownBy(subscriber::assertNoViolations).hasMessageContaining("onNext before onSubscribe");
  }
}
