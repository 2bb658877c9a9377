package dev.homeport.adapter.camera.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.homeport.domain.camera.CameraCommand;
import dev.homeport.domain.camera.GetSnapshot;
import dev.homeport.domain.camera.GetStreamUri;
import dev.homeport.domain.camera.SavePreset;
import dev.homeport.ports.AuthenticationException;
import dev.homeport.ports.CameraCommandException;
import dev.homeport.ports.ClosedException;
import dev.homeport.ports.HomeportException;
import dev.homeport.ports.ProtocolException;
import dev.homeport.ports.UnsupportedCommandException;
import dev.homeport.ports.camera.BatchResult;
import dev.homeport.ports.Futures;
import dev.homeport.ports.camera.AbstractCamera;
import dev.homeport.ports.camera.CameraCapabilities;
import dev.homeport.ports.camera.CommandOutcome;
import dev.homeport.ports.camera.ImmutableCameraCapabilities;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kasa camera behind the {@link Camera} port: maps commands to LINKIE calls, sends one request
 * at a time (callers queue fairly), splits a batch answer's per-method {@code err_code}s back to
 * each command, and retries once, for idempotent commands only, a method the camera answered with
 * the transient {@code -40602}.
 *
 * <p>Thread-safe.
 */
public final class KasaCamera extends AbstractCamera {

  private static final Logger LOG = LoggerFactory.getLogger(KasaCamera.class);
  private static final String TRANSIENT = "-40602";
  private static final CameraCapabilities ALL = CameraCapabilities.all();
  /**
   * Everything but the ONVIF-only queries (Kasa serves no still image or RTSP address on the LAN)
   * and saving presets (no preset-save method is documented for LINKIE: presets are saved in the
   * app, so {@code SavePreset} is refused as unsupported rather than guessed).
   */
  private static final CameraCapabilities CAPABILITIES = ImmutableCameraCapabilities.copyOf(ALL)
      .withCommandTypes(ALL.commandTypes().stream()
          .filter(type -> type != GetSnapshot.class && type != GetStreamUri.class && type != SavePreset.class)
          .collect(Collectors.toSet()));
  /** The same with the live stream and talk-back, when the camera was built with its media. */
  private static final CameraCapabilities CAPABILITIES_WITH_MEDIA =
      ImmutableCameraCapabilities.copyOf(CAPABILITIES).withLiveStream(true).withTalk(true);

  private final String hostKey;
  private final LinkieTransport transport;
  private final KasaDialect dialect;
  private final SerialQueue queue = new SerialQueue();

  private final KasaMedia media;
  private volatile Runnable onClosed = () -> {};

  /** Runs {@code action} once when this camera closes (the driver gives its client lease back). */
  public KasaCamera whenClosed(Runnable action) {
    this.onClosed = Objects.requireNonNull(action, "action");
    return this;
  }

  public KasaCamera(String name, String hostKey, LinkieTransport transport) {
    this(name, hostKey, transport, new KasaDialect(), null);
  }

  private final Set<PolledCameraEvents> eventStreams = ConcurrentHashMap.newKeySet();
  private volatile java.time.Duration eventPollInterval = java.time.Duration.ofSeconds(2);

  /** How often {@link #openEvents()} streams poll the camera (default 2 s). */
  public KasaCamera eventPollInterval(java.time.Duration interval) {
    if (interval == null || interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("eventPollInterval must be a positive duration, was " + interval);
    }
    this.eventPollInterval = interval;
    return this;
  }

  /**
   * Motion events by polling {@code GetLatestActivity} (Kasa cameras push to the cloud only); see
   * {@link PolledCameraEvents} for what they can and cannot tell.
   */
  @Override
  public dev.homeport.ports.camera.CameraEvents openEvents() {
    if (isClosed()) {
      throw closedException();
    }
    PolledCameraEvents stream = new PolledCameraEvents(this, eventPollInterval, java.time.Clock.systemUTC(),
        eventStreams::remove);
    eventStreams.add(stream);
    stream.start();
    return stream;
  }

