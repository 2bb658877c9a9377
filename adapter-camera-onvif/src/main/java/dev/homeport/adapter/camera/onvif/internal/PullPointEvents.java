package dev.homeport.adapter.camera.onvif.internal;

import dev.homeport.domain.camera.CameraEvent;
import dev.homeport.ports.AuthenticationException;
import dev.homeport.ports.ClosedException;
import dev.homeport.ports.HomeportException;
import dev.homeport.ports.ProtocolException;
import dev.homeport.ports.UnsupportedCommandException;
import dev.homeport.ports.camera.CameraEvents;
import dev.homeport.ports.camera.CameraEventsNotice;
import dev.homeport.ports.camera.CameraEventsNotice.State;
import dev.homeport.ports.flow.BoundedPublisher;
import dev.homeport.ports.flow.LatestReplayPublisher;
import dev.homeport.ports.flow.OverflowPolicy;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Detection events over an ONVIF pull point: {@code CreatePullPointSubscription}, then back-to-back
 * {@code PullMessages} long polls, {@code Renew} before the subscription lapses, and a new
 * subscription (with a gap notice) after a fault, an unknown subscription address, a camera reboot
 * or an unreachable camera, with doubling back-off. It never sends {@code Unsubscribe}: some cameras
 * cancel every client's subscription on it, so a closed stream lets its subscription expire.
 *
 * <p>{@code Initialized} messages (the state when subscribing) are delivered only when they differ
 * from the last state delivered for that topic and source, so a resubscription does not repeat
 * them. Thread-safe.
 */
public final class PullPointEvents implements CameraEvents {

  private static final Logger LOG = LoggerFactory.getLogger(PullPointEvents.class);
  /** The earliest instant a camera may name (xs:dateTime without an extended year: years 1..9999). */
  static final Instant MIN_INSTANT = Instant.parse("0001-01-01T00:00:00Z");
  /** The latest instant a camera may name. */
  static final Instant MAX_INSTANT = Instant.parse("9999-12-31T23:59:59.999999999Z");
  private static final String PULL_ACTION =
      "http://www.onvif.org/ver10/events/wsdl/PullPointSubscription/PullMessagesRequest";
  private static final String RENEW_ACTION = "http://docs.oasis-open.org/wsn/bw-2/SubscriptionManager/RenewRequest";
  private static final String CREATE_ACTION =
      "http://www.onvif.org/ver10/events/wsdl/EventPortType/CreatePullPointSubscriptionRequest";

  private final OnvifCamera camera;
  private final OnvifTransport transport;
  private final ScheduledExecutorService scheduler;
  private final Clock clock;
  private final EventOptions options;
  private final Consumer<PullPointEvents> onClose;
  private final BoundedPublisher<CameraEvent> events;
  private final LatestReplayPublisher<CameraEventsNotice> lifecycle;
  private final Map<String, Boolean> lastState = new ConcurrentHashMap<>();
  private volatile boolean closed;
  private volatile URI address;
  private volatile Instant expires = Instant.MIN;
  private volatile int subscriptions;

  PullPointEvents(OnvifCamera camera, OnvifTransport transport, ScheduledExecutorService scheduler, Clock clock,
      EventOptions options, Consumer<PullPointEvents> onClose) {
    this.camera = camera;
    this.transport = transport;
    this.scheduler = scheduler;
    this.clock = clock;
    this.options = options;
    this.onClose = onClose;
    Executor delivery = scheduler;
    this.events = new BoundedPublisher<>(delivery, options.bufferSize(), OverflowPolicy.FAIL_SUBSCRIPTION);
    this.lifecycle = new LatestReplayPublisher<>(delivery, 16, OverflowPolicy.DROP_OLDEST);
  }

  @Override
  public java.util.concurrent.Flow.Publisher<CameraEvent> events() {
    return events;
  }

  @Override
  public java.util.concurrent.Flow.Publisher<CameraEventsNotice> lifecycle() {
    return lifecycle;
  }

  /** How many subscriptions were created so far (tests check recreation without storms). */
  public int subscriptionsCreated() {
    return subscriptions;
  }

  void start() {
    notice(State.STARTING, "subscribing to camera '" + camera.name() + "' events", false);
    subscribe(options.retryMin(), false);
  }

  private void notice(State state, String detail, boolean gap) {
    lifecycle.offer(new CameraEventsNotice(state, clock.instant(), detail, gap));
  }

