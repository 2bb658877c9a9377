package dev.homeport.simulators.harness;

import java.util.concurrent.CompletionStage;

/**
 * The behaviour of a {@link SimulatorServer}: decides the answer to each request. A brand
 * simulator normally does not implement this directly but writes a {@link SimulatedProtocol} and
 * wraps it in a {@link ProtocolDispatcher}, which adds the fault plan and the backend bridge.
 *
 * <p>Called on the connection's thread, one request at a time per connection, concurrently across
 * connections: implementations must be thread-safe. A dispatcher that throws gets a {@code 500}.
 */
@FunctionalInterface
public interface Dispatcher {

  /**
   * The answer to {@code request}; it may complete later (the connection waits for it).
   *
   * @param request the request, already recorded in the server's log
   */
  CompletionStage<HttpAnswer> dispatch(RecordedRequest request);

  /**
   * Whether the body of a request with this head is left on the wire for the dispatcher to read
   * from {@link RecordedRequest#bodyStream()} (a long talk-back upload) instead of being read
   * whole first. The given request has an empty body. Default: false.
   */
  default boolean streamsRequestBody(RecordedRequest head) {
    return false;
  }
}
