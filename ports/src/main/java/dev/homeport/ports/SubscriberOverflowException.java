package dev.homeport.ports;

/**
 * Signalled to a subscriber whose buffer overflowed because it requested items more slowly than
 * they arrived, under the fail-subscription overflow policy. Only that subscription ends; others go
 * on. Not retryable as such: subscribe again and keep up, or choose the drop-oldest policy.
 */
public class SubscriberOverflowException extends HomeportException {

  /**
   * Creates the exception (not retryable).
   *
   * @param message what went wrong, for people; must never contain secrets
   */
  public SubscriberOverflowException(String message) {
    super(message, null, false);
  }
}
