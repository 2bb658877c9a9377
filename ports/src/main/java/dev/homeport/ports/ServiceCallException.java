package dev.homeport.ports;

/**
 * Thrown when a smart-home service refused a call (bad request, forbidden, not found, too many
 * requests, internal error). Retryable for time-outs (408), throttling (429) and server errors (5xx).
 */
public class ServiceCallException extends RefusedException {

  private final String name;
  private final int code;
  private final String remoteMessage;

  /**
   * Creates the exception; retryable for codes 408, 429 and 5xx.
   *
   * @param name the error name, e.g. {@code NotFound}
   * @param code the numeric code, e.g. 404
   * @param remoteMessage the service's own message, or null or empty when it gave none
   */
  public ServiceCallException(String name, int code, String remoteMessage) {
    super(
        "service refused the call: " + name + " (" + code + ")"
            + (remoteMessage == null || remoteMessage.isEmpty() ? "" : ": " + remoteMessage),
        null,
        code == 408 || code == 429 || code >= 500);
    this.name = name;
    this.code = code;
    this.remoteMessage = remoteMessage == null ? "" : remoteMessage;
  }

  /** The error name, e.g. {@code NotFound}. */
  public String name() {
    return name;
  }

  /** The numeric code, e.g. 404. */
  public int code() {
    return code;
  }

  /** The service's own message, or empty. */
  public String remoteMessage() {
    return remoteMessage;
  }
}
