package dev.homeport.bridge.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.homeport.domain.camera.CameraCommand;
import dev.homeport.domain.camera.CameraEvent;
import dev.homeport.domain.camera.GetSnapshot;
import dev.homeport.domain.camera.Snapshot;
import dev.homeport.domain.camera.CameraInfo;
import dev.homeport.domain.camera.GetCameraInfo;
import dev.homeport.domain.camera.GetPosition;
import dev.homeport.domain.camera.GetSdCardState;
import dev.homeport.domain.camera.GetSetting;
import dev.homeport.domain.camera.ListPresets;
import dev.homeport.domain.camera.Position;
import dev.homeport.domain.camera.Preset;
import dev.homeport.domain.camera.SdCardState;
import dev.homeport.domain.camera.Setting;
import dev.homeport.domain.camera.TriggerTime;
import dev.homeport.ports.HomeportException;
import dev.homeport.ports.camera.BatchResult;
import dev.homeport.ports.camera.Camera;
import dev.homeport.ports.camera.CameraCapabilities;
import dev.homeport.ports.camera.CommandOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One camera on MQTT: polls its state and publishes it retained when it changed, keeps its
 * availability (offline while unreachable, retried in the background with back-off), announces its
 * entities, and runs commands from {@code <base>/<camera>/set}, requests and rules. Confined to the
 * bridge's thread; camera futures hop back onto it.
 */
public final class CameraNode {

  private static final Logger LOG = LoggerFactory.getLogger(CameraNode.class);

  private final Camera camera;
  private final String name;
  private final BridgeContext context;
  private CameraCapabilities capabilities;
  private ObjectNode state = Json.object();
  private Optional<CameraInfo> info = Optional.empty();
  private List<Preset> presets = List.of();
  private Boolean online;
  private Duration retryDelay;
  private ScheduledFuture<?> nextPoll;
  private boolean polling;
  private boolean pollAgain;
  private final List<Consumer<String>> afterPoll = new ArrayList<>();
  private List<Consumer<String>> answering = List.of();
  private Set<String> entityTopics = Set.of();
  private boolean closed;
  private final CameraDetections detections;
  private final java.util.Map<CameraEvent.Kind, Boolean> detected = new java.util.EnumMap<>(CameraEvent.Kind.class);
  private BiConsumer<String, String> onDetection = (camera, kind) -> {};
  private ScheduledFuture<?> snapshots;
  private boolean snapshotting;
  private boolean snapshotAgain;
  private boolean snapshotFailing;

  public CameraNode(Camera camera, BridgeContext context) {
    this.camera = camera;
    this.name = camera.name();
    this.context = context;
    this.capabilities = camera.capabilities();
    this.retryDelay = context.config().retryInitialDelay();
    this.detections = new CameraDetections(camera, context, this::detection, this::announce);
  }

  /** Who hears each detection start ({@code camera}, {@code motion}/{@code person}/{@code tamper}): the rules. */
  public void onDetection(BiConsumer<String, String> listener) {
    this.onDetection = listener;
  }

  /** Whether the camera's event stream is open and has not said it has no events. */
  public boolean reportsDetections() {
    return detections.supported();
  }

  /** The camera's name (its topic level). */
  public String name() {
    return name;
  }

  /** Whether the last poll reached the camera (empty before the first). */
  public Optional<Boolean> online() {
    return Optional.ofNullable(online);
  }

  /** The last known state (a copy). */
  public ObjectNode state() {
    return state.deepCopy();
  }

  /** The discovery topics this camera announces now. */
  public Set<String> entityTopics() {
    return entityTopics;
  }

