package dev.homeport.bridge.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.homeport.domain.camera.CameraEvent;
import dev.homeport.ports.ClosedException;
import dev.homeport.ports.SubscriberOverflowException;
import dev.homeport.ports.UnsupportedCommandException;
import dev.homeport.ports.camera.Camera;
import dev.homeport.ports.camera.CameraEvents;
import dev.homeport.ports.camera.CameraEventsNotice;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One camera's detection events (the camera events port) on MQTT: each change of motion, person or
 * tampering as JSON on {@code <base>/<camera>/event}, the current state of each kind retained as
 * {@code ON}/{@code OFF} on {@code <base>/<camera>/<kind>}, and the stream's own availability on
 * {@code <base>/<camera>/events/availability}: {@code online} while subscribed, {@code offline}
 * while the camera resubscribes (events may be missing) or when the stream failed.
 *
 * <p>Only while the port says the camera has events: {@link Camera#openEvents()} refused, or the
 * stream ended with {@link UnsupportedCommandException}, and the kinds are no longer announced.
 * Demand is bounded: {@link #WINDOW} events requested at a time, one more after each is handled on
 * the bridge's thread. A kind whose ends the camera never reported (Kasa polls report starts only)
 * goes back to {@code OFF} after {@code BridgeConfig#detectionHold()}; once the camera has reported
 * one end for a kind, its ends are trusted. Confined to the bridge's thread.
 */
final class CameraDetections {

  private static final Logger LOG = LoggerFactory.getLogger(CameraDetections.class);

  /** The events requested at a time. */
  static final int WINDOW = 16;

  private final Camera camera;
  private final String name;
  private final BridgeContext context;
  private final BiConsumer<CameraEvent.Kind, Boolean> onChange;
  private final Runnable onKindsChanged;
  private final Set<CameraEvent.Kind> kinds = EnumSet.noneOf(CameraEvent.Kind.class);
  private final Set<CameraEvent.Kind> endsSeen = EnumSet.noneOf(CameraEvent.Kind.class);
  private final Map<CameraEvent.Kind, ScheduledFuture<?>> holds = new EnumMap<>(CameraEvent.Kind.class);
  private CameraEvents events;
  private boolean supported;
  private boolean closed;

  /**
   * @param onChange called on the bridge's thread with each change of a kind's state
   * @param onKindsChanged called when the kinds to announce changed
   */
  CameraDetections(Camera camera, BridgeContext context, BiConsumer<CameraEvent.Kind, Boolean> onChange, Runnable onKindsChanged) {
    this.camera = camera;
    this.name = camera.name();
    this.context = context;
    this.onChange = onChange;
    this.onKindsChanged = onKindsChanged;
  }

  /** The kinds to announce now: motion once the stream is open, person and tamper once seen; none without events. */
  Set<CameraEvent.Kind> kinds() {
    return supported ? Set.copyOf(kinds) : Set.of();
  }

  /** The availability topic of the stream. */
  String availabilityTopic() {
    return context.topic(name + "/events/availability");
  }

  /** The retained state topic of a kind. */
  String stateTopic(CameraEvent.Kind kind) {
    return context.topic(name + "/" + word(kind));
  }

  /** The kind as a topic level and rule event word: {@code motion}, {@code person}, {@code tamper}. */
  static String word(CameraEvent.Kind kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }

  /** Opens the stream, unless the camera has none. */
  void start() {
    try {
      events = camera.openEvents();
    } catch (UnsupportedCommandException e) {
      LOG.debug("camera {} reports no detection events: no motion entity", name);
      return;
    } catch (ClosedException e) {
      return;
    }
    supported = true;
    kinds.add(CameraEvent.Kind.MOTION);
    context.outbox().retain(availabilityTopic(), "offline"); // until subscribed
    events.lifecycle().subscribe(new LifecycleSubscriber());
    subscribeEvents();
    onKindsChanged.run();
  }

  /** Closes the stream; publishes nothing more. */
  void close() {
    closed = true;
    holds.values().forEach(hold -> hold.cancel(false));
    holds.clear();
    if (events != null) {
      events.close();
    }
  }

  /** Publishes {@code offline} on the stream's availability (a clean shutdown). */
  void publishOffline() {
    if (events != null) {
      context.outbox().retain(availabilityTopic(), "offline");
    }
  }

  private void subscribeEvents() {
    events.events().subscribe(new EventSubscriber());
  }

  private void notice(CameraEventsNotice notice) {
    if (closed) {
      return;
    }
    switch (notice.state()) {
      case SUBSCRIBED -> {
        if (notice.eventsMayBeMissing()) {
          context.counters().increment("camera.events_gaps");
          LOG.info("camera {}: detection events are flowing again; changes during the outage may be missing", name);
        }
        context.outbox().retain(availabilityTopic(), "online");
      }
      case RESUBSCRIBING -> {
        context.counters().increment("camera.events_resubscribing");
        LOG.info("camera {}: detection events interrupted ({}); resubscribing", name, Topics.printable(notice.detail()));
        context.outbox().retain(availabilityTopic(), "offline");
      }
      case FAILED -> {
        LOG.warn("camera {}: detection events stopped for good ({})", name, Topics.printable(notice.detail()));
        context.outbox().retain(availabilityTopic(), "offline");
      }
      default -> {
        // STARTING: offline already; CLOSED: we closed it
      }
    }
  }

  private void event(CameraEvent event) {
    if (closed) {
      return;
    }
    CameraEvent.Kind kind = event.kind();
    context.counters().increment("camera.events");
    if (!event.active()) {
      endsSeen.add(kind);
    }
    ObjectNode json = Json.object();
    json.put("camera", name).put("kind", word(kind)).put("active", event.active());
    json.put("topic", Topics.printable(event.topic()));
    event.source().ifPresent(source -> json.put("source", Topics.printable(source)));
    json.put("time", event.time().toString());
    context.outbox().publish(context.topic(name + "/event"), Json.bytes(json));
    if (kinds.add(kind)) {
      onKindsChanged.run();
    }
    set(kind, event.active());
    ScheduledFuture<?> hold = holds.remove(kind);
    if (hold != null) {
      hold.cancel(false);
    }
    if (event.active() && !endsSeen.contains(kind)) {
      long millis = context.config().detectionHold().toMillis();
      holds.put(kind, context.loop().schedule(() -> {
        holds.remove(kind);
        if (!closed) {
          set(kind, false);
        }
      }, millis, TimeUnit.MILLISECONDS));
    }
  }

  private void set(CameraEvent.Kind kind, boolean active) {
    context.outbox().retain(stateTopic(kind), active ? "ON" : "OFF");
    onChange.accept(kind, active);
  }

  private void ended(Throwable failure) {
    if (closed) {
      return;
    }
    Throwable cause = CameraNode.unwrap(failure);
    if (cause instanceof SubscriberOverflowException) {
      context.counters().increment("camera.events_overflowed");
      LOG.warn("camera {}: the bridge fell behind the detection events; subscribing again", name);
      subscribeEvents();
      return;
    }
    context.outbox().retain(availabilityTopic(), "offline");
    if (cause instanceof UnsupportedCommandException) {
      LOG.info("camera {} reports no detection events ({}): motion entities removed", name, Topics.printable(cause.getMessage()));
      supported = false;
      onKindsChanged.run();
    }
  }

  private void onLoop(Runnable task) {
    try {
      context.loop().execute(() -> {
        try {
          task.run();
        } catch (RuntimeException e) {
          LOG.error("camera {}: detection event task failed (the bridge goes on)", name, e);
        }
      });
    } catch (RejectedExecutionException e) {
      // the bridge is closing
    }
  }

  private final class LifecycleSubscriber implements Flow.Subscriber<CameraEventsNotice> {
    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      subscription.request(Long.MAX_VALUE); // notices are few: a handful per outage
    }

    @Override
    public void onNext(CameraEventsNotice item) {
      onLoop(() -> notice(item));
    }

    @Override
    public void onError(Throwable throwable) {
      onLoop(() -> LOG.debug("camera {}: detection lifecycle ended: {}", name, throwable.toString()));
    }

    @Override
    public void onComplete() {}
  }

  private final class EventSubscriber implements Flow.Subscriber<CameraEvent> {
    private Flow.Subscription subscription;

    @Override
    public void onSubscribe(Flow.Subscription value) {
      subscription = value;
      value.request(WINDOW);
    }

    @Override
    public void onNext(CameraEvent item) {
      onLoop(() -> {
        try {
          event(item);
        } finally {
          subscription.request(1);
        }
      });
    }

    @Override
    public void onError(Throwable throwable) {
      onLoop(() -> ended(throwable));
    }

    @Override
    public void onComplete() {}
  }

  /** Whether the stream is open and has not said the camera has no events. */
  boolean supported() {
    return supported;
  }
}
