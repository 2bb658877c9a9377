package dev.homeport.simulators.harness;

/**
 * The faults a simulator injects: the one list, whether a test arms them on the server's {@link
 * FaultPlan} or the backend camera produces them (a {@link BackendOutcome.Faulted} outcome from
 * the {@link BackendBridge}). Either way they are carried out in one place, by {@link
 * ProtocolDispatcher} and {@link SimulatorServer}, so the wire looks the same whichever side asked.
 *
 * <p>Brand-specific shapes of a fault (how a Kasa camera answers a refused login, what garbage it
 * sends) belong to the brand's {@link SimulatedProtocol}; the harness only decides <em>when</em>.
 */
public enum Fault {
  /**
   * Close the connection after reading the request, without a status line: what a camera that
   * drops a kept-alive socket, or a backend that is unreachable, looks like to the client. One-shot
   * when armed ({@link FaultPlan#armNext}); a backend {@code TransportException} produces it.
   */
  DROP_CONNECTION,
  /**
   * Read the request and never answer: the connection is held open until the client gives up,
   * the {@linkplain SimulatorServer.Builder#holdTimeout hold time-out} passes, or the server closes.
   * A backend {@code RequestTimeoutException} produces it.
   */
  NO_ANSWER,
  /**
   * Refuse the request as a failed login, in the brand's words ({@link
   * SimulatedProtocol#rejectedLogin}: Kasa answers 401, {@code -10007} or nothing, per firmware).
   * Wrong credentials and a backend {@code AuthenticationException} both produce it.
   */
  REJECT_LOGIN,
  /**
   * Answer every accepted request after the plan's {@linkplain FaultPlan#slowAnswers delay}
   * (a switch, not one-shot; zero turns it off).
   */
  SLOW_ANSWER,
  /**
   * Send an undecodable body instead of every proper answer (a switch). The brand decides what
   * garbage looks like ({@link SimulatedProtocol#malformed}).
   */
  MALFORMED_ANSWER,
  /**
   * Reset (close without an answer) any request that arrives while another is being answered,
   * as a KC100 does with overlapping requests (a switch, carried out by the server).
   */
  RESET_OVERLAPPING,
  /**
   * Answer 200 with a chunked body that never ends (64 KiB chunks until the client closes): a
   * hostile or broken camera that would exhaust memory. One-shot when armed; the server counts the
   * body bytes it managed to write ({@link FaultPlan#bodyBytesSent}) and counts the fault when the
   * client has closed.
   */
  ENDLESS_ANSWER,
  /**
   * Answer 200 announcing {@code Content-Length: 500000000} and send that body as fast as the client
   * reads it, until it closes. One-shot when armed; counted as {@link #ENDLESS_ANSWER}.
   */
  HUGE_CONTENT_LENGTH,
  /**
   * Answer 200 with the headers at once (announcing 4096 bytes) and then one body byte every 100 ms,
   * until the body is done or the client closes: a camera whose body stalls after its headers.
   * One-shot when armed; counted when the writing ends.
   */
  TRICKLE_ANSWER
}