  /**
   * A camera with what its firmware was seen to speak and its live stream and talk-back
   * ({@code media} may be null: then it has neither).
   */
  public KasaCamera(String name, String hostKey, LinkieTransport transport, KasaDialect dialect,
      KasaMedia media) {
    super(name);
    this.hostKey = Objects.requireNonNull(hostKey, "hostKey");
    this.transport = Objects.requireNonNull(transport, "transport");
    this.dialect = Objects.requireNonNull(dialect, "dialect");
    this.media = media;
  }

  @Override
  public java.util.Optional<dev.homeport.ports.media.CameraStream> stream() {
    return java.util.Optional.ofNullable(media);
  }

  @Override
  public java.util.Optional<dev.homeport.ports.media.CameraTalk> talk() {
    return java.util.Optional.ofNullable(media).map(KasaMedia::talk);
  }

  /** What this camera's firmware was seen to speak, for tests and diagnostics. */
  public KasaDialect dialect() {
    return dialect;
  }

  /** The transport, for tests that check the remembered path and password variant. */
  public LinkieTransport transport() {
    return transport;
  }

  @Override
  public CameraCapabilities capabilities() {
    return media == null ? CAPABILITIES : CAPABILITIES_WITH_MEDIA;
  }

  @Override
  protected <R> CompletableFuture<R> send(CameraCommand<R> command) {
    WireCall<R> call = KasaCommands.map(command, dialect);
    return queue.<List<Object>>submit(() -> run(List.of(call))).thenApply(outcomes -> {
      Object outcome = outcomes.get(0);
      if (outcome instanceof Failure) {
        throw new CompletionException(((Failure) outcome).exception);
      }
      @SuppressWarnings("unchecked")
      R value = (R) outcome;
      return value;
    });
  }

  /** Kasa batches natively: one request for distinct methods (see {@code runBatch}). */
  @Override
  protected CompletableFuture<BatchResult> sendAll(List<CameraCommand<?>> commands) {
    List<WireCall<?>> calls = new ArrayList<>(commands.size());
    for (CameraCommand<?> command : commands) {
      calls.add(KasaCommands.map(command, dialect));
    }
    return queue.submit(() -> runBatch(calls)).thenApply(outcomes -> {
      List<CommandOutcome<?>> list = new ArrayList<>(calls.size());
      for (int i = 0; i < calls.size(); i++) {
        list.add(outcome(calls.get(i), outcomes.get(i)));
      }
      return new BatchResult(list);
    });
  }

  @Override
  protected HomeportException translate(Throwable failure) {
    return transport.translate(failure);
  }

  private static <R> CommandOutcome<R> outcome(WireCall<R> call, Object value) {
    if (value instanceof Failure) {
      return CommandOutcome.failure(call.command(), ((Failure) value).exception);
    }
    @SuppressWarnings("unchecked")
    R typed = (R) value;
    return CommandOutcome.success(call.command(), typed);
  }

  /** A failed outcome of one call (the value of a successful one may be null). */
  private static final class Failure {
    final HomeportException exception;

    Failure(HomeportException exception) {
      this.exception = exception;
    }
  }

  /**
   * Sends a batch: one request, unless the same module.method appears twice (a JSON object cannot
   * hold it twice), in which case consecutive requests each with distinct methods. A failure of the
   * first request fails the whole batch; a failure of a later one fails only its commands.
   */
  private CompletableFuture<List<Object>> runBatch(List<WireCall<?>> calls) {
    List<List<WireCall<?>>> requests = new ArrayList<>();
    List<WireCall<?>> current = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (WireCall<?> call : calls) {
      List<String> callNames = new ArrayList<>();
      callNames.add(call.qualifiedName());
      call.companions().forEach(c -> callNames.add(c.qualifiedName()));
      if (callNames.stream().anyMatch(names::contains)) {
        requests.add(current);
        current = new ArrayList<>();
        names.clear();
      }
      names.addAll(callNames);
      current.add(call);
    }
    requests.add(current);
    CompletableFuture<List<Object>> chain = CompletableFuture.completedFuture(new ArrayList<>());
    for (int i = 0; i < requests.size(); i++) {
      List<WireCall<?>> part = requests.get(i);
      boolean first = i == 0;
      chain = chain.thenCompose(done -> run(part).handle((outcomes, failure) -> {
        if (failure != null) {
          HomeportException e = transport.translate(failure);
          if (first) {
            throw new CompletionException(e);
          }
          part.forEach(c -> done.add(new Failure(e)));
        } else {
          done.addAll(outcomes);
        }
        return done;
      }));
    }
    return chain;
  }

