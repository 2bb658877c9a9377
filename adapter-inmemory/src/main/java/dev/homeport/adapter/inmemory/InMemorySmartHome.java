package dev.homeport.adapter.inmemory;

import dev.homeport.domain.home.Device;
import dev.homeport.domain.home.DeviceEvent;
import dev.homeport.domain.home.DeviceId;
import dev.homeport.domain.home.DeviceState;
import dev.homeport.domain.home.ImmutableDevice;
import dev.homeport.domain.home.ImmutableDeviceState;
import dev.homeport.domain.home.ImmutableUser;
import dev.homeport.domain.home.Location;
import dev.homeport.domain.home.LocationId;
import dev.homeport.domain.home.PushedMessage;
import dev.homeport.domain.home.Room;
import dev.homeport.domain.home.SessionInfo;
import dev.homeport.domain.home.User;
import dev.homeport.domain.home.UserId;
import dev.homeport.ports.AuthenticationException;
import dev.homeport.ports.HomeportException;
import dev.homeport.ports.ServiceCallException;
import dev.homeport.ports.flow.OverflowPolicy;
import dev.homeport.ports.home.SmartHomeGateway;
import dev.homeport.ports.home.SmartHomeSession;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

/**
 * A faithful in-memory smart home ({@link SmartHomeGateway}): one account with its user, locations,
 * rooms and devices, and sessions that answer queries from that data and receive what is {@link
 * #publish published}.
 *
 * <p><b>Sessions.</b> {@link #connect()} returns an already-authenticated {@link
 * InMemorySmartHomeSession} whose lifecycle has gone CONNECTING, CONNECTED, AUTHENTICATED (a new
 * lifecycle subscriber first receives the latest event). Its queries answer from this home's data
 * and fill the session's device directory. {@link #publish(PushedMessage)} pushes a message to every
 * open, connected session: device events to {@code subscribe(filter)} subscribers whose filter
 * matches (with the device attached when the session's directory knows it), every message to {@code
 * messages()} subscribers. Delivery runs on the configured {@link Executor} (direct by default, so
 * it happens on the publishing thread), with one bounded buffer per subscriber and the configured
 * {@link OverflowPolicy} (or the one a subscription chose): under {@link OverflowPolicy#BACKPRESSURE}
 * {@link #publish} waits while a subscriber's buffer is full, as a server held by TCP flow control
 * would, until it has drained half of it, cancelled, or its session ended.
 *
 * <p><b>Faults.</b> {@link #rejectCredentials(boolean)}: connect fails with {@link
 * AuthenticationException}. {@link #failNextCall(HomeportException)}: the next call (connect or
 * query, on any session) fails with that exception; several are used in FIFO order. {@link
 * #expireSession()}: every open session emits SESSION_EXPIRED, its publishers end with {@link
 * dev.homeport.ports.SessionExpiredException} and its queries fail with it. {@link
 * #simulateDisconnect()}: sessions emit RECONNECTING, then AUTHENTICATED with {@code
 * eventsMayBeMissing}; messages published while disconnected are never delivered. Queries for an
 * unknown location fail with {@link ServiceCallException} {@code NotFound} 404.
 *
 * <p>Thread-safe: data, publishing, fault switches and sessions may be used from any thread.
 */
public final class InMemorySmartHome implements SmartHomeGateway {

  private final Clock clock;
  private final User user;
  private final Duration sessionLength;
  private final boolean stayLoggedIn;
  private final int bufferSize;
  private final OverflowPolicy overflowPolicy;
  private final Executor executor;

  private final Object lock = new Object();
  private final Map<LocationId, Location> locations = new LinkedHashMap<>();
  private final Map<LocationId, Map<String, Room>> rooms = new LinkedHashMap<>();
  private final Map<DeviceId, Device> devices = new LinkedHashMap<>();
  private final LinkedList<HomeportException> failures = new LinkedList<>();
  private final List<InMemorySmartHomeSession> sessions = new CopyOnWriteArrayList<>();
  private final List<PushedMessage> published = new ArrayList<>();
  private volatile boolean rejectingCredentials;
  private int sessionCounter;

