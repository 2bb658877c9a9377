package dev.homeport.cli.internal;

/** Bad input found before any I/O: exit code 2, with a message naming what was wrong and what is allowed. */
public final class UsageException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }

  public UsageException(String message, Throwable cause) {
    super(message, cause);
  }
}
