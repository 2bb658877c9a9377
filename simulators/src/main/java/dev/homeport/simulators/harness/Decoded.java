package dev.homeport.simulators.harness;

import java.util.Objects;

/**
 * What a {@link SimulatedProtocol} made of one request: a call to run against the backend, or an
 * answer to send at once (404, 400, a refused login as {@code HttpAnswer.fault(REJECT_LOGIN)}).
 *
 * @param <C> the brand's decoded call type
 */
public sealed interface Decoded<C> permits Decoded.Call, Decoded.Answer {

  /** A call to run. */
  static <C> Decoded<C> call(C call) {
    return new Call<>(call);
  }

  /** An answer to send without running anything. */
  static <C> Decoded<C> answer(HttpAnswer answer) {
    return new Answer<>(answer);
  }

  /** A fault to carry out without running anything (e.g. {@link Fault#REJECT_LOGIN} for bad credentials). */
  static <C> Decoded<C> fault(Fault fault) {
    return new Answer<>(HttpAnswer.fault(fault));
  }

  /** @param call the decoded call */
  record Call<C>(C call) implements Decoded<C> {
    /** @throws NullPointerException if call is null */
    public Call {
      Objects.requireNonNull(call, "call");
    }
  }

  /** @param answer the answer */
  record Answer<C>(HttpAnswer answer) implements Decoded<C> {
    /** @throws NullPointerException if answer is null */
    public Answer {
      Objects.requireNonNull(answer, "answer");
    }
  }
}