  private InMemorySmartHome(Builder builder) {
    this.clock = builder.clock;
    this.user = builder.user;
    this.sessionLength = builder.sessionLength;
    this.stayLoggedIn = builder.stayLoggedIn;
    this.bufferSize = builder.bufferSize;
    this.overflowPolicy = builder.overflowPolicy;
    this.executor = builder.executor;
  }

  /** A builder; see {@link Builder} for the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  // ---------------------------------------------------------------- gateway

  /**
   * Opens a new authenticated session.
   *
   * @return an already-completed future: the session, or a failure ({@link AuthenticationException}
   *     while {@linkplain #rejectCredentials rejecting credentials}, or an armed {@link #failNextCall})
   */
  @Override
  public CompletableFuture<SmartHomeSession> connect() {
    if (rejectingCredentials) {
      return CompletableFuture.failedFuture(
          new AuthenticationException("smart home rejected the credentials (simulated)"));
    }
    HomeportException failure = takeFailure();
    if (failure != null) {
      return CompletableFuture.failedFuture(failure);
    }
    String id;
    synchronized (lock) {
      id = "session-" + (++sessionCounter);
    }
    InMemorySmartHomeSession session =
        new InMemorySmartHomeSession(
            this, id, new SessionInfo(user.id(), sessionLength, stayLoggedIn), clock, executor, bufferSize, overflowPolicy);
    sessions.add(session);
    session.open();
    return CompletableFuture.completedFuture(session);
  }

  // ---------------------------------------------------------------- data

  /**
   * Adds or replaces a location.
   *
   * @return this home, for chaining
   */
  public InMemorySmartHome addLocation(Location location) {
    Objects.requireNonNull(location, "location");
    synchronized (lock) {
      locations.put(location.id(), location);
      rooms.computeIfAbsent(location.id(), id -> new LinkedHashMap<>());
    }
    return this;
  }

  /**
   * Adds or replaces a room.
   *
   * @return this home, for chaining
   * @throws IllegalArgumentException if the room's location was not added
   */
  public InMemorySmartHome addRoom(Room room) {
    Objects.requireNonNull(room, "room");
    synchronized (lock) {
      requireLocation("room " + room.id(), room.locationId());
      rooms.get(room.locationId()).put(room.id().value(), room);
    }
    return this;
  }

  /**
   * Adds or replaces a device.
   *
   * @return this home, for chaining
   * @throws IllegalArgumentException if the device's location, or its room, was not added
   */
  public InMemorySmartHome addDevice(Device device) {
    Objects.requireNonNull(device, "device");
    synchronized (lock) {
      requireLocation("device " + device.id(), device.locationId());
      if (device.roomId().isPresent() && !rooms.get(device.locationId()).containsKey(device.roomId().get().value())) {
        throw new IllegalArgumentException(
            "device " + device.id() + " names room " + device.roomId().get()
                + ", which is not a room of location " + device.locationId() + "; add it with addRoom first");
      }
      devices.put(device.id(), device);
    }
    return this;
  }

  private void requireLocation(String what, LocationId locationId) {
    if (!locations.containsKey(locationId)) {
      throw new IllegalArgumentException(
          what + " names location " + locationId + ", which is unknown; add it with addLocation first");
    }
  }

  /** The device as this home knows it now (its states follow published device events). */
  public Optional<Device> device(DeviceId id) {
    synchronized (lock) {
      return Optional.ofNullable(devices.get(id));
    }
  }

