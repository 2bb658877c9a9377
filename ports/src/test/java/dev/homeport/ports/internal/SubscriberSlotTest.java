package dev.homeport.ports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

/**
 * The subscriber machinery BoundedPublisher and FrameFanout share, on its own, through a minimal
 * slot whose offers always go into the buffer; a direct executor keeps every signal on the test's
 * thread.
 */
class SubscriberSlotTest {

  /** Records signals and the hooks' calls; requests {@code initial} on subscribe. */
  private static final class Recorder implements Flow.Subscriber<String> {
    final List<String> signals = new ArrayList<>();
    final long initial;
    Flow.Subscription subscription;
    boolean throwOnNext;

    Recorder(long initial) {
      this.initial = initial;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      signals.add("subscribe");
      if (initial > 0) {
        s.request(initial);
      }
    }

    @Override
    public void onNext(String item) {
      if (throwOnNext) {
        throw new IllegalStateException("subscriber bug");
      }
      signals.add(item);
    }

    @Override
    public void onError(Throwable error) {
      signals.add("error " + error.getClass().getSimpleName() + ": " + error.getMessage());
    }

    @Override
    public void onComplete() {
      signals.add("complete");
    }
  }

  private static final class Slot extends SubscriberSlot<String> {
    final List<String> hooks = new ArrayList<>();

    Slot(Flow.Subscriber<String> subscriber, Executor executor) {
      super(subscriber, executor, 0);
    }

    void offer(String item) {
      synchronized (this) {
        if (ended()) {
          return;
        }
        buffer.add(item);
      }
      schedule();
    }

    @Override
    protected void polled(String item) {
      hooks.add("polled " + item);
    }

    @Override
    protected void cleared() {
      hooks.add("cleared");
    }

    @Override
    protected void burstDelivered() {
      hooks.add("burst");
    }

    @Override
    protected void removed() {
      hooks.add("removed");
    }
  }

  @Test
  void items_areDeliveredOnlyAsRequested_inOrder_thenTheTerminalSignalAfterThem() {
    Recorder subscriber = new Recorder(2);
    Slot slot = new Slot(subscriber, Runnable::run);
    slot.schedule();
    slot.offer("a");
    slot.offer("b");
    slot.offer("c");
    slot.terminate(null);
    slot.schedule();

    assertThat(subscriber.signals).containsExactly("subscribe", "a", "b");

    subscriber.subscription.request(5);

    assertThat(subscriber.signals).containsExactly("subscribe", "a", "b", "c", "complete");
    // The last run ends with the terminal signal, not with a burst end.
    assertThat(slot.hooks).containsExactly("polled a", "burst", "polled b", "burst", "polled c", "cleared", "removed");
  }

  @Test
  void nonPositiveRequest_failsTheSubscriptionAndDropsTheBuffer() {
    Recorder subscriber = new Recorder(0);
    Slot slot = new Slot(subscriber, Runnable::run);
    slot.schedule();
    slot.offer("a");

    subscriber.subscription.request(0);

    assertThat(subscriber.signals).containsExactly("subscribe",
        "error IllegalArgumentException: request must be positive (rule 3.9), was 0");
    assertThat(slot.hooks).containsExactly("cleared", "removed", "cleared", "removed");
    slot.offer("b");
    assertThat(subscriber.signals).hasSize(2);
  }

  @Test
  void cancel_dropsTheBuffer_andNothingFollows() {
    Recorder subscriber = new Recorder(0);
    Slot slot = new Slot(subscriber, Runnable::run);
    slot.schedule();
    slot.offer("a");

    subscriber.subscription.cancel();
    subscriber.subscription.request(1);
    slot.terminate(null);
    slot.schedule();

    assertThat(subscriber.signals).containsExactly("subscribe");
    assertThat(slot.hooks).containsExactly("cleared", "removed");
  }

  @Test
  void subscriberThrowingFromOnNext_isCancelled() {
    Recorder subscriber = new Recorder(10);
    Slot slot = new Slot(subscriber, Runnable::run);
    slot.schedule();
    subscriber.throwOnNext = true;

    slot.offer("a");
    subscriber.throwOnNext = false;
    slot.offer("b");

    assertThat(subscriber.signals).containsExactly("subscribe");
    assertThat(slot.hooks).containsExactly("polled a", "cleared", "removed");
  }

  @Test
  void endNow_signalsTheErrorAtOnce_droppingWhatIsBuffered() {
    Recorder subscriber = new Recorder(0);
    Slot slot = new Slot(subscriber, Runnable::run);
    slot.schedule();
    slot.offer("a");

    synchronized (slot) {
      slot.endNow(new IllegalStateException("overflowed"));
    }
    slot.schedule();

    assertThat(subscriber.signals).containsExactly("subscribe", "error IllegalStateException: overflowed");
  }

  @Test
  void executorRejectingTheTask_deliversOnTheCallingThread() {
    Recorder subscriber = new Recorder(1);
    Slot slot = new Slot(subscriber, task -> {
      throw new RejectedExecutionException("shut down");
    });

    slot.terminate(null);
    slot.schedule();

    assertThat(subscriber.signals).containsExactly("subscribe", "complete");
  }
}
