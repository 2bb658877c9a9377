package dev.homeport.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * A {@link Flow.Subscriber} for tests: records every signal, requests an initial demand on
 * subscribe, and offers bounded waits (never sleeps) for items, completion and errors. It also
 * notices Reactive Streams violations: signals before {@code onSubscribe}, overlapping signals, and
 * signals after a terminal one.
 *
 * <p>Thread-safe: signals may arrive on any thread while the test thread reads.
 *
 * @param <T> the item type
 */
public final class RecordingSubscriber<T> implements Flow.Subscriber<T> {

  /** How often waits check their condition. */
  private static final Duration POLL = Duration.ofMillis(10);

  /** The default bound of every wait. */
  public static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);

  private final long initialDemand;
  private final Duration wait;
  private final List<T> items = new CopyOnWriteArrayList<>();
  private final AtomicReference<Throwable> error = new AtomicReference<>();
  private final AtomicInteger completions = new AtomicInteger();
  private final AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();
  private final AtomicBoolean inSignal = new AtomicBoolean();
  private final List<String> violations = new CopyOnWriteArrayList<>();

  private RecordingSubscriber(long initialDemand, Duration wait) {
    if (initialDemand < 0) {
      throw new IllegalArgumentException("initialDemand must be 0 or more, was " + initialDemand);
    }
    this.initialDemand = initialDemand;
    this.wait = Objects.requireNonNull(wait, "wait");
  }

  /** A subscriber that requests everything ({@code Long.MAX_VALUE}) at once. */
  public static <T> RecordingSubscriber<T> unbounded() {
    return new RecordingSubscriber<>(Long.MAX_VALUE, DEFAULT_WAIT);
  }

  /** A subscriber that requests {@code n} items on subscribe (0 for none) and then only what the test requests. */
  public static <T> RecordingSubscriber<T> requesting(long n) {
    return new RecordingSubscriber<>(n, DEFAULT_WAIT);
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    enter("onSubscribe");
    try {
      if (!subscription.compareAndSet(null, s)) {
        violations.add("onSubscribe called twice");
        s.cancel();
        return;
      }
      if (initialDemand > 0) {
        s.request(initialDemand);
      }
    } finally {
      leave();
    }
  }

  @Override
  public void onNext(T item) {
    enter("onNext");
    try {
      if (terminated()) {
        violations.add("onNext after a terminal signal: " + item);
      }
      items.add(item);
    } finally {
      leave();
    }
  }

  @Override
  public void onError(Throwable throwable) {
    enter("onError");
    try {
      if (terminated()) {
        violations.add("onError after a terminal signal: " + throwable);
      }
      error.compareAndSet(null, throwable);
    } finally {
      leave();
    }
  }

  @Override
  public void onComplete() {
    enter("onComplete");
    try {
      if (terminated()) {
        violations.add("onComplete after a terminal signal");
      }
      completions.incrementAndGet();
    } finally {
      leave();
    }
  }

  private void enter(String signal) {
    if (!"onSubscribe".equals(signal) && subscription.get() == null) {
      violations.add(signal + " before onSubscribe");
    }
    if (!inSignal.compareAndSet(false, true)) {
      violations.add(signal + " while another signal was being delivered");
    }
  }

  private void leave() {
    inSignal.set(false);
  }

  /** Requests {@code n} more items. */
  public void request(long n) {
    awaitSubscribed().request(n);
  }

  /** Cancels the subscription. */
  public void cancel() {
    awaitSubscribed().cancel();
  }

  /** Waits (bounded) for {@code onSubscribe} and returns the subscription. */
  public Flow.Subscription awaitSubscribed() {
    await("onSubscribe").atMost(wait).pollDelay(Duration.ZERO).pollInterval(POLL).until(() -> subscription.get() != null);
    return subscription.get();
  }

  /** The items received so far, in order. An immutable snapshot. */
  public List<T> items() {
    return List.copyOf(items);
  }

  /** The items received so far that {@code filter} accepts, in order. */
  public List<T> items(Predicate<? super T> filter) {
    return items.stream().filter(filter).collect(java.util.stream.Collectors.toUnmodifiableList());
  }

  /** Whether {@code onComplete} or {@code onError} was received. */
  public boolean terminated() {
    return completions.get() > 0 || error.get() != null;
  }

  /** Whether {@code onComplete} was received. */
  public boolean completed() {
    return completions.get() > 0;
  }

  /** The error received, or null. */
  public Throwable error() {
    return error.get();
  }

  /** Waits (bounded) until at least {@code count} items have arrived; returns the items so far. */
  public List<T> awaitItems(int count) {
    await("at least " + count + " items (have " + items.size() + ")")
        .atMost(wait).pollDelay(Duration.ZERO).pollInterval(POLL)
        .until(() -> items.size() >= count);
    return items();
  }

  /** Waits (bounded) for an item {@code match} accepts, and returns the first such item. */
  public T awaitItem(Predicate<? super T> match) {
    await("an item matching the expectation, received so far: " + items)
        .atMost(wait).pollDelay(Duration.ZERO).pollInterval(POLL)
        .until(() -> items.stream().anyMatch(match));
    return items.stream().filter(match).findFirst().orElseThrow();
  }

  /** Waits (bounded) for {@code onComplete}. */
  public void awaitCompletion() {
    await("onComplete").atMost(wait).pollDelay(Duration.ZERO).pollInterval(POLL).until(this::terminated);
    assertThat(error.get()).as("error instead of completion").isNull();
  }

  /** Waits (bounded) for {@code onError} and returns the error. */
  public Throwable awaitError() {
    await("onError").atMost(wait).pollDelay(Duration.ZERO).pollInterval(POLL).until(this::terminated);
    assertThat(completions.get()).as("completions instead of an error").isZero();
    return error.get();
  }

  /** Fails if a Reactive Streams rule was broken towards this subscriber. */
  public void assertNoViolations() {
    assertThat(violations).as("Reactive Streams violations").isEmpty();
  }

  @Override
  public String toString() {
    return "RecordingSubscriber[items=" + items + ", completed=" + completed() + ", error=" + error.get() + "]";
  }
}
