package dev.homeport.simulators.kasa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.homeport.ports.camera.Camera;
import dev.homeport.simulators.harness.BackendBridge;
import dev.homeport.simulators.harness.Fault;
import dev.homeport.simulators.harness.FaultPlan;
import dev.homeport.simulators.harness.ProtocolDispatcher;
import dev.homeport.simulators.harness.RequestLog;
import dev.homeport.simulators.harness.SimulatorServer;
import dev.homeport.simulators.tls.SelfSignedCertificate;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A simulated TP-Link Kasa camera: a real HTTPS server on {@code 127.0.0.1} (ephemeral port, TLS
 * 1.2 only, a self-signed certificate made when it is built unless one is given) that speaks
 * LINKIE as described in the protocol notes, decodes each method into a domain command, executes it
 * on its backend camera (normally an in-memory camera), and translates results and exceptions back
 * to the wire. Its wire decoding is its own, independent of any client codec.
 *
 * <p>It is the harness's first brand: a {@link SimulatorServer} running a {@link
 * ProtocolDispatcher} over this package's LINKIE decode and encode ({@code KasaLinkieProtocol})
 * and command table, with one {@link FaultPlan} ({@link #faults()}) that both the switches below
 * and the backend camera's own failures go through.
 *
 * <p>Fault switches (all changeable while running): the password variant it expects and how it
 * answers wrong credentials (401, {@code -10007}, no answer); firmware that only serves
 * {@code /data/LINKIE2.json}; an error code for chosen methods; whole modules unsupported; slow
 * answers; resetting a request that overlaps another (KC100); garbage bodies; a replaced
 * certificate (to provoke a pin mismatch on new connections).
 *
 * <p>Memory stays bounded: {@link #receivedRequests()} keeps the newest accepted requests
 * ({@value #RECORDED_LIMIT} by default, {@link Builder#recordedRequestLimit}); older ones are
 * forgotten, and {@link #acceptedRequestCount()} counts them all.
 *
 * <p>Thread-safe. Use {@link #builder()}, then {@link #start()}; close it when done.
 */
public final class KasaCameraSimulator implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Path of the LINKIE endpoint on older firmware. */
  public static final String LINKIE = "/data/LINKIE.json";
  /** Path of the LINKIE endpoint on newer firmware. */
  public static final String LINKIE2 = "/data/LINKIE2.json";
  /** How many accepted requests {@link #receivedRequests()} keeps by default. */
  public static final int RECORDED_LIMIT = 1024;

  /** The switches the protocol reads on every request; volatile, changed while running. */
  static final class Settings {
    final String username;
    final String password;
    volatile KasaAuthVariant authVariant;
    volatile WrongCredentialsAnswer wrongCredentialsAnswer;
    volatile boolean linkie2Only;
    volatile GarbageKind garbage;
    /** Further credential forms accepted beside {@link #authVariant}. */
    volatile java.util.Set<KasaAuthVariant> alsoAccepted;
    /** Drop, without an answer, requests whose User-Agent does not start with {@code Kasa/} (KC420WS). */
    volatile boolean requireAppUserAgent;
    /** Answer methods of unknown modules with -10008 "Unsupported API call." (EC60) instead of -1. */
    volatile boolean unknownModulesUnsupportedApi;

    Settings(Builder b) {
      this.username = b.username;
      this.password = b.password;
      this.authVariant = b.authVariant;
      this.wrongCredentialsAnswer = b.wrongCredentialsAnswer;
      this.linkie2Only = b.linkie2Only;
      this.alsoAccepted = java.util.Set.copyOf(b.alsoAccepted);
      this.requireAppUserAgent = b.requireAppUserAgent;
      this.unknownModulesUnsupportedApi = b.unknownModulesUnsupportedApi;
    }
  }

  /**
   * The static-RSA suites clients that work with cameras offer (kasa-firmware.md §4:
   * AES256-GCM-SHA384, AES256-SHA256, AES128-GCM-SHA256, AES128-SHA256, AES256-SHA).
   */
  public static final java.util.List<String> STATIC_RSA_SUITES = java.util.List.of(
      "TLS_RSA_WITH_AES_256_GCM_SHA384", "TLS_RSA_WITH_AES_256_CBC_SHA256",
      "TLS_RSA_WITH_AES_128_GCM_SHA256", "TLS_RSA_WITH_AES_128_CBC_SHA256", "TLS_RSA_WITH_AES_256_CBC_SHA");

  private final Settings settings;
  private final KasaFirmware firmware;
  private final Camera backend;
  private final FaultPlan faults = new FaultPlan();
  private final RequestLog<ReceivedRequest> accepted;
  private final KasaLinkieProtocol protocol;
  private final SimulatorServer server;

  private KasaCameraSimulator(Builder b) {
    this.settings = new Settings(b);
    this.backend = b.backend;
    this.accepted = new RequestLog<>(b.recordedRequestLimit);
    BackendBridge bridge = new BackendBridge(b.backend);
    this.protocol = new KasaLinkieProtocol(settings, bridge, accepted);
    protocol.table().resolutionAsList(b.resolutionAsList);
    if (b.moveWords != null) {
      protocol.table().moveWords(b.moveWords);
    }
    this.firmware = b.firmware;
    faults.set(Fault.RESET_OVERLAPPING, b.resetOverlapping);
    faults.slowAnswers(b.answerDelay);
    SimulatorServer.Builder server = SimulatorServer.builder()
        .name("kasa-sim")
        .port(b.port)
        .certificate(b.certificate != null ? b.certificate
            : b.rsaBits > 0 ? SelfSignedCertificate.createRsa("kasa-simulator", b.rsaBits)
            : SelfSignedCertificate.create("kasa-simulator"))
        .tlsProtocols("TLSv1.2")
        .recordedRequestLimit(b.recordedRequestLimit)
        .faults(faults)
        .dispatcher(new ProtocolDispatcher<>(protocol, bridge, faults));
    if (b.staticRsaOnly) {
      server.cipherSuites(STATIC_RSA_SUITES.toArray(String[]::new));
    }
    this.server = server.build();
  }

  /** A builder with defaults: base64 auth, 401 on wrong credentials, LINKIE.json, no faults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Binds {@code 127.0.0.1} on the builder's port (any free port by default) and starts serving.
   *
   * @return this simulator
   * @throws IllegalStateException if already started or the port cannot be bound
   */
  public KasaCameraSimulator start() {
    server.start();
    return this;
  }

  /** The firmware profile this simulator plays, if one was chosen. */
  public java.util.Optional<KasaFirmware> firmware() {
    return java.util.Optional.ofNullable(firmware);
  }

  /** The bound port. @throws IllegalStateException before {@link #start()} */
  public int port() {
    return server.port();
  }

  /** The host to connect to: {@code 127.0.0.1}. */
  public String host() {
    return server.host();
  }

  /** Lower-case hex SHA-256 of the certificate now presented to new connections. */
  public String fingerprint() {
    return server.fingerprint();
  }

  /** The account name the simulator accepts. */
  public String username() {
    return settings.username;
  }

  /** The password the simulator accepts (in the clear; it is a test fixture). */
  public String password() {
    return settings.password;
  }

  /** The backend camera whose state this simulator serves. */
  public Camera backend() {
    return backend;
  }

  /** The harness server underneath (its raw request log, its TLS details). */
  public SimulatorServer server() {
    return server;
  }

  /** The one fault plan of this simulator: the switches below are shorthands for it. */
  public FaultPlan faults() {
    return faults;
  }

  // ----------------------------------------------------------------- switches

  /** Presents {@code replacement} to new connections (existing keep-alive connections keep theirs). */
  public KasaCameraSimulator replaceCertificate(SelfSignedCertificate replacement) {
    server.replaceCertificate(replacement);
    return this;
  }

  /** Expects the password in this variant from now on. */
  public KasaCameraSimulator authVariant(KasaAuthVariant variant) {
    settings.authVariant = Objects.requireNonNull(variant, "variant");
    return this;
  }

  /** Answers wrong credentials this way from now on. */
  public KasaCameraSimulator wrongCredentialsAnswer(WrongCredentialsAnswer answer) {
    settings.wrongCredentialsAnswer = Objects.requireNonNull(answer, "answer");
    return this;
  }

  /** Serves only {@code /data/LINKIE2.json} (404 on LINKIE.json) when true. */
  public KasaCameraSimulator linkie2Only(boolean on) {
    settings.linkie2Only = on;
    return this;
  }

  /** Resets (closes without an answer) any request that arrives while another is being answered. */
  public KasaCameraSimulator resetOverlappingRequests(boolean on) {
    faults.set(Fault.RESET_OVERLAPPING, on);
    return this;
  }

  /** Delays every answer by {@code delay} (zero for none). */
  public KasaCameraSimulator answerDelay(Duration delay) {
    faults.slowAnswers(Objects.requireNonNull(delay, "delay"));
    return this;
  }

  /** Answers {@code module.method} with {@code errCode} and {@code message} until cleared. */
  public KasaCameraSimulator failMethod(String module, String method, int errCode, String message) {
    protocol.methodFailures.put(module + "." + method, new KasaLinkieProtocol.MethodFailure(errCode, message));
    return this;
  }

  /**
   * Answers {@code module.method} with exactly this JSON object (e.g. one lacking a field, or with
   * a field of the wrong type) until cleared, without touching the backend. Numbers are kept
   * exactly as written ({@code 1e2147483647}, a 400-digit integer), so hostile values reach the
   * client as a camera would send them.
   *
   * @throws IllegalArgumentException if {@code answerJson} is not a JSON object
   */
  public KasaCameraSimulator overrideAnswer(String module, String method, String answerJson) {
    JsonNode node;
    try {
      node = JSON.reader()
          .with(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .readTree(answerJson);
    } catch (IOException e) {
      throw new IllegalArgumentException("answerJson must be JSON: " + e.getMessage(), e);
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("answerJson must be a JSON object");
    }
    protocol.overrides.put(module + "." + method, node);
    return this;
  }

  /**
   * Closes the connection without an answer for the next {@code count} accepted requests (they
   * are recorded in {@link #receivedRequests()} first), as a camera does when it drops a
   * keep-alive connection: {@link Fault#DROP_CONNECTION} armed {@code count} times on {@link #faults()}.
   */
  public KasaCameraSimulator dropConnectionForNext(int count) {
    faults.armOnly(Fault.DROP_CONNECTION, count);
    return this;
  }

  /** Answers every method of {@code module} with module-level {@code err_code -1}. */
  public KasaCameraSimulator unsupportedModule(String module) {
    protocol.unsupportedModules.add(module);
    return this;
  }

  /** Sends this kind of garbage instead of every answer, or proper answers again for null. */
  public KasaCameraSimulator garbage(GarbageKind kind) {
    settings.garbage = kind;
    faults.set(Fault.MALFORMED_ANSWER, kind != null);
    return this;
  }

  /**
   * Clears method failures, overridden answers, unsupported modules, pending connection drops,
   * garbage and the answer delay (auth, LINKIE2 and overlap switches stay as they are).
   */
  public KasaCameraSimulator clearFaults() {
    protocol.methodFailures.clear();
    protocol.unsupportedModules.clear();
    protocol.overrides.clear();
    faults.clear();
    settings.garbage = null;
    return this;
  }

  // ----------------------------------------------------------------- observations

  /** The newest accepted requests (authenticated and decoded), in arrival order; at most the builder's limit. */
  public List<ReceivedRequest> receivedRequests() {
    return accepted.entries();
  }

  /** How many requests were accepted so far, including those {@link #receivedRequests()} forgot. */
  public long acceptedRequestCount() {
    return accepted.total();
  }

  /** How many of the kept accepted requests named {@code method}. */
  public long countRequestsMentioning(String method) {
    return accepted.count(r -> r.mentions(method));
  }

  /** Requests reset because they overlapped another one. */
  public int overlapResets() {
    return (int) faults.carriedOut(Fault.RESET_OVERLAPPING);
  }

  /** Requests refused for wrong credentials (or because the backend rejected them). */
  public int rejectedCredentials() {
    return (int) faults.carriedOut(Fault.REJECT_LOGIN);
  }

  /** Requests answered 404 (wrong path, or LINKIE.json on LINKIE2-only firmware). */
  public int notFoundAnswers() {
    return protocol.notFound.get();
  }

  @Override
  public String toString() {
    return "KasaCameraSimulator[" + server + "]";
  }

  /** Stops the server at once, closing held connections. Idempotent. */
  @Override
  public void close() {
    server.close();
  }

  /** Builder for {@link KasaCameraSimulator}. Not thread-safe. */
  public static final class Builder {
    private String username = "camera-owner@example.com";
    private String password = "correct horse battery staple";
    private KasaAuthVariant authVariant = KasaAuthVariant.BASE64;
    private WrongCredentialsAnswer wrongCredentialsAnswer = WrongCredentialsAnswer.HTTP_401;
    private boolean linkie2Only;
    private boolean resetOverlapping;
    private Duration answerDelay = Duration.ZERO;
    private SelfSignedCertificate certificate;
    private Camera backend;
    private int port;
    private final java.util.Set<KasaAuthVariant> alsoAccepted = java.util.EnumSet.noneOf(KasaAuthVariant.class);
    private boolean requireAppUserAgent;
    private boolean unknownModulesUnsupportedApi;
    private boolean resolutionAsList;
    private java.util.Map<String, dev.homeport.domain.camera.Direction> moveWords;
    private boolean staticRsaOnly;
    private int rsaBits;
    private KasaFirmware firmware;
    private final java.util.List<String[]> unsupportedMethods = new java.util.ArrayList<>();
    private final java.util.List<String> unsupportedModules = new java.util.ArrayList<>();
    private int recordedRequestLimit = RECORDED_LIMIT;

    private Builder() {}

    /**
     * Behaves as {@code firmware} does (kasa-firmware.md): credentials, wrong-login answer, path,
     * User-Agent check, answer shapes, refused modules, TLS. Give the backend the firmware's
     * identity with {@link KasaFirmware#backend(String)}. Later builder calls override it.
     */
    public Builder firmware(KasaFirmware firmware) {
      this.firmware = Objects.requireNonNull(firmware, "firmware");
      firmware.configure(this);
      return this;
    }

    /** Also accepts these credential forms (a KC410S takes plain and admin:md5). */
    public Builder alsoAccept(KasaAuthVariant... variants) {
      alsoAccepted.addAll(java.util.List.of(variants));
      return this;
    }

    /** Silently drops requests without a {@code Kasa/} User-Agent, as a KC420WS does (default false). */
    public Builder requireAppUserAgent(boolean on) {
      this.requireAppUserAgent = on;
      return this;
    }

    /** Answers methods of unknown modules with -10008 per method, as an EC60 does (default -1 per module). */
    public Builder unknownModulesUnsupportedApi(boolean on) {
      this.unknownModulesUnsupportedApi = on;
      return this;
    }

    /** Resolution in the list form {@code [{channel, resolution}]} of KC100/EC60 (default: the seed's string). */
    public Builder resolutionAsList(boolean on) {
      this.resolutionAsList = on;
      return this;
    }

    /** Accept only the seed's move words (up/down) or only the app's (top/bottom...); default both. */
    Builder moveWords(java.util.Map<String, dev.homeport.domain.camera.Direction> words) {
      this.moveWords = words;
      return this;
    }

    /** Only the static-RSA suites over TLS 1.2, with an RSA certificate (default false). */
    public Builder staticRsaOnly(boolean on) {
      this.staticRsaOnly = on;
      if (on && rsaBits == 0) {
        rsaBits = 2048;
      }
      return this;
    }

    /** An RSA certificate of {@code bits} bits instead of EC P-256 (KC100: 1024). */
    public Builder rsaCertificate(int bits) {
      this.rsaBits = bits;
      return this;
    }

    /** Refuses a whole module with -1 "module not support" (applied at start). */
    public Builder refuseModule(String module) {
      unsupportedModules.add(module);
      return this;
    }

    /** Refuses one method with -10008 "Unsupported API call." (applied at start). */
    public Builder refuseMethod(String module, String method) {
      unsupportedMethods.add(new String[] {module, method});
      return this;
    }

    /** The port on 127.0.0.1 to listen on; 0 (the default) takes any free port. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0..65535 (0: any free port), was " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * How many accepted requests {@link KasaCameraSimulator#receivedRequests()} keeps (default
     * {@value KasaCameraSimulator#RECORDED_LIMIT}); the server's raw log keeps as many.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder recordedRequestLimit(int limit) {
      if (limit < 1) {
        throw new IllegalArgumentException("recordedRequestLimit must be at least 1, was " + limit);
      }
      this.recordedRequestLimit = limit;
      return this;
    }

    /** The account e-mail and password the simulated camera accepts. */
    public Builder credentials(String username, String password) {
      this.username = Objects.requireNonNull(username, "username");
      this.password = Objects.requireNonNull(password, "password");
      return this;
    }

    /** The password variant expected (default BASE64). */
    public Builder authVariant(KasaAuthVariant variant) {
      this.authVariant = Objects.requireNonNull(variant, "variant");
      return this;
    }

    /** How wrong credentials are answered (default HTTP_401). */
    public Builder wrongCredentialsAnswer(WrongCredentialsAnswer answer) {
      this.wrongCredentialsAnswer = Objects.requireNonNull(answer, "answer");
      return this;
    }

    /** Serve only LINKIE2.json (default false). */
    public Builder linkie2Only(boolean on) {
      this.linkie2Only = on;
      return this;
    }

    /** Reset requests overlapping another one, like a KC100 (default false). */
    public Builder resetOverlappingRequests(boolean on) {
      this.resetOverlapping = on;
      return this;
    }

    /** Delay every answer (default none). */
    public Builder answerDelay(Duration delay) {
      this.answerDelay = Objects.requireNonNull(delay, "delay");
      return this;
    }

    /** The certificate to present (default: a fresh one made by start). */
    public Builder certificate(SelfSignedCertificate certificate) {
      this.certificate = Objects.requireNonNull(certificate, "certificate");
      return this;
    }

    /**
     * The camera whose state the simulator serves and on which it executes every decoded command
     * (normally an {@code InMemoryCamera}, whose fault switches then show up on the wire). Required.
     */
    public Builder backend(Camera backend) {
      this.backend = Objects.requireNonNull(backend, "backend");
      return this;
    }

    /**
     * Builds the simulator (not yet started).
     *
     * @throws IllegalStateException if no backend was given
     */
    public KasaCameraSimulator build() {
      if (backend == null) {
        throw new IllegalStateException("backend is required: the camera whose state the simulator serves");
      }
      KasaCameraSimulator simulator = new KasaCameraSimulator(this);
      unsupportedModules.forEach(simulator::unsupportedModule);
      unsupportedMethods.forEach(m -> simulator.failMethod(m[0], m[1], -10008, "Unsupported API call."));
      return simulator;
    }

    /** Builds and starts. */
    public KasaCameraSimulator start() {
      return build().start();
    }
  }
}
