package dev.homeport.ports;

/**
 * The root of every exception homeport throws or completes a future with. Adapters translate I/O
 * and library exceptions into its subtypes; nothing else leaks. Messages never contain secrets.
 */
public abstract class HomeportException extends RuntimeException {

  private final boolean retryable;

  protected HomeportException(String message, Throwable cause, boolean retryable) {
    super(message, cause);
    this.retryable = retryable;
  }

  /** Whether the same call may succeed if tried again later, unchanged. */
  public boolean retryable() {
    return retryable;
  }
}
