package dev.homeport.adapter.inmemory;

import dev.homeport.domain.home.Device;
import dev.homeport.domain.home.DeviceEvent;
import dev.homeport.domain.home.EventFilter;
import dev.homeport.domain.home.Location;
import dev.homeport.domain.home.LocationId;
import dev.homeport.domain.home.PushedMessage;
import dev.homeport.domain.home.Room;
import dev.homeport.domain.home.SessionInfo;
import dev.homeport.domain.home.User;
import dev.homeport.ports.ClosedException;
import dev.homeport.ports.HomeportException;
import dev.homeport.ports.SessionExpiredException;
import dev.homeport.ports.TransportException;
import dev.homeport.ports.flow.BoundedPublisher;
import dev.homeport.ports.flow.LatestReplayPublisher;
import dev.homeport.ports.flow.OverflowPolicy;
import dev.homeport.ports.home.ConcurrentDeviceDirectory;
import dev.homeport.ports.home.DeviceDirectory;
import dev.homeport.ports.home.LifecycleEvent;
import dev.homeport.ports.home.SessionState;
import dev.homeport.ports.home.SmartHomeSession;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.function.Supplier;

/**
 * A session of an {@link InMemorySmartHome}, opened by {@link InMemorySmartHome#connect()}.
 *
 * <p>Queries answer with already-completed futures from the home's data and fill this session's
 * {@link #directory()}. Publishers use one bounded buffer per subscriber and the home's overflow
 * policy. {@link #lifecycle()} gives each new subscriber the latest lifecycle event first.
 *
 * <p>Failures: queries fail with {@link ClosedException} after {@link #close()}, with {@link
 * SessionExpiredException} after the home expired the session, with a retryable {@link
 * TransportException} while disconnected, with an armed {@link InMemorySmartHome#failNextCall}, and
 * with {@link dev.homeport.ports.ServiceCallException} NotFound 404 for unknown locations.
 *
 * <p>Thread-safe.
 */
public final class InMemorySmartHomeSession implements SmartHomeSession {

  private final InMemorySmartHome home;
  private final String id;
  private final SessionInfo sessionInfo;
  private final Clock clock;
  private final ConcurrentDeviceDirectory directory = new ConcurrentDeviceDirectory();
  private final BoundedPublisher<DeviceEvent> events;
  private final BoundedPublisher<PushedMessage> messages;
  private final LatestReplayPublisher<LifecycleEvent> lifecycle;
  private final Object lock = new Object();
  private SessionState state = SessionState.CONNECTING;

  InMemorySmartHomeSession(
      InMemorySmartHome home,
      String id,
      SessionInfo sessionInfo,
      Clock clock,
      Executor executor,
      int bufferSize,
      OverflowPolicy policy) {
    this.home = home;
    this.id = id;
    this.sessionInfo = sessionInfo;
    this.clock = clock;
    this.events = new BoundedPublisher<>(executor, bufferSize, policy);
    this.messages = new BoundedPublisher<>(executor, bufferSize, policy);
    // Lifecycle events are few and the latest matters most: they never hold the publisher.
    this.lifecycle =
        new LatestReplayPublisher<>(
            executor, bufferSize, policy == OverflowPolicy.BACKPRESSURE ? OverflowPolicy.DROP_OLDEST : policy);
  }

  void open() {
    synchronized (lock) {
      emit(SessionState.CONNECTING, "connecting to the in-memory smart home", false);
      emit(SessionState.CONNECTED, "connected", false);
      emit(SessionState.AUTHENTICATED, "authenticated as " + sessionInfo.userId(), false);
    }
  }

  /** This session's id within its home, e.g. {@code session-1}. */
  public String id() {
    return id;
  }

  /** The session's current state. */
  public SessionState state() {
    synchronized (lock) {
      return state;
    }
  }

  /** Whether the session is neither closed nor expired. */
  public boolean isOpen() {
    SessionState current = state();
    return current != SessionState.CLOSED && current != SessionState.SESSION_EXPIRED;
  }

  /** {@inheritDoc} */
  @Override
  public SessionInfo sessionInfo() {
    return sessionInfo;
  }

  /** The home's user; remembered in the directory. */
  @Override
  public CompletableFuture<User> user() {
    return call(() -> {
      User user = home.user();
      directory.rememberUser(user);
      return user;
    });
  }

  /** The home's locations; remembered in the directory. */
  @Override
  public CompletableFuture<List<Location>> locations() {
    return call(() -> {
      List<Location> found = home.locations();
      directory.rememberLocations(found);
      return found;
    });
  }

  /**
   * The rooms of a location; remembered in the directory.
   *
   * @throws NullPointerException if {@code locationId} is null
   */
  @Override
  public CompletableFuture<List<Room>> rooms(LocationId locationId) {
    Objects.requireNonNull(locationId, "locationId");
    return call(() -> {
      List<Room> found = home.rooms(locationId);
      directory.rememberRooms(locationId, found);
      return found;
    });
  }

  /**
   * The devices of a location with their current states; remembered in the directory, so later
   * events carry their device.
   *
   * @throws NullPointerException if {@code locationId} is null
   */
  @Override
  public CompletableFuture<List<Device>> devices(LocationId locationId) {
    Objects.requireNonNull(locationId, "locationId");
    return call(() -> {
      List<Device> found = home.devices(locationId);
      directory.rememberDevices(locationId, found);
      return found;
    });
  }

