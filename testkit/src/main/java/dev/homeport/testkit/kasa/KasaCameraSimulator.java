package dev.homeport.testkit.kasa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dev.homeport.ports.Futures;
import dev.homeport.ports.camera.Camera;
import dev.homeport.testkit.tls.SelfSignedCertificate;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated TP-Link Kasa camera: a real HTTPS server on {@code 127.0.0.1} (ephemeral port, TLS
 * 1.2 only, a self-signed certificate made when it is built unless one is given) that speaks
 * LINKIE as described in the protocol notes, decodes each method into a domain command, executes it
 * on its backend camera (normally an in-memory camera), and translates results and exceptions back
 * to the wire. Its wire decoding is its own, independent of any client codec.
 *
 * <p>Fault switches (all changeable while running): the password variant it expects and how it
 * answers wrong credentials (401, {@code -10007}, no answer); firmware that only serves
 * {@code /data/LINKIE2.json}; an error code for chosen methods; whole modules unsupported; slow
 * answers; resetting a request that overlaps another (KC100); garbage bodies; a replaced
 * certificate (to provoke a pin mismatch on new connections).
 *
 * <p>Thread-safe. Use {@link #builder()}, then {@link #start()}; close it when done.
 */
public final class KasaCameraSimulator implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(KasaCameraSimulator.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final AtomicInteger INSTANCES = new AtomicInteger();

  static {
    // The JDK server writes status line, headers and body separately; without TCP_NODELAY, Nagle
    // and delayed ACKs add ~40 ms to every keep-alive answer. Only affects com.sun.net.httpserver.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  /** Path of the LINKIE endpoint on older firmware. */
  public static final String LINKIE = "/data/LINKIE.json";
  /** Path of the LINKIE endpoint on newer firmware. */
  public static final String LINKIE2 = "/data/LINKIE2.json";

  private final String username;
  private final String password;
  private final KasaMethodDispatcher dispatcher;
  private final Camera backend;

  private volatile SelfSignedCertificate certificate;
  private volatile KasaAuthVariant authVariant;
  private volatile WrongCredentialsAnswer wrongCredentialsAnswer;
  private volatile boolean linkie2Only;
  private volatile boolean resetOverlapping;
  private volatile Duration answerDelay;
  private volatile GarbageKind garbage;
  private final Map<String, MethodFailure> methodFailures = new ConcurrentHashMap<>();
  private final Set<String> unsupportedModules = ConcurrentHashMap.newKeySet();
  private final Map<String, JsonNode> overrides = new ConcurrentHashMap<>();

  private final AtomicInteger dropNext = new AtomicInteger();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger overlapResets = new AtomicInteger();
  private final AtomicInteger rejectedCredentials = new AtomicInteger();
  private final AtomicInteger notFound = new AtomicInteger();
  private final List<ReceivedRequest> received = new CopyOnWriteArrayList<>();
  private final Set<HttpExchange> held = ConcurrentHashMap.newKeySet();

  private final SwappableSslContext tls;
  private final int requestedPort;
  private HttpsServer server;
  private ExecutorService handlers;
  private ScheduledExecutorService timer;

  private record MethodFailure(int code, String message) {}

  private KasaCameraSimulator(Builder b) {
    this.username = b.username;
    this.password = b.password;
    this.certificate = b.certificate != null ? b.certificate
        : SelfSignedCertificate.create("kasa-simulator");
    this.tls = SwappableSslContext.of(certificate.serverContext());
    this.authVariant = b.authVariant;
    this.wrongCredentialsAnswer = b.wrongCredentialsAnswer;
    this.linkie2Only = b.linkie2Only;
    this.resetOverlapping = b.resetOverlapping;
    this.answerDelay = b.answerDelay;
    this.backend = b.backend;
    this.requestedPort = b.port;
    this.dispatcher = new InMemoryBackedDispatcher(b.backend);
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
  public synchronized KasaCameraSimulator start() {
    if (server != null) {
      throw new IllegalStateException("simulator already started");
    }
    try {
      server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), requestedPort), 64);
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot listen on 127.0.0.1:" + requestedPort + " (" + e.getMessage() + ")", e);
    }
    server.setHttpsConfigurator(configurator(tls));
    handlers = Executors.newCachedThreadPool(daemon("kasa-sim-" + INSTANCES.incrementAndGet()));
    timer = Executors.newSingleThreadScheduledExecutor(daemon("kasa-sim-timer"));
    server.setExecutor(handlers);
    server.createContext("/", this::handle);
    server.start();
    LOG.debug("Kasa simulator listening on 127.0.0.1:{}", port());
    return this;
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  private static HttpsConfigurator configurator(SSLContext context) {
    return new HttpsConfigurator(context) {
      @Override
      public void configure(HttpsParameters params) {
        SSLParameters ssl = context.getDefaultSSLParameters();
        ssl.setProtocols(new String[] {"TLSv1.2"});
        params.setSSLParameters(ssl);
      }
    };
  }

  /** The bound port. @throws IllegalStateException before {@link #start()} */
  public int port() {
    HttpsServer s = server;
    if (s == null) {
      throw new IllegalStateException("simulator not started");
    }
    return s.getAddress().getPort();
  }

  /** The host to connect to: {@code 127.0.0.1}. */
  public String host() {
    return "127.0.0.1";
  }

  /** Lower-case hex SHA-256 of the certificate now presented to new connections. */
  public String fingerprint() {
    return certificate.sha256Fingerprint();
  }

  /** The account name the simulator accepts. */
  public String username() {
    return username;
  }

  /** The password the simulator accepts (in the clear; it is a test fixture). */
  public String password() {
    return password;
  }

  /** The backend camera whose state this simulator serves. */
  public Camera backend() {
    return backend;
  }

  // ----------------------------------------------------------------- switches

  /** Presents {@code replacement} to new connections (existing keep-alive connections keep theirs). */
  public KasaCameraSimulator replaceCertificate(SelfSignedCertificate replacement) {
    this.certificate = Objects.requireNonNull(replacement, "replacement");
    tls.swap(replacement.serverContext());
    return this;
  }

  /** Expects the password in this variant from now on. */
  public KasaCameraSimulator authVariant(KasaAuthVariant variant) {
    this.authVariant = Objects.requireNonNull(variant, "variant");
    return this;
  }

  /** Answers wrong credentials this way from now on. */
  public KasaCameraSimulator wrongCredentialsAnswer(WrongCredentialsAnswer answer) {
    this.wrongCredentialsAnswer = Objects.requireNonNull(answer, "answer");
    return this;
  }

  /** Serves only {@code /data/LINKIE2.json} (404 on LINKIE.json) when true. */
  public KasaCameraSimulator linkie2Only(boolean on) {
    this.linkie2Only = on;
    return this;
  }

  /** Resets (closes without an answer) any request that arrives while another is being answered. */
  public KasaCameraSimulator resetOverlappingRequests(boolean on) {
    this.resetOverlapping = on;
    return this;
  }

  /** Delays every answer by {@code delay} (zero for none). */
  public KasaCameraSimulator answerDelay(Duration delay) {
    this.answerDelay = Objects.requireNonNull(delay, "delay");
    return this;
  }

  /** Answers {@code module.method} with {@code errCode} and {@code message} until cleared. */
  public KasaCameraSimulator failMethod(String module, String method, int errCode, String message) {
    methodFailures.put(module + "." + method, new MethodFailure(errCode, message));
    return this;
  }

  /**
   * Answers {@code module.method} with exactly this JSON object (e.g. one lacking a field, or with
   * a field of the wrong type) until cleared, without touching the backend.
   *
   * @throws IllegalArgumentException if {@code answerJson} is not a JSON object
   */
  public KasaCameraSimulator overrideAnswer(String module, String method, String answerJson) {
    JsonNode node;
    try {
      node = JSON.readTree(answerJson);
    } catch (IOException e) {
      throw new IllegalArgumentException("answerJson must be JSON: " + e.getMessage(), e);
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("answerJson must be a JSON object");
    }
    overrides.put(module + "." + method, node);
    return this;
  }

  /**
   * Closes the connection without an answer for the next {@code count} accepted requests (they
   * are recorded in {@link #receivedRequests()} first), as a camera does when it drops a
   * keep-alive connection.
   */
  public KasaCameraSimulator dropConnectionForNext(int count) {
    dropNext.set(count);
    return this;
  }

  /** Answers every method of {@code module} with module-level {@code err_code -1}. */
  public KasaCameraSimulator unsupportedModule(String module) {
    unsupportedModules.add(module);
    return this;
  }

  /** Sends this kind of garbage instead of every answer, or proper answers again for null. */
  public KasaCameraSimulator garbage(GarbageKind kind) {
    this.garbage = kind;
    return this;
  }

  /**
   * Clears method failures, overridden answers, unsupported modules, pending connection drops,
   * garbage and the answer delay (auth, LINKIE2 and overlap switches stay as they are).
   */
  public KasaCameraSimulator clearFaults() {
    methodFailures.clear();
    unsupportedModules.clear();
    overrides.clear();
    dropNext.set(0);
    garbage = null;
    answerDelay = Duration.ZERO;
    return this;
  }

  // ----------------------------------------------------------------- observations

  /** Requests accepted so far (authenticated and decoded), in arrival order. */
  public List<ReceivedRequest> receivedRequests() {
    return List.copyOf(received);
  }

  /** How many accepted requests named {@code method}. */
  public long countRequestsMentioning(String method) {
    return received.stream().filter(r -> r.mentions(method)).count();
  }

  /** Requests reset because they overlapped another one. */
  public int overlapResets() {
    return overlapResets.get();
  }

  /** Requests refused for wrong credentials. */
  public int rejectedCredentials() {
    return rejectedCredentials.get();
  }

  /** Requests answered 404 (wrong path, or LINKIE.json on LINKIE2-only firmware). */
  public int notFoundAnswers() {
    return notFound.get();
  }

  // ----------------------------------------------------------------- wire

  private static final String RELEASE = "kasa.simulator.release";

  private void handle(HttpExchange exchange) {
    boolean overlapped = inFlight.getAndIncrement() > 0;
    java.util.concurrent.atomic.AtomicBoolean released = new java.util.concurrent.atomic.AtomicBoolean();
    Runnable release = () -> {
      if (released.compareAndSet(false, true)) {
        inFlight.decrementAndGet();
      }
    };
    // released just before the answer is written: once the client has it, it may send the next
    exchange.setAttribute(RELEASE, release);
    CompletableFuture<Void> done;
    try {
      if (overlapped && resetOverlapping) {
        overlapResets.incrementAndGet();
        drainQuietly(exchange);
        release.run();
        exchange.close(); // no status line: the client sees the connection closed
        done = CompletableFuture.completedFuture(null);
      } else {
        done = serve(exchange);
      }
    } catch (RuntimeException | IOException e) {
      LOG.debug("simulator request failed: {}", e.toString());
      release.run();
      exchange.close();
      done = CompletableFuture.completedFuture(null);
    }
    done.whenComplete((v, f) -> {
      release.run();
      if (f != null) {
        LOG.debug("simulator answer failed: {}", f.toString());
        exchange.close();
      }
    });
  }

  private static void release(HttpExchange exchange) {
    Object release = exchange.getAttribute(RELEASE);
    if (release instanceof Runnable) {
      ((Runnable) release).run();
    }
  }

  private CompletableFuture<Void> serve(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    boolean known = LINKIE2.equals(path) || (LINKIE.equals(path) && !linkie2Only);
    if (!known) {
      notFound.incrementAndGet();
      drainQuietly(exchange);
      sendPlain(exchange, 404, "404 Not Found");
      return CompletableFuture.completedFuture(null);
    }
    if (!"POST".equals(exchange.getRequestMethod())) {
      drainQuietly(exchange);
      sendPlain(exchange, 405, "405 Method Not Allowed");
      return CompletableFuture.completedFuture(null);
    }
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    if (!credentialsAccepted(exchange.getRequestHeaders().getFirst("Authorization"))) {
      rejectedCredentials.incrementAndGet();
      return refuseCredentials(exchange);
    }
    ObjectNode request;
    try {
      JsonNode parsed = JSON.readTree(WireFormat.decodeRequest(new String(body, StandardCharsets.UTF_8)));
      if (!(parsed instanceof ObjectNode)) {
        throw new IllegalArgumentException("request JSON is not an object");
      }
      request = (ObjectNode) parsed;
    } catch (IOException | IllegalArgumentException e) {
      sendPlain(exchange, 400, "400 Bad Request");
      return CompletableFuture.completedFuture(null);
    }
    received.add(new ReceivedRequest(path, request.toString(), exchange.getRemoteAddress().getPort()));
    if (dropNext.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
      release(exchange);
      exchange.close(); // received, never answered: what a closed keep-alive connection looks like
      return CompletableFuture.completedFuture(null);
    }
    return answer(request)
        .thenCompose(response -> later(answerDelay).thenApply(v -> response))
        .handle((response, failure) -> {
          Throwable cause = Futures.unwrap(failure);
          try {
            if (cause instanceof KasaMethodDispatcher.DropConnection) {
              release(exchange);
              exchange.close();
            } else if (cause instanceof KasaMethodDispatcher.NoAnswer) {
              release(exchange);
              hold(exchange);
            } else if (cause instanceof KasaMethodDispatcher.RejectCredentials) {
              rejectedCredentials.incrementAndGet();
              send401(exchange);
            } else if (cause != null) {
              LOG.debug("simulator failed answering: {}", cause.toString());
              sendPlain(exchange, 500, "500 Internal Server Error");
            } else {
              sendBody(exchange, 200, render(response));
            }
          } catch (IOException e) {
            exchange.close();
          }
          return null;
        });
  }

  private CompletableFuture<Void> later(Duration delay) {
    if (delay.isZero() || delay.isNegative()) {
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<Void> f = new CompletableFuture<>();
    timer.schedule(() -> f.complete(null), delay.toMillis(), TimeUnit.MILLISECONDS);
    return f;
  }

  private String render(ObjectNode response) {
    String json = response.toString();
    GarbageKind kind = garbage;
    if (kind == null) {
      return WireFormat.encodeResponse(json);
    }
    switch (kind) {
      case NOT_BASE64:
        return "<html><body>502 Bad Gateway</body></html>";
      case TRUNCATED:
        return WireFormat.encodeResponse(json.substring(0, Math.max(1, json.length() / 2)));
      case NOT_JSON:
        return WireFormat.encodeResponse("this is not json");
      case WRONG_SHAPE:
        return WireFormat.encodeResponse("[1,2,3]");
      case EMPTY:
      default:
        return "";
    }
  }

  private CompletableFuture<ObjectNode> answer(ObjectNode request) {
    ObjectNode response = NODES.objectNode();
    CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
    for (Map.Entry<String, JsonNode> module : request.properties()) {
      String moduleName = module.getKey();
      if ("context".equals(moduleName)) {
        continue;
      }
      if (unsupportedModules.contains(moduleName) || !module.getValue().isObject()) {
        response.set(moduleName, moduleNotSupported());
        continue;
      }
      ObjectNode moduleOut = response.putObject(moduleName);
      List<Map.Entry<String, JsonNode>> methods = new ArrayList<>();
      methods.addAll(module.getValue().properties());
      for (Map.Entry<String, JsonNode> method : methods) {
        String methodName = method.getKey();
        JsonNode params = method.getValue();
        chain = chain.thenCompose(v -> {
          if (response.get(moduleName) != moduleOut) {
            return CompletableFuture.completedFuture(null); // module already failed as a whole
          }
          JsonNode override = overrides.get(moduleName + "." + methodName);
          if (override != null) {
            moduleOut.set(methodName, override.deepCopy());
            return CompletableFuture.completedFuture(null);
          }
          MethodFailure injected = methodFailures.get(moduleName + "." + methodName);
          if (injected != null) {
            ObjectNode out = moduleOut.putObject(methodName);
            out.put("err_code", injected.code());
            out.put("err_msg", injected.message());
            return CompletableFuture.completedFuture(null);
          }
          return dispatcher.call(moduleName, methodName, params)
              .handle((out, failure) -> {
                Throwable cause = Futures.unwrap(failure);
                if (cause instanceof KasaMethodDispatcher.ModuleUnsupported) {
                  response.set(moduleName, moduleNotSupported());
                } else if (cause != null) {
                  throw new CompletionException(cause);
                } else {
                  moduleOut.set(methodName, out);
                }
                return null;
              });
        });
      }
    }
    return chain.thenApply(v -> response);
  }

  private static ObjectNode moduleNotSupported() {
    ObjectNode failed = NODES.objectNode();
    failed.put("err_code", -1);
    failed.put("err_msg", "module not support");
    return failed;
  }

  private boolean credentialsAccepted(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return false;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
          StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return false;
    }
    String expected = username + ":" + authVariant.transform(password);
    return java.security.MessageDigest.isEqual(
        decoded.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }

  private CompletableFuture<Void> refuseCredentials(HttpExchange exchange) throws IOException {
    switch (wrongCredentialsAnswer) {
      case ERR_CODE_10007:
        ObjectNode body = NODES.objectNode();
        body.put("err_code", -10007);
        body.put("err_msg", "unauthorized");
        sendBody(exchange, 200, WireFormat.encodeResponse(body.toString()));
        return CompletableFuture.completedFuture(null);
      case NO_ANSWER:
        hold(exchange);
        return CompletableFuture.completedFuture(null);
      case HTTP_401:
      default:
        send401(exchange);
        return CompletableFuture.completedFuture(null);
    }
  }

  /** Leaves the exchange unanswered; it is closed after a minute or when the simulator closes. */
  private void hold(HttpExchange exchange) {
    held.add(exchange);
    timer.schedule(() -> {
      if (held.remove(exchange)) {
        exchange.close();
      }
    }, 60, TimeUnit.SECONDS);
  }

  private static void send401(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"smarthome@tp-link.com\"");
    sendPlain(exchange, 401, "401 Unauthorized");
  }

  private static void sendPlain(HttpExchange exchange, int status, String text) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/html");
    sendRaw(exchange, status, text);
  }

  private static void sendBody(HttpExchange exchange, int status, String base64) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/plain");
    sendRaw(exchange, status, base64);
  }

  private static void sendRaw(HttpExchange exchange, int status, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    release(exchange);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void drainQuietly(HttpExchange exchange) {
    try (InputStream in = exchange.getRequestBody()) {
      in.readAllBytes();
    } catch (IOException e) {
      // the connection is going away anyway
    }
  }

  @Override
  public String toString() {
    HttpsServer s = server;
    return "KasaCameraSimulator[" + (s == null ? "not started" : "127.0.0.1:" + s.getAddress().getPort()) + "]";
  }

  /** Stops the server at once, closing held connections. Idempotent. */
  @Override
  public synchronized void close() {
    if (server == null) {
      return;
    }
    held.forEach(HttpExchange::close);
    held.clear();
    server.stop(0);
    handlers.shutdownNow();
    timer.shutdownNow();
    server = null;
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

    private Builder() {}

    /** The port on 127.0.0.1 to listen on; 0 (the default) takes any free port. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0..65535 (0: any free port), was " + port);
      }
      this.port = port;
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
      return new KasaCameraSimulator(this);
    }

    /** Builds and starts. */
    public KasaCameraSimulator start() {
      return build().start();
    }
  }
}