  /**
   * One request for {@code calls} (distinct module.method), then one more for the calls the camera
   * refused in a way their other-dialect alternative answers, then one retry of -40602 answers.
   */
  private CompletableFuture<List<Object>> run(List<WireCall<?>> calls) {
    if (isClosed()) {
      return CompletableFuture.failedFuture(closedException());
    }
    return post(calls).thenCompose(outcomes -> {
      List<Integer> other = new ArrayList<>();
      for (int i = 0; i < calls.size(); i++) {
        Object o = outcomes.get(i);
        if (o instanceof Failure f && calls.get(i).fallsBackOn(f.exception)) {
          other.add(i);
        }
      }
      if (other.isEmpty() || isClosed()) {
        return CompletableFuture.completedFuture(outcomes);
      }
      List<WireCall<?>> alternatives = other.stream().map(i -> (WireCall<?>) calls.get(i).alternative())
          .collect(Collectors.toList());
      LOG.debug("camera {}: {} refused; trying the other dialect's {}", name(),
          other.stream().map(calls::get).collect(Collectors.toList()), alternatives);
      return sendEach(alternatives).thenApply(answered -> {
        List<Object> merged = new ArrayList<>(outcomes);
        for (int j = 0; j < other.size(); j++) {
          Object alt = answered.get(j);
          // when the other dialect is refused too, report the first refusal (the expected form)
          if (!(alt instanceof Failure)) {
            merged.set(other.get(j), alt);
          }
        }
        return merged;
      });
    }).thenCompose(outcomes -> {
      List<Integer> again = new ArrayList<>();
      for (int i = 0; i < calls.size(); i++) {
        Object o = outcomes.get(i);
        if (o instanceof Failure
            && ((Failure) o).exception instanceof CameraCommandException
            && TRANSIENT.equals(((CameraCommandException) ((Failure) o).exception).errorCode())
            && calls.get(i).idempotent()) {
          again.add(i);
        }
      }
      if (again.isEmpty() || isClosed()) {
        return CompletableFuture.completedFuture(outcomes);
      }
      List<WireCall<?>> retry = again.stream().map(calls::get).collect(Collectors.toList());
      LOG.debug("camera {}: {} answered {}; asking once more", name(), retry, TRANSIENT);
      return post(retry).handle((retried, failure) -> {
        List<Object> merged = new ArrayList<>(outcomes);
        for (int j = 0; j < again.size(); j++) {
          merged.set(again.get(j),
              failure != null ? new Failure(transport.translate(failure)) : retried.get(j));
        }
        return merged;
      });
    });
  }

  /** Sends {@code calls} (already distinct), a transport failure failing each of them. */
  private CompletableFuture<List<Object>> sendEach(List<WireCall<?>> calls) {
    return post(calls).handle((outcomes, failure) -> {
      if (failure == null) {
        return outcomes;
      }
      HomeportException e = transport.translate(failure);
      List<Object> failed = new ArrayList<>();
      calls.forEach(c -> failed.add(new Failure(e)));
      return failed;
    });
  }

  private CompletableFuture<List<Object>> post(List<WireCall<?>> calls) {
    ObjectNode request = WireJson.object();
    boolean repeatable = true;
    for (WireCall<?> call : calls) {
      JsonNode module = request.get(call.module());
      ObjectNode moduleNode = module instanceof ObjectNode
          ? (ObjectNode) module : request.putObject(call.module());
      moduleNode.set(call.method(), call.params());
      for (WireCall.Companion companion : call.companions()) {
        JsonNode cm = request.get(companion.module());
        ObjectNode companionModule = cm instanceof ObjectNode
            ? (ObjectNode) cm : request.putObject(companion.module());
        companionModule.set(companion.method(), companion.params().deepCopy());
      }
      repeatable &= call.idempotent();
    }
    if (LOG.isDebugEnabled()) {
      LOG.debug("camera {}: sending {}", name(), calls);
    }
    return transport.post(request, repeatable).whenComplete((answer, failure) -> {
      if (failure != null && LOG.isDebugEnabled()) {
        LOG.debug("camera {}: {} failed: {}", name(), calls, Futures.unwrap(failure).getMessage());
      }
    }).thenApply(answer -> {
      List<Object> outcomes = new ArrayList<>(calls.size());
      for (WireCall<?> call : calls) {
        outcomes.add(split(answer, call));
      }
      return outcomes;
    });
  }

