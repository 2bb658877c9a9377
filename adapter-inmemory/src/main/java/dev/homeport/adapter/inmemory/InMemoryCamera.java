package dev.homeport.adapter.inmemory;

import dev.homeport.adapter.inmemory.internal.CameraFaults;
import dev.homeport.adapter.inmemory.internal.CameraState;
import dev.homeport.adapter.inmemory.internal.DaemonScheduler;
import dev.homeport.domain.FieldMap;
import dev.homeport.domain.camera.CameraCommand;
import dev.homeport.domain.camera.CameraInfo;
import dev.homeport.domain.camera.CloudInfo;
import dev.homeport.domain.camera.DetectionEvent;
import dev.homeport.domain.camera.FormatSdCard;
import dev.homeport.domain.camera.GetCameraInfo;
import dev.homeport.domain.camera.GetSetting;
import dev.homeport.domain.camera.GetSnapshot;
import dev.homeport.domain.camera.GetStreamUri;
import dev.homeport.domain.camera.GetThumbnailLink;
import dev.homeport.domain.camera.GoToPreset;
import dev.homeport.domain.camera.ImmutableCameraInfo;
import dev.homeport.domain.camera.ImmutableCloudInfo;
import dev.homeport.domain.camera.ImmutableSdCardState;
import dev.homeport.domain.camera.ListDetections;
import dev.homeport.domain.camera.Move;
import dev.homeport.domain.camera.NightVisionMode;
import dev.homeport.domain.camera.Position;
import dev.homeport.domain.camera.Preset;
import dev.homeport.domain.camera.RawCommand;
import dev.homeport.domain.camera.Resolution;
import dev.homeport.domain.camera.Rotation;
import dev.homeport.domain.camera.SavePreset;
import dev.homeport.domain.camera.SdCardState;
import dev.homeport.domain.camera.Sensitivity;
import dev.homeport.domain.camera.SetPosition;
import dev.homeport.domain.camera.Setting;
import dev.homeport.domain.camera.Snapshot;
import dev.homeport.domain.camera.Stop;
import dev.homeport.domain.camera.TimeZoneSetting;
import dev.homeport.domain.camera.TriggerTime;
import dev.homeport.domain.camera.VodState;
import dev.homeport.ports.AuthenticationException;
import dev.homeport.ports.CameraCommandException;
import dev.homeport.ports.ClosedException;
import dev.homeport.ports.HomeportException;
import dev.homeport.ports.RequestTimeoutException;
import dev.homeport.ports.TransportException;
import dev.homeport.ports.UnsupportedCommandException;
import dev.homeport.ports.camera.BatchResult;
import dev.homeport.ports.camera.AbstractCamera;
import dev.homeport.ports.camera.Camera;
import dev.homeport.ports.camera.CameraCapabilities;
import dev.homeport.ports.camera.CommandOutcome;
import dev.homeport.ports.camera.ImmutableCameraCapabilities;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A faithful in-memory {@link Camera}: it keeps a value for every {@link Setting}, a pan/tilt
 * position, four presets, an SD card with recorded detections, a cloud link, a clock and a time zone,
 * and answers every {@link CameraCommand} from that state, as a real camera would.
 *
 * <p><b>Answers.</b> By default every command is answered synchronously: {@link #execute} returns an
 * already-completed future. With {@link #setLatency(Duration)} the answer completes after that delay
 * on a scheduler (the command takes effect at once; only the answer is late); when a
 * {@linkplain Builder#requestTimeout(Duration) request timeout} is configured and the latency exceeds
 * it, the future fails with {@link RequestTimeoutException} after the timeout instead.
 *
 * <p><b>Failures</b>, checked in this order for each request: {@link ClosedException} after
 * {@link #close()}; {@link TransportException} (retryable) while {@linkplain #setUnreachable
 * unreachable}; {@link AuthenticationException} while {@linkplain #rejectCredentials rejecting
 * credentials}; then per command: a fault armed with {@link #failNext}; {@link
 * UnsupportedCommandException} for commands outside {@link #capabilities()} and for raw commands
 * without a handler ({@link #onRaw}); {@link CameraCommandException} when the camera refuses (e.g.
 * going to a preset that is not saved, saving a preset when 64 are saved,
 * formatting a missing SD card). The first three, and armed
 * faults that are {@link TransportException}s or {@link AuthenticationException}s, fail a whole
 * {@link #executeAll batch}; every other failure is reported in the command's own outcome.
 *
 * <p><b>Motion.</b> {@link Move} moves the position by {@code speed * }{@value #STEP_PER_SPEED}
 * steps at once (LEFT decreases x, RIGHT increases x, DOWN decreases y, UP increases y), clamped to
 * 0..{@value Position#MAX}; {@link Stop} ends the motion; {@link GoToPreset} moves to the preset's
 * position; {@link SavePreset} saves the current position under the lowest free number and answers
 * that number as the token; {@link SetPosition} moves to the target.
 *
 * <p><b>Clock.</b> The camera clock follows the injected {@link Clock}; setting {@link
 * Setting#CLOCK} stores an offset from it, so the camera clock keeps running. Times are reported to
 * the second.
 *
 * <p>Thread-safe: commands, fault switches and peeks may be used from any thread; state changes are
 * atomic per command (a batch is applied in order, atomically). Deterministic: no sleeps, no hidden
 * threads unless a latency is set.
 *
 * <p>Inside, three parts on their own seams: the state and what each command does to it ({@code
 * CameraState}), the fault plan ({@code CameraFaults}: armed faults, unreachable, rejected
 * credentials, latency), and this camera, which serialises both under one lock, records what it
 * executed and delivers answers (late, with a latency).
 */
public final class InMemoryCamera extends AbstractCamera {

  /** Pan/tilt steps moved per unit of {@link Move#speed()}. */
  public static final int STEP_PER_SPEED = CameraState.STEP_PER_SPEED;

  private final String name;
  private final CameraCapabilities capabilities;
  private final Duration requestTimeout;
  private final ScheduledExecutorService injectedScheduler;
  private final Object lock = new Object();

  // Guarded by lock.
  private final CameraState state;
  private final List<CameraCommand<?>> executed = new ArrayList<>();
  private final Set<CompletableFuture<?>> pending = new HashSet<>(); // delayed answers
  private ScheduledExecutorService ownScheduler;

  private final CameraFaults faults;

  private InMemoryCamera(Builder builder) {
    super(builder.name);
    this.name = builder.name;
    this.capabilities = builder.capabilities;
    this.requestTimeout = builder.requestTimeout;
    this.injectedScheduler = builder.scheduler;
    this.faults = new CameraFaults(builder.latency);
    this.state = new CameraState(
        builder.name,
        builder.clock,
        builder.capabilities,
        AbstractCamera::describe,
        builder.info != null ? builder.info : defaultInfo(builder.name),
        builder.settings,
        builder.clockSetting,
        builder.position,
        builder.presets,
        builder.sdCard,
        builder.cloud,
        builder.thumbnailLink != null
            ? builder.thumbnailLink
            : URI.create("https://thumbnails.inmemory.invalid/" + slug(builder.name) + "/latest.jpg"),
        builder.streamUri != null
            ? builder.streamUri
            : URI.create("rtsp://streams.inmemory.invalid/" + slug(builder.name) + "/stream1"),
        builder.snapshot != null ? builder.snapshot : defaultSnapshot(builder.name));
  }

  /** A builder with sensible defaults for every setting and value; see {@link Builder}. */
  public static Builder builder() {
    return new Builder();
  }

  /** The command types and settings this camera supports, as configured in the builder. */
  @Override
  public CameraCapabilities capabilities() {
    return capabilities;
  }

  /**
   * Executes one command against the in-memory state.
   *
   * @return an already-completed future (without latency), or one completed on the scheduler;
   *     failures as described in the class documentation
   */
  @Override
  protected <R> CompletableFuture<R> send(CameraCommand<R> command) {
    CompletableFuture<R> answer = new CompletableFuture<>();
    try {
      checkConnection();
      Object result;
      synchronized (lock) {
        HomeportException fault = faults.take(command);
        if (fault != null) {
          if (!CameraFaults.failsWholeRequest(fault)) {
            executed.add(command);
          }
          throw fault;
        }
        executed.add(command);
        result = state.apply(command);
      }
      @SuppressWarnings("unchecked")
      R typed = (R) result;
      deliver(answer, typed, null);
    } catch (HomeportException e) {
      deliver(answer, null, e);
    }
    return answer;
  }

  /** Executes the commands in order, atomically, reporting each command's outcome (a native batch). */
  @Override
  protected CompletableFuture<BatchResult> sendAll(List<CameraCommand<?>> batch) {
    CompletableFuture<BatchResult> answer = new CompletableFuture<>();
    try {
      checkConnection();
      List<CommandOutcome<?>> outcomes = new ArrayList<>(batch.size());
      synchronized (lock) {
        // A fault that fails the whole request is thrown here, consuming only itself.
        List<HomeportException> armed = faults.takeForBatch(batch);
        for (int i = 0; i < batch.size(); i++) {
          outcomes.add(applyForOutcome(batch.get(i), armed.get(i)));
        }
      }
      deliver(answer, new BatchResult(outcomes), null);
    } catch (HomeportException e) {
      deliver(answer, null, e);
    }
    return answer;
  }

  private <R> CommandOutcome<R> applyForOutcome(CameraCommand<R> command, HomeportException fault) {
    executed.add(command);
    if (fault != null) {
      return CommandOutcome.failure(command, fault);
    }
    try {
      @SuppressWarnings("unchecked")
      R result = (R) state.apply(command);
      return CommandOutcome.success(command, result);
    } catch (HomeportException e) {
      return CommandOutcome.failure(command, e);
    }
  }

  private void checkConnection() {
    if (isClosed()) {
      throw closedException();
    }
    HomeportException failure = faults.connectionFailure(name);
    if (failure != null) {
      throw failure;
    }
  }

  private <R> void deliver(CompletableFuture<R> answer, R value, HomeportException error) {
    Duration delay = faults.latency();
    if (delay.isZero() || error instanceof ClosedException) {
      complete(answer, value, error);
      return;
    }
    ScheduledExecutorService scheduler;
    synchronized (lock) {
      if (isClosed()) {
        answer.completeExceptionally(new ClosedException("camera " + name + " was closed while a command was pending"));
        return;
      }
      pending.add(answer);
      scheduler = schedulerLocked();
    }
    answer.whenComplete((ignored, failure) -> {
      synchronized (lock) {
        pending.remove(answer);
      }
    });
    try {
      if (requestTimeout != null && delay.compareTo(requestTimeout) > 0) {
        scheduler.schedule(
            () -> answer.completeExceptionally(
                new RequestTimeoutException(
                    "camera " + name + " did not answer within " + requestTimeout, null)),
            requestTimeout.toNanos(),
            TimeUnit.NANOSECONDS);
      } else {
        scheduler.schedule(() -> complete(answer, value, error), delay.toNanos(), TimeUnit.NANOSECONDS);
      }
    } catch (RejectedExecutionException e) {
      // Closed meanwhile (our scheduler shut down) or an injected scheduler refused the task.
      answer.completeExceptionally(
          new ClosedException("camera " + name + " could not schedule its answer: closed or scheduler shut down"));
    }
  }

  private static <R> void complete(CompletableFuture<R> answer, R value, HomeportException error) {
    if (error != null) {
      answer.completeExceptionally(error);
    } else {
      answer.complete(value);
    }
  }

  /** The scheduler for delayed answers; caller holds the lock and has checked the camera is open. */
  private ScheduledExecutorService schedulerLocked() {
    if (injectedScheduler != null) {
      return injectedScheduler;
    }
    if (ownScheduler == null) {
      ownScheduler = DaemonScheduler.create("homeport-inmemory-camera-" + name);
    }
    return ownScheduler;
  }

  /** A tiny JPEG-framed image (SOI, a comment naming the camera, EOI). */
  private static Snapshot defaultSnapshot(String name) {
    byte[] text = ("homeport in-memory snapshot of " + name).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    int length = Math.min(text.length, 200) + 2;
    byte[] jpeg = new byte[4 + length + 2];
    jpeg[0] = (byte) 0xFF;
    jpeg[1] = (byte) 0xD8;
    jpeg[2] = (byte) 0xFF;
    jpeg[3] = (byte) 0xFE;
    jpeg[4] = (byte) (length >>> 8);
    jpeg[5] = (byte) length;
    System.arraycopy(text, 0, jpeg, 6, length - 2);
    jpeg[jpeg.length - 2] = (byte) 0xFF;
    jpeg[jpeg.length - 1] = (byte) 0xD9;
    return new Snapshot("image/jpeg", jpeg);
  }

  // ---------------------------------------------------------------- test and simulator API

  /**
   * The current value of {@code setting}, read directly (no command, no fault, not recorded).
   * Works even after {@link #close()}.
   */
  public <T> T peek(Setting<T> setting) {
    Objects.requireNonNull(setting, "setting");
    synchronized (lock) {
      return setting.valueType().cast(state.currentValue(setting));
    }
  }

  /** The current pan/tilt position, read directly. */
  public Position peekPosition() {
    synchronized (lock) {
      return state.position();
    }
  }

  /** Whether the last pan/tilt action was a {@link Move} not yet followed by a stop or a target. */
  public boolean isMoving() {
    synchronized (lock) {
      return state.moving();
    }
  }

  /** How many times {@link dev.homeport.domain.camera.Reboot} was executed, read directly. */
  public int reboots() {
    synchronized (lock) {
      return state.reboots();
    }
  }

  /** The recorded detections, oldest first, read directly. */
  public List<DetectionEvent> detections() {
    synchronized (lock) {
      return state.detections();
    }
  }

  /**
   * Every command this camera processed, in order, whether it succeeded or failed on its own
   * (refused, a raw command without a handler, or an armed {@link CameraCommandException}-like
   * fault). Commands outside {@link #capabilities()} are refused by the camera base before they are
   * processed, so they are not listed; nor are requests that failed as a whole: closed,
   * unreachable, credentials rejected, or an armed {@link TransportException} or {@link
   * AuthenticationException}. An immutable snapshot.
   */
  public List<CameraCommand<?>> executedCommands() {
    synchronized (lock) {
      return List.copyOf(executed);
    }
  }

  /** Forgets the {@link #executedCommands()} recorded so far. */
  public void clearExecutedCommands() {
    synchronized (lock) {
      executed.clear();
    }
  }

  /**
   * Records a detection, as if the camera had detected something; {@link ListDetections} lists it
   * and {@link FormatSdCard} erases it.
   *
   * @throws NullPointerException if {@code event} is null
   */
  public void addDetection(DetectionEvent event) {
    Objects.requireNonNull(event, "event");
    synchronized (lock) {
      state.addDetection(event);
    }
  }

  /**
   * Teaches the camera a raw command: {@code RawCommand(operation, params)} is answered with
   * {@code handler.apply(params)} (null means no fields). A handler that throws a {@link
   * HomeportException} fails the command with it; an {@link IllegalArgumentException} becomes a
   * {@link CameraCommandException} with code -40409 (parameter value error); any other exception one
   * with code -40602. Handlers run while the camera's state lock is held: keep them short and do not
   * call back into this camera from another thread. Replaces an earlier handler.
   *
   * @return this camera, for chaining
   * @param operation the operation as the brand in front spells it (Kasa: {@code module.method})
   * @throws IllegalArgumentException if the operation is not a valid raw operation name
   */
  public InMemoryCamera onRaw(String operation, Function<FieldMap, FieldMap> handler) {
    RawCommand.of(operation); // validates the name with the domain's message
    Objects.requireNonNull(handler, "handler");
    synchronized (lock) {
      state.onRaw(operation, handler);
    }
    return this;
  }

  /**
   * Arms a one-shot fault: the next command matching {@code which} fails with {@code error} (and
   * has no effect). Armed faults form a FIFO queue: a command takes the oldest fault it matches.
   * Thread-safe.
   *
   * @throws NullPointerException if an argument is null
   */
  public void failNext(Predicate<CameraCommand<?>> which, HomeportException error) {
    Objects.requireNonNull(which, "which");
    Objects.requireNonNull(error, "error");
    synchronized (lock) {
      faults.arm(which, error);
    }
  }

  /** Arms a one-shot fault for the next command, whatever it is; see {@link #failNext(Predicate, HomeportException)}. */
  public void failNext(HomeportException error) {
    failNext(command -> true, error);
  }

  /** The number of armed faults not yet triggered. */
  public int armedFaultCount() {
    return faults.armedCount();
  }

  /**
   * While {@code true}, every request fails with a retryable {@link TransportException}, as if the
   * camera were off the network. Thread-safe.
   */
  public void setUnreachable(boolean unreachable) {
    faults.unreachable(unreachable);
  }

  /** While {@code true}, every request fails with {@link AuthenticationException}. Thread-safe. */
  public void rejectCredentials(boolean reject) {
    faults.rejectCredentials(reject);
  }

  /**
   * Delays every answer (successes and failures) by {@code latency}; zero answers synchronously.
   * Thread-safe; applies to requests made afterwards.
   *
   * @throws IllegalArgumentException if {@code latency} is null or negative
   */
  public void setLatency(Duration latency) {
    faults.latency(checkLatency("latency", latency));
  }

  /** Changes what {@link GetSnapshot} answers (e.g. a large image, to test size caps). */
  public void setSnapshot(Snapshot image) {
    Objects.requireNonNull(image, "image");
    synchronized (lock) {
      state.snapshot(image);
    }
  }

  /** Replaces the SD card state (e.g. {@code absent} or {@code error}). */
  public void setSdCardState(SdCardState state) {
    Objects.requireNonNull(state, "state");
    synchronized (lock) {
      this.state.sdCard(state);
    }
  }

  /** Replaces the cloud link state. */
  public void setCloudInfo(CloudInfo state) {
    Objects.requireNonNull(state, "state");
    synchronized (lock) {
      this.state.cloud(state);
    }
  }

  /** Marks a video-on-demand player as occupied or free. */
  public void setVodOccupied(String playerId, boolean occupied) {
    new VodState(playerId, occupied); // validates playerId
    synchronized (lock) {
      state.vodOccupied(playerId, occupied);
    }
  }

  @Override
  protected ClosedException closedException() {
    return new ClosedException("camera " + name + " is closed");
  }

  /**
   * On {@link #close()}: later requests fail with {@link ClosedException}, pending delayed answers
   * fail with it too, and a scheduler the camera created is shut down. State stays readable through
   * {@link #peek}.
   */
  @Override
  protected void onClose(ClosedException reason) {
    List<CompletableFuture<?>> toFail;
    ScheduledExecutorService toShutDown;
    synchronized (lock) {
      toFail = new ArrayList<>(pending);
      pending.clear();
      toShutDown = ownScheduler;
    }
    for (CompletableFuture<?> future : toFail) {
      future.completeExceptionally(
          new ClosedException("camera " + name + " was closed while a command was pending"));
    }
    if (toShutDown != null) {
      toShutDown.shutdownNow();
    }
  }

  @Override
  public String toString() {
    return "InMemoryCamera[" + name + "]";
  }

  // ---------------------------------------------------------------- defaults

  private static Duration checkLatency(String field, Duration value) {
    if (value == null || value.isNegative()) {
      throw new IllegalArgumentException(field + " must be zero or positive, was " + value);
    }
    return value;
  }

  private static String slug(String name) {
    return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]+", "-");
  }

  /** The info a camera named {@code name} reports by default. */
  static CameraInfo defaultInfo(String name) {
    int hash = name.hashCode();
    String mac =
        String.format(
            "50-C7-BF-%02X-%02X-%02X", (hash >>> 16) & 0xff, (hash >>> 8) & 0xff, hash & 0xff);
    return ImmutableCameraInfo.builder()
        .alias(name)
        .model("InMemory(EU)")
        .type("IOT.IPCAMERA")
        .softwareVersion("1.0.0 Build 260101 Rel.00000")
        .hardwareVersion("1.0")
        .mac(mac)
        .deviceId(String.format("80%038X", Integer.toUnsignedLong(hash)))
        .build();
  }

  /** The value of every setting a new camera starts with (the clock excepted: it follows the Clock). */
  static Map<Setting<?>, Object> defaultSettings() {
    Map<Setting<?>, Object> values = new LinkedHashMap<>();
    values.put(Setting.POWER, Boolean.TRUE);
    values.put(Setting.RECORD_VIDEO, Boolean.TRUE);
    values.put(Setting.RECORD_AUDIO, Boolean.TRUE);
    values.put(Setting.MOTION_DETECTION, Boolean.TRUE);
    values.put(Setting.MOTION_SENSITIVITY, Sensitivity.MEDIUM);
    values.put(Setting.MOTION_TRIGGER_TIME, TriggerTime.ofMillis(1000, 1000));
    values.put(Setting.BABY_CRY_DETECTION, Boolean.FALSE);
    values.put(Setting.PERSON_DETECTION, Boolean.FALSE);
    values.put(Setting.SOUND_DETECTION, Boolean.FALSE);
    values.put(Setting.SOUND_SENSITIVITY, Sensitivity.MEDIUM);
    values.put(Setting.MOTION_TRACKING, Boolean.FALSE);
    values.put(Setting.PATROL, Boolean.FALSE);
    values.put(Setting.RESOLUTION, Resolution.P1080);
    values.put(Setting.ROTATION, Rotation.NONE);
    values.put(Setting.NIGHT_VISION, NightVisionMode.AUTO);
    values.put(Setting.STATUS_LED, Boolean.TRUE);
    values.put(Setting.DO_NOT_DISTURB, Boolean.FALSE);
    values.put(Setting.TIME_ZONE, new TimeZoneSetting("UTC+00:00", "Etc/UTC"));
    return values;
  }

  /**
   * Builds an {@link InMemoryCamera}. Defaults: name {@code camera}, the system UTC clock, an info
   * derived from the name, every capability, no latency, no request timeout; settings: power on,
   * video and audio recording on, motion detection on (medium, 1000/1000 ms), baby-cry, person and
   * sound detection off (sound sensitivity medium), motion tracking and patrol off, 1920x1080, no
   * rotation, night vision auto, status LED on, do-not-disturb off, time zone {@code
   * UTC+00:00/Etc/UTC}, clock from the {@link Clock}; position (5000, 5000); presets 1..4 named
   * {@code Preset 1}..{@code Preset 4} at the four quarter points; an {@code ok}, unencrypted 32 GiB
   * SD card; a connected, bound cloud link. Not thread-safe; build once.
   */
  public static final class Builder {
    private String name = "camera";
    private Clock clock = Clock.systemUTC();
    private CameraInfo info;
    private CameraCapabilities capabilities = CameraCapabilities.all();
    private Duration requestTimeout;
    private Duration latency = Duration.ZERO;
    private ScheduledExecutorService scheduler;
    private final Map<Setting<?>, Object> settings = defaultSettings();
    private Instant clockSetting;
    private Position position = new Position(Position.MAX / 2, Position.MAX / 2);
    private final TreeMap<Integer, CameraState.SavedPreset> presets = new TreeMap<>();
    private SdCardState sdCard =
        ImmutableSdCardState.builder()
            .status("ok")
            .encrypted(false)
            .totalBytes(32L * 1024 * 1024 * 1024)
            .freeBytes(30L * 1024 * 1024 * 1024)
            .build();
    private CloudInfo cloud =
        ImmutableCloudInfo.builder().connected(true).bound(true).server("cloud.inmemory.invalid").build();
    private URI thumbnailLink;
    private URI streamUri;
    private Snapshot snapshot;

    private Builder() {
      int quarter = Position.MAX / 4;
      presets.put(1, new CameraState.SavedPreset("Preset 1", new Position(quarter, quarter)));
      presets.put(2, new CameraState.SavedPreset("Preset 2", new Position(3 * quarter, quarter)));
      presets.put(3, new CameraState.SavedPreset("Preset 3", new Position(quarter, 3 * quarter)));
      presets.put(4, new CameraState.SavedPreset("Preset 4", new Position(3 * quarter, 3 * quarter)));
    }

    /**
     * The camera's name (what {@link InMemoryCamera#name()} returns).
     *
     * @throws IllegalArgumentException if null or blank
     */
    public Builder name(String name) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("camera name must be non-blank, was " + (name == null ? "null" : "\"" + name + "\""));
      }
      this.name = name;
      return this;
    }

    /** The clock the camera clock follows (default: system UTC). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** What {@link GetCameraInfo} answers (default: derived from the name). */
    public Builder info(CameraInfo info) {
      this.info = Objects.requireNonNull(info, "info");
      return this;
    }

    /** Restricts what the camera supports (default: {@link CameraCapabilities#all()}). */
    public Builder capabilities(CameraCapabilities capabilities) {
      this.capabilities = Objects.requireNonNull(capabilities, "capabilities");
      return this;
    }

    /**
     * Removes command types from the capabilities (e.g. {@code Move.class, GoToPreset.class} for a
     * camera without pan/tilt). Saves the unchecked casts that generic command types such as {@code
     * GetSetting.class} need with {@link CameraCapabilities}' builder.
     *
     * @throws IllegalArgumentException if a type is not a {@link CameraCommand} type
     */
    public Builder withoutCommands(Class<?>... commandTypes) {
      Set<Class<?>> removed = new HashSet<>();
      for (Class<?> type : commandTypes) {
        if (type == null || !CameraCommand.class.isAssignableFrom(type) || type == CameraCommand.class) {
          throw new IllegalArgumentException(
              "commandTypes must be CameraCommand record types such as Move.class, was " + type);
        }
        removed.add(type);
      }
      this.capabilities =
          ImmutableCameraCapabilities.copyOf(capabilities)
              .withCommandTypes(
                  capabilities.commandTypes().stream().filter(type -> !removed.contains(type)).toList());
      return this;
    }

    /** Removes settings from the capabilities: reading or changing them fails as unsupported. */
    public Builder withoutSettings(Setting<?>... settings) {
      Set<Setting<?>> removed = new HashSet<>(List.of(settings));
      this.capabilities =
          ImmutableCameraCapabilities.copyOf(capabilities)
              .withSettings(capabilities.settings().stream().filter(setting -> !removed.contains(setting)).toList());
      return this;
    }

    /**
     * Answers delayed by more than this fail with {@link RequestTimeoutException} once it has
     * passed (default: none, answers wait as long as the latency).
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder requestTimeout(Duration timeout) {
      if (timeout == null || timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("requestTimeout must be positive, was " + timeout);
      }
      this.requestTimeout = timeout;
      return this;
    }

    /**
     * The initial latency; see {@link InMemoryCamera#setLatency(Duration)}.
     *
     * @throws IllegalArgumentException if null or negative
     */
    public Builder latency(Duration latency) {
      this.latency = checkLatency("latency", latency);
      return this;
    }

    /**
     * The scheduler that completes delayed answers (default: one daemon thread, created on first
     * need and shut down on close). An injected scheduler is never shut down by the camera.
     */
    public Builder scheduler(ScheduledExecutorService scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    /**
     * The initial value of {@code setting}; for {@link Setting#CLOCK}, the camera clock at build
     * time (it then runs with the {@link Clock}).
     *
     * @throws IllegalArgumentException if the value is null or of the wrong type
     */
    public <T> Builder setting(Setting<T> setting, T value) {
      Objects.requireNonNull(setting, "setting");
      T checked = setting.validate(value);
      if (setting == Setting.CLOCK) {
        clockSetting = (Instant) checked;
      } else {
        settings.put(setting, checked);
      }
      return this;
    }

    /** The initial pan/tilt position. */
    public Builder position(Position position) {
      this.position = Objects.requireNonNull(position, "position");
      return this;
    }

    /**
     * Saves preset {@code index} with a name and position, replacing the default one.
     *
     * @throws IllegalArgumentException if index is not 1..4 (the numbered presets Kasa has; its
     *     token is the decimal number) or name is null
     */
    public Builder preset(int index, String name, Position position) {
      if (index < 1 || index > 4) {
        throw new IllegalArgumentException("preset must be 1..4, was " + index);
      }
      Preset checked = new Preset(index, name);
      presets.put(index, new CameraState.SavedPreset(checked.name(), Objects.requireNonNull(position, "position")));
      return this;
    }

    /** Removes every preset (going to an unsaved preset fails with {@link CameraCommandException} -40409). */
    public Builder noPresets() {
      presets.clear();
      return this;
    }

    /** The initial SD card state. */
    public Builder sdCard(SdCardState state) {
      this.sdCard = Objects.requireNonNull(state, "state");
      return this;
    }

    /** The initial cloud link state. */
    public Builder cloud(CloudInfo state) {
      this.cloud = Objects.requireNonNull(state, "state");
      return this;
    }

    /** What {@link GetThumbnailLink} answers (default: a link under {@code thumbnails.inmemory.invalid}). */
    public Builder thumbnailLink(URI link) {
      this.thumbnailLink = Objects.requireNonNull(link, "link");
      return this;
    }

    /** What {@link GetStreamUri} answers (default: {@code rtsp://streams.inmemory.invalid/<name>/stream1}). */
    public Builder streamUri(URI uri) {
      this.streamUri = Objects.requireNonNull(uri, "uri");
      return this;
    }

    /** What {@link GetSnapshot} answers (default: a tiny JPEG naming the camera). */
    public Builder snapshot(Snapshot image) {
      this.snapshot = Objects.requireNonNull(image, "image");
      return this;
    }

    /** A new camera with this configuration. */
    public InMemoryCamera build() {
      return new InMemoryCamera(this);
    }
  }
}
