package dev.homeport.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeport.cli.internal.Output;
import dev.homeport.cli.internal.OutputClosedException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A closed standard output is found after each flush, buffered or not, and ends the run with 141. */
class OutputClosedTest {

  /** A pipe whose reader has gone: every write fails as EPIPE does. */
  private static final class BrokenPipe extends OutputStream {
    @Override
    public void write(int b) throws IOException {
      throw new IOException("Broken pipe");
    }
  }

  @Test
  void writeToClosedPipe_throwsOutputClosed_andSignalsIt() {
    CompletableFuture<Void> closed = new CompletableFuture<>();
    PrintWriter out = new PrintWriter(new OutputStreamWriter(new BrokenPipe(), StandardCharsets.UTF_8), true);
    Output output = new Output(out, new PrintWriter(OutputStream.nullOutputStream()), false, false, closed);
    assertThatThrownBy(() -> output.line("one")).isInstanceOf(OutputClosedException.class);
    assertThat(closed).isDone();
    assertThatThrownBy(output::flush).isInstanceOf(OutputClosedException.class);
  }

  @Test
  void bufferedOutput_isCheckedAtEachFlush() {
    CompletableFuture<Void> closed = new CompletableFuture<>();
    // Buffered: the write itself succeeds, the failure shows when the buffer is flushed.
    PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(new BrokenPipe(), StandardCharsets.UTF_8), 1 << 16));
    Output output = new Output(out, new PrintWriter(OutputStream.nullOutputStream()), true, false, closed);
    out.print("{\"a\":1}\n");
    assertThat(closed).isNotDone();
    assertThatThrownBy(output::flush).isInstanceOf(OutputClosedException.class);
    assertThat(closed).isDone();
  }

  @Test
  void closedOutput_mapsToExitCode141_withoutAMessage() {
    java.io.StringWriter err = new java.io.StringWriter();
    int code = dev.homeport.cli.internal.Failures.report(new OutputClosedException(), new PrintWriter(err), false);
    assertThat(code).isEqualTo(ExitCode.OUTPUT_CLOSED).isEqualTo(141);
    assertThat(err.toString()).isEmpty();
  }
}
