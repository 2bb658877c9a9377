package dev.homeport.cli.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;

/**
 * Where the CLI writes: results to standard output (text for people, one JSON document for
 * scripts), diagnostics to standard error, progress only when a person watches and never with
 * {@code --json}. Not thread-safe except {@link #note}, {@link #line}, {@link #jsonLine} and
 * {@link #flush}, which synchronise.
 *
 * <p>A write to standard output that fails (the reader closed the pipe: EPIPE, which
 * {@link PrintWriter} only records, see {@link PrintWriter#checkError()}) is detected here and only
 * here, after every flush: it completes the run's {@code outputClosed} signal, which long-running
 * commands wait on, and throws {@link OutputClosedException} (exit code 141). Code that writes
 * through a buffer of its own must call {@link #flush()} after each batch so the check runs.
 */
public final class Output {

  // JSON itself escapes only U+0000..U+001F; DEL, C1 (a raw CSI U+009B) and bidi overrides are
  // escaped too, so --json printed on a terminal is as safe as the text views.
  static final ObjectMapper MAPPER =
      new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  static {
    MAPPER.getFactory().setCharacterEscapes(TerminalText.JSON_ESCAPES);
  }

  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean json;
  private final boolean interactive;

  private final CompletableFuture<Void> closed;
  /**
   * Streams {@link #jsonLineInBurst(JsonLine)} lines into {@link #out} through the escaping of
   * {@link #MAPPER}, with no tree or String per line; made on first use. Its own buffer is handed
   * to {@link #out} before anything else writes there, so lines keep their order.
   */
  private JsonGenerator lines;

  /** Writes one JSON value with a generator of {@link #MAPPER}'s (escaping included). */
  @FunctionalInterface
  public interface JsonLine {
    void writeTo(JsonGenerator generator) throws IOException;
  }

  public Output(PrintWriter out, PrintWriter err, boolean json, boolean interactive) {
    this(out, err, json, interactive, new CompletableFuture<>());
  }

  /** An output whose failed writes complete {@code closed} (the run's {@code outputClosed} signal). */
  public Output(PrintWriter out, PrintWriter err, boolean json, boolean interactive, CompletableFuture<Void> closed) {
    this.out = out;
    this.err = err;
    this.json = json;
    this.interactive = interactive;
    this.closed = closed;
  }

  /**
   * Flushes standard output and checks that it is still open.
   *
   * @throws OutputClosedException if the reader closed it (also completing the closed signal)
   */
  public synchronized void flush() {
    drainLines();
    // checkError() flushes, then reports whether any write or flush so far failed.
    if (closed.isDone() || out.checkError()) {
      closed.complete(null);
      throw new OutputClosedException();
    }
  }

  /** Completes when standard output was found closed; commands that wait also wait on this. */
  public CompletableFuture<Void> closed() {
    return closed;
  }

  public boolean json() {
    return json;
  }

  /** A result: its JSON form with --json, else its text form. */
  public void result(Result result) {
    drainLines();
    if (json) {
      out.println(pretty(result.json()));
    } else {
      String text = result.text();
      if (!text.isEmpty()) {
        out.println(text);
      }
    }
    flush();
  }

  /** One compact JSON document on one line (for streams of events). */
  public synchronized void jsonLine(JsonNode node) {
    drainLines();
    out.println(compact(node));
    flush();
  }

  /**
   * One compact JSON document on one line, part of a burst, written by {@code line} straight into
   * the buffered standard output (the same bytes as {@link #jsonLine(JsonNode)} of the same tree,
   * without building it): buffered until {@link #endBurst()} (or until the buffer fills), so a fast
   * stream costs one write per burst, not per line.
   */
  public synchronized void jsonLineInBurst(JsonLine line) {
    try {
      if (lines == null) {
        lines = MAPPER.getFactory().createGenerator(out)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
        // Lines end with the platform's line separator, as println does; no separator between values.
        lines.setRootValueSeparator(null);
      }
      line.writeTo(lines);
      lines.writeRaw(System.lineSeparator());
    } catch (IOException e) {
      // A PrintWriter never throws: this is the generator refusing what was written (a bug).
      throw new UncheckedIOException("cannot write JSON", e);
    }
  }

  /** Hands what the line generator holds to {@link #out} (a PrintWriter: never throws). */
  private synchronized void drainLines() {
    if (lines != null) {
      try {
        lines.flush();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write JSON", e);
      }
    }
  }

  /** One line of text, part of a burst (see {@link #jsonLineInBurst}). */
  public synchronized void lineInBurst(String text) {
    drainLines();
    out.println(text);
  }

  /**
   * Writes out what the burst buffered.
   *
   * @return false if standard output could not be written (e.g. its reader went away)
   */
  public synchronized boolean endBurst() {
    // The one closed-output check (flush), so a burst's failed write also signals outputClosed.
    try {
      flush();
      return true;
    } catch (OutputClosedException e) {
      return false;
    }
  }

  /** One line of text on standard output. */
  public synchronized void line(String text) {
    drainLines();
    out.println(text);
    flush();
  }

  /** Progress for a person: on a terminal only, never with --json. */
  public void progress(String text) {
    if (interactive && !json) {
      note(text);
    }
  }

  /** A diagnostic on standard error (always shown). */
  public synchronized void note(String text) {
    err.println(text);
    err.flush();
  }

  /** Warns on standard error that {@code --trust insecure} lets anyone on the network path {@code risk}. */
  public void insecureTrustWarning(String risk) {
    note("homeport: warning: --trust insecure accepts any certificate; anyone on the network path can " + risk);
  }

  static String pretty(JsonNode node) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  static String compact(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }
}
