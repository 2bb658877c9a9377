package dev.homeport.adapter.camera.onvif.internal;

import dev.homeport.domain.Secret;
import dev.homeport.ports.AuthenticationException;
import dev.homeport.ports.ClosedException;
import dev.homeport.ports.Futures;
import dev.homeport.ports.HomeportException;
import dev.homeport.ports.ProtocolException;
import dev.homeport.ports.RequestTimeoutException;
import dev.homeport.ports.TransportException;
import dev.homeport.support.CappedBody;
import dev.homeport.support.ExchangeDeadline;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SOAP 1.2 over HTTP to one camera: WS-Security UsernameToken digests stamped in camera time (the
 * offset learnt from {@code GetSystemDateAndTime}, learnt again when a request is refused as not
 * authorised), HTTP Digest when the camera answers 401 with a Digest challenge, capped answers, and
 * every failure translated into a {@link HomeportException}. Thread-safe; requests may overlap.
 */
public final class OnvifTransport {

  private static final Logger LOG = LoggerFactory.getLogger(OnvifTransport.class);

  /** The largest SOAP answer accepted (profiles of a many-channel recorder fit easily). */
  static final int MAX_ANSWER_BYTES = 2 * 1024 * 1024;

  private final String camera;
  private final Optional<String> username;
  private final Optional<Secret> password;
  /** Removes the password's forms from the text of the camera's faults. */
  private final dev.homeport.support.SecretScrubber scrubber;
  private final Duration requestTimeout;
  private final HttpClient client;
  private final Clock clock;
  private final URI deviceService;
  private volatile Duration clockOffset;
  private volatile HttpDigest digest;
  private volatile boolean closed;