  private void subscribe(Duration nextBackoff, boolean resubscribing) {
    if (closed) {
      return;
    }
    camera.services().thenCompose(services -> {
      URI eventsService = services.events().orElseThrow(() ->
          new UnsupportedCommandException("camera '" + camera.name() + "' has no events service"));
      XmlElement request = XmlElement.of(Ns.TEV, "CreatePullPointSubscription")
          .add(Ns.TEV, "InitialTerminationTime", EventOptions.xsd(options.subscriptionLifetime()));
      return transport.call(eventsService, "events", "CreatePullPointSubscription", request,
          camera.requestTimeout(), List.of(), CREATE_ACTION);
    }).whenComplete((answer, failure) -> {
      if (closed) {
        return;
      }
      if (failure != null) {
        failed(failure, nextBackoff, resubscribing);
        return;
      }
      try {
        String text = answer.require("CreatePullPointSubscription", "SubscriptionReference", "Address").text();
        address = OnvifServices.resolve(transport.deviceService(), text);
        subscriptions++;
        updateExpiry(answer, "CreatePullPointSubscription");
        LOG.debug("camera {}: pull point {}", camera.name(), address);
        notice(State.SUBSCRIBED, "subscribed to camera '" + camera.name() + "' events"
            + (resubscribing ? "; detections while resubscribing may be missing" : ""), resubscribing);
        pull(options.retryMin());
      } catch (RuntimeException e) {
        // also what no check foresaw: a callback that throws would end the pulls without a word
        failed(e, nextBackoff, resubscribing);
      }
    });
  }

  /**
   * The subscription's end, from the camera's CurrentTime and TerminationTime (so its clock does not
   * matter); either missing: our own lifetime.
   *
   * @throws ProtocolException when either is there but unreadable or outside years 1..9999 (whose
   *     difference could overflow our clock and end the pulls without a word)
   */
  private void updateExpiry(XmlElement answer, String operation) {
    Optional<Instant> current = time(answer, "CurrentTime", operation);
    Optional<Instant> termination = time(answer, "TerminationTime", operation);
    if (current.isPresent() && termination.isPresent()) {
      expires = clock.instant().plus(Duration.between(current.get(), termination.get()));
    } else {
      expires = clock.instant().plus(options.subscriptionLifetime());
    }
  }

  private void pull(Duration backoffAfterFailure) {
    if (closed) {
      return;
    }
    Duration remaining = Duration.between(clock.instant(), expires);
    if (remaining.compareTo(options.pullTimeout().plus(camera.requestTimeout())) < 0) {
      renew();
      return;
    }
    XmlElement request = XmlElement.of(Ns.TEV, "PullMessages")
        .add(Ns.TEV, "Timeout", EventOptions.xsd(options.pullTimeout()))
        .add(Ns.TEV, "MessageLimit", Integer.toString(options.messageLimit()));
    URI at = address;
    transport.call(at, "events", "PullMessages", request, options.pullTimeout().plus(camera.requestTimeout()),
        addressing(PULL_ACTION, at), PULL_ACTION).whenComplete((answer, failure) -> {
          if (closed) {
            return;
          }
          if (failure != null) {
            failed(failure, options.retryMin(), true);
            return;
          }
          try {
            updateExpiry(answer, "PullMessages");
            for (XmlElement message : answer.all("NotificationMessage")) {
              deliver(message);
            }
            pull(options.retryMin());
          } catch (RuntimeException e) {
            failed(e, options.retryMin(), true);
          }
        });
  }

  private void renew() {
    URI at = address;
    XmlElement request = XmlElement.of(Ns.WSNT, "Renew")
        .add(Ns.WSNT, "TerminationTime", EventOptions.xsd(options.subscriptionLifetime()));
    transport.call(at, "events", "Renew", request, camera.requestTimeout(), addressing(RENEW_ACTION, at), RENEW_ACTION)
        .whenComplete((answer, failure) -> {
          if (closed) {
            return;
          }
          if (failure != null) {
            failed(failure, options.retryMin(), true);
            return;
          }
          try {
            updateExpiry(answer, "Renew");
            if (!expires.isAfter(clock.instant().plus(options.pullTimeout()))) {
              // the camera renewed for less than one poll: ask for it as we go
              expires = clock.instant().plus(options.subscriptionLifetime());
            }
            LOG.debug("camera {}: pull point renewed", camera.name());
            pull(options.retryMin());
          } catch (RuntimeException e) {
            failed(e, options.retryMin(), true);
          }
        });
  }

  private static List<XmlElement> addressing(String action, URI to) {
    return List.of(
        XmlElement.text(Ns.WSA, "Action", action),
        XmlElement.text(Ns.WSA, "MessageID", "urn:uuid:" + UUID.randomUUID()),
        XmlElement.text(Ns.WSA, "To", to.toString()));
  }

