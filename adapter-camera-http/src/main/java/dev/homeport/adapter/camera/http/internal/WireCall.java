package dev.homeport.adapter.camera.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.homeport.domain.camera.CameraCommand;
import dev.homeport.ports.HomeportException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * One domain command as one LINKIE method call: module, method, parameters, and how to read the
 * method's answer into the command's result type. A call may also carry
 * <ul>
 *   <li><em>companions</em>: further methods sent in the same request whose answers complete the
 *       result (the SD card's encryption configuration beside its state); a companion the camera
 *       refuses is simply absent;
 *   <li>an <em>alternative</em>: the same command in another model's dialect, sent once when the
 *       camera refuses this form in a way {@code fallbackWhen} recognises (continuous recording
 *       under {@code vod} on a KC115 rather than {@code delivery});
 *   <li>a hook run when the call succeeds, so the camera's dialect remembers what worked.
 * </ul>
 * Immutable (nodes are never modified after construction) and thread-safe.
 *
 * @param <R> the command's result type
 */
public final class WireCall<R> {

  /** Reads a method's answer (its object, {@code err_code} already checked to be 0). */
  @FunctionalInterface
  public interface Reader<R> {
    R read(JsonNode answer, String context);
  }

  /** Reads a method's answer together with the answers of its companions that succeeded. */
  @FunctionalInterface
  public interface CompanionReader<R> {
    R read(JsonNode answer, Map<String, JsonNode> companions, String context);
  }

  /** A further method sent beside the main one. */
  public record Companion(String module, String method, ObjectNode params) {
    /** {@code module.method}. */
    public String qualifiedName() {
      return module + "." + method;
    }
  }

  private final CameraCommand<R> command;
  private final String module;
  private final String method;
  private final String qualifiedName;
  private final ObjectNode params;
  private final CompanionReader<R> reader;
  private final List<Companion> companions;
  private final WireCall<R> alternative;
  private final Predicate<HomeportException> fallbackWhen;
  private final Runnable onSuccess;

  WireCall(CameraCommand<R> command, String module, String method, ObjectNode params, Reader<R> reader) {
    this(command, module, method, params, (answer, companions, ctx) -> reader.read(answer, ctx),
        List.of(), null, e -> false, () -> { });
  }

  private WireCall(CameraCommand<R> command, String module, String method, ObjectNode params,
      CompanionReader<R> reader, List<Companion> companions, WireCall<R> alternative,
      Predicate<HomeportException> fallbackWhen, Runnable onSuccess) {
    this.command = Objects.requireNonNull(command);
    this.module = Objects.requireNonNull(module);
    this.method = Objects.requireNonNull(method);
    this.qualifiedName = module + "." + method;
    this.params = Objects.requireNonNull(params);
    this.reader = Objects.requireNonNull(reader);
    this.companions = List.copyOf(companions);
    this.alternative = alternative;
    this.fallbackWhen = fallbackWhen;
    this.onSuccess = onSuccess;
  }

  /** A call with companions, read by {@code reader}. */
  static <R> WireCall<R> withCompanions(CameraCommand<R> command, String module, String method,
      ObjectNode params, List<Companion> companions, CompanionReader<R> reader) {
    return new WireCall<>(command, module, method, params, reader, companions, null, e -> false, () -> { });
  }

  /** This call, sending {@code other} once instead when the camera's refusal matches {@code when}. */
  WireCall<R> orElse(WireCall<R> other, Predicate<HomeportException> when) {
    return new WireCall<>(command, module, method, params, reader, companions, other, when, onSuccess);
  }

  /** This call, running {@code hook} when the camera accepts it. */
  WireCall<R> onSuccess(Runnable hook) {
    return new WireCall<>(command, module, method, params, reader, companions, alternative, fallbackWhen, hook);
  }

  public CameraCommand<R> command() {
    return command;
  }

  public String module() {
    return module;
  }

  public String method() {
    return method;
  }

  /** {@code module.method}, for messages and logs. */
  public String qualifiedName() {
    return qualifiedName;
  }

  /** A copy of the parameters. */
  public ObjectNode params() {
    return params.deepCopy();
  }

  /** The companion methods sent in the same request. */
  public List<Companion> companions() {
    return companions;
  }

  /** The other dialect's form to try once when {@link #fallsBackOn} says so, if any. */
  public WireCall<R> alternative() {
    return alternative;
  }

  /** Whether the camera's refusal {@code e} of this form should lead to {@link #alternative()}. */
  public boolean fallsBackOn(HomeportException e) {
    return alternative != null && fallbackWhen.test(e);
  }

  /** Whether the command may be sent again without changing its effect. */
  public boolean idempotent() {
    return command.idempotent();
  }

  /**
   * Reads the method's answer.
   *
   * @throws dev.homeport.ports.ProtocolException naming the missing or mistyped field
   */
  public R read(JsonNode answer) {
    return read(answer, Map.of());
  }

  /**
   * Reads the method's answer with its companions' answers (those that succeeded), and runs the
   * success hook.
   *
   * @throws dev.homeport.ports.ProtocolException naming the missing or mistyped field, or a number
   *     too large to be a real value ({@link WireJson#checkNumbers})
   */
  public R read(JsonNode answer, Map<String, JsonNode> companionAnswers) {
    // absurd numbers fail this command only, before any reader could expand or truncate them
    WireJson.checkNumbers(answer, qualifiedName());
    companionAnswers.forEach((name, companion) -> WireJson.checkNumbers(companion, name));
    R value = reader.read(answer, companionAnswers, qualifiedName());
    onSuccess.run();
    return value;
  }

  @Override
  public String toString() {
    return qualifiedName();
  }
}
