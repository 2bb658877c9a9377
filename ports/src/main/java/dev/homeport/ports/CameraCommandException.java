package dev.homeport.ports;

/**
 * Thrown when a camera refused a command with an error code: a parameter it rejected, a state that
 * does not allow it, an internal error. Retryable only for codes the brand marks as transient.
 */
public class CameraCommandException extends RefusedException {

  private final String module;
  private final String method;
  private final int errorCode;
  private final String remoteMessage;

  /**
   * Creates the exception; its message names module, method, code and the camera's message.
   *
   * @param module the module that refused, as the brand names it
   * @param method the method that refused, as the brand names it
   * @param errorCode the brand's error code
   * @param remoteMessage the camera's own message, or null or empty when it gave none
   * @param retryable whether the brand marks this code as transient
   */
  public CameraCommandException(
      String module, String method, int errorCode, String remoteMessage, boolean retryable) {
    super(
        "camera refused " + module + "." + method + " with error " + errorCode
            + (remoteMessage == null || remoteMessage.isEmpty() ? "" : ": " + remoteMessage),
        null,
        retryable);
    this.module = module;
    this.method = method;
    this.errorCode = errorCode;
    this.remoteMessage = remoteMessage == null ? "" : remoteMessage;
  }

  /** The module that refused, as the brand names it. */
  public String module() {
    return module;
  }

  /** The method that refused, as the brand names it. */
  public String method() {
    return method;
  }

  /** The brand's error code. */
  public int errorCode() {
    return errorCode;
  }

  /** The camera's own message, or empty. */
  public String remoteMessage() {
    return remoteMessage;
  }
}
