package dev.homeport.adapter.camera.http.internal;

import dev.homeport.domain.camera.CameraEvent;
import dev.homeport.domain.camera.GetLatestActivity;
import dev.homeport.domain.camera.LatestActivity;
import dev.homeport.ports.AuthenticationException;
import dev.homeport.ports.ClosedException;
import dev.homeport.ports.HomeportException;
import dev.homeport.ports.UnsupportedCommandException;
import dev.homeport.ports.camera.Camera;
import dev.homeport.ports.camera.CameraEvents;
import dev.homeport.ports.camera.CameraEventsNotice;
import dev.homeport.ports.camera.CameraEventsNotice.State;
import dev.homeport.ports.flow.BoundedPublisher;
import dev.homeport.ports.flow.LatestReplayPublisher;
import dev.homeport.ports.flow.OverflowPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Kasa detection events by polling (the cameras push motion to the cloud only, kasa-firmware.md
 * §5): {@link GetLatestActivity} every interval; each time {@code last_activity_timestamp} moves
 * forward, one {@link CameraEvent.Kind#MOTION} event with {@code active = true}, topic
 * {@code last_activity_timestamp} and, as source, the camera's {@code a_type} code (its meaning is
 * not published, so homeport does not guess person or sound from it). Kasa reports no end of
 * activity, so there are no {@code active = false} events. The first poll only records where the
 * camera is: activity from before the stream opened is not reported. Activities between two polls
 * collapse into the latest one.
 *
 * <p>Failures: an unreachable camera gives a {@link State#RESUBSCRIBING} notice and polling goes
 * on; the next answer gives {@link State#SUBSCRIBED} with the gap flag. Rejected credentials or a
 * camera without the query end the stream ({@link State#FAILED}, then {@code onError}). One thread
 * per stream, a daemon, ended on close. Thread-safe.
 */
public final class PolledCameraEvents implements CameraEvents {

  private final Camera camera;
  private final Duration interval;
  private final Clock clock;
  private final Consumer<PolledCameraEvents> onClose;
  private final ScheduledExecutorService timer;
  private final BoundedPublisher<CameraEvent> events;
  private final LatestReplayPublisher<CameraEventsNotice> lifecycle;
  private volatile boolean closed;
  private volatile boolean interrupted;
  private volatile boolean started;
  private volatile Instant last;

  PolledCameraEvents(Camera camera, Duration interval, Clock clock, Consumer<PolledCameraEvents> onClose) {
    this.camera = camera;
    this.interval = interval;
    this.clock = clock;
    this.onClose = onClose;
    ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
      Thread thread = new Thread(r, "homeport-kasa-events-" + camera.name());
      thread.setDaemon(true);
      return thread;
    });
    t.setRemoveOnCancelPolicy(true);
    this.timer = t;
    this.events = new BoundedPublisher<>(timer, 256, OverflowPolicy.FAIL_SUBSCRIPTION);
    this.lifecycle = new LatestReplayPublisher<>(timer, 16, OverflowPolicy.DROP_OLDEST);
  }

  void start() {
    notice(State.STARTING, "polling camera '" + camera.name() + "' every " + interval.toMillis() + " ms", false);
    timer.execute(this::poll);
  }

  @Override
  public Flow.Publisher<CameraEvent> events() {
    return events;
  }

  @Override
  public Flow.Publisher<CameraEventsNotice> lifecycle() {
    return lifecycle;
  }

  private void notice(State state, String detail, boolean gap) {
    lifecycle.offer(new CameraEventsNotice(state, clock.instant(), detail, gap));
  }

  private void poll() {
    if (closed) {
      return;
    }
    camera.execute(new GetLatestActivity()).whenComplete((activity, failure) -> {
      if (closed) {
        return;
      }
      if (failure != null) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause() : failure;
        if (cause instanceof AuthenticationException || cause instanceof UnsupportedCommandException
            || cause instanceof ClosedException) {
          notice(State.FAILED, cause.getMessage(), false);
          end((HomeportException) cause);
          return;
        }
        if (!interrupted) {
          interrupted = true;
          notice(State.RESUBSCRIBING, cause.getMessage() == null ? cause.toString() : cause.getMessage(), true);
        }
      } else {
        seen(activity);
      }
      schedule();
    });
  }

  private void seen(LatestActivity activity) {
    if (!started || interrupted) {
      notice(State.SUBSCRIBED, interrupted
          ? "polling camera '" + camera.name() + "' again; activity while it was unreachable may be missing"
          : "polling camera '" + camera.name() + "'", interrupted);
      started = true;
      interrupted = false;
    }
    Optional<Instant> time = activity.time();
    if (time.isEmpty()) {
      return;
    }
    Instant previous = last;
    last = time.get();
    if (previous != null && time.get().isAfter(previous)) {
      Optional<String> source = activity.kindCode().isPresent()
          ? Optional.of("a_type=" + activity.kindCode().getAsLong()) : Optional.empty();
      events.offer(new CameraEvent(camera.name(), CameraEvent.Kind.MOTION, "last_activity_timestamp", source, true,
          time.get()));
    }
  }

  private void schedule() {
    try {
      timer.schedule(this::poll, interval.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // closed meanwhile
    }
  }

  private void end(HomeportException cause) {
    closed = true;
    events.closeExceptionally(cause);
    lifecycle.close();
    timer.shutdown();
    onClose.accept(this);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    notice(State.CLOSED, "closed", false);
    events.close();
    lifecycle.close();
    timer.shutdown();
    onClose.accept(this);
  }
}
