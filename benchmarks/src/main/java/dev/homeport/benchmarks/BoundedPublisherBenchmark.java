package dev.homeport.benchmarks;

import dev.homeport.ports.flow.BoundedPublisher;
import dev.homeport.ports.flow.OverflowPolicy;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The per-event delivery path of {@link BoundedPublisher}, the one every SmartThings event takes
 * from the reader to a subscriber: {@code offer} into a subscriber's buffer, then the drain that
 * hands it to {@code onNext}. A direct executor keeps it on one thread, so what is measured is the
 * publisher's own work (locks, demand, buffer, the overflow policy's checks), not a thread hand-off.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Thread)
public class BoundedPublisherBenchmark {

  @Param({"BACKPRESSURE", "DROP_OLDEST"})
  public OverflowPolicy policy;

  private BoundedPublisher<Long> publisher;
  private long next;

  @Setup
  public void setUp(Blackhole blackhole) {
    publisher = new BoundedPublisher<>(Runnable::run, 1024, policy);
    publisher.subscribe(new Flow.Subscriber<Long>() {
      @Override
      public void onSubscribe(Flow.Subscription subscription) {
        subscription.request(Long.MAX_VALUE);
      }

      @Override
      public void onNext(Long item) {
        blackhole.consume(item);
      }

      @Override
      public void onError(Throwable throwable) {
        throw new IllegalStateException("the benchmark's subscriber failed", throwable);
      }

      @Override
      public void onComplete() {}
    });
  }

  @TearDown
  public void tearDown() {
    publisher.close();
  }

  /** One item offered and delivered to the one subscriber. */
  @Benchmark
  public boolean offerAndDeliver() {
    return publisher.offer(next++);
  }
}