  /** Announces the entities and starts polling. */
  public void start() {
    announce();
    schedulePoll(Duration.ZERO);
    detections.start();
    {
      // always scheduled: a brand may learn what the camera supports at its first answer (ONVIF)
      long every = context.config().snapshotInterval().toMillis();
      snapshots = context.loop().scheduleWithFixedDelay(this::snapshotNow, 0, every, TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Takes a snapshot now and publishes its bytes retained on {@code <base>/<camera>/snapshot}; one
   * at a time (a request meanwhile takes one more after it).
   */
  public void snapshotNow() {
    if (closed || !capabilities.commandTypes().contains(GetSnapshot.class)) {
      return;
    }
    if (snapshotting) {
      snapshotAgain = true;
      return;
    }
    snapshotting = true;
    CompletableFuture<Snapshot> future;
    try {
      future = camera.execute(new GetSnapshot(context.config().maxSnapshotBytes()));
    } catch (RuntimeException e) {
      future = CompletableFuture.failedFuture(e);
    }
    future.whenCompleteAsync(
        (snapshot, failure) -> {
          snapshotting = false;
          if (closed) {
            return;
          }
          if (failure != null) {
            context.counters().increment("camera.snapshots_failed");
            if (!snapshotFailing) {
              LOG.warn("camera {}: snapshot failed ({})", name, Topics.printable(describe(failure)));
            }
            snapshotFailing = true;
          } else {
            snapshotFailing = false;
            context.counters().increment("camera.snapshots");
            context.outbox().retain(context.topic(name + "/snapshot"), snapshot.bytes());
          }
          if (snapshotAgain) {
            snapshotAgain = false;
            snapshotNow();
          }
        },
        context.loop());
  }

  private void detection(CameraEvent.Kind kind, boolean active) {
    Boolean before = detected.put(kind, active);
    if (active && !Boolean.TRUE.equals(before)) {
      // a start, not a repeat of a state already on (a resubscription reports the state again)
      onDetection.accept(name, CameraDetections.word(kind));
      snapshotNow();
    }
  }

  /** Publishes discovery again (after Home Assistant restarted, or the info changed); clears entities gone. */
  public void announce() {
    List<Entity> entities = context.discovery().camera(name, capabilities, info, presets, detections.kinds());
    Set<String> topics = new HashSet<>();
    for (Entity entity : entities) {
      topics.add(entity.topic());
      context.outbox().retain(entity.topic(), Json.bytes(entity.config()));
    }
    for (String old : entityTopics) {
      if (!topics.contains(old)) {
        context.outbox().clear(old);
      }
    }
    entityTopics = Set.copyOf(topics);
  }

  /** Reads the state now; {@code done} gets null on success or the error text. */
  public void pollNow(Consumer<String> done) {
    if (done != null) {
      afterPoll.add(done);
    }
    schedulePoll(Duration.ZERO);
  }

  /**
   * Runs the commands of a {@code set} JSON; {@code done} gets null on success or the error text.
   * The state is read again after the commands.
   */
  public void command(ObjectNode json, Consumer<String> done) {
    List<CameraCommand<?>> commands;
    try {
      commands = CameraCommands.parse(json, state);
    } catch (IllegalArgumentException e) {
      context.counters().increment("camera.commands_refused");
      done.accept(e.getMessage());
      return;
    }
    List<CameraCommand<?>> unsupported = new ArrayList<>();
    for (CameraCommand<?> command : commands) {
      if (!capabilities.supports(command)) {
        unsupported.add(command);
      }
    }
    if (!unsupported.isEmpty()) {
      context.counters().increment("camera.commands_refused");
      done.accept("camera " + name + " does not support " + unsupported);
      return;
    }
    context.counters().increment("camera.commands");
    camera.executeAll(commands)
        .whenCompleteAsync(
            (result, failure) -> {
              if (closed) {
                return;
              }
              if (failure != null) {
                String error = describe(failure);
                context.counters().increment("camera.commands_failed");
                markOffline(failure);
                done.accept(error);
                return;
              }
              List<String> errors = new ArrayList<>();
              for (CommandOutcome<?> outcome : result.outcomes()) {
                outcome.failure().ifPresent(e -> errors.add(outcome.command() + ": " + e.getMessage()));
              }
              if (!errors.isEmpty()) {
                context.counters().increment("camera.commands_failed");
              }
              done.accept(errors.isEmpty() ? null : String.join("; ", errors));
              schedulePoll(Duration.ZERO);
            },
            context.loop());
  }

  /** Stops polling; publishes nothing more. */
  public void close() {
    closed = true;
    if (nextPoll != null) {
      nextPoll.cancel(false);
    }
    if (snapshots != null) {
      snapshots.cancel(false);
    }
    detections.close();
  }

  /** Publishes {@code offline} on the availability topic (a clean shutdown). */
  public void publishOffline() {
    context.outbox().retain(context.topic(name + "/availability"), "offline");
    detections.publishOffline();
  }

  private void schedulePoll(Duration delay) {
    if (closed) {
      return;
    }
    if (nextPoll != null) {
      nextPoll.cancel(false);
    }
    nextPoll = context.loop().schedule(this::poll, delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void poll() {
    if (closed) {
      return;
    }
    if (polling) {
      pollAgain = true; // the poll in progress started before this was asked: read once more after it
      return;
    }
    polling = true;
    answering = List.copyOf(afterPoll);
    afterPoll.clear();
    boolean needInfo = info.isEmpty() || !Boolean.TRUE.equals(online);
    List<CameraCommand<?>> batch = new ArrayList<>();
    if (needInfo && capabilities.commandTypes().contains(GetCameraInfo.class)) {
      batch.add(new GetCameraInfo());
    }
    if (needInfo && capabilities.commandTypes().contains(ListPresets.class)) {
      batch.add(new ListPresets());
    }
    if (capabilities.commandTypes().contains(GetSetting.class)) {
      for (Setting<?> setting : Setting.all()) {
        if (capabilities.settings().contains(setting)) {
          batch.add(GetSetting.of(setting));
        }
      }
    }
    if (capabilities.commandTypes().contains(GetPosition.class)) {
      batch.add(new GetPosition());
    }
    if (capabilities.commandTypes().contains(GetSdCardState.class)) {
      batch.add(new GetSdCardState());
    }
    if (batch.isEmpty()) {
      polling = false;
      markOnline();
      finishPoll(null, false);
      return;
    }
    context.counters().increment("camera.polls");
    CompletableFuture<BatchResult> future;
    try {
      future = camera.executeAll(batch);
    } catch (RuntimeException e) {
      future = CompletableFuture.failedFuture(e);
    }
    future.whenCompleteAsync(
        (result, failure) -> {
          polling = false;
          if (closed) {
            return;
          }
          boolean again = pollAgain;
          pollAgain = false;
          if (failure != null) {
            markOffline(failure);
            finishPoll(describe(failure), again);
            schedulePoll(again ? Duration.ZERO : retryDelay);
            retryDelay = min(retryDelay.multipliedBy(2), context.config().pollInterval());
            return;
          }
          retryDelay = context.config().retryInitialDelay();
          absorb(result);
          markOnline();
          finishPoll(null, again);
          schedulePoll(again ? Duration.ZERO : context.config().pollInterval());
        },
        context.loop());
  }

  private void finishPoll(String error, boolean again) {
    List<Consumer<String>> waiting = new ArrayList<>(answering);
    answering = List.of();
    if (!again) {
      waiting.addAll(afterPoll);
      afterPoll.clear();
    }
    waiting.forEach(waiter -> waiter.accept(error));
  }

  private void absorb(BatchResult result) {
    ObjectNode next = state.deepCopy();
    boolean infoChanged = false;
    for (CommandOutcome<?> outcome : result.outcomes()) {
      if (!outcome.succeeded()) {
        context.counters().increment("camera.reads_failed");
        continue;
      }
      Object value = outcome.value().orElse(null);
      CameraCommand<?> command = outcome.command();
      if (command instanceof GetCameraInfo && value instanceof CameraInfo cameraInfo) {
        infoChanged |= !info.equals(Optional.of(cameraInfo));
        info = Optional.of(cameraInfo);
        next.put("firmware", cameraInfo.softwareVersion());
      } else if (command instanceof ListPresets && value instanceof List<?> list) {
        List<Preset> read = new ArrayList<>();
        list.forEach(item -> read.add((Preset) item));
        infoChanged |= !presets.equals(read);
        presets = List.copyOf(read);
      } else if (command instanceof GetSetting<?> get && value != null) {
        put(next, get.setting(), value);
      } else if (command instanceof GetPosition && value instanceof Position position) {
        next.put("position_x", position.x()).put("position_y", position.y());
      } else if (command instanceof GetSdCardState && value instanceof SdCardState sd) {
        next.put("sd_card", sd.status());
      }
    }
    state = next;
    CameraCapabilities now = camera.capabilities();
    if (!now.equals(capabilities)) {
      // narrowed once the camera answered (e.g. ONVIF learns its services): announce what it really has
      capabilities = now;
      infoChanged = true;
    }
    context.outbox().retain(context.topic(name + "/state"), Json.bytes(state));
    if (infoChanged) {
      announce();
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void put(ObjectNode state, Setting setting, Object value) {
    String key = CameraCommands.key(setting);
    if (value instanceof Boolean on) {
      state.put(key, on ? "ON" : "OFF");
    } else if (value instanceof TriggerTime trigger) {
      state.put(key, setting.format(value));
      state.put(key + "_day_ms", trigger.day().toMillis());
      state.put(key + "_night_ms", trigger.night().toMillis());
    } else if (value instanceof Instant instant) {
      state.put(key, instant.toString());
    } else {
      state.put(key, setting.format(value));
    }
  }

  private void markOnline() {
    if (!Boolean.TRUE.equals(online)) {
      if (online != null) {
        LOG.info("camera {} is reachable again", name);
      }
      online = true;
    }
    context.outbox().retain(context.topic(name + "/availability"), "online");
  }

  private void markOffline(Throwable failure) {
    Throwable cause = unwrap(failure);
    boolean unreachable = !(cause instanceof HomeportException) || isTransport(cause);
    if (!unreachable) {
      return; // the camera answered (it refused): it is there
    }
    if (!Boolean.FALSE.equals(online)) {
      LOG.warn("camera {} is unreachable ({}); retrying in the background", name, Topics.printable(cause.getMessage()));
      context.counters().increment("camera.went_offline");
      online = false;
    }
    context.outbox().retain(context.topic(name + "/availability"), "offline");
  }

  private static boolean isTransport(Throwable cause) {
    return cause instanceof dev.homeport.ports.TransportException
        || cause instanceof dev.homeport.ports.AuthenticationException
        || cause instanceof dev.homeport.ports.ClosedException;
  }

  static Throwable unwrap(Throwable failure) {
    return dev.homeport.ports.Futures.unwrap(failure);
  }

  /** A failure as one line for an answer (messages of homeport exceptions never hold secrets). */
  static String describe(Throwable failure) {
    Throwable cause = unwrap(failure);
    String message = cause.getMessage();
    return cause instanceof HomeportException && message != null ? message : cause.getClass().getSimpleName();
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