  private <T> CompletableFuture<T> call(Supplier<T> query) {
    synchronized (lock) {
      switch (state) {
        case CLOSED:
          return CompletableFuture.failedFuture(new ClosedException("session " + id + " is closed"));
        case SESSION_EXPIRED:
          return CompletableFuture.failedFuture(expired());
        case RECONNECTING:
          return CompletableFuture.failedFuture(
              new TransportException("session " + id + " is disconnected (simulated)", null));
        default:
          break;
      }
    }
    HomeportException failure = home.takeFailure();
    if (failure != null) {
      return CompletableFuture.failedFuture(failure);
    }
    try {
      return CompletableFuture.completedFuture(query.get());
    } catch (HomeportException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private SessionExpiredException expired() {
    return new SessionExpiredException("session " + id + " expired; sign in again for new credentials");
  }

  /**
   * Device events matching {@code filter}, from subscription on, with their device attached when
   * the directory knows it. Completes on close, fails with {@link SessionExpiredException} on expiry.
   *
   * @throws NullPointerException if {@code filter} is null
   */
  @Override
  public Flow.Publisher<DeviceEvent> subscribe(EventFilter filter) {
    Objects.requireNonNull(filter, "filter");
    return events.filtered(filter::matches);
  }

  /**
   * As {@link #subscribe(EventFilter)} under {@code policy}; a full {@link
   * OverflowPolicy#BACKPRESSURE} subscriber holds {@link InMemorySmartHome#publish} until it has
   * room (or the session ends).
   *
   * @throws NullPointerException if {@code filter} or {@code policy} is null
   */
  @Override
  public Flow.Publisher<DeviceEvent> subscribe(EventFilter filter, OverflowPolicy policy) {
    Objects.requireNonNull(filter, "filter");
    return events.filtered(filter::matches, policy);
  }

  /** Every pushed message (device events with their device attached when known). */
  @Override
  public Flow.Publisher<PushedMessage> messages() {
    return messages;
  }

  /** As {@link #messages()} under {@code policy}. */
  @Override
  public Flow.Publisher<PushedMessage> messages(OverflowPolicy policy) {
    return messages.filtered(message -> true, policy);
  }

  /** The session's lifecycle; a new subscriber first receives the latest event. */
  @Override
  public Flow.Publisher<LifecycleEvent> lifecycle() {
    return lifecycle;
  }

  /** {@inheritDoc} */
  @Override
  public DeviceDirectory directory() {
    return directory;
  }

  /**
   * Ends the session: lifecycle CLOSED, then every publisher completes; later queries fail with
   * {@link ClosedException}. Idempotent.
   */
  @Override
  public void close() {
    synchronized (lock) {
      if (state == SessionState.CLOSED) {
        return;
      }
      boolean ended = state == SessionState.SESSION_EXPIRED;
      state = SessionState.CLOSED;
      if (!ended) {
        lifecycle.offer(LifecycleEvent.of(SessionState.CLOSED, clock.instant(), "closed by the user"));
      }
      events.close();
      messages.close();
      lifecycle.close();
    }
    home.forget(this);
  }

  // ---------------------------------------------------------------- driven by the home

  void push(PushedMessage message) {
    synchronized (lock) {
      if (state != SessionState.AUTHENTICATED) {
        return;
      }
      // Each offer re-checks: with direct delivery a subscriber may close this session from inside
      // onNext on this very thread (the lock is re-entrant), which closes the publishers mid-push.
      if (message instanceof DeviceEvent event) {
        DeviceEvent enriched = directory.enrich(event);
        offer(events, enriched);
        offer(messages, enriched);
      } else {
        offer(messages, message);
      }
    }
    // Backpressure holds the publishing thread, outside the lock so that close() and expire() can
    // end the wait.
    awaitRoom(events);
    awaitRoom(messages);
  }

  private static <T> void offer(BoundedPublisher<T> publisher, T item) {
    if (!publisher.isClosed()) {
      publisher.offer(item);
    }
  }

  private void awaitRoom(BoundedPublisher<?> publisher) {
    try {
      while (!publisher.awaitRoom(100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
        if (!isOpen()) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  void expire() {
    synchronized (lock) {
      if (state == SessionState.CLOSED || state == SessionState.SESSION_EXPIRED) {
        return;
      }
      emit(SessionState.SESSION_EXPIRED, "the session expired; new credentials are needed", false);
      SessionExpiredException error = expired();
      events.closeExceptionally(error);
      messages.closeExceptionally(error);
      lifecycle.closeExceptionally(error);
    }
    home.forget(this);
  }

  void disconnect() {
    synchronized (lock) {
      if (state == SessionState.AUTHENTICATED) {
        emit(SessionState.RECONNECTING, "connection lost (simulated); reconnecting", false);
      }
    }
  }

  void reconnect() {
    synchronized (lock) {
      if (state == SessionState.RECONNECTING) {
        emit(
            SessionState.AUTHENTICATED,
            "reconnected; events pushed while disconnected were not delivered",
            true);
      }
    }
  }

  private void emit(SessionState next, String detail, boolean eventsMayBeMissing) {
    state = next;
    lifecycle.offer(new LifecycleEvent(next, clock.instant(), detail, eventsMayBeMissing));
  }

  @Override
  public String toString() {
    return "InMemorySmartHomeSession[" + id + ", " + state() + "]";
  }
}