  public OnvifTransport(String camera, URI deviceService, Optional<String> username, Optional<Secret> password,
      Duration requestTimeout, HttpClient client, Clock clock) {
    this.camera = Objects.requireNonNull(camera, "camera");
    this.deviceService = Objects.requireNonNull(deviceService, "deviceService");
    this.username = Objects.requireNonNull(username, "username");
    this.password = Objects.requireNonNull(password, "password");
    this.scrubber = dev.homeport.support.SecretScrubber.builder().secret(password.orElse(null)).build();
    this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
    this.client = Objects.requireNonNull(client, "client");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The device service address. */
  public URI deviceService() {
    return deviceService;
  }

  /** The camera clock minus ours, once learnt. */
  public Optional<Duration> clockOffset() {
    return Optional.ofNullable(clockOffset);
  }

  /** Whether the camera asked for HTTP Digest (then every request carries it). */
  public boolean usesHttpDigest() {
    return digest != null;
  }

  /** One SOAP call: {@link #call(URI, String, String, XmlElement, Duration, List)} with no extra headers. */
  public CompletableFuture<XmlElement> call(URI address, String service, String operation, XmlElement request) {
    return call(address, service, operation, request, requestTimeout, List.of());
  }

  /**
   * Posts {@code request} (the body element) to {@code address} and completes with the answer's
   * body element; a fault completes exceptionally with its translation
   * ({@link Soap.Fault#toException}).
   *
   * @param service the service's short name for messages, e.g. {@code ptz}
   * @param operation the operation, e.g. {@code GetStatus}
   * @param timeout how long to wait for the answer (long polls wait longer)
   * @param extraHeaders more SOAP header blocks (WS-Addressing for pull points)
   */
  public CompletableFuture<XmlElement> call(URI address, String service, String operation, XmlElement request,
      Duration timeout, List<XmlElement> extraHeaders) {
    return call(address, service, operation, request, timeout, extraHeaders, request.namespace() + "/" + operation);
  }

  /** {@link #call(URI, String, String, XmlElement, Duration, List)} with an explicit SOAP action URI. */
  public CompletableFuture<XmlElement> call(URI address, String service, String operation, XmlElement request,
      Duration timeout, List<XmlElement> extraHeaders, String action) {
    if (closed) {
      return CompletableFuture.failedFuture(closed());
    }
    CompletableFuture<Void> clockReady =
        username.isPresent() && clockOffset == null ? syncClock() : CompletableFuture.completedFuture(null);
    return clockReady.thenCompose(ready ->
        attempt(address, service, operation, request, timeout, extraHeaders, action, true));
  }

  private CompletableFuture<XmlElement> attempt(URI address, String service, String operation, XmlElement request,
      Duration timeout, List<XmlElement> extraHeaders, String action, boolean mayResync) {
    List<XmlElement> headers = new ArrayList<>(extraHeaders);
    if (username.isPresent()) {
      headers.add(WsSecurity.header(username.get(), password.map(Secret::reveal).orElse(""), cameraNow()));
    }
    byte[] body = XmlWriter.write(Soap.envelope(headers, request));
    return exchange(address, body, action, timeout, operation).thenCompose(answer -> {
      Optional<Soap.Fault> fault = Soap.fault(answer, operation).map(f -> f.scrubbed(scrubber));
      if (fault.isEmpty()) {
        return CompletableFuture.completedFuture(Soap.answer(answer, request.namespace(), operation + "Response", operation));
      }
      if (fault.get().notAuthorized() && mayResync && username.isPresent()) {
        LOG.debug("camera {}: {} refused as not authorised; reading the camera clock again", camera, operation);
        return syncClock().thenCompose(v ->
            attempt(address, service, operation, request, timeout, extraHeaders, action, false));
      }
      return CompletableFuture.failedFuture(fault.get().toException(camera, service, operation));
    });
  }

  /** Learns the camera clock offset with an anonymous {@code GetSystemDateAndTime}. */
  public CompletableFuture<Void> syncClock() {
    XmlElement request = XmlElement.of(Ns.TDS, "GetSystemDateAndTime");
    byte[] body = XmlWriter.write(Soap.envelope(List.of(), request));
    Instant asked = clock.instant();
    return exchange(deviceService, body, Ns.TDS + "/GetSystemDateAndTime", requestTimeout, "GetSystemDateAndTime")
        .thenApply(answer -> {
          Optional<Soap.Fault> fault = Soap.fault(answer, "GetSystemDateAndTime").map(f -> f.scrubbed(scrubber));
          if (fault.isPresent()) {
            throw fault.get().toException(camera, "device", "GetSystemDateAndTime");
          }
          XmlElement response = Soap.answer(answer, Ns.TDS, "GetSystemDateAndTimeResponse", "GetSystemDateAndTime");
          Instant cameraTime = utc(response);
          Instant now = clock.instant();
          Instant midpoint = asked.plus(Duration.between(asked, now).dividedBy(2));
          clockOffset = Duration.between(midpoint, cameraTime);
          LOG.debug("camera {}: clock offset {}", camera, clockOffset);
          return null;
        });
  }

  /** The camera's UTC time in a {@code GetSystemDateAndTimeResponse}. */
  static Instant utc(XmlElement response) {
    String ctx = "GetSystemDateAndTime";
    XmlElement utc = response.require(ctx, "SystemDateAndTime", "UTCDateTime");
    try {
      XmlElement date = utc.require(ctx, "Date");
      XmlElement time = utc.require(ctx, "Time");
      int year = number(date, "Year");
      if (year < 1 || year > 9999) {
        throw new ProtocolException("camera answer to " + ctx + " has Date/Year = " + year + ", outside 1..9999");
      }
      LocalDate day = LocalDate.of(year, number(date, "Month"), number(date, "Day"));
      LocalTime at = LocalTime.of(number(time, "Hour"), number(time, "Minute"), number(time, "Second"));
      return day.atTime(at).toInstant(ZoneOffset.UTC);
    } catch (java.time.DateTimeException e) {
      throw new ProtocolException("camera answer to " + ctx + " has an invalid date: " + e.getMessage());
    }
  }

  private static int number(XmlElement parent, String name) {
    String text = parent.textAt(name).orElseThrow(() ->
        new ProtocolException("camera answer to GetSystemDateAndTime lacks " + parent.name() + "/" + name));
    try {
      if (text.strip().length() > 10) {
        throw new NumberFormatException("too long");
      }
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new ProtocolException("camera answer to GetSystemDateAndTime has " + parent.name() + "/" + name
          + " = \"" + Text.printable(text, 20) + "\", not a whole number in the int range");
    }
  }

  /** Now, on the camera clock (ours when the offset is not known yet). */
  public Instant cameraNow() {
    Duration offset = clockOffset;
    return offset == null ? clock.instant() : clock.instant().plus(offset);
  }

  /** POSTs one envelope; answers 401 with a Digest challenge once; parses the XML answer. */
  private CompletableFuture<XmlElement> exchange(URI address, byte[] body, String action, Duration timeout,
      String operation) {
    return post(address, body, action, timeout, operation, digest).thenCompose(response -> {
      if (response.statusCode() == 401) {
        Optional<HttpDigest> challenge = response.headers().allValues("WWW-Authenticate").stream()
            .map(HttpDigest::parse).flatMap(Optional::stream).findFirst();
        if (challenge.isPresent() && username.isPresent()) {
          digest = challenge.get();
          LOG.debug("camera {}: {} asked for HTTP Digest; answering it", camera, operation);
          return post(address, body, action, timeout, operation, challenge.get());
        }
      }
      return CompletableFuture.completedFuture(response);
    }).thenApply(response -> read(response, operation));
  }

  private XmlElement read(HttpResponse<byte[]> response, String operation) {
    int status = response.statusCode();
    byte[] bytes = response.body();
    boolean xml = bytes.length > 0 && response.headers().firstValue("Content-Type")
        .map(t -> t.contains("xml")).orElse(true);
    if (status == 200 || ((status == 400 || status == 500 || status == 401 || status == 403) && xml)) {
      try {
        return XmlReader.parse(bytes);
      } catch (ProtocolException e) {
        if (status == 200) {
          throw e;
        }
      }
    }
    if (status == 401 || status == 403) {
      throw new AuthenticationException("camera '" + camera + "' refused " + operation + " with HTTP " + status
          + (username.isEmpty() ? " (no user name configured)" : "; check the user name and password"));
    }
    if (status == 404) {
      throw new ProtocolException("camera '" + camera + "' has no ONVIF service at that address (HTTP 404 for "
          + operation + ")");
    }
    throw new TransportException("camera '" + camera + "' answered " + operation + " with HTTP " + status,
        null, status >= 500);
  }

  private CompletableFuture<HttpResponse<byte[]>> post(URI address, byte[] body, String action, Duration timeout,
      String operation, HttpDigest auth) {
    HttpRequest.Builder request = HttpRequest.newBuilder(address)
        .timeout(timeout)
        .header("Content-Type", "application/soap+xml; charset=utf-8; action=\"" + action + "\"")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (auth != null) {
      request.header("Authorization", auth.authorization("POST", target(address), username.orElse(""),
          password.map(Secret::reveal).orElse("")));
    }
    return send(request.build(), MAX_ANSWER_BYTES, operation);
  }

  /**
   * GETs {@code uri} (a snapshot), with HTTP Digest when challenged, else Basic when challenged for
   * it (only then is the password sent, base64-encoded: plain HTTP exposes it, see SECURITY.md).
   */
  public CompletableFuture<HttpResponse<byte[]>> get(URI uri, int maxBytes, String operation) {
    if (closed) {
      return CompletableFuture.failedFuture(closed());
    }
    HttpRequest plain = HttpRequest.newBuilder(uri).timeout(requestTimeout).GET().build();
    return send(plain, maxBytes, operation).thenCompose(response -> {
      if (response.statusCode() != 401 || username.isEmpty()) {
        return CompletableFuture.completedFuture(response);
      }
      List<String> challenges = response.headers().allValues("WWW-Authenticate");
      String secret = password.map(Secret::reveal).orElse("");
      Optional<HttpDigest> challenge = challenges.stream().map(HttpDigest::parse).flatMap(Optional::stream).findFirst();
      String authorization;
      if (challenge.isPresent()) {
        authorization = challenge.get().authorization("GET", target(uri), username.get(), secret);
      } else if (challenges.stream().anyMatch(c -> c.trim().regionMatches(true, 0, "Basic", 0, 5))) {
        authorization = "Basic " + Base64.getEncoder().encodeToString(
            (username.get() + ":" + secret).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      } else {
        return CompletableFuture.completedFuture(response);
      }
      return send(HttpRequest.newBuilder(uri).timeout(requestTimeout).header("Authorization", authorization)
          .GET().build(), maxBytes, operation);
    });
  }

  private static String target(URI uri) {
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
  }

  private CompletableFuture<HttpResponse<byte[]>> send(HttpRequest request, int maxBytes, String operation) {
    try {
      CompletableFuture<HttpResponse<byte[]>> sent = client.sendAsync(request, CappedBody.handler(maxBytes));
      // the request's time-out over the whole exchange, body included (the JDK's covers the headers)
      CompletableFuture<HttpResponse<byte[]>> whole = new CompletableFuture<>();
      sent.whenComplete((response, failure) -> {
        if (failure != null) {
          whole.completeExceptionally(failure);
        } else {
          whole.complete(response);
        }
      });
      ExchangeDeadline.bound(whole, sent, request.timeout().orElse(requestTimeout));
      return whole
          .handle((response, failure) -> {
            if (failure != null) {
              throw new CompletionException(translate(failure, operation));
            }
            return response;
          });
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(new TransportException("cannot send " + operation + " to camera '"
          + camera + "': " + e.getMessage(), null, false));
    }
  }

  /** The homeport exception for a failure of the HTTP exchange. */
  public HomeportException translate(Throwable failure, String operation) {
    Throwable cause = Futures.unwrap(failure);
    if (cause instanceof HomeportException h) {
      return h;
    }
    if (closed) {
      return closed();
    }
    if (cause instanceof CappedBody.TooLarge big) {
      return new ProtocolException("camera '" + camera + "' answered " + operation + " with more than "
          + big.max() + " bytes");
    }
    if (cause instanceof HttpConnectTimeoutException) {
      return new RequestTimeoutException("camera '" + camera + "' did not accept a connection in time for "
          + operation, null);
    }
    if (cause instanceof HttpTimeoutException) {
      return new RequestTimeoutException("camera '" + camera + "' did not answer " + operation + " in time", null);
    }
    if (cause instanceof ConnectException) {
      return new TransportException("camera '" + camera + "' is unreachable (" + operation + "): connection refused", null);
    }
    if (cause instanceof IOException) {
      return new TransportException("camera '" + camera + "' connection failed during " + operation + ": "
          + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : " " + cause.getMessage()), null);
    }
    return new TransportException("camera '" + camera + "' request " + operation + " failed: " + cause, null);
  }

  private ClosedException closed() {
    return new ClosedException("camera '" + camera + "' is closed");
  }

  /** Refuses new requests. */
  public void close() {
    closed = true;
  }

  @Override
  public String toString() {
    return "OnvifTransport[" + camera + " " + deviceService + "]";
  }
}