  private void failed(Throwable failure, Duration backoff, boolean resubscribing) {
    HomeportException cause = transport.translate(failure, "events");
    if (closed || cause instanceof ClosedException) {
      return;
    }
    if (cause instanceof AuthenticationException || cause instanceof UnsupportedCommandException) {
      notice(State.FAILED, cause.getMessage(), false);
      closeStreams(cause);
      return;
    }
    LOG.debug("camera {}: events failed ({}); subscribing again in {}", camera.name(), cause.getMessage(), backoff);
    notice(State.RESUBSCRIBING, cause.getMessage(), true);
    // A camera that rebooted may also have new service addresses.
    if (!(cause instanceof ProtocolException)) {
      camera.forgetServices();
    }
    Duration next = backoff.multipliedBy(2).compareTo(options.retryMax()) > 0 ? options.retryMax() : backoff.multipliedBy(2);
    try {
      scheduler.schedule(() -> subscribe(next, true), backoff.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      notice(State.FAILED, "the scheduler is shut down", false);
      closeStreams(new ClosedException("camera '" + camera.name() + "' event scheduler is shut down"));
    }
  }

  private void deliver(XmlElement notification) {
    String topic = notification.textAt("Topic").orElse("");
    Optional<CameraEvent.Kind> kind = kind(topic);
    Optional<XmlElement> message = notification.find("Message", "Message");
    if (kind.isEmpty() || message.isEmpty()) {
      LOG.debug("camera {}: ignoring event topic {}", camera.name(), Text.printable(topic, 120));
      return;
    }
    String operation = message.get().attribute("PropertyOperation").orElse("Changed");
    if (operation.equals("Deleted")) {
      return;
    }
    Optional<Boolean> state = Optional.empty();
    for (XmlElement item : message.get().find("Data").map(d -> d.all("SimpleItem")).orElse(List.of())) {
      String value = item.attribute("Value").orElse("").toLowerCase(Locale.ROOT);
      if (value.equals("true") || value.equals("false")) {
        state = Optional.of(Boolean.valueOf(value));
        break;
      }
    }
    if (state.isEmpty()) {
      return;
    }
    Optional<String> source = message.get().find("Source").flatMap(s -> s.all("SimpleItem").stream()
        .map(i -> i.attribute("Value")).flatMap(Optional::stream).findFirst()).map(v -> Text.printable(v, 64));
    Instant time = message.get().attribute("UtcTime").flatMap(PullPointEvents::instant).orElse(clock.instant());
    String cleanTopic = Text.printable(topic, 200);
    String key = cleanTopic + "|" + source.orElse("");
    Boolean previous = lastState.put(key, state.get());
    if (operation.equals("Initialized") && state.get().equals(previous)) {
      return;
    }
    events.offer(new CameraEvent(camera.name(), kind.get(), cleanTopic, source, state.get(), time));
  }

  /** The kind of detection a topic reports, if it is one homeport models. */
  static Optional<CameraEvent.Kind> kind(String topic) {
    String t = topic.toLowerCase(Locale.ROOT);
    if (t.contains("people") || t.contains("person") || t.contains("human")) {
      return Optional.of(CameraEvent.Kind.PERSON);
    }
    if (t.contains("globalscenechange") || t.contains("tamper") || t.contains("imagetooblurry")
        || t.contains("imagetoodark") || t.contains("imagetoobright")) {
      return Optional.of(CameraEvent.Kind.TAMPER);
    }
    if (t.contains("motion")) {
      return Optional.of(CameraEvent.Kind.MOTION);
    }
    return Optional.empty();
  }

  private static Optional<Instant> time(XmlElement answer, String element, String operation) {
    Optional<String> text = answer.textAt(element);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(instant(text.get()).orElseThrow(() -> new ProtocolException("camera answer to " + operation
        + " has " + element + " = \"" + Text.printable(text.get(), 40) + "\", not an xs:dateTime within years 1..9999")));
  }

  /**
   * An xs:dateTime within years 1..9999 (what it can say without an extended year); without an
   * offset it is taken as UTC. Empty when unreadable or out of that range: a notification's
   * UtcTime then counts as the time of receipt.
   */
  static Optional<Instant> instant(String text) {
    Instant instant;
    try {
      instant = OffsetDateTime.parse(text.trim()).toInstant();
    } catch (DateTimeParseException e) {
      try {
        instant = LocalDateTime.parse(text.trim()).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException again) {
        return Optional.empty();
      }
    }
    return instant.isBefore(MIN_INSTANT) || instant.isAfter(MAX_INSTANT) ? Optional.empty() : Optional.of(instant);
  }


  private void closeStreams(HomeportException cause) {
    closed = true;
    events.closeExceptionally(cause);
    lifecycle.close();
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
    onClose.accept(this);
  }

  @Override
  public String toString() {
    return "PullPointEvents[" + camera.name() + "]";
  }
}
