package dev.homeport.adapter.camera.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.homeport.adapter.camera.http.AuthVariant;
import dev.homeport.ports.AuthenticationException;
import dev.homeport.ports.CertificateMismatchException;
import dev.homeport.ports.Futures;
import dev.homeport.support.CappedBody;
import dev.homeport.support.ExchangeDeadline;
import dev.homeport.support.PinMismatchException;
import dev.homeport.ports.HomeportException;
import dev.homeport.ports.ProtocolException;
import dev.homeport.ports.RequestTimeoutException;
import dev.homeport.ports.TransportException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one LINKIE request to one camera and returns the decoded answer, handling what cameras
 * need below the level of commands: the LINKIE.json to LINKIE2.json fall-back on HTTP 404
 * (remembered), the password variants ({@code auto} tries each on an authentication failure and
 * remembers the one that worked), one retry when a pooled connection turns out closed (only if the
 * caller says the request may be repeated), and the translation of every failure into the
 * homeport exception hierarchy.
 *
 * <p>Not meant for concurrent use: the camera runs one request at a time through a
 * {@link SerialQueue}. The remembered path and variant are volatile so any thread sees them.
 */
public final class LinkieTransport {

  private static final Logger LOG = LoggerFactory.getLogger(LinkieTransport.class);

  /** Path of the endpoint on most firmware. */
  public static final String LINKIE = "/data/LINKIE.json";
  /** Path of the endpoint on newer firmware. */
  public static final String LINKIE2 = "/data/LINKIE2.json";

  /** kasa-firmware.md §2: the configured user with base64, md5 and plain, then the admin forms. */
  static final List<AuthVariant> AUTO_ORDER = List.of(AuthVariant.BASE64, AuthVariant.MD5,
      AuthVariant.PLAIN, AuthVariant.ADMIN_MD5, AuthVariant.ADMIN_DEFAULT);

  /** The Kasa app's User-Agent as seen on the wire (kasa-firmware.md §4); KC420WS needs one like it. */
  public static final String APP_USER_AGENT = "Kasa/1752 CFNetwork/3860.500.112 Darwin/25.4.0";
  /** The content type the app sends (kasa-firmware.md §4). */
  public static final String CONTENT_TYPE = "application/x-www-form-urlencoded; charset=utf-8";

  private final String cameraName;
  private final String hostKey;
  private final URI base;
  private final Credentials credentials;
  /** Removes this camera's password forms from whatever text the camera sends back. */
  private final dev.homeport.support.SecretScrubber scrubber;
  private final Duration connectTimeout;
  private final Duration requestTimeout;
  private final HttpClient client;
  /** How answers are named in parse errors; built once, not per answer. */
  private final String answerName;
  private final Executor executor;
  private final String userAgent;
  private final boolean pathFixed;
  private final List<AuthVariant> autoOrder;
  private final int maxAnswerBytes;

  private volatile String path = LINKIE;
  private volatile boolean pathConfirmed;
  private volatile AuthVariant resolved;

  public LinkieTransport(String cameraName, String host, int port, Credentials credentials,
      AuthVariant variant, Duration connectTimeout, Duration requestTimeout, HttpClient client,
      Executor executor) {
    this(cameraName, host, port, credentials, variant, connectTimeout, requestTimeout, client, executor,
        APP_USER_AGENT, LINKIE, false, DEFAULT_MAX_ANSWER_BYTES);
  }

  /**
   * A transport.
   *
   * @param userAgent the {@code User-Agent} sent with every request
   * @param firstPath {@link #LINKIE} or {@link #LINKIE2}: where to start (LINKIE2 when the camera's
   *     {@code stream_version} is 2)
   * @param pathFixed true to never move to the other path
   * @param maxAnswerBytes the largest answer body accepted; a larger one fails the request with a
   *     {@link ProtocolException} without the rest being read
   */
  public LinkieTransport(String cameraName, String host, int port, Credentials credentials,
      AuthVariant variant, Duration connectTimeout, Duration requestTimeout, HttpClient client,
      Executor executor, String userAgent, String firstPath, boolean pathFixed, int maxAnswerBytes) {
    this.cameraName = cameraName;
    this.hostKey = hostKey(host, port);
    this.base = URI.create("https://" + hostKey);
    this.credentials = credentials;
    this.scrubber = credentials.scrubber();
    this.resolved = variant == AuthVariant.AUTO ? null : variant;
    this.connectTimeout = connectTimeout;
    this.requestTimeout = requestTimeout;
    this.client = client;
    this.answerName = "answer of camera " + describe();
    this.executor = executor;
    this.userAgent = userAgent;
    this.path = firstPath;
    this.pathFixed = pathFixed;
    this.pathConfirmed = pathFixed;
    this.maxAnswerBytes = maxAnswerBytes;
    this.autoOrder = credentials.userIsAdmin()
        ? AUTO_ORDER.stream().filter(v -> v != AuthVariant.ADMIN_MD5).toList() : AUTO_ORDER;
  }

