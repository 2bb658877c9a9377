package dev.homeport.adapter.camera.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.homeport.domain.camera.CameraCommand;
import java.util.Objects;

/**
 * One domain command as one LINKIE method call: module, method, parameters, and how to read the
 * method's answer into the command's result type. Immutable (the params node is never modified
 * after construction) and thread-safe.
 *
 * @param <R> the command's result type
 */
public final class WireCall<R> {

  /** Reads a method's answer (its object, {@code err_code} already checked to be 0). */
  @FunctionalInterface
  public interface Reader<R> {
    R read(JsonNode answer, String context);
  }

  private final CameraCommand<R> command;
  private final String module;
  private final String method;
  private final String qualifiedName;
  private final ObjectNode params;
  private final Reader<R> reader;

  WireCall(CameraCommand<R> command, String module, String method, ObjectNode params, Reader<R> reader) {
    this.command = Objects.requireNonNull(command);
    this.module = Objects.requireNonNull(module);
    this.method = Objects.requireNonNull(method);
    this.qualifiedName = module + "." + method;
    this.params = Objects.requireNonNull(params);
    this.reader = Objects.requireNonNull(reader);
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
    return reader.read(answer, qualifiedName());
  }

  @Override
  public String toString() {
    return qualifiedName();
  }
}
