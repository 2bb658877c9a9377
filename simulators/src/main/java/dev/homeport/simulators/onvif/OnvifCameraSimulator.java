package dev.homeport.simulators.onvif;

import static dev.homeport.simulators.onvif.SimXml.S;
import static dev.homeport.simulators.onvif.SimXml.TDS;
import static dev.homeport.simulators.onvif.SimXml.TER;
import static dev.homeport.simulators.onvif.SimXml.TEV;
import static dev.homeport.simulators.onvif.SimXml.TIMG;
import static dev.homeport.simulators.onvif.SimXml.TPTZ;
import static dev.homeport.simulators.onvif.SimXml.TRT;
import static dev.homeport.simulators.onvif.SimXml.TT;
import static dev.homeport.simulators.onvif.SimXml.WSNT;
import static dev.homeport.simulators.onvif.SimXml.add;
import static dev.homeport.simulators.onvif.SimXml.find;
import static dev.homeport.simulators.onvif.SimXml.text;

import dev.homeport.adapter.inmemory.InMemoryCamera;
import dev.homeport.domain.camera.CameraCommand;
import dev.homeport.domain.camera.CameraInfo;
import dev.homeport.domain.camera.Direction;
import dev.homeport.domain.camera.GetCameraInfo;
import dev.homeport.domain.camera.GetPosition;
import dev.homeport.domain.camera.GetSetting;
import dev.homeport.domain.camera.GetSnapshot;
import dev.homeport.domain.camera.GetStreamUri;
import dev.homeport.domain.camera.GoToPreset;
import dev.homeport.domain.camera.ListPresets;
import dev.homeport.domain.camera.Move;
import dev.homeport.domain.camera.NightVisionMode;
import dev.homeport.domain.camera.Position;
import dev.homeport.domain.camera.Preset;
import dev.homeport.domain.camera.Reboot;
import dev.homeport.domain.camera.SavePreset;
import dev.homeport.domain.camera.SetPosition;
import dev.homeport.domain.camera.SetSetting;
import dev.homeport.domain.camera.Setting;
import dev.homeport.domain.camera.Snapshot;
import dev.homeport.domain.camera.Stop;
import dev.homeport.ports.AuthenticationException;
import dev.homeport.ports.CameraCommandException;
import dev.homeport.ports.UnsupportedCommandException;
import dev.homeport.simulators.harness.Fault;
import dev.homeport.simulators.harness.HttpAnswer;
import dev.homeport.simulators.harness.RecordedRequest;
import dev.homeport.simulators.harness.SimulatorServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A simulated ONVIF camera (Profile S device, media, PTZ, imaging and events services) on a real
 * HTTP server on 127.0.0.1, written from shared/protocols/onvif.md and independent of the client's
 * code (DOM here, StAX there). Its state is an {@link InMemoryCamera}: every operation that maps to a
 * domain command runs on it, so the backend's switches (faults, latency, unreachable, rejected
 * credentials) reach the wire.
 *
 * <p>It checks every request's WS-Security UsernameToken (PasswordDigest, {@code Created} within
 * {@link Builder#maxSkew} of its own clock, nonces not reused within that window) and answers
 * {@code ter:NotAuthorized} otherwise; {@code GetSystemDateAndTime} is anonymous. Faults to inject:
 * a wrong password (change it with {@link #setPassword}), a clock far off ({@link #setClockOffset}),
 * values out of any range ({@link #overrideAnswerValue}), HTTP Digest required ({@link #requireDigest}), no snapshot ({@link #setSnapshotSupported}, then
 * {@code ter:ActionNotSupported}), no {@code GetServices} (old firmware), a reboot that forgets
 * every pull point ({@link #reboot}), slow long polls ({@link #setSlowPolls}), and motion on demand
 * ({@link #motion}) or on a schedule ({@link #motionEvery}).
 *
 * <p>Facts not in the notes, chosen here and said so: the fault for an unknown pull point is
 * {@code s:Sender/ter:InvalidArgVal} with reason "unknown subscription" (real cameras vary: some
 * answer HTTP 404 or refuse the connection); the snapshot is served at {@code /onvif/snapshot} with
 * HTTP Digest; {@code SetPreset} saves a new preset under the backend's lowest free number (the
 * token it answers), refuses a {@code PresetToken} (overwriting) with {@code ter:ActionNotSupported}
 * and a full preset table with {@code ter:Action/ter:TooManyPresets}.
 *
 * <p>Thread-safe.
 */
public final class OnvifCameraSimulator implements AutoCloseable {

  private static final String REALM = "homeport-onvif-sim";
  private static final DateTimeFormatter XSD_TIME = DateTimeFormatter.ISO_INSTANT;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final InMemoryCamera backend;
  private final String username;
  private final Clock clock;
  private final Duration maxSkew;
  private final boolean ptzOnFirstProfile;
  private final boolean getServicesSupported;
  private final Duration lifetimeCap;
  private final SimulatorServer server;
  private final ScheduledExecutorService timers;
  private final Object lock = new Object();

  // guarded by lock
  private String password;
  private Duration clockOffset = Duration.ZERO;
  private boolean digestRequired;
  private boolean snapshotSupported = true;
  private String snapshotContentType = "image/jpeg";
  private Duration slowPolls = Duration.ZERO;
  private Duration maxPollWait = Duration.ofSeconds(60);
  private boolean motion;
  private int generation;
  private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
  private final Map<String, Instant> seenNonces = new HashMap<>();
  private final List<String> digestNonces = new ArrayList<>();
  private ScheduledFuture<?> motionSchedule;
  private final Map<String, String> overrides = new LinkedHashMap<>();

  private final AtomicInteger created = new AtomicInteger();
  private final AtomicInteger renewed = new AtomicInteger();
  private final AtomicInteger unsubscribed = new AtomicInteger();
  private final AtomicInteger pulls = new AtomicInteger();
  private final AtomicInteger notAuthorized = new AtomicInteger();
  private final AtomicInteger digestChallenges = new AtomicInteger();
  private volatile Duration lastCreatedSkew = Duration.ZERO;

  private final class Subscription {
    final String id;
    Instant expires;
    final Deque<Element> queue = new ArrayDeque<>();
    final Document owner = SimXml.newDocument();
    boolean initialSent;

    Subscription(String id, Instant expires) {
      this.id = id;
      this.expires = expires;
    }
  }

  private OnvifCameraSimulator(Builder b) {
    this.backend = Objects.requireNonNull(b.backend, "backend");
    this.username = b.username;
    this.password = b.password;
    this.clock = b.clock;
    this.maxSkew = b.maxSkew;
    this.ptzOnFirstProfile = b.ptzOnFirstProfile;
    this.getServicesSupported = b.getServicesSupported;
    this.lifetimeCap = b.lifetimeCap;
    this.clockOffset = b.clockOffset;
    this.digestRequired = b.digestRequired;
    this.timers = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "onvif-sim-motion");
      t.setDaemon(true);
      return t;
    });
    this.server = SimulatorServer.builder().name("onvif").plainHttp().port(b.port)
        .dispatcher(request -> {
          // a wire fault armed on the plan ({@link #faults()}) takes the next request, whatever it is
          dev.homeport.simulators.harness.Fault armed = faults().takeArmed();
          return java.util.concurrent.CompletableFuture.completedFuture(
              armed != null ? HttpAnswer.fault(armed) : answer(handle(request)));
        })
        .start();
  }

  /** A builder; {@link Builder#backend} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** {@code 127.0.0.1}. */
  public String host() {
    return "127.0.0.1";
  }

  /**
   * The server's fault plan: arm the harness's wire faults ({@code ENDLESS_ANSWER},
   * {@code TRICKLE_ANSWER}, ...) for the next requests.
   */
  public dev.homeport.simulators.harness.FaultPlan faults() {
    return server.faults();
  }

  /** The port the server listens on. */
  public int port() {
    return server.port();
  }

  /** The user name it accepts. */
  public String username() {
    return username;
  }

  /** The password it accepts now. */
  public String password() {
    synchronized (lock) {
      return password;
    }
  }

  /** The device service address. */
  public String deviceServiceUrl() {
    return base() + "/onvif/device_service";
  }

  /** The state behind it. */
  public InMemoryCamera backend() {
    return backend;
  }

  private String base() {
    return "http://127.0.0.1:" + port();
  }

  // ------------------------------------------------------------------------------ switches

  /** Accepts only this password from now on (the old one then fails with ter:NotAuthorized). */
  public void setPassword(String password) {
    synchronized (lock) {
      this.password = Objects.requireNonNull(password, "password");
    }
  }

  /** The camera clock runs this far ahead of the real one (negative: behind). */
  public void setClockOffset(Duration offset) {
    synchronized (lock) {
      this.clockOffset = Objects.requireNonNull(offset, "offset");
    }
  }

  /** Whether every request (SOAP and snapshot) must carry HTTP Digest credentials. */
  public void requireDigest(boolean required) {
    synchronized (lock) {
      this.digestRequired = required;
    }
  }

  /** Whether {@code GetSnapshotUri} is implemented (else {@code ter:ActionNotSupported}). */
  public void setSnapshotSupported(boolean supported) {
    synchronized (lock) {
      this.snapshotSupported = supported;
    }
  }

  /** The Content-Type the snapshot is served with (to test that clients check it). */
  public void setSnapshotContentType(String type) {
    synchronized (lock) {
      this.snapshotContentType = Objects.requireNonNull(type, "type");
    }
  }

  /** Long polls with no message wait this long beyond the timeout they asked for. */
  public void setSlowPolls(Duration extra) {
    synchronized (lock) {
      this.slowPolls = Objects.requireNonNull(extra, "extra");
    }
  }

  /**
   * From now on every answer writes {@code text}, exactly as given, wherever it writes its own value
   * of {@code field}: an element's text, by local name ({@code "Year"}, {@code "TerminationTime"}),
   * or an attribute, as {@code "PanTilt@x"}. A camera answering values out of any range
   * ({@code 1e999999999}, {@code NaN}, year 999999999). {@code text} null undoes it.
   */
  public void overrideAnswerValue(String field, String text) {
    synchronized (lock) {
      if (text == null) {
        overrides.remove(Objects.requireNonNull(field, "field"));
      } else {
        overrides.put(Objects.requireNonNull(field, "field"), text);
      }
    }
  }

  /** The longest a long poll waits for messages, whatever its Timeout says (keeps tests short). */
  public void setMaxPollWait(Duration wait) {
    synchronized (lock) {
      this.maxPollWait = Objects.requireNonNull(wait, "wait");
    }
  }

  /** Motion starts ({@code true}) or stops: a CellMotionDetector message to every pull point. */
  public void motion(boolean active) {
    synchronized (lock) {
      motion = active;
      broadcast("tns1:RuleEngine/CellMotionDetector/Motion", "VideoSourceConfigurationToken", "VideoSourceConfig_1",
          "IsMotion", active, "Changed");
    }
  }

  /** A people-detection state change to every pull point. */
  public void person(boolean present) {
    synchronized (lock) {
      broadcast("tns1:RuleEngine/PeopleDetector/People", "VideoSourceConfigurationToken", "VideoSourceConfig_1",
          "State", present, "Changed");
    }
  }

  /** A tamper (global scene change) state change to every pull point. */
  public void tamper(boolean active) {
    synchronized (lock) {
      broadcast("tns1:VideoSource/GlobalSceneChange/ImagingService", "Source", "VideoSource_1",
          "State", active, "Changed");
    }
  }

  /** Motion toggles every {@code period} until {@link #close()} (or null to stop). */
  public void motionEvery(Duration period) {
    synchronized (lock) {
      if (motionSchedule != null) {
        motionSchedule.cancel(false);
        motionSchedule = null;
      }
      if (period != null) {
        motionSchedule = timers.scheduleAtFixedRate(() -> motion(!isMotion()), period.toMillis(), period.toMillis(),
            TimeUnit.MILLISECONDS);
      }
    }
  }

  private boolean isMotion() {
    synchronized (lock) {
      return motion;
    }
  }

  /** The camera reboots: every pull point is forgotten and pending long polls drop their connection. */
  public void reboot() {
    synchronized (lock) {
      subscriptions.clear();
      generation++;
      lock.notifyAll();
    }
  }

  /** Pull points created so far. */
  public int subscriptionsCreated() {
    return created.get();
  }

  /** Pull points alive now. */
  public int liveSubscriptions() {
    synchronized (lock) {
      return subscriptions.size();
    }
  }

  /** Renew requests answered. */
  public int renewals() {
    return renewed.get();
  }

  /** Unsubscribe requests received. */
  public int unsubscribes() {
    return unsubscribed.get();
  }

  /** PullMessages requests received. */
  public int pulls() {
    return pulls.get();
  }

  /** Requests refused with ter:NotAuthorized. */
  public int notAuthorizedCount() {
    return notAuthorized.get();
  }

  /** 401 Digest challenges sent. */
  public int digestChallenges() {
    return digestChallenges.get();
  }

  /** How far the last accepted {@code Created} was from the camera clock. */
  public Duration lastCreatedSkew() {
    return lastCreatedSkew;
  }

  private Instant cameraNow() {
    synchronized (lock) {
      return clock.instant().plus(clockOffset);
    }
  }

  // ------------------------------------------------------------------------------ HTTP

  /** A request as this simulator reads it. */
  private record Request(String method, String target, String path, Map<String, String> headers, byte[] body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /** An answer; {@link #DROP} closes the connection without one. */
  private record Response(int status, Map<String, String> headers, byte[] body) {
    static final Response DROP = new Response(-1, Map.of(), new byte[0]);
  }

  private static HttpAnswer answer(Response response) {
    if (response.status() < 0) {
      return HttpAnswer.fault(Fault.DROP_CONNECTION);
    }
    HttpAnswer answer = HttpAnswer.status(response.status());
    for (Map.Entry<String, String> h : response.headers().entrySet()) {
      answer = answer.withHeader(h.getKey(), h.getValue());
    }
    return answer.withBody(response.body());
  }

  private Response handle(RecordedRequest recorded) {
    Map<String, String> headers = new HashMap<>();
    for (RecordedRequest.Header h : recorded.headers()) {
      headers.merge(h.name().toLowerCase(Locale.ROOT), h.value(), (a, b) -> a + ", " + b);
    }
    return handle(new Request(recorded.method(), recorded.target(), recorded.path(), headers, recorded.body()));
  }

  private Response handle(Request request) {
    try {
      if (request.method().equals("GET") && request.path().equals("/onvif/snapshot")) {
        return snapshot(request);
      }
      if (!request.method().equals("POST") || !request.path().startsWith("/onvif/")) {
        return new Response(404, Map.of("Content-Type", "text/plain"), "not found".getBytes(StandardCharsets.UTF_8));
      }
      Document doc;
      try {
        doc = SimXml.parse(request.body());
      } catch (Exception e) {
        return fault("Sender", "WellFormed", "request is not well-formed XML");
      }
      Element body = find(doc, "Body");
      Element operation = body == null ? null : SimXml.children(body).stream().findFirst().orElse(null);
      if (operation == null) {
        return fault("Sender", "InvalidArgVal", "empty body");
      }
      String name = operation.getLocalName();
      if (!name.equals("GetSystemDateAndTime")) {
        boolean digestOk = false;
        if (digestRequired()) {
          String auth = request.header("authorization");
          if (auth == null || !checkDigest(auth, request.method(), request.target())) {
            return challenge();
          }
          digestOk = true;
        }
        Element security = find(doc, "UsernameToken");
        if (security == null && !digestOk) {
          notAuthorized.incrementAndGet();
          return fault("Sender", "NotAuthorized", "Sender not Authorized");
        }
        if (security != null) {
          String problem = checkUsernameToken(security);
          if (problem != null) {
            notAuthorized.incrementAndGet();
            return fault("Sender", "NotAuthorized", problem);
          }
        }
      }
      return operate(request, name, operation);
    } catch (Dropped d) {
      return Response.DROP;
    }
  }

  private boolean digestRequired() {
    synchronized (lock) {
      return digestRequired;
    }
  }

  /** A request that must go unanswered: the connection closes. */
  private static final class Dropped extends RuntimeException {
    Dropped() {
      super(null, null, false, false);
    }
  }

  private String checkUsernameToken(Element token) {
    String user = text(token, "Username");
    String digest = text(token, "Password");
    String nonce = text(token, "Nonce");
    String createdText = text(token, "Created");
    Element passwordElement = find(token, "Password");
    if (user == null || digest == null || nonce == null || createdText == null) {
      return "incomplete UsernameToken";
    }
    if (passwordElement != null && !passwordElement.getAttribute("Type").endsWith("#PasswordDigest")) {
      return "only PasswordDigest is accepted";
    }
    Instant createdAt;
    try {
      createdAt = Instant.parse(createdText);
    } catch (RuntimeException e) {
      return "Created is not an xs:dateTime in UTC";
    }
    Instant now = cameraNow();
    Duration skew = Duration.between(now, createdAt);
    if (skew.abs().compareTo(maxSkew) > 0) {
      return "Created is " + skew.getSeconds() + " s away from the camera clock";
    }
    byte[] nonceBytes;
    try {
      nonceBytes = Base64.getDecoder().decode(nonce);
    } catch (IllegalArgumentException e) {
      return "Nonce is not base64";
    }
    String expected;
    synchronized (lock) {
      expected = sha1Digest(nonceBytes, createdText, password);
      if (!user.equals(username) || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
          digest.getBytes(StandardCharsets.US_ASCII))) {
        return "wrong user name or password";
      }
      seenNonces.values().removeIf(at -> at.isBefore(now.minus(maxSkew.multipliedBy(2))));
      if (seenNonces.putIfAbsent(nonce, now) != null) {
        return "Nonce replayed";
      }
    }
    lastCreatedSkew = skew;
    return null;
  }

  private static String sha1Digest(byte[] nonce, String created, String password) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      byte[] c = created.getBytes(StandardCharsets.UTF_8);
      byte[] p = password.getBytes(StandardCharsets.UTF_8);
      byte[] all = new byte[nonce.length + c.length + p.length];
      System.arraycopy(nonce, 0, all, 0, nonce.length);
      System.arraycopy(c, 0, all, nonce.length, c.length);
      System.arraycopy(p, 0, all, nonce.length + c.length, p.length);
      return Base64.getEncoder().encodeToString(sha1.digest(all));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private Response challenge() {
    byte[] raw = new byte[12];
    RANDOM.nextBytes(raw);
    String nonce = HexFormat.of().formatHex(raw);
    synchronized (lock) {
      digestNonces.add(nonce);
      if (digestNonces.size() > 64) {
        digestNonces.remove(0);
      }
    }
    digestChallenges.incrementAndGet();
    return new Response(401, Map.of("WWW-Authenticate",
        "Digest realm=\"" + REALM + "\", qop=\"auth\", nonce=\"" + nonce + "\", algorithm=MD5",
        "Content-Type", "text/plain"), "digest required".getBytes(StandardCharsets.UTF_8));
  }

  /** Checks an RFC 7616 MD5 qop=auth response, parsing the header its own way. */
  private boolean checkDigest(String header, String method, String target) {
    if (!header.regionMatches(true, 0, "Digest ", 0, 7)) {
      return false;
    }
    Map<String, String> p = new HashMap<>();
    for (String part : splitParams(header.substring(7))) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        String v = part.substring(eq + 1).trim();
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
          v = v.substring(1, v.length() - 1);
        }
        p.put(part.substring(0, eq).trim().toLowerCase(Locale.ROOT), v);
      }
    }
    String nonce = p.get("nonce");
    synchronized (lock) {
      if (nonce == null || !digestNonces.contains(nonce) || !username.equals(p.get("username"))
          || !REALM.equals(p.get("realm")) || !target.equals(p.get("uri")) || !"auth".equals(p.get("qop"))) {
        return false;
      }
      String ha1 = md5(username + ":" + REALM + ":" + password);
      String ha2 = md5(method + ":" + target);
      String expected = md5(ha1 + ":" + nonce + ":" + p.get("nc") + ":" + p.get("cnonce") + ":auth:" + ha2);
      return expected.equals(p.get("response"));
    }
  }

  private static List<String> splitParams(String text) {
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (char c : text.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      }
      if (c == ',' && !quoted) {
        parts.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    parts.add(current.toString());
    return parts;
  }

  private static String md5(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private Response snapshot(Request request) {
    String auth = request.header("authorization");
    if (auth == null || !checkDigest(auth, "GET", request.target())) {
      return challenge();
    }
    Snapshot image = run(new GetSnapshot(GetSnapshot.MAX_BYTES));
    String type;
    synchronized (lock) {
      type = snapshotContentType;
    }
    return new Response(200, Map.of("Content-Type", type), image.bytes());
  }

  // ------------------------------------------------------------------------------ SOAP

  private Response operate(Request request, String name, Element op) {
    try {
      switch (name) {
        case "GetSystemDateAndTime":
          return ok(TDS, name, this::systemDateAndTime);
        case "GetDeviceInformation": {
          CameraInfo info = run(new GetCameraInfo());
          return ok(TDS, name, r -> {
            add(r, TDS, "tds:Manufacturer", info.otherFields().get("manufacturer").map(String::valueOf)
                .orElse("homeport"));
            add(r, TDS, "tds:Model", info.model());
            add(r, TDS, "tds:FirmwareVersion", info.softwareVersion());
            add(r, TDS, "tds:SerialNumber", info.deviceId());
            add(r, TDS, "tds:HardwareId", info.hardwareVersion());
          });
        }
        case "GetScopes": {
          CameraInfo info = run(new GetCameraInfo());
          return ok(TDS, name, r -> {
            scope(r, "Fixed", "onvif://www.onvif.org/type/" + enc(info.type()));
            scope(r, "Fixed", "onvif://www.onvif.org/Profile/Streaming");
            scope(r, "Fixed", "onvif://www.onvif.org/hardware/" + enc(info.model()));
            scope(r, "Configurable", "onvif://www.onvif.org/name/" + enc(info.alias()));
          });
        }
        case "GetNetworkInterfaces": {
          CameraInfo info = run(new GetCameraInfo());
          return ok(TDS, name, r -> {
            Element ni = add(r, TDS, "tds:NetworkInterfaces");
            ni.setAttribute("token", "eth0");
            add(ni, TT, "tt:Enabled", "true");
            Element i = add(ni, TT, "tt:Info");
            add(i, TT, "tt:Name", "eth0");
            add(i, TT, "tt:HwAddress", info.mac());
          });
        }
        case "GetServices":
          if (!getServicesSupported) {
            return fault("Receiver", "ActionNotSupported", "GetServices is not implemented by this firmware");
          }
          return ok(TDS, name, r -> {
            service(r, TDS, "/onvif/device_service");
            service(r, TRT, "/onvif/media_service");
            service(r, TPTZ, "/onvif/ptz_service");
            service(r, TIMG, "/onvif/imaging_service");
            service(r, TEV, "/onvif/event_service");
          });
        case "GetCapabilities":
          return ok(TDS, name, r -> {
            Element c = add(r, TDS, "tds:Capabilities");
            add(add(c, TT, "tt:Device"), TT, "tt:XAddr", base() + "/onvif/device_service");
            add(add(c, TT, "tt:Events"), TT, "tt:XAddr", base() + "/onvif/event_service");
            add(add(c, TT, "tt:Imaging"), TT, "tt:XAddr", base() + "/onvif/imaging_service");
            add(add(c, TT, "tt:Media"), TT, "tt:XAddr", base() + "/onvif/media_service");
            add(add(c, TT, "tt:PTZ"), TT, "tt:XAddr", base() + "/onvif/ptz_service");
          });
        case "GetProfiles":
          return ok(TRT, name, r -> {
            profile(r, "profile_1", "mainStream", 1920, 1080, ptzOnFirstProfile);
            profile(r, "profile_2", "minorStream", 640, 360, !ptzOnFirstProfile);
          });
        case "GetVideoSources":
          return ok(TRT, name, r -> {
            Element v = add(r, TRT, "trt:VideoSources");
            v.setAttribute("token", "VideoSource_1");
            add(v, TT, "tt:Framerate", "15");
            Element res = add(v, TT, "tt:Resolution");
            add(res, TT, "tt:Width", "1920");
            add(res, TT, "tt:Height", "1080");
          });
        case "GetStreamUri": {
          checkProfile(op);
          String uri = run(new GetStreamUri()).toString();
          return ok(TRT, name, r -> mediaUri(r, TRT, uri));
        }
        case "GetSnapshotUri": {
          checkProfile(op);
          synchronized (lock) {
            if (!snapshotSupported) {
              return fault("Receiver", "ActionNotSupported", "GetSnapshotUri is not supported");
            }
          }
          return ok(TRT, name, r -> mediaUri(r, TRT, base() + "/onvif/snapshot?channel=1"));
        }
        case "ContinuousMove": {
          checkPtzProfile(op);
          Element panTilt = find(op, "PanTilt");
          double x = Double.parseDouble(panTilt.getAttribute("x"));
          double y = Double.parseDouble(panTilt.getAttribute("y"));
          if (Math.abs(x) > 1 || Math.abs(y) > 1) {
            return fault("Sender", "InvalidArgVal", "velocity outside -1..1");
          }
          if (x == 0 && y == 0) {
            run(new Stop());
          } else {
            Direction d = direction(x, y);
            int speed = (int) Math.max(1, Math.min(10, Math.round(Math.max(Math.abs(x), Math.abs(y)) * 10)));
            run(new Move(d, speed));
          }
          return ok(TPTZ, name, r -> { });
        }
        case "Stop":
          checkPtzProfile(op);
          run(new Stop());
          return ok(TPTZ, name, r -> { });
        case "GetStatus": {
          checkPtzProfile(op);
          Position p = run(new GetPosition());
          boolean moving = backend.isMoving();
          return ok(TPTZ, name, r -> {
            Element status = add(r, TPTZ, "tptz:PTZStatus");
            Element pos = add(status, TT, "tt:Position");
            Element pt = add(pos, TT, "tt:PanTilt");
            pt.setAttribute("x", generic(p.x()));
            pt.setAttribute("y", generic(p.y()));
            pt.setAttribute("space", "http://www.onvif.org/ver10/tptz/PanTiltSpaces/PositionGenericSpace");
            Element ms = add(status, TT, "tt:MoveStatus");
            add(ms, TT, "tt:PanTilt", moving ? "MOVING" : "IDLE");
            add(status, TT, "tt:UtcTime", XSD_TIME.format(cameraNow().truncatedTo(ChronoUnit.SECONDS)));
          });
        }
        case "AbsoluteMove": {
          checkPtzProfile(op);
          Element panTilt = find(find(op, "Position"), "PanTilt");
          double x = Double.parseDouble(panTilt.getAttribute("x"));
          double y = Double.parseDouble(panTilt.getAttribute("y"));
          if (Math.abs(x) > 1 || Math.abs(y) > 1) {
            return fault("Sender", "InvalidArgVal", "position outside the generic space -1..1");
          }
          run(new SetPosition(new Position(steps(x), steps(y))));
          return ok(TPTZ, name, r -> { });
        }
        case "GetPresets": {
          checkPtzProfile(op);
          List<Preset> presets = run(new ListPresets());
          return ok(TPTZ, name, r -> {
            for (Preset p : presets) {
              Element e = add(r, TPTZ, "tptz:Preset");
              e.setAttribute("token", p.token());
              add(e, TT, "tt:Name", p.name());
            }
          });
        }
        case "GotoPreset": {
          checkPtzProfile(op);
          String token = text(op, "PresetToken");
          try {
            run(new GoToPreset(token));
          } catch (CameraCommandException e) {
            return fault("Sender", "InvalidArgVal", "NoToken", "no preset with token " + token);
          }
          return ok(TPTZ, name, r -> { });
        }
        case "SetPreset": {
          checkPtzProfile(op);
          if (find(op, "PresetToken") != null) {
            // overwriting a preset is not modelled by the backend: say so rather than save a new one
            return fault("Receiver", "ActionNotSupported", "this simulator saves new presets only (no PresetToken)");
          }
          String presetName = text(op, "PresetName");
          String token;
          try {
            token = run(new SavePreset(presetName == null ? "" : presetName));
          } catch (IllegalArgumentException e) {
            return fault("Sender", "InvalidArgVal", "InvalidPresetName", e.getMessage());
          } catch (CameraCommandException e) {
            return fault("Receiver", "Action", "TooManyPresets", e.getMessage());
          }
          return ok(TPTZ, name, r -> add(r, TPTZ, "tptz:PresetToken", token));
        }
        case "GetImagingSettings": {
          checkVideoSource(op);
          NightVisionMode mode = run(GetSetting.of(Setting.NIGHT_VISION));
          return ok(TIMG, name, r -> {
            Element s = add(r, TIMG, "timg:ImagingSettings");
            add(s, TT, "tt:Brightness", "50");
            add(s, TT, "tt:IrCutFilter", irCut(mode));
          });
        }
        case "SetImagingSettings": {
          checkVideoSource(op);
          String mode = text(op, "IrCutFilter");
          NightVisionMode value;
          if ("ON".equals(mode)) {
            value = NightVisionMode.DAY;
          } else if ("OFF".equals(mode)) {
            value = NightVisionMode.NIGHT;
          } else if ("AUTO".equals(mode)) {
            value = NightVisionMode.AUTO;
          } else {
            return fault("Sender", "InvalidArgVal", "SettingsInvalid", "IrCutFilter must be ON, OFF or AUTO");
          }
          run(SetSetting.of(Setting.NIGHT_VISION, value));
          return ok(TIMG, name, r -> { });
        }
        case "SystemReboot":
          run(new Reboot());
          reboot();
          return ok(TDS, name, r -> add(r, TDS, "tds:Message", "Rebooting"));
        case "CreatePullPointSubscription":
          return createPullPoint(op);
        case "PullMessages":
          return pull(request.path(), op);
        case "Renew":
          return renew(request.path());
        case "Unsubscribe":
          unsubscribed.incrementAndGet();
          synchronized (lock) {
            subscriptions.remove(subscriptionId(request.path()));
          }
          return ok(WSNT, name, r -> { });
        default:
          return fault("Receiver", "ActionNotSupported", name + " is not implemented by this simulator");
      }
    } catch (Dropped d) {
      throw d;
    } catch (AuthenticationException e) {
      notAuthorized.incrementAndGet();
      return fault("Sender", "NotAuthorized", "Sender not Authorized");
    } catch (UnsupportedCommandException e) {
      return fault("Receiver", "ActionNotSupported", e.getMessage());
    } catch (CameraCommandException e) {
      return fault("Sender", "InvalidArgVal", e.getMessage());
    } catch (BadRequest e) {
      return fault("Sender", "InvalidArgVal", e.subcode, e.getMessage());
    } catch (RuntimeException e) {
      return fault("Sender", "InvalidArgVal", "cannot read the request: " + e);
    }
  }

  /** A request naming a token the camera does not have. */
  private static final class BadRequest extends RuntimeException {
    final String subcode;

    BadRequest(String subcode, String message) {
      super(message);
      this.subcode = subcode;
    }
  }

  private void checkProfile(Element op) {
    String token = text(op, "ProfileToken");
    if (!"profile_1".equals(token) && !"profile_2".equals(token)) {
      throw new BadRequest("NoProfile", "no profile " + token);
    }
  }

  private void checkPtzProfile(Element op) {
    checkProfile(op);
    String token = text(op, "ProfileToken");
    boolean ptz = token.equals("profile_1") == ptzOnFirstProfile;
    if (!ptz) {
      throw new BadRequest("NoPTZProfile", "profile " + token + " has no PTZ configuration");
    }
  }

  private void checkVideoSource(Element op) {
    if (!"VideoSource_1".equals(text(op, "VideoSourceToken"))) {
      throw new BadRequest("NoSource", "no video source " + text(op, "VideoSourceToken"));
    }
  }

  /** Runs a command on the backend; its transport failures drop the connection. */
  private <R> R run(CameraCommand<R> command) {
    try {
      return backend.execute(command).get(5, TimeUnit.MINUTES);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof dev.homeport.ports.TransportException) {
        throw new Dropped();
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(cause);
    } catch (TimeoutException e) {
      throw new Dropped();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Dropped();
    }
  }

  /** The domain direction of a velocity: diagonal when both axes move about as fast. */
  private static Direction direction(double x, double y) {
    double ax = Math.abs(x);
    double ay = Math.abs(y);
    if (ax > 0 && ay > 0 && Math.abs(ax - ay) < 0.05) {
      if (y > 0) {
        return x < 0 ? Direction.UP_LEFT : Direction.UP_RIGHT;
      }
      return x < 0 ? Direction.DOWN_LEFT : Direction.DOWN_RIGHT;
    }
    if (ax >= ay) {
      return x < 0 ? Direction.LEFT : Direction.RIGHT;
    }
    return y < 0 ? Direction.DOWN : Direction.UP;
  }

  private static String generic(int steps) {
    return java.math.BigDecimal.valueOf(steps / 5000.0 - 1.0).stripTrailingZeros().toPlainString();
  }

  private static int steps(double generic) {
    return (int) Math.max(0, Math.min(Position.MAX, Math.round((generic + 1.0) * 5000.0)));
  }

  private static String irCut(NightVisionMode mode) {
    return mode == NightVisionMode.DAY ? "ON" : mode == NightVisionMode.NIGHT ? "OFF" : "AUTO";
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static void scope(Element r, String definition, String item) {
    Element s = add(r, TDS, "tds:Scopes");
    add(s, TT, "tt:ScopeDef", definition);
    add(s, TT, "tt:ScopeItem", item);
  }

  private void service(Element r, String namespace, String path) {
    Element s = add(r, TDS, "tds:Service");
    add(s, TDS, "tds:Namespace", namespace);
    add(s, TDS, "tds:XAddr", base() + path);
    Element v = add(s, TDS, "tds:Version");
    add(v, TT, "tt:Major", "2");
    add(v, TT, "tt:Minor", "60");
  }

  private static void profile(Element r, String token, String name, int width, int height, boolean ptz) {
    Element p = add(r, TRT, "trt:Profiles");
    p.setAttribute("token", token);
    p.setAttribute("fixed", "true");
    add(p, TT, "tt:Name", name);
    Element vs = add(p, TT, "tt:VideoSourceConfiguration");
    vs.setAttribute("token", "VideoSourceConfig_1");
    add(vs, TT, "tt:Name", "VideoSourceConfig");
    add(vs, TT, "tt:SourceToken", "VideoSource_1");
    Element ve = add(p, TT, "tt:VideoEncoderConfiguration");
    ve.setAttribute("token", "VideoEncoder_" + token);
    add(ve, TT, "tt:Encoding", "H264");
    Element res = add(ve, TT, "tt:Resolution");
    add(res, TT, "tt:Width", Integer.toString(width));
    add(res, TT, "tt:Height", Integer.toString(height));
    if (ptz) {
      Element c = add(p, TT, "tt:PTZConfiguration");
      c.setAttribute("token", "PTZConfiguration_1");
      add(c, TT, "tt:Name", "PTZ");
    }
  }

  private static void mediaUri(Element r, String ns, String uri) {
    Element m = add(r, ns, "trt:MediaUri");
    add(m, TT, "tt:Uri", uri);
    add(m, TT, "tt:InvalidAfterConnect", "false");
    add(m, TT, "tt:InvalidAfterReboot", "false");
    add(m, TT, "tt:Timeout", "PT0S");
  }

  private void systemDateAndTime(Element r) {
    ZonedDateTime now = cameraNow().atZone(ZoneOffset.UTC);
    Element s = add(r, TDS, "tds:SystemDateAndTime");
    add(s, TT, "tt:DateTimeType", "NTP");
    add(s, TT, "tt:DaylightSavings", "false");
    add(add(s, TT, "tt:TimeZone"), TT, "tt:TZ", "UTC0");
    Element utc = add(s, TT, "tt:UTCDateTime");
    Element time = add(utc, TT, "tt:Time");
    add(time, TT, "tt:Hour", Integer.toString(now.getHour()));
    add(time, TT, "tt:Minute", Integer.toString(now.getMinute()));
    add(time, TT, "tt:Second", Integer.toString(now.getSecond()));
    Element date = add(utc, TT, "tt:Date");
    add(date, TT, "tt:Year", Integer.toString(now.getYear()));
    add(date, TT, "tt:Month", Integer.toString(now.getMonthValue()));
    add(date, TT, "tt:Day", Integer.toString(now.getDayOfMonth()));
  }

  // ------------------------------------------------------------------------------ events

  private Response createPullPoint(Element op) {
    Duration lifetime = capped(parseDuration(text(op, "InitialTerminationTime"), Duration.ofSeconds(60)));
    String id;
    Instant now = cameraNow();
    Instant expires = now.plus(lifetime);
    synchronized (lock) {
      byte[] raw = new byte[6];
      RANDOM.nextBytes(raw);
      id = generation + "-" + HexFormat.of().formatHex(raw);
      Subscription s = new Subscription(id, expires);
      subscriptions.put(id, s);
      // the first pull reports the current state, as cameras do
      s.queue.add(message(s.owner, "tns1:RuleEngine/CellMotionDetector/Motion", "VideoSourceConfigurationToken",
          "VideoSourceConfig_1", "IsMotion", motion, "Initialized"));
    }
    created.incrementAndGet();
    String address = base() + "/onvif/pullpoint/" + id;
    return ok(TEV, "CreatePullPointSubscription", r -> {
      Element ref = add(r, TEV, "tev:SubscriptionReference");
      add(ref, SimXml.WSA, "wsa:Address", address);
      add(r, WSNT, "wsnt:CurrentTime", XSD_TIME.format(now.truncatedTo(ChronoUnit.SECONDS)));
      add(r, WSNT, "wsnt:TerminationTime", XSD_TIME.format(expires.truncatedTo(ChronoUnit.SECONDS)));
    });
  }

  private Duration capped(Duration asked) {
    return asked.compareTo(lifetimeCap) > 0 ? lifetimeCap : asked;
  }

  private static String subscriptionId(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(slash + 1);
  }

  private Response pull(String path, Element op) {
    pulls.incrementAndGet();
    Duration timeout = parseDuration(text(op, "Timeout"), Duration.ofSeconds(10));
    int limit;
    try {
      limit = Math.max(1, Integer.parseInt(text(op, "MessageLimit")));
    } catch (RuntimeException e) {
      limit = 1;
    }
    List<Element> messages = new ArrayList<>();
    Instant expires;
    synchronized (lock) {
      Subscription s = live(subscriptionId(path));
      if (s == null) {
        return fault("Sender", "InvalidArgVal", "unknown subscription");
      }
      int gen = generation;
      long deadline = System.nanoTime() + (timeout.compareTo(maxPollWait) > 0 ? maxPollWait : timeout).toNanos();
      while (s.queue.isEmpty() && generation == gen) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(lock, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new Dropped();
        }
      }
      if (generation != gen || subscriptions.get(s.id) != s) {
        throw new Dropped();
      }
      while (!s.queue.isEmpty() && messages.size() < limit) {
        messages.add(s.queue.poll());
      }
      if (messages.isEmpty() && slowPolls.compareTo(Duration.ZERO) > 0) {
        try {
          TimeUnit.MILLISECONDS.timedWait(lock, slowPolls.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new Dropped();
        }
      }
      expires = s.expires;
    }
    Instant now = cameraNow();
    return ok(TEV, "PullMessages", r -> {
      add(r, TEV, "tev:CurrentTime", XSD_TIME.format(now.truncatedTo(ChronoUnit.SECONDS)));
      add(r, TEV, "tev:TerminationTime", XSD_TIME.format(expires.truncatedTo(ChronoUnit.SECONDS)));
      for (Element m : messages) {
        r.appendChild(r.getOwnerDocument().importNode(m, true));
      }
    });
  }

  private Response renew(String path) {
    Instant now = cameraNow();
    Instant expires;
    synchronized (lock) {
      Subscription s = live(subscriptionId(path));
      if (s == null) {
        return fault("Sender", "InvalidArgVal", "unknown subscription");
      }
      s.expires = now.plus(capped(Duration.ofSeconds(60)));
      expires = s.expires;
    }
    renewed.incrementAndGet();
    return ok(WSNT, "Renew", r -> {
      add(r, WSNT, "wsnt:TerminationTime", XSD_TIME.format(expires.truncatedTo(ChronoUnit.SECONDS)));
      add(r, WSNT, "wsnt:CurrentTime", XSD_TIME.format(now.truncatedTo(ChronoUnit.SECONDS)));
    });
  }

  /** The subscription if it exists and has not expired (expired ones are forgotten); lock held. */
  private Subscription live(String id) {
    Subscription s = subscriptions.get(id);
    if (s != null && s.expires.isBefore(cameraNow())) {
      subscriptions.remove(id);
      return null;
    }
    return s;
  }

  /** Queues a message on every live pull point; lock held. */
  private void broadcast(String topic, String sourceName, String sourceValue, String dataName, boolean value,
      String operation) {
    for (Subscription s : subscriptions.values()) {
      if (s.queue.size() < 1000) {
        s.queue.add(message(s.owner, topic, sourceName, sourceValue, dataName, value, operation));
      }
    }
    lock.notifyAll();
  }

  private Element message(Document doc, String topic, String sourceName, String sourceValue, String dataName,
      boolean value, String operation) {
    Element n = doc.createElementNS(WSNT, "wsnt:NotificationMessage");
    Element t = add(n, WSNT, "wsnt:Topic", topic);
    t.setAttribute("Dialect", "http://www.onvif.org/ver10/tev/topicExpression/ConcreteSet");
    Element outer = add(n, WSNT, "wsnt:Message");
    Element m = add(outer, TT, "tt:Message");
    m.setAttribute("UtcTime", XSD_TIME.format(cameraNow().truncatedTo(ChronoUnit.MILLIS)));
    m.setAttribute("PropertyOperation", operation);
    Element item = add(add(m, TT, "tt:Source"), TT, "tt:SimpleItem");
    item.setAttribute("Name", sourceName);
    item.setAttribute("Value", sourceValue);
    Element data = add(add(m, TT, "tt:Data"), TT, "tt:SimpleItem");
    data.setAttribute("Name", dataName);
    data.setAttribute("Value", Boolean.toString(value));
    return n;
  }

  private static Duration parseDuration(String text, Duration fallback) {
    if (text == null) {
      return fallback;
    }
    try {
      return Duration.parse(text);
    } catch (RuntimeException e) {
      return fallback;
    }
  }

  // ------------------------------------------------------------------------------ answers

  private interface Filler {
    void fill(Element response);
  }

  private Response ok(String ns, String operation, Filler filler) {
    Document doc = SimXml.newDocument();
    Element env = doc.createElementNS(S, "s:Envelope");
    doc.appendChild(env);
    env.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:tt", TT);
    env.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:tns1", SimXml.TNS1);
    Element body = add(env, S, "s:Body");
    String prefix = ns.equals(TDS) ? "tds" : ns.equals(TRT) ? "trt" : ns.equals(TPTZ) ? "tptz"
        : ns.equals(TIMG) ? "timg" : ns.equals(TEV) ? "tev" : "wsnt";
    Element response = add(body, ns, prefix + ":" + operation + "Response");
    filler.fill(response);
    Map<String, String> override;
    synchronized (lock) {
      override = overrides.isEmpty() ? Map.of() : Map.copyOf(overrides);
    }
    if (!override.isEmpty()) {
      override(response, override);
    }
    return new Response(200, Map.of("Content-Type", "application/soap+xml; charset=utf-8"), SimXml.serialize(doc));
  }

  private static void override(Element element, Map<String, String> values) {
    String local = element.getLocalName();
    values.forEach((field, text) -> {
      int at = field.indexOf('@');
      if (at < 0 && field.equals(local)) {
        element.setTextContent(text);
      } else if (at > 0 && field.substring(0, at).equals(local) && element.hasAttribute(field.substring(at + 1))) {
        element.setAttribute(field.substring(at + 1), text);
      }
    });
    for (org.w3c.dom.Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element) {
        override((Element) child, values);
      }
    }
  }

  private static Response fault(String code, String subcode, String reason) {
    return fault(code, subcode, null, reason);
  }

  private static Response fault(String code, String subcode, String subsubcode, String reason) {
    Document doc = SimXml.newDocument();
    Element env = doc.createElementNS(S, "s:Envelope");
    doc.appendChild(env);
    env.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:ter", TER);
    Element f = add(add(env, S, "s:Body"), S, "s:Fault");
    Element c = add(f, S, "s:Code");
    add(c, S, "s:Value", "s:" + code);
    Element sub = add(c, S, "s:Subcode");
    add(sub, S, "s:Value", "ter:" + subcode);
    if (subsubcode != null) {
      add(add(sub, S, "s:Subcode"), S, "s:Value", "ter:" + subsubcode);
    }
    Element reasonElement = add(add(f, S, "s:Reason"), S, "s:Text", reason);
    reasonElement.setAttributeNS("http://www.w3.org/XML/1998/namespace", "xml:lang", "en");
    int status = code.equals("Sender") ? 400 : 500;
    return new Response(status, Map.of("Content-Type", "application/soap+xml; charset=utf-8"), SimXml.serialize(doc));
  }

  @Override
  public void close() {
    timers.shutdownNow();
    synchronized (lock) {
      generation++;
      subscriptions.clear();
      lock.notifyAll();
    }
    server.close();
  }

  @Override
  public String toString() {
    return "OnvifCameraSimulator[" + deviceServiceUrl() + "]";
  }

  /** Configures a simulator. Not thread-safe; build once. */
  public static final class Builder {
    private InMemoryCamera backend;
    private String username = "admin";
    private String password = "onvif-" + HexFormat.of().formatHex(RANDOM.generateSeed(4));
    private Clock clock = Clock.systemUTC();
    private Duration maxSkew = Duration.ofSeconds(30);
    private Duration clockOffset = Duration.ZERO;
    private boolean digestRequired;
    private boolean ptzOnFirstProfile = true;
    private boolean getServicesSupported = true;
    private Duration lifetimeCap = Duration.ofMinutes(10);
    private int port;

    private Builder() {}

    /** The state behind the simulated camera (required). */
    public Builder backend(InMemoryCamera backend) {
      this.backend = Objects.requireNonNull(backend, "backend");
      return this;
    }

    /** The accepted user name (default {@code admin}). */
    public Builder username(String username) {
      this.username = Objects.requireNonNull(username, "username");
      return this;
    }

    /** The accepted password (default: random). */
    public Builder password(String password) {
      this.password = Objects.requireNonNull(password, "password");
      return this;
    }

    /** The real clock (the camera clock is it plus the offset). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How far {@code Created} may be from the camera clock (default 30 s). */
    public Builder maxSkew(Duration skew) {
      this.maxSkew = Objects.requireNonNull(skew, "skew");
      return this;
    }

    /** The camera clock's offset at start. */
    public Builder clockOffset(Duration offset) {
      this.clockOffset = Objects.requireNonNull(offset, "offset");
      return this;
    }

    /** Whether HTTP Digest is required from the start. */
    public Builder requireDigest(boolean required) {
      this.digestRequired = required;
      return this;
    }

    /** The first profile has no PTZ configuration; the second has it. */
    public Builder ptzOnSecondProfile() {
      this.ptzOnFirstProfile = false;
      return this;
    }

    /** {@code GetServices} fails with ActionNotSupported (old firmware): clients use GetCapabilities. */
    public Builder withoutGetServices() {
      this.getServicesSupported = false;
      return this;
    }

    /** The longest pull-point lifetime granted (cameras cap it; short ones make clients renew). */
    public Builder subscriptionLifetimeCap(Duration cap) {
      this.lifetimeCap = Objects.requireNonNull(cap, "cap");
      return this;
    }

    /** The port on 127.0.0.1 (default 0: any free port). */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0..65535, was " + port);
      }
      this.port = port;
      return this;
    }

    /** Starts the server on 127.0.0.1. */
    public OnvifCameraSimulator start() {
      return new OnvifCameraSimulator(this);
    }
  }
}
