package dev.homeport.ports;

import dev.homeport.domain.camera.CameraCommand;
import java.util.Objects;
import java.util.Optional;

/**
 * Thrown when a camera refused a command with an error code: a parameter it rejected, a state that
 * does not allow it, an internal error. Brand-neutral: the operation and the error code are the
 * brand's own spelling (Kasa: {@code smartlife.cam.ipcamera.ptz.set_move} and {@code -40409}).
 * Retryable only for codes the brand marks as transient. Immutable; the message holds no secrets.
 */
public class CameraCommandException extends RefusedException {

  private final CameraCommand<?> command;
  private final String operation;
  private final String errorCode;
  private final String remoteMessage;

  /**
   * Creates the exception; its message names the operation, the code and the camera's message.
   *
   * @param command the command that was refused, or null when not known (e.g. an injected fault)
   * @param operation what the camera refused, as the brand names it (e.g. {@code module.method})
   * @param errorCode the brand's error code, as text (e.g. {@code -40409} or {@code busy})
   * @param remoteMessage the camera's own message, or null or empty when it gave none
   * @param retryable whether the brand marks this code as transient
   * @throws NullPointerException if {@code operation} or {@code errorCode} is null
   */
  public CameraCommandException(CameraCommand<?> command, String operation, String errorCode,
      String remoteMessage, boolean retryable) {
    super(
        "camera refused " + Objects.requireNonNull(operation, "operation") + " with error "
            + Objects.requireNonNull(errorCode, "errorCode")
            + (remoteMessage == null || remoteMessage.isEmpty() ? "" : ": " + remoteMessage),
        null,
        retryable);
    this.command = command;
    this.operation = operation;
    this.errorCode = errorCode;
    this.remoteMessage = remoteMessage == null ? "" : remoteMessage;
  }

  /**
   * A refusal not tied to a command object (e.g. a fault armed in a simulator).
   *
   * @see #CameraCommandException(CameraCommand, String, String, String, boolean)
   */
  public CameraCommandException(String operation, String errorCode, String remoteMessage,
      boolean retryable) {
    this(null, operation, errorCode, remoteMessage, retryable);
  }

  /** The same refusal, now naming the command it answered. */
  public CameraCommandException forCommand(CameraCommand<?> refused) {
    return new CameraCommandException(refused, operation, errorCode, remoteMessage, retryable());
  }

  /** The command that was refused, when known. */
  public Optional<CameraCommand<?>> command() {
    return Optional.ofNullable(command);
  }

  /** What the camera refused, as the brand names it (Kasa: {@code module.method}). */
  public String operation() {
    return operation;
  }

  /** The brand's error code, as text (Kasa: a negative integer such as {@code -40409}). */
  public String errorCode() {
    return errorCode;
  }

  /** The camera's own message, or empty. */
  public String remoteMessage() {
    return remoteMessage;
  }
}
