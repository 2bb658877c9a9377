package dev.homeport.cli.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.homeport.domain.camera.CameraEvent;
import dev.homeport.ports.camera.CameraEvents;
import dev.homeport.ports.camera.CameraEventsNotice;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code homeport camera ... events}: print a camera's motion, person and tamper events as they come. */
@Command(
    name = "events",
    description = {
      "Print motion, person and tamper events as they happen (one line each; --json: one JSON object per line).",
      "Notices (subscribed, resubscribing, events possibly missed) go to standard error."
    })
final class CameraEventsCli implements Callable<Integer> {

  @ParentCommand CameraCli parent;

  @Option(names = "--count", paramLabel = "N", description = "Stop after N events.")
  Long count;

  @Option(names = "--duration", paramLabel = "DURATION", description = "Stop after this long, such as 30s.")
  String duration;

  @Override
  public Integer call() {
    if (count != null && count < 1) {
      throw new UsageException("--count must be at least 1, was " + count);
    }
    Optional<Duration> limit = duration == null ? Optional.empty() : Optional.of(Values.duration("--duration", duration));
    Output output = parent.context().output(parent.json());
    return parent.connected(output, (camera, spec) -> {
      long max = count == null ? Long.MAX_VALUE : count;
      CompletableFuture<Void> done = new CompletableFuture<>();
      AtomicLong received = new AtomicLong();
      try (CameraEvents events = camera.openEvents()) {
        Printer printer = new Printer(output, received, max, done);
        Notices notices = new Notices(output, done);
        events.lifecycle().subscribe(notices);
        events.events().subscribe(printer);
        output.progress("Watching " + camera.name() + limit.map(d -> " for " + d.toSeconds() + " s").orElse("")
            + (count == null ? "" : ", up to " + count + " events") + "; Ctrl-C to stop.");
        try {
          parent.context().awaitEnd(done, limit);
        } finally {
          printer.cancel();
          notices.cancel();
        }
      }
      output.progress(received.get() + " events");
      return 0;
    });
  }

  static ObjectNode json(CameraEvent event) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("camera", event.camera());
    node.put("kind", event.kind().name().toLowerCase(Locale.ROOT));
    node.put("active", event.active());
    node.put("topic", event.topic());
    event.source().ifPresent(source -> node.put("source", source));
    node.put("time", event.time().toString());
    return node;
  }

  static String text(CameraEvent event) {
    return event.time() + "  " + TerminalText.escape(event.camera()) + "  " + event.kind().name().toLowerCase(Locale.ROOT)
        + (event.active() ? " started" : " ended") + "  " + TerminalText.escape(event.topic())
        + event.source().map(source -> " (" + TerminalText.escape(source) + ")").orElse("");
  }

  /** Asks for one event at a time and prints it; completes {@code done} at the count. */
  private static final class Printer implements Flow.Subscriber<CameraEvent> {
    private final Output output;
    private final AtomicLong received;
    private final long limit;
    private final CompletableFuture<Void> done;
    private final AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();

    Printer(Output output, AtomicLong received, long limit, CompletableFuture<Void> done) {
      this.output = output;
      this.received = received;
      this.limit = limit;
      this.done = done;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription.set(s);
      s.request(1);
    }

    @Override
    public void onNext(CameraEvent event) {
      long n = received.incrementAndGet();
      if (n > limit) {
        return;
      }
      if (output.json()) {
        output.jsonLine(json(event));
      } else {
        output.line(text(event));
      }
      if (n == limit) {
        done.complete(null);
      } else {
        subscription.get().request(1);
      }
    }

    @Override
    public void onError(Throwable failure) {
      done.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
      done.complete(null);
    }

    void cancel() {
      Flow.Subscription s = subscription.get();
      if (s != null) {
        s.cancel();
      }
    }
  }

  /** Says on standard error how the stream goes; a stream that fails for good ends the command. */
  private static final class Notices extends EventsCli.WatchSubscriber<CameraEventsNotice> {
    Notices(Output output, CompletableFuture<Void> done) {
      super(output, done);
    }

    @Override
    public void onNext(CameraEventsNotice notice) {
      String detail = notice.detail().isEmpty() ? "" : ": " + TerminalText.escape(notice.detail());
      switch (notice.state()) {
        case RESUBSCRIBING:
          output.note("homeport: events interrupted, subscribing again" + detail);
          break;
        case SUBSCRIBED:
          if (notice.eventsMayBeMissing()) {
            output.note("homeport: subscribed again; events during the interruption may be missing");
          } else {
            output.progress("Subscribed.");
          }
          break;
        case FAILED:
          // the event stream ends with the failure itself (onError), which sets the exit code
          output.note("homeport: events stopped" + detail);
          break;
        default:
          break;
      }
    }

    @Override
    public void onComplete() {
      // the event stream reports the end
    }
  }
}
