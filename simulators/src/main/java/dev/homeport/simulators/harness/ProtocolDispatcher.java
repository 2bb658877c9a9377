package dev.homeport.simulators.harness;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Dispatcher} that runs a brand's {@link SimulatedProtocol} against a {@link
 * BackendBridge} under a {@link FaultPlan}: the one place where armed faults and backend faults
 * meet (see {@link SimulatedProtocol} for the order). Give the server the same plan ({@link
 * SimulatorServer.Builder#faults}) so it carries out the transport faults of both.
 *
 * <p>Thread-safe.
 *
 * @param <C> the brand's decoded call type
 */
public final class ProtocolDispatcher<C> implements Dispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(ProtocolDispatcher.class);

  private final SimulatedProtocol<C> protocol;
  private final BackendBridge backend;
  private final FaultPlan faults;

  /** A dispatcher running {@code protocol} on {@code backend} under {@code faults}. */
  public ProtocolDispatcher(SimulatedProtocol<C> protocol, BackendBridge backend, FaultPlan faults) {
    this.protocol = Objects.requireNonNull(protocol, "protocol");
    this.backend = Objects.requireNonNull(backend, "backend");
    this.faults = Objects.requireNonNull(faults, "faults");
  }

  /** The fault plan. */
  public FaultPlan faults() {
    return faults;
  }

  /** The backend bridge. */
  public BackendBridge backend() {
    return backend;
  }

  @Override
  public CompletionStage<HttpAnswer> dispatch(RecordedRequest request) {
    Decoded<C> decoded = protocol.decode(request);
    if (decoded instanceof Decoded.Answer) {
      return CompletableFuture.completedFuture(resolve(request, ((Decoded.Answer<C>) decoded).answer()));
    }
    C call = ((Decoded.Call<C>) decoded).call();
    Fault armed = faults.takeArmed();
    if (armed != null) {
      return CompletableFuture.completedFuture(resolve(request, HttpAnswer.fault(armed)));
    }
    CompletableFuture<HttpAnswer> answered;
    try {
      answered = protocol.answer(call, backend).toCompletableFuture();
    } catch (RuntimeException e) {
      answered = CompletableFuture.failedFuture(e);
    }
    return answered
        .thenCompose(answer -> answer.fault().isPresent() ? CompletableFuture.completedFuture(answer) : delayed(answer))
        .thenApply(answer -> answer.fault().isPresent() || !faults.isOn(Fault.MALFORMED_ANSWER)
            ? answer : protocol.malformed(answer))
        .handle((answer, failure) -> {
          if (failure != null) {
            LOG.debug("simulated protocol failed on {}: {}", request, failure.toString());
            return HttpAnswer.text(500, "text/plain", "500 Internal Server Error");
          }
          return resolve(request, answer);
        });
  }

  @Override
  public boolean streamsRequestBody(RecordedRequest head) {
    return protocol.streamsRequestBody(head);
  }

  private CompletableFuture<HttpAnswer> delayed(HttpAnswer answer) {
    Duration delay = faults.answerDelay();
    if (delay.isZero() || delay.isNegative()) {
      return CompletableFuture.completedFuture(answer);
    }
    return CompletableFuture.supplyAsync(() -> answer,
        CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS));
  }

  private HttpAnswer resolve(RecordedRequest request, HttpAnswer answer) {
    if (answer.fault().filter(f -> f == Fault.REJECT_LOGIN).isPresent()) {
      faults.count(Fault.REJECT_LOGIN);
      HttpAnswer refusal = protocol.rejectedLogin(request);
      if (refusal.fault().filter(f -> f == Fault.REJECT_LOGIN).isPresent()) {
        throw new IllegalStateException("rejectedLogin must not answer REJECT_LOGIN again");
      }
      return refusal;
    }
    return answer;
  }
}
