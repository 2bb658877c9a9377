package dev.homeport.simulators.harness;

import java.util.concurrent.CompletionStage;

/**
 * The part of a simulator a brand writes: its decode and its encode. Everything else (sockets,
 * TLS, keep-alive, the request log, faults, delays, the backend's exceptions) is the harness's.
 *
 * <p>The {@link ProtocolDispatcher} calls, for each request: {@link #decode}; when that gives a
 * call, it takes the next armed one-shot fault from the {@link FaultPlan} (if any, the request
 * gets that fault instead), else {@link #answer}; on a proper answer it applies {@link
 * Fault#SLOW_ANSWER} and {@link Fault#MALFORMED_ANSWER} ({@link #malformed}); a {@link
 * Fault#REJECT_LOGIN} from any step becomes {@link #rejectedLogin}.
 *
 * <p>Write it from the protocol notes, not by reusing the client's codec, so that a symmetric
 * bug cannot hide. Implementations must be thread-safe (requests on different connections run at
 * once).
 *
 * @param <C> the decoded call (e.g. a list of module/method/params)
 */
public interface SimulatedProtocol<C> {

  /**
   * Reads the request: path, method, credentials, body. Gives the call to run, or an answer to
   * send at once ({@link Decoded#answer}: 404, 405, 400) or a fault ({@link Decoded#fault}: {@link
   * Fault#REJECT_LOGIN} for bad credentials, {@link Fault#DROP_CONNECTION} for a request this
   * firmware silently drops).
   */
  Decoded<C> decode(RecordedRequest request);

  /**
   * Runs the call (normally command by command with {@code backend.run(...)}) and encodes the
   * answer. A whole-request fault from the backend ({@link BackendOutcome#fault()}) is returned as
   * {@code HttpAnswer.fault(fault)}. A failed stage is answered 500.
   */
  CompletionStage<HttpAnswer> answer(C call, BackendBridge backend);

  /**
   * How this brand refuses a login (401 with its realm, a 200 with an error code, or {@code
   * HttpAnswer.fault(NO_ANSWER)} for firmware that stays silent). Must not return REJECT_LOGIN.
   */
  HttpAnswer rejectedLogin(RecordedRequest request);

  /**
   * Whether a request with this head keeps its body on the wire, for {@link #decode} to read from
   * {@link RecordedRequest#bodyStream()} (a long talk-back upload); see {@link
   * Dispatcher#streamsRequestBody}. Default: false.
   */
  default boolean streamsRequestBody(RecordedRequest head) {
    return false;
  }

  /** The undecodable body sent instead of {@code proper} while MALFORMED_ANSWER is on (default: an empty 200). */
  default HttpAnswer malformed(HttpAnswer proper) {
    return HttpAnswer.status(200);
  }
}