  /** The outcome of one call read from the whole answer: its value or a Failure. */
  private Object split(ObjectNode answer, WireCall<?> call) {
    try {
      JsonNode module = answer.get(call.module());
      if (module == null || module.isNull()) {
        throw new ProtocolException("camera answer lacks module " + call.module()
            + " (asked for " + call.qualifiedName() + ")");
      }
      if (!module.isObject()) {
        throw WireJson.mistyped("the answer", call.module(), "an object", module);
      }
      JsonNode method = module.get(call.method());
      if (method == null || method.isNull()) {
        JsonNode moduleCode = module.get("err_code");
        if (moduleCode != null && moduleCode.isIntegralNumber() && moduleCode.intValue() != 0) {
          return new Failure(refusal(call, moduleCode.intValue(), message(module), true));
        }
        throw new ProtocolException("camera answer lacks " + call.qualifiedName());
      }
      if (!method.isObject()) {
        throw WireJson.mistyped("the answer of module " + call.module(), call.method(), "an object", method);
      }
      JsonNode code = WireJson.required(method, "err_code", call.qualifiedName());
      if (!code.isIntegralNumber() || !code.canConvertToInt()) {
        throw WireJson.mistyped(call.qualifiedName(), "err_code", "an integer", code);
      }
      if (code.intValue() != 0) {
        LOG.debug("camera {}: {} answered err_code {}", name(), call, code.intValue());
        return new Failure(refusal(call, code.intValue(), message(method), false));
      }
      if (call.companions().isEmpty()) {
        return call.read(method);
      }
      Map<String, JsonNode> companions = new HashMap<>();
      for (WireCall.Companion companion : call.companions()) {
        JsonNode answered = answer.path(companion.module()).path(companion.method());
        JsonNode companionCode = answered.get("err_code");
        if (answered.isObject() && companionCode != null && companionCode.isIntegralNumber()
            && companionCode.intValue() == 0) {
          companions.put(companion.qualifiedName(), answered);
        }
      }
      return call.read(method, companions);
    } catch (HomeportException e) {
      return new Failure(e);
    }
  }

  private static String message(JsonNode node) {
    JsonNode msg = node.get("err_msg");
    return msg != null && msg.isTextual() ? msg.textValue() : "";
  }

  private HomeportException refusal(WireCall<?> call, int code, String message, boolean wholeModule) {
    String suffix = message.isEmpty() ? "" : " (" + message + ")";
    if (code == -1) {
      return new UnsupportedCommandException("camera '" + name() + "' does not support module "
          + call.module() + ", needed for " + call.qualifiedName() + suffix);
    }
    if (code == -10008) {
      return new UnsupportedCommandException("camera '" + name() + "' does not support "
          + call.qualifiedName() + suffix);
    }
    if (code == -10007) {
      return new AuthenticationException("camera '" + name() + "' refused " + call.qualifiedName()
          + " as unauthorized" + suffix);
    }
    String operation = wholeModule ? call.qualifiedName() + " (whole module)" : call.qualifiedName();
    String text = Integer.toString(code);
    return new CameraCommandException(call.command(), operation, text, message, TRANSIENT.equals(text));
  }

  @Override
  protected ClosedException closedException() {
    return new ClosedException("camera '" + name() + "' at " + hostKey + " is closed");
  }

  @Override
  protected void onClose(ClosedException reason) {
    for (PolledCameraEvents stream : List.copyOf(eventStreams)) {
      stream.close();
    }
    queue.close(reason);
    if (media != null) {
      media.close();
    }
    onClosed.run();
    LOG.debug("camera {}: closed", name());
  }

  @Override
  public String toString() {
    return "KasaCamera[" + name() + " " + hostKey + "]";
  }
}
