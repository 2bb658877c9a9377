package dev.homeport.adapter.events.wss;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What SLF4J's simple logger writes (to standard error; the adapter at DEBUG, see
 * simplelogger.properties) while this is open; closing puts standard error back.
 */
final class CapturedLog implements AutoCloseable {
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private final PrintStream original = System.err;

  CapturedLog() {
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
  }

  /** Everything logged so far. */
  String text() {
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    System.setErr(original);
  }
}
