package dev.homeport.adapter.events.wss.internal;

import dev.homeport.domain.home.DeviceEvent;
import dev.homeport.domain.home.LocationId;
import dev.homeport.domain.home.PushedMessage;
import dev.homeport.ports.HomeportException;
import dev.homeport.ports.flow.BoundedPublisher;
import dev.homeport.ports.flow.LatestReplayPublisher;
import dev.homeport.ports.flow.OverflowPolicy;
import dev.homeport.ports.home.ConcurrentDeviceDirectory;
import dev.homeport.ports.home.LifecycleEvent;
import dev.homeport.ports.home.SessionState;
import dev.homeport.support.RecentIds;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where pushed messages go: drops duplicated device events (by id, within a window), enriches them
 * from the device directory, and offers them to the bounded publisher of their location and to
 * the all-messages publisher; publishes lifecycle events (the latest replayed to late
 * subscribers). {@link #deliver} never blocks; it says when a backpressure subscriber is full, and
 * the reader then waits in {@link #awaitRoom} (that wait is what stops reading the socket).
 * Delivery tasks linger {@link #LINGER} on an empty buffer so a busy stream wakes a delivery thread
 * once per nap, not once per event. Thread-safe.
 */
final class EventRouter {

  private static final Logger LOG = LoggerFactory.getLogger(EventRouter.class);

  /** How long a delivery task naps on an empty buffer before taking the next batch (added latency at most). */
  static final Duration LINGER = Duration.ofMillis(1);

  /** How long one wait for room lasts before the reader checks whether its connection is still wanted. */
  private static final long ROOM_CHECK_MILLIS = 50;

  private final Clock clock;
  private final Executor deliver;
  private final int bufferSize;
  private final OverflowPolicy overflowPolicy;
  /** Device events per subscribed location, so a location whose subscription is refused can end alone. */
  private final Map<LocationId, BoundedPublisher<DeviceEvent>> events = new ConcurrentHashMap<>();
  private final BoundedPublisher<PushedMessage> messages;
  private final LatestReplayPublisher<LifecycleEvent> lifecycle;
  private final ConcurrentDeviceDirectory directory = new ConcurrentDeviceDirectory();
  private final RecentIds<String> recentEventIds;
  private final AtomicLong duplicates = new AtomicLong();
  private final AtomicLong invalidPayloads = new AtomicLong();

  /** Set by {@link #deliver} (reader thread) when a backpressure subscriber filled; cleared by {@link #awaitRoom}. */
  private volatile boolean mustWait;
  private volatile boolean paused;
  private final AtomicLong pauses = new AtomicLong();
  private boolean ended;
  private HomeportException endError;

  EventRouter(Clock clock, Executor deliver, int bufferSize, OverflowPolicy overflowPolicy, int duplicateWindow) {
    this.clock = clock;
    this.deliver = deliver;
    this.bufferSize = bufferSize;
    this.overflowPolicy = overflowPolicy;
    this.messages = new BoundedPublisher<>(deliver, bufferSize, overflowPolicy, LINGER);
    // Lifecycle events are few and the latest matters most: a slow reader loses old ones, not the session.
    this.lifecycle = new LatestReplayPublisher<>(deliver, Math.max(64, bufferSize), OverflowPolicy.DROP_OLDEST);
    this.recentEventIds = new RecentIds<>(duplicateWindow);
  }

  /**
   * Routes one pushed message (a device event once per id, to its location and to all messages).
   * Never blocks.
   *
   * @return whether the reader may go on; {@code false} when a backpressure subscriber is full:
   *     call {@link #awaitRoom} before reading on
   */
  boolean deliver(PushedMessage message) {
    try {
      if (message instanceof DeviceEvent) {
        DeviceEvent event = (DeviceEvent) message;
        if (!recentEventIds.add(event.eventId().value())) {
          duplicates.incrementAndGet();
          return true;
        }
        DeviceEvent enriched = directory.enrich(event);
        BoundedPublisher<DeviceEvent> location = events.get(enriched.locationId());
        boolean room = true;
        if (location != null && !location.isClosed()) {
          room = location.offer(enriched);
        }
        room = messages.offer(enriched) && room;
        if (!room) {
          mustWait = true;
        }
        return room;
      }
      if (!messages.offer(message)) {
        mustWait = true;
        return false;
      }
      return true;
    } catch (IllegalStateException closedMeanwhile) {
      LOG.debug("message arrived after the session closed");
      return true;
    }
  }

  /**
   * Waits (on the reader's thread) until every backpressure subscriber has room again, or {@code
   * stop} says the wait is pointless (connection lost, session closed; checked at least every
   * {@value #ROOM_CHECK_MILLIS} ms and at {@link #wakeReader}).
   *
   * @return false if it stopped because of {@code stop} or an interrupt
   */
  boolean awaitRoom(BooleanSupplier stop) {
    mustWait = false;
    List<BoundedPublisher<?>> publishers = new ArrayList<>(events.values());
    publishers.add(messages);
    pauses.incrementAndGet();
    paused = true;
    try {
      for (BoundedPublisher<?> publisher : publishers) {
        while (!publisher.awaitRoom(ROOM_CHECK_MILLIS, TimeUnit.MILLISECONDS)) {
          if (stop.getAsBoolean()) {
            return false;
          }
        }
      }
      return !stop.getAsBoolean();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      paused = false;
    }
  }

  /** Whether the reader is waiting in {@link #awaitRoom} now. */
  boolean readerPaused() {
    return paused;
  }

  /** How often the reader waited for a backpressure subscriber. */
  long pauseCount() {
    return pauses.get();
  }

  /** Whether a delivery since the last {@link #awaitRoom} found a backpressure subscriber full. */
  boolean mustWait() {
    return mustWait;
  }

  /** Wakes a reader waiting in {@link #awaitRoom}, so it sees its stop condition now. */
  void wakeReader() {
    events.values().forEach(BoundedPublisher::wakeWaiters);
    messages.wakeWaiters();
  }

  /** Counts a pushed payload that looked like a device event but was invalid. */
  void countInvalid() {
    invalidPayloads.incrementAndGet();
  }

  /** Publishes a lifecycle change now. */
  void lifecycle(SessionState state, String detail, boolean gap) {
    lifecycle.offer(new LifecycleEvent(state, clock.instant(), detail, gap));
  }

  /** The publisher of one location's device events; closed at once when the session has ended. */
  BoundedPublisher<DeviceEvent> locationEvents(LocationId locationId) {
    synchronized (events) {
      return events.computeIfAbsent(
          locationId,
          id -> {
            BoundedPublisher<DeviceEvent> publisher = new BoundedPublisher<>(deliver, bufferSize, overflowPolicy, LINGER);
            if (ended) {
              if (endError == null) {
                publisher.close();
              } else {
                publisher.closeExceptionally(endError);
              }
            }
            return publisher;
          });
    }
  }

  /** Ends one location's subscribers with {@code error} (its subscription was refused). */
  void endLocation(LocationId locationId, HomeportException error) {
    BoundedPublisher<DeviceEvent> publisher;
    synchronized (events) {
      publisher = events.remove(locationId);
    }
    if (publisher != null) {
      publisher.closeExceptionally(error);
    }
  }

  /**
   * Ends every publisher: normally ({@code error} null) or with {@code error}; the lifecycle
   * publisher after its last event. Later locations are ended at once.
   */
  void end(HomeportException error) {
    lifecycle.close();
    synchronized (events) {
      ended = true;
      endError = error;
      if (error == null) {
        events.values().forEach(BoundedPublisher::close);
        messages.close();
      } else {
        events.values().forEach(publisher -> publisher.closeExceptionally(error));
        messages.closeExceptionally(error);
      }
    }
  }

  BoundedPublisher<PushedMessage> messages() {
    return messages;
  }

  LatestReplayPublisher<LifecycleEvent> lifecycle() {
    return lifecycle;
  }

  ConcurrentDeviceDirectory directory() {
    return directory;
  }

  long duplicateCount() {
    return duplicates.get();
  }

  long invalidPayloadCount() {
    return invalidPayloads.get();
  }

  /** Items dropped from slow subscribers' buffers under DROP_OLDEST (events and messages). */
  long droppedCount() {
    return events.values().stream().mapToLong(BoundedPublisher::droppedCount).sum() + messages.droppedCount();
  }
}
