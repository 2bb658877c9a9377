package dev.homeport.ports;

/**
 * Thrown when a camera refuses a live stream because someone else is already watching it: many
 * cameras (Kasa among them) serve one viewer at a time and answer a second with HTTP 503. Retryable:
 * the stream can be opened once the other viewer (an app, another recorder) has stopped.
 */
public class ViewerLimitException extends RefusedException {

  private final int maxViewers;

  /**
   * Creates the exception.
   *
   * @param message what went wrong and what to do, for people; must never contain secrets
   * @param maxViewers how many viewers the camera allows at once
   */
  public ViewerLimitException(String message, int maxViewers) {
    super(message, null, true);
    this.maxViewers = maxViewers;
  }

  /** How many viewers the camera allows at once. */
  public int maxViewers() {
    return maxViewers;
  }
}
