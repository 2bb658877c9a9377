/**
 * The simulator harness: a loopback HTTP(S) server written once, in the shape of OkHttp's
 * MockWebServer, on which every protocol simulator is built, so that a brand writes only its
 * decode and encode.
 *
 * <h2>The pieces</h2>
 *
 * <ul>
 *   <li>{@link dev.homeport.simulators.harness.SimulatorServer}: a real HTTP/1.1 server on {@code
 *       127.0.0.1} (port 0 by default), plain HTTP ({@code plainHttp()}) or HTTPS with a
 *       self-signed certificate made at start and {@code replaceCertificate}-able at run time;
 *       {@code tlsProtocols(...)} and {@code cipherSuites(...)} restrict the handshake;
 *       keep-alive; {@code TCP_NODELAY} on every socket; a bounded log of {@link
 *       dev.homeport.simulators.harness.RecordedRequest}s that keep every raw header line.
 *   <li>{@link dev.homeport.simulators.harness.Dispatcher}: the behaviour, one request in, one
 *       {@link dev.homeport.simulators.harness.HttpAnswer} out (fixed body, a {@code streaming}
 *       body written over time, or a fault). {@code streamsRequestBody} hands a long upload to
 *       the dispatcher as a stream instead of reading it whole.
 *   <li>{@link dev.homeport.simulators.harness.Fault}: the one list of faults, armed on a {@link
 *       dev.homeport.simulators.harness.FaultPlan} or produced by the backend camera; {@link
 *       dev.homeport.simulators.harness.ProtocolDispatcher} and the server carry them out in one
 *       place, and the plan counts them.
 *   <li>{@link dev.homeport.simulators.harness.BackendBridge}: runs a decoded command on the
 *       in-memory camera and returns a sealed {@link
 *       dev.homeport.simulators.harness.BackendOutcome} (value, refused(code, message),
 *       unsupported, reject login, no answer, drop connection).
 *   <li>{@link dev.homeport.simulators.harness.SimulatedProtocol}: what a brand writes — {@code
 *       decode} (path, method, credentials, body to a call), {@code answer} (run the call through
 *       the bridge, encode the outcomes), {@code rejectedLogin} (the brand's refusal) and
 *       optionally {@code malformed} (its garbage).
 * </ul>
 *
 * <h2>A new simulator in four steps</h2>
 *
 * <pre>{@code
 * FaultPlan faults = new FaultPlan();
 * BackendBridge bridge = new BackendBridge(InMemoryCamera.builder().build());
 * SimulatorServer server = SimulatorServer.builder()
 *     .name("acme-sim")
 *     .plainHttp()                              // or .https() (default), .certificate(...)
 *     .faults(faults)                           // the same plan the dispatcher uses
 *     .dispatcher(new ProtocolDispatcher<>(new AcmeProtocol(), bridge, faults))
 *     .start();
 * faults.armNext(Fault.DROP_CONNECTION, 1);     // the next accepted request is dropped
 * }</pre>
 *
 * {@code KasaCameraSimulator} in {@link dev.homeport.simulators.kasa} is the worked example.
 *
 * <h2>Recipes for the simulators still to come</h2>
 *
 * <ul>
 *   <li><b>Kasa firmware profiles</b> (per-model behaviour): in {@code decode}, return {@code
 *       Decoded.fault(Fault.DROP_CONNECTION)} for a request whose {@code request.header("User-Agent")}
 *       does not start with {@code Kasa/} (KC420WS drops it silently); answer 401 or a 200 with
 *       {@code -10007} from {@code rejectedLogin} per model; a LINKIE2-only profile answers 404 on
 *       {@code LINKIE.json}. Static-RSA-only TLS 1.2: {@code .certificate(SelfSignedCertificate
 *       .createRsa("kc100", 1024)).tlsProtocols("TLSv1.2").cipherSuites(
 *       "TLS_RSA_WITH_AES_256_GCM_SHA384", "TLS_RSA_WITH_AES_128_GCM_SHA256", ...)}; {@code
 *       RecordedRequest.cipherSuite()} shows what was negotiated.
 *   <li><b>ONVIF</b> (SOAP 1.2 over plain HTTP, HTTP Digest): {@code .plainHttp()}; {@code decode}
 *       reads {@code request.bodyText()} (the envelope) and {@code request.header("Authorization")};
 *       a Digest challenge is {@code HttpAnswer.text(401, ...).withHeader("WWW-Authenticate",
 *       "Digest realm=..., nonce=..., qop=\"auth\"")}; the brand keeps its nonces.
 *   <li><b>Live stream</b> (a long multipart answer, Kasa port 19443): answer with {@code
 *       HttpAnswer.streaming(200, Framing.UNTIL_CLOSE, out -> { ...write parts; out.flush(); ... })
 *       .withHeader("Content-Type", "multipart/x-mixed-replace;boundary=data-boundary--")}: the
 *       streamer runs on the connection's thread until it returns or the client goes (an {@code
 *       IOException}); the server closes the connection afterwards. {@code Framing.CHUNKED} frames
 *       each write as a chunk instead.
 *   <li><b>Talk-back</b> (a long chunked POST upload, Kasa port 18443): return true from {@code
 *       SimulatedProtocol.streamsRequestBody(head)} (or {@code Dispatcher.streamsRequestBody}) for
 *       that path, then read {@code request.bodyStream()} (de-chunked) in {@code decode}; the
 *       connection closes after the answer.
 * </ul>
 *
 * <p>Everything here is thread-safe unless its Javadoc says otherwise, and binds loopback only.
 */
package dev.homeport.simulators.harness;
