package dev.homeport.adapter.camera.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.homeport.domain.camera.CameraCommand;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
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
  private static final CameraCapabilities WITH_MEDIA =
      dev.homeport.ports.camera.ImmutableCameraCapabilities.copyOf(ALL).withLiveStream(true).withTalk(true);

  private final String hostKey;
  private final LinkieTransport transport;
  private final SerialQueue queue = new SerialQueue();

  private final KasaMedia media;

  public KasaCamera(String name, String hostKey, LinkieTransport transport) {
    this(name, hostKey, transport, null);
  }

  /** A camera with its live stream and talk-back ({@code media} may be null: then it has neither). */
  public KasaCamera(String name, String hostKey, LinkieTransport transport, KasaMedia media) {
    super(name);
    this.hostKey = Objects.requireNonNull(hostKey, "hostKey");
    this.transport = Objects.requireNonNull(transport, "transport");
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

  /** The transport, for tests that check the remembered path and password variant. */
  public LinkieTransport transport() {
    return transport;
  }

  @Override
  public CameraCapabilities capabilities() {
    return media == null ? ALL : WITH_MEDIA;
  }

  @Override
  protected <R> CompletableFuture<R> send(CameraCommand<R> command) {
    WireCall<R> call = KasaCommands.map(command);
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
      calls.add(KasaCommands.map(command));
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
      if (!names.add(call.qualifiedName())) {
        requests.add(current);
        current = new ArrayList<>();
        names.clear();
        names.add(call.qualifiedName());
      }
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

  /** One request for {@code calls} (distinct module.method), with one retry of -40602 answers. */
  private CompletableFuture<List<Object>> run(List<WireCall<?>> calls) {
    if (isClosed()) {
      return CompletableFuture.failedFuture(closedException());
    }
    return post(calls).thenCompose(outcomes -> {
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

  private CompletableFuture<List<Object>> post(List<WireCall<?>> calls) {
    ObjectNode request = WireJson.object();
    boolean repeatable = true;
    for (WireCall<?> call : calls) {
      JsonNode module = request.get(call.module());
      ObjectNode moduleNode = module instanceof ObjectNode
          ? (ObjectNode) module : request.putObject(call.module());
      moduleNode.set(call.method(), call.params());
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
      return call.read(method);
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
    queue.close(reason);
    if (media != null) {
      media.close();
    }
    LOG.debug("camera {}: closed", name());
  }

  @Override
  public String toString() {
    return "KasaCamera[" + name() + " " + hostKey + "]";
  }
}