  /**
   * Pushes {@code message} to every open, connected session (see the class documentation). A
   * device event first updates the matching state of its device, when the device is known. Messages
   * published while sessions are disconnected or expired are not delivered to them. Blocks while a
   * {@link OverflowPolicy#BACKPRESSURE} subscriber's buffer is full (see the class documentation).
   *
   * @throws NullPointerException if {@code message} is null
   */
  public void publish(PushedMessage message) {
    Objects.requireNonNull(message, "message");
    synchronized (lock) {
      published.add(message);
      if (message instanceof DeviceEvent event) {
        Device device = devices.get(event.deviceId());
        if (device != null) {
          devices.put(device.id(), withState(device, event));
        }
      }
    }
    for (InMemorySmartHomeSession session : sessions) {
      session.push(message);
    }
  }

  private static Device withState(Device device, DeviceEvent event) {
    List<DeviceState> states = new ArrayList<>(device.states());
    boolean replaced = false;
    for (int i = 0; i < states.size(); i++) {
      DeviceState state = states.get(i);
      if (state.componentId().equals(event.componentId())
          && state.capability().equals(event.capability())
          && state.attribute().equals(event.attribute())) {
        states.set(i, ImmutableDeviceState.copyOf(state).withValue(event.value()));
        replaced = true;
      }
    }
    if (!replaced) {
      states.add(
          ImmutableDeviceState.builder()
              .componentId(event.componentId())
              .capability(event.capability())
              .attribute(event.attribute())
              .value(event.value())
              .build());
    }
    return ImmutableDevice.copyOf(device).withStates(states);
  }

  /** Every message published so far, in order (delivered or not). An immutable snapshot. */
  public List<PushedMessage> publishedMessages() {
    synchronized (lock) {
      return List.copyOf(published);
    }
  }

  // ---------------------------------------------------------------- faults

  /** While {@code true}, {@link #connect()} fails with {@link AuthenticationException}. Thread-safe. */
  public void rejectCredentials(boolean reject) {
    this.rejectingCredentials = reject;
  }

  /**
   * Arms a one-shot failure: the next call (connect, or a query of any session) fails with {@code
   * error}. Several armed failures are used in the order armed. Thread-safe.
   */
  public void failNextCall(HomeportException error) {
    Objects.requireNonNull(error, "error");
    synchronized (lock) {
      failures.add(error);
    }
  }

  /**
   * Expires every open session: each emits SESSION_EXPIRED, its publishers end with {@link
   * dev.homeport.ports.SessionExpiredException}, and its queries fail with it. New sessions may be
   * opened afterwards (use {@link #rejectCredentials} to refuse them too).
   */
  public void expireSession() {
    for (InMemorySmartHomeSession session : sessions) {
      session.expire();
    }
  }

  /**
   * Drops and restores the connection of every open session at once: each emits RECONNECTING, then
   * AUTHENTICATED with {@code eventsMayBeMissing = true}. Equivalent to {@code
   * simulateDisconnect(() -> {})}.
   */
  public void simulateDisconnect() {
    simulateDisconnect(() -> {});
  }

  /**
   * Drops the connection of every open session, runs {@code whileDisconnected} (e.g. publishing
   * messages, which are then lost), and reconnects: sessions emit RECONNECTING, then AUTHENTICATED
   * with {@code eventsMayBeMissing = true}. The sessions reconnect even if the action throws.
   */
  public void simulateDisconnect(Runnable whileDisconnected) {
    Objects.requireNonNull(whileDisconnected, "whileDisconnected");
    beginDisconnect();
    try {
      whileDisconnected.run();
    } finally {
      endDisconnect();
    }
  }

  /**
   * Drops the connection of every open session: each emits RECONNECTING and receives nothing until
   * {@link #endDisconnect()}. Queries meanwhile fail with a retryable {@link
   * dev.homeport.ports.TransportException}.
   */
  public void beginDisconnect() {
    for (InMemorySmartHomeSession session : sessions) {
      session.disconnect();
    }
  }

  /** Reconnects sessions dropped by {@link #beginDisconnect()}: each emits AUTHENTICATED with a gap notice. */
  public void endDisconnect() {
    for (InMemorySmartHomeSession session : sessions) {
      session.reconnect();
    }
  }

