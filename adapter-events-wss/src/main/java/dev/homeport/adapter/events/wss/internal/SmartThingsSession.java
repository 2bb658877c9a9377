package dev.homeport.adapter.events.wss.internal;

import dev.homeport.adapter.events.wss.SmartThingsConfig;
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
import dev.homeport.ports.Futures;
import dev.homeport.ports.HomeportException;
import dev.homeport.ports.TransportException;
import dev.homeport.ports.flow.OverflowPolicy;
import dev.homeport.ports.home.DeviceDirectory;
import dev.homeport.ports.home.LifecycleEvent;
import dev.homeport.ports.home.SessionState;
import dev.homeport.ports.home.SmartHomeSession;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A SmartThings session: the {@link SmartHomeSession} face of three parts, each on its own seam —
 * the {@link SmartThingsConnection} (WebSocket, handshake, heartbeat, reconnects under the
 * configured {@link dev.homeport.adapter.events.wss.ReconnectPolicy}), the {@link FeathersApi}
 * (queries and subscriptions as Feathers calls) and the {@link EventRouter} (pushed messages to
 * bounded publishers, duplicates dropped, lifecycle events).
 *
 * <p>Threads: one timer thread (time-outs, pings, back-off), one connector thread (connect,
 * authenticate, re-subscribe, with bounded waits), a delivery pool for subscribers, and Tyrus' own
 * threads for the socket. All end on {@link #close()} or when the session ends for good.
 * Thread-safe.
 */
public final class SmartThingsSession implements SmartHomeSession {

  private static final AtomicInteger SESSIONS = new AtomicInteger();

  private final ScheduledThreadPoolExecutor timer;
  private final ExecutorService connector;
  private final ExecutorService delivery;
  private final PendingCalls pending;
  private final EventRouter router;
  private final SmartThingsConnection connection;
  private final FeathersApi api;
  private final OverflowPolicy overflowPolicy;

  public SmartThingsSession(SmartThingsConfig config, Clock clock) {
    int number = SESSIONS.incrementAndGet();
    this.overflowPolicy = config.overflowPolicy();
    this.timer = new ScheduledThreadPoolExecutor(1, threads("homeport-smartthings-" + number + "-timer"));
    this.timer.setRemoveOnCancelPolicy(true);
    this.timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    this.connector = Executors.newSingleThreadExecutor(threads("homeport-smartthings-" + number + "-connector"));
    this.delivery = Executors.newCachedThreadPool(threads("homeport-smartthings-" + number + "-delivery"));
    this.pending = new PendingCalls(timer);
    // Once the pool is shut down (session ended), late subscribers are served on their own thread.
    Executor deliver =
        task -> {
          try {
            delivery.execute(task);
          } catch (RejectedExecutionException afterClose) {
            task.run();
          }
        };
    this.router = new EventRouter(clock, deliver, config.bufferSize(), config.overflowPolicy(), config.duplicateWindow());
    this.connection = new SmartThingsConnection(config, timer, connector, pending, router);
    this.api = new FeathersApi(connection::call, router, connection.scrubber());
    this.connection.wire(api, this::shutdown);
  }

  private static ThreadFactory threads(String name) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** Connects and authenticates; completes with this session, or fails and releases everything. */
  public CompletableFuture<SmartHomeSession> start() {
    CompletableFuture<SmartHomeSession> result = new CompletableFuture<>();
    connector.execute(
        () -> {
          try {
            connection.connectFirst();
            result.complete(this);
          } catch (Throwable e) {
            HomeportException error = homeport(e);
            shutdown(error, SessionState.DISCONNECTED, error.getMessage());
            result.completeExceptionally(error);
          }
        });
    return result;
  }

  @Override
  public void close() {
    shutdown(null, SessionState.CLOSED, "closed by the user");
  }

  /** Ends the session for good: with {@code error} (expired, failed start) or normally (null). */
  private void shutdown(HomeportException error, SessionState state, String detail) {
    if (!connection.close(error)) {
      return;
    }
    api.failSubscriptions(error != null ? error : new ClosedException("session closed"));
    router.lifecycle(state, detail, false);
    router.end(error);
    timer.shutdownNow();
    connector.shutdown();
    delivery.shutdown();
  }

  // ---------------------------------------------------------------- the port

  @Override
  public SessionInfo sessionInfo() {
    return connection.sessionInfo();
  }

  @Override
  public CompletableFuture<User> user() {
    return api.user();
  }

  @Override
  public CompletableFuture<List<Location>> locations() {
    return api.locations();
  }

  @Override
  public CompletableFuture<List<Room>> rooms(LocationId locationId) {
    return api.rooms(locationId);
  }

  @Override
  public CompletableFuture<List<Device>> devices(LocationId locationId) {
    return api.devices(locationId);
  }

  /** The etag and version of the last device list answered for {@code locationId}. */
  public Optional<WireMapping.DeviceList> lastDeviceList(LocationId locationId) {
    return api.lastDeviceList(locationId);
  }

  @Override
  public Flow.Publisher<DeviceEvent> subscribe(EventFilter filter) {
    return subscribe(filter, overflowPolicy);
  }

  /**
   * Device events of {@code filter} under {@code policy}. Under {@link OverflowPolicy#BACKPRESSURE}
   * a full subscriber stops this session's reader (every subscriber of the session waits, pings go
   * on); under the other two policies a slow subscriber never slows the others.
   */
  @Override
  public Flow.Publisher<DeviceEvent> subscribe(EventFilter filter, OverflowPolicy policy) {
    java.util.Objects.requireNonNull(filter, "filter");
    java.util.Objects.requireNonNull(policy, "policy");
    Flow.Publisher<DeviceEvent> view =
        subscriber -> router.locationEvents(filter.locationId()).filtered(filter::matches, policy).subscribe(subscriber);
    return subscriber -> {
      if (subscriber == null) {
        throw new NullPointerException("subscriber");
      }
      if (connection.isClosed()) {
        view.subscribe(subscriber);
        return;
      }
      // The slot exists before the subscription is asked for, so nothing the reader routes after
      // (or with) the answer can miss it; the gate holds onSubscribe until the answer.
      SubscriptionGate<DeviceEvent> gate = new SubscriptionGate<>(subscriber);
      view.subscribe(gate);
      api.ensureSubscribed(filter.locationId())
          .whenComplete(
              (id, error) -> {
                if (error == null || connection.isClosed()) {
                  gate.open();
                } else {
                  gate.fail(homeport(error));
                }
              });
    };
  }

  @Override
  public Flow.Publisher<PushedMessage> messages() {
    return router.messages();
  }

  @Override
  public Flow.Publisher<PushedMessage> messages(OverflowPolicy policy) {
    return router.messages().filtered(message -> true, policy);
  }

  @Override
  public Flow.Publisher<LifecycleEvent> lifecycle() {
    return router.lifecycle();
  }

  @Override
  public DeviceDirectory directory() {
    return router.directory();
  }

  // ---------------------------------------------------------------- for tests and diagnostics

  /** Calls waiting for an answer. */
  public int pendingCallCount() {
    return pending.size();
  }

  /** Pushed payloads that looked like device events but were invalid. */
  public long invalidPayloadCount() {
    return router.invalidPayloadCount();
  }

  /** Device events dropped because their id was seen inside the duplicate window. */
  public long duplicateCount() {
    return router.duplicateCount();
  }

  /** The current connection's Engine.IO handshake with the ping values in force (bounded), if connected. */
  public Optional<EngineIoHandshake> handshake() {
    return connection.handshake();
  }

  /** Successful reconnects so far. */
  public long reconnectCount() {
    return connection.reconnectCount();
  }

  /** Items dropped from slow subscribers' buffers under DROP_OLDEST (events and messages). */
  public long droppedCount() {
    return router.droppedCount();
  }

  /** Whether the reader is paused now because a backpressure subscriber is full (the socket is not read). */
  public boolean readerPaused() {
    return router.readerPaused();
  }

  /** How often the reader paused for a backpressure subscriber so far. */
  public long readerPauseCount() {
    return router.pauseCount();
  }

  public boolean isClosed() {
    return connection.isClosed();
  }

  static HomeportException homeport(Throwable error) {
    Throwable cause = Futures.unwrap(error);
    if (cause instanceof HomeportException) {
      return (HomeportException) cause;
    }
    return new TransportException(
        "unexpected failure: " + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()),
        cause);
  }
}