  /** {@code host:port}, with brackets around an IPv6 literal; the known-hosts key. */
  public static String hostKey(String host, int port) {
    String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    return h + ":" + port;
  }

  /** The path in use ({@link #LINKIE} until a 404 moved it to {@link #LINKIE2}). */
  public String currentPath() {
    return path;
  }

  /** The password variant that worked, or empty while {@code auto} has not found one yet. */
  public java.util.Optional<AuthVariant> resolvedVariant() {
    return java.util.Optional.ofNullable(resolved);
  }

  /**
   * Posts {@code request} and returns the decoded answer object.
   *
   * @param repeatable whether the request may be sent a second time if a pooled connection was
   *     found closed (true only when every command in it is idempotent)
   * @return the answer; fails with a {@link HomeportException} subtype
   */
  public CompletableFuture<ObjectNode> post(ObjectNode request, boolean repeatable) {
    String body = LinkieCodec.encodeRequestBody(WireJson.write(request));
    Attempt attempt = new Attempt(body, repeatable);
    return attempt.run();
  }

  /** A finished HTTP answer: its status and (capped) body bytes. */
  record Answer(int status, byte[] body) {}

  /** The default cap on one answer's body: answers are a few KB, the largest seen ~2 KB. */
  public static final int DEFAULT_MAX_ANSWER_BYTES = 256 * 1024;

  /**
   * One HTTP exchange that holds no thread while it waits. The answer is taken from the capped
   * body subscriber on the client's own thread that read it (not from the future of
   * {@code sendAsync}, whose dependent actions the JDK runs on the common pool: a new thread per
   * answer on two cores). The whole exchange, body included, must finish within the request
   * time-out (the JDK's own time-out covers the headers only): when it passes the exchange is
   * cancelled, which closes the connection, and the caller's queue moves on.
   */
  private CompletableFuture<Answer> exchange(HttpRequest request) {
    CompletableFuture<Answer> done = new CompletableFuture<>();
    CompletableFuture<HttpResponse<byte[]>> sent = client.sendAsync(request,
        CappedBody.handler(maxAnswerBytes, (info, body, failure) -> {
          if (failure != null) {
            done.completeExceptionally(failure);
          } else {
            done.complete(new Answer(info.statusCode(), body));
          }
        }));
    // failures before any body (refused, TLS, header time-out) arrive only here
    sent.whenComplete((response, failure) -> {
      if (failure != null) {
        done.completeExceptionally(failure);
      }
    });
    // the whole exchange within the request time-out; a too-large body or the deadline cancels
    // the exchange, and its connection with it
    ExchangeDeadline.bound(done, sent, requestTimeout);
    return done;
  }

  /** One logical request: its tries across variants, paths and one reconnect. */
  private final class Attempt {
    final String body;
    final boolean repeatable;
    boolean reconnected;
    int variantIndex;
    final CompletableFuture<ObjectNode> result = new CompletableFuture<>();

    Attempt(String body, boolean repeatable) {
      this.body = body;
      this.repeatable = repeatable;
    }

    CompletableFuture<ObjectNode> run() {
      send();
      return result;
    }

    AuthVariant variant() {
      AuthVariant known = resolved;
      return known != null ? known : autoOrder.get(variantIndex);
    }