  /** The sessions open now (not closed, not expired). An immutable snapshot. */
  public List<InMemorySmartHomeSession> openSessions() {
    List<InMemorySmartHomeSession> open = new ArrayList<>();
    for (InMemorySmartHomeSession session : sessions) {
      if (session.isOpen()) {
        open.add(session);
      }
    }
    return List.copyOf(open);
  }

  // ---------------------------------------------------------------- for sessions

  HomeportException takeFailure() {
    synchronized (lock) {
      return failures.poll();
    }
  }

  User user() {
    return user;
  }

  List<Location> locations() {
    synchronized (lock) {
      return List.copyOf(locations.values());
    }
  }

  List<Room> rooms(LocationId locationId) {
    synchronized (lock) {
      requireKnown(locationId);
      return List.copyOf(rooms.get(locationId).values());
    }
  }

  List<Device> devices(LocationId locationId) {
    synchronized (lock) {
      requireKnown(locationId);
      List<Device> found = new ArrayList<>();
      for (Device device : devices.values()) {
        if (device.locationId().equals(locationId)) {
          found.add(device);
        }
      }
      return List.copyOf(found);
    }
  }

  private void requireKnown(LocationId locationId) {
    if (!locations.containsKey(locationId)) {
      throw new ServiceCallException("NotFound", 404, "No record found for location " + locationId);
    }
  }

  void forget(InMemorySmartHomeSession session) {
    sessions.remove(session);
  }

  /**
   * Builds an {@link InMemorySmartHome}. Defaults: the system UTC clock; user {@code user-1} named
   * {@code user@example.com}; a session length of 8 hours with stay-logged-in; 256 items buffered
   * per subscriber; {@link OverflowPolicy#BACKPRESSURE} (as the SmartThings adapter); direct delivery on the publishing
   * thread ({@code Runnable::run}). Not thread-safe; build once.
   */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private User user =
        ImmutableUser.builder()
            .id(UserId.of("user-1"))
            .userName("user@example.com")
            .fullName("In-Memory User")
            .email("user@example.com")
            .countryCode("US")
            .addScopes("r:devices:*", "r:locations:*")
            .build();
    private Duration sessionLength = Duration.ofHours(8);
    private boolean stayLoggedIn = true;
    private int bufferSize = 256;
    private OverflowPolicy overflowPolicy = OverflowPolicy.BACKPRESSURE;
    private Executor executor = Runnable::run;

    private Builder() {}

    /** The clock for lifecycle event times. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The account holder that sessions authenticate as and {@code user()} answers. */
    public Builder user(User user) {
      this.user = Objects.requireNonNull(user, "user");
      return this;
    }

    /**
     * The session length reported in {@link SessionInfo}.
     *
     * @throws IllegalArgumentException if null or negative
     */
    public Builder sessionLength(Duration length) {
      if (length == null || length.isNegative()) {
        throw new IllegalArgumentException("sessionLength must be zero or more, was " + length);
      }
      this.sessionLength = length;
      return this;
    }

    /** Whether {@link SessionInfo#stayLoggedIn()} is reported. */
    public Builder stayLoggedIn(boolean stayLoggedIn) {
      this.stayLoggedIn = stayLoggedIn;
      return this;
    }

    /**
     * Items buffered per subscriber before the overflow policy applies.
     *
     * @throws IllegalArgumentException if below 1
     */
    public Builder bufferSize(int bufferSize) {
      if (bufferSize < 1) {
        throw new IllegalArgumentException("bufferSize must be at least 1, was " + bufferSize);
      }
      this.bufferSize = bufferSize;
      return this;
    }

    /** What happens to a subscriber whose buffer is full, for subscriptions that do not choose. */
    public Builder overflowPolicy(OverflowPolicy policy) {
      this.overflowPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** Runs delivery to subscribers (default {@code Runnable::run}: on the publishing thread). */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /** A new, empty smart home with this configuration. */
    public InMemorySmartHome build() {
      return new InMemorySmartHome(this);
    }
  }
}
