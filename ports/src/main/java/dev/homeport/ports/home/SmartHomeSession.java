package dev.homeport.ports.home;

import dev.homeport.domain.home.Device;
import dev.homeport.domain.home.DeviceEvent;
import dev.homeport.domain.home.EventFilter;
import dev.homeport.domain.home.Location;
import dev.homeport.domain.home.LocationId;
import dev.homeport.domain.home.PushedMessage;
import dev.homeport.domain.home.Room;
import dev.homeport.domain.home.SessionInfo;
import dev.homeport.domain.home.User;
import dev.homeport.ports.flow.OverflowPolicy;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * An authenticated session with a smart home: queries, pushed events, and the session's own life.
 *
 * <p>Thread-safe. Query futures fail with {@link dev.homeport.ports.HomeportException} subtypes:
 * {@link dev.homeport.ports.AuthenticationException} (rejected or expired),
 * {@link dev.homeport.ports.ServiceCallException} (the service refused),
 * {@link dev.homeport.ports.TransportException} (unreachable, timed out, disconnected while pending),
 * {@link dev.homeport.ports.ClosedException} (after {@link #close()}). {@code join()} throws that
 * exception wrapped in a {@link java.util.concurrent.CompletionException}, {@code get()} in an
 * {@link java.util.concurrent.ExecutionException}; {@link dev.homeport.ports.Futures#unwrap}
 * returns the {@code HomeportException} inside either.
 *
 * <p>Publishers honour {@link Flow.Subscription#request(long)} demand. Each subscriber has a bounded
 * buffer; what happens when it is full is the subscription's {@link OverflowPolicy}, chosen per
 * subscription ({@link #subscribe(EventFilter, OverflowPolicy)}, {@link #messages(OverflowPolicy)})
 * or else the adapter's configured default: {@link OverflowPolicy#BACKPRESSURE} loses nothing and
 * stops taking events from the service while the subscriber is full (which holds every
 * subscriber of this session meanwhile), {@link OverflowPolicy#DROP_OLDEST} drops and counts,
 * {@link OverflowPolicy#FAIL} ends that subscription with {@link
 * dev.homeport.ports.SubscriberOverflowException}; the last two never slow the other subscribers.
 * Publishers complete when the session closes and signal an error when it ends for good (e.g.
 * session expired).
 */
public interface SmartHomeSession extends AutoCloseable {

  /** What authentication said: user, session length, stay-logged-in. */
  SessionInfo sessionInfo();

  /** The account holder. */
  CompletableFuture<User> user();

  /** The locations (homes) of the account. */
  CompletableFuture<List<Location>> locations();

  /** The rooms of a location. */
  CompletableFuture<List<Room>> rooms(LocationId locationId);

  /** The devices of a location, with their current states. Also refreshes {@link #directory()}. */
  CompletableFuture<List<Device>> devices(LocationId locationId);

  /**
   * Device events matching {@code filter}, from the moment a subscriber subscribes. The adapter
   * subscribes to the filter's location with the service when the first subscriber arrives, and
   * again after every reconnect. Events carry their {@link Device} when the directory knows it.
   * A subscription the service refuses ends with {@code onError}.
   */
  Flow.Publisher<DeviceEvent> subscribe(EventFilter filter);

  /**
   * As {@link #subscribe(EventFilter)}, each subscriber's buffer under {@code policy} instead of the
   * adapter's default (see the class documentation for what each policy does to the others).
   */
  Flow.Publisher<DeviceEvent> subscribe(EventFilter filter, OverflowPolicy policy);

  /**
   * Every pushed message of every subscription of this session, including kinds other than device
   * events ({@link dev.homeport.domain.home.UnknownMessage} for what was not understood).
   */
  Flow.Publisher<PushedMessage> messages();

  /** As {@link #messages()}, each subscriber's buffer under {@code policy} instead of the adapter's default. */
  Flow.Publisher<PushedMessage> messages(OverflowPolicy policy);

  /**
   * The session's life: connected, authenticated, reconnecting (with a gap notice), expired, closed.
   * A new subscriber first receives the current state (the latest event), then every later one
   * ({@link dev.homeport.ports.flow.LatestReplayPublisher} implements this for adapters).
   */
  Flow.Publisher<LifecycleEvent> lifecycle();

  /** The last known user, locations, rooms and devices, as answered by this session's queries. */
  DeviceDirectory directory();

  /** Ends the session: pending calls fail with {@code ClosedException}, publishers complete. Idempotent. */
  @Override
  void close();
}