    void send() {
      AuthVariant variant = variant();
      String usedPath = path;
      HttpRequest request;
      try {
        request = HttpRequest.newBuilder(base.resolve(usedPath))
            .timeout(requestTimeout)
            .header("Content-Type", CONTENT_TYPE)
            .header("User-Agent", userAgent)
            .header("Authorization", credentials.authorization(variant))
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.US_ASCII))
            .build();
      } catch (RuntimeException e) {
        // no message or cause: a header-validation message could quote the credentials
        result.completeExceptionally(new TransportException("cannot build a request for camera "
            + describe() + " (" + e.getClass().getSimpleName() + ")", null, false));
        return;
      }
      CompletableFuture<Answer> exchange;
      try {
        exchange = exchange(request);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        result.completeExceptionally(new TransportException("the executor of camera " + describe()
            + " refused the request (shut down?)", e, false));
        return;
      }
      exchange.whenComplete((response, failure) -> {
        try {
          if (failure != null) {
            onFailure(failure, usedPath);
          } else {
            onResponse(response, variant, usedPath);
          }
        } catch (RuntimeException e) {
          result.completeExceptionally(translate(e));
        }
      });
    }

    void onFailure(Throwable failure, String usedPath) {
      Throwable cause = Futures.unwrap(failure);
      if (cause instanceof HttpTimeoutException && !(cause instanceof HttpConnectTimeoutException)
          && LINKIE.equals(usedPath) && !pathConfirmed && !pathFixed) {
        // kasa-firmware.md §4: a LINKIE2-only camera may stay silent on LINKIE.json
        LOG.info("camera {}: no answer on {}; trying {} from now on", cameraName, LINKIE, LINKIE2);
        path = LINKIE2;
        send();
        return;
      }
      if (repeatable && !reconnected && isClosedConnection(cause)) {
        reconnected = true;
        LOG.debug("camera {}: connection closed before an answer ({}); sending once more",
            cameraName, cause.getClass().getSimpleName());
        send();
        return;
      }
      result.completeExceptionally(translate(cause));
    }

    void onResponse(Answer response, AuthVariant variant, String usedPath) {
      int status = response.status();
      if (status == 404) {
        if (LINKIE.equals(usedPath) && !pathConfirmed && !pathFixed) {
          LOG.info("camera {}: {} answered 404; using {} from now on", cameraName, LINKIE, LINKIE2);
          path = LINKIE2;
          send();
          return;
        }
        result.completeExceptionally(new ProtocolException("camera " + describe() + " answered HTTP 404 on "
            + usedPath + (LINKIE2.equals(usedPath) ? " and on " + LINKIE : "")
            + ": not a Kasa camera LINKIE endpoint"));
        return;
      }
      if (status == 401 || status == 403) {
        onAuthFailure(variant, "HTTP " + status);
        return;
      }
      if (status >= 500) {
        result.completeExceptionally(new TransportException(
            "camera " + describe() + " answered HTTP " + status, null, true));
        return;
      }
      if (status != 200) {
        result.completeExceptionally(new ProtocolException(
            "camera " + describe() + " answered HTTP " + status + " where 200 was expected"));
        return;
      }
      byte[] json;
      String body = new String(response.body(), StandardCharsets.ISO_8859_1);
      if (body.stripLeading().startsWith("{")) {
        // some firmware answers (errors) as plain JSON text rather than base64 (kasa-firmware.md §3)
        json = body.strip().getBytes(StandardCharsets.ISO_8859_1);
      } else {
        try {
          json = LinkieCodec.decodeResponseJson(body);
        } catch (IllegalArgumentException e) {
          result.completeExceptionally(new ProtocolException(
              "camera " + describe() + " sent an undecodable answer: " + scrubber.scrub(e.getMessage())));
          return;
        }
      }
      if (json.length == 0) {
        result.completeExceptionally(new ProtocolException(
            "camera " + describe() + " sent an empty answer"));
        return;
      }
      ObjectNode answer;
      try {
        // The camera's own text (err_msg, names, echoes of our request) is scrubbed of the
        // password's forms here, once, before any message, log line or result can carry it.
        answer = (ObjectNode) scrubber.scrub(WireJson.parseObject(json, answerName));
      } catch (ProtocolException e) {
        result.completeExceptionally(new ProtocolException(scrubber.scrub(e.getMessage())));
        return;
      }
      String unauthorized = unauthorizedAt(answer);
      if (unauthorized != null) {
        onAuthFailure(variant, "err_code -10007 in " + unauthorized);
        return;
      }
      JsonNode topCode = answer.get("err_code");
      if (topCode != null && topCode.isIntegralNumber() && topCode.intValue() != 0) {
        result.completeExceptionally(new ProtocolException("camera " + describe()
            + " refused the whole request with err_code " + topCode.intValue()
            + messageOf(answer)));
        return;
      }
      if (!pathConfirmed) {
        pathConfirmed = true;
      }
      if (resolved == null) {
        resolved = variant;
        LOG.info("camera {}: the {} password form works; using it from now on", cameraName, variant.text());
      }
      result.complete(answer);
    }

    void onAuthFailure(AuthVariant variant, String how) {
      if (resolved == null && variantIndex + 1 < autoOrder.size()) {
        variantIndex++;
        LOG.debug("camera {}: {} password form refused ({}); trying {}",
            cameraName, variant.text(), how, autoOrder.get(variantIndex).text());
        send();
        return;
      }
      String tried = resolved == null
          ? "every password form: " + String.join(", ", autoOrder.stream().map(AuthVariant::text).toList())
          : "the " + variant.text() + " password form";
      result.completeExceptionally(new AuthenticationException(
          "camera " + describe() + " rejected the credentials (" + how + ", tried " + tried
              + "); check the Kasa account e-mail and password"));
    }
  }

  /**
   * Where the answer says -10007 (unauthorized): at the top, in {@code context}, in a module, or
   * in any method's answer (KC115 answers HTTP 200 with -10007 per method and in context); null
   * when nowhere.
   */
  static String unauthorizedAt(ObjectNode answer) {
    if (isUnauthorized(answer)) {
      return "the answer";
    }
    for (java.util.Map.Entry<String, JsonNode> module : answer.properties()) {
      JsonNode m = module.getValue();
      if (!m.isObject()) {
        continue;
      }
      if (isUnauthorized(m)) {
        return module.getKey();
      }
      for (java.util.Map.Entry<String, JsonNode> method : m.properties()) {
        if (method.getValue().isObject() && isUnauthorized(method.getValue())) {
          return module.getKey() + "." + method.getKey();
        }
      }
    }
    return null;
  }

  private static boolean isUnauthorized(JsonNode node) {
    JsonNode code = node.get("err_code");
    return code != null && code.isIntegralNumber() && code.intValue() == -10007;
  }

  private static String messageOf(JsonNode answer) {
    JsonNode msg = answer.get("err_msg");
    return msg != null && msg.isTextual() ? ": " + msg.textValue() : "";
  }

  private String describe() {
    return "'" + cameraName + "' at " + hostKey;
  }

  private static boolean isClosedConnection(Throwable t) {
    return t instanceof IOException
        && !(t instanceof HttpTimeoutException)
        && !(t instanceof ConnectException)
        && !(t instanceof SSLException)
        && !(t instanceof CappedBody.TooLarge)
        && PinMismatchException.find(t) == null;
  }

  /** Translates any failure of a request to this camera into a homeport exception. */
  HomeportException translate(Throwable failure) {
    Throwable t = Futures.unwrap(failure);
    if (t instanceof HomeportException) {
      return (HomeportException) t;
    }
    PinMismatchException pin = PinMismatchException.find(t);
    if (pin != null) {
      return new CertificateMismatchException(pin.host(), pin.expected(), pin.actual());
    }
    if (t instanceof CappedBody.TooLarge big) {
      return new ProtocolException("camera " + describe() + " sent an answer larger than the "
          + big.max() + "-byte cap (option max-answer-bytes); the rest was not read");
    }
    if (t instanceof HttpConnectTimeoutException) {
      return new RequestTimeoutException("connecting to camera " + describe() + " timed out after "
          + seconds(connectTimeout), t);
    }
    if (t instanceof HttpTimeoutException) {
      return new RequestTimeoutException("camera " + describe() + " did not answer within "
          + seconds(requestTimeout), t);
    }
    if (t instanceof ConnectException) {
      return new TransportException("cannot connect to camera " + describe()
          + " (refused or unreachable" + detail(t) + ")", t, true);
    }
    if (t instanceof SSLException) {
      return new TransportException("TLS with camera " + describe() + " failed" + detail(t), t, false);
    }
    if (t instanceof IOException) {
      return new TransportException("connection to camera " + describe() + " failed" + detail(t), t, true);
    }
    return new TransportException("request to camera " + describe() + " failed unexpectedly: "
        + t.getClass().getName(), t, false);
  }

  private static String detail(Throwable t) {
    return t.getMessage() == null || t.getMessage().isBlank() ? "" : ": " + t.getMessage();
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  @Override
  public String toString() {
    return "LinkieTransport[" + cameraName + " " + hostKey + path + "]";
  }
}
