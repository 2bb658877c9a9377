package dev.homeport.adapter.inmemory.internal;

import dev.homeport.domain.FieldMap;
import dev.homeport.domain.camera.CameraCommand;
import dev.homeport.domain.camera.CameraInfo;
import dev.homeport.domain.camera.CloudInfo;
import dev.homeport.domain.camera.DetectionEvent;
import dev.homeport.domain.camera.FormatSdCard;
import dev.homeport.domain.camera.GetCameraInfo;
import dev.homeport.domain.camera.GetCloudInfo;
import dev.homeport.domain.camera.GetPosition;
import dev.homeport.domain.camera.GetSdCardState;
import dev.homeport.domain.camera.GetSetting;
import dev.homeport.domain.camera.GetSnapshot;
import dev.homeport.domain.camera.GetStreamUri;
import dev.homeport.domain.camera.GetThumbnailLink;
import dev.homeport.domain.camera.GetTimeStatus;
import dev.homeport.domain.camera.GetVodState;
import dev.homeport.domain.camera.GoToPreset;
import dev.homeport.domain.camera.ImmutableSdCardState;
import dev.homeport.domain.camera.ImmutableTimeStatus;
import dev.homeport.domain.camera.ListDetections;
import dev.homeport.domain.camera.ListPresets;
import dev.homeport.domain.camera.Move;
import dev.homeport.domain.camera.Position;
import dev.homeport.domain.camera.Preset;
import dev.homeport.domain.camera.RawCommand;
import dev.homeport.domain.camera.SavePreset;
import dev.homeport.domain.camera.SdCardState;
import dev.homeport.domain.camera.SetPosition;
import dev.homeport.domain.camera.SetSetting;
import dev.homeport.domain.camera.Setting;
import dev.homeport.domain.camera.Snapshot;
import dev.homeport.domain.camera.Stop;
import dev.homeport.domain.camera.TimeZoneSetting;
import dev.homeport.domain.camera.VodState;
import dev.homeport.ports.CameraCommandException;
import dev.homeport.ports.HomeportException;
import dev.homeport.ports.ProtocolException;
import dev.homeport.ports.UnsupportedCommandException;
import dev.homeport.ports.camera.CameraCapabilities;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an in-memory camera holds and how each command changes it: a value for every setting, the
 * camera clock (an offset from the injected {@link Clock}), the pan/tilt position and motion, the
 * saved presets, the SD card with its detections, the cloud link, the thumbnail link, occupied
 * VOD players and the raw-command handlers.
 *
 * <p>Not thread-safe: the camera that owns it serialises every access under its own lock (so a
 * batch, faults included, is applied atomically).
 */
public final class CameraState {

  /**
   * The most presets it keeps: {@link SavePreset} beyond this is refused, so a client saving in a
   * loop cannot grow the fake without bound.
   */
  public static final int MAX_PRESETS = 64;

  /** Pan/tilt steps moved per unit of {@link Move#speed()}. */
  public static final int STEP_PER_SPEED = 100;

  private static final Logger LOG = LoggerFactory.getLogger(CameraState.class);

  private static final String PTZ = "smartlife.cam.ipcamera.ptz";
  private static final String SD_CARD = "smartlife.cam.ipcamera.sdCard";

  /**
   * A saved preset.
   *
   * @param name its name
   * @param position where it points
   */
  public record SavedPreset(String name, Position position) {}

  private final String name;
  private final Clock clock;
  private final CameraCapabilities capabilities;
  private final Function<CameraCommand<?>, String> describe;
  private final Map<Setting<?>, Object> settings = new HashMap<>();
  private CameraInfo info;
  private Duration clockOffset = Duration.ZERO;
  private Position position;
  private boolean moving;
  private final TreeMap<Integer, SavedPreset> presets;
  private SdCardState sdCard;
  private CloudInfo cloud;
  private URI thumbnailLink;
  private final URI streamUri;
  private Snapshot snapshot;
  private final Set<String> occupiedPlayers = new HashSet<>();
  private final List<DetectionEvent> detections = new ArrayList<>();
  private int reboots;
  private final Map<String, Function<FieldMap, FieldMap>> rawHandlers = new HashMap<>();

  /**
   * The initial state.
   *
   * @param describe how a command is named in "does not support" messages
   * @param clockSetting the camera clock at build time, or null to follow {@code clock}
   * @param streamUri what {@code GetStreamUri} answers
   * @param snapshot what {@code GetSnapshot} answers until {@link #snapshot(Snapshot)} replaces it
   */
  public CameraState(String name, Clock clock, CameraCapabilities capabilities,
      Function<CameraCommand<?>, String> describe, CameraInfo info, Map<Setting<?>, Object> settings,
      Instant clockSetting, Position position, Map<Integer, SavedPreset> presets, SdCardState sdCard,
      CloudInfo cloud, URI thumbnailLink, URI streamUri, Snapshot snapshot) {
    this.name = name;
    this.clock = clock;
    this.capabilities = capabilities;
    this.describe = describe;
    this.info = info;
    this.settings.putAll(settings);
    if (clockSetting != null) {
      this.clockOffset = offsetTo(clockSetting);
    }
    this.position = position;
    this.presets = new TreeMap<>(presets);
    this.sdCard = sdCard;
    this.cloud = cloud;
    this.thumbnailLink = thumbnailLink;
    this.streamUri = streamUri;
    this.snapshot = snapshot;
  }

  /**
   * Applies one command to the state and returns its result.
   *
   * @throws UnsupportedCommandException for commands outside the capabilities and unknown raw commands
   * @throws CameraCommandException when the camera refuses (an unsaved preset, a missing SD card)
   */
  public Object apply(CameraCommand<?> command) {
    if (!capabilities.supports(command)) {
      throw new UnsupportedCommandException(
          "camera " + name + " does not support " + describe.apply(command));
    }
    if (command instanceof GetCameraInfo) {
      return info;
    }
    if (command instanceof GetSetting<?> get) {
      return currentValue(get.setting());
    }
    if (command instanceof SetSetting<?> set) {
      store(set.setting(), set.value());
      return null;
    }
    if (command instanceof GoToPreset go) {
      Integer index = presetIndex(go.preset());
      SavedPreset preset = index == null ? null : presets.get(index);
      if (preset == null) {
        throw new CameraCommandException(
            command, PTZ + ".set_run_to_preset", "-40409", "The parameter [index] values error", false);
      }
      position = preset.position();
      moving = false;
      return null;
    }
    if (command instanceof SavePreset save) {
      // the lowest free number, as a camera fills its preset slots
      int index = 1;
      while (presets.containsKey(index)) {
        index++;
      }
      if (index > MAX_PRESETS) {
        // no Kasa method saves presets, so this refusal names the command, not a firmware method
        throw new CameraCommandException(
            command, "SavePreset", "TooManyPresets", "the camera keeps at most " + MAX_PRESETS + " presets", false);
      }
      presets.put(index, new SavedPreset(save.name(), position));
      return Integer.toString(index);
    }
    if (command instanceof Move move) {
      position = moved(position, move);
      moving = true;
      return null;
    }
    if (command instanceof Stop) {
      moving = false;
      return null;
    }
    if (command instanceof GetPosition) {
      return position;
    }
    if (command instanceof SetPosition set) {
      position = set.target();
      moving = false;
      return null;
    }
    if (command instanceof ListPresets) {
      List<Preset> list = new ArrayList<>();
      presets.forEach((index, preset) -> list.add(new Preset(index, preset.name())));
      return List.copyOf(list);
    }
    if (command instanceof GetSdCardState) {
      return sdCard;
    }
    if (command instanceof FormatSdCard) {
      if (!"ok".equals(sdCard.status())) {
        throw new CameraCommandException(
            command, SD_CARD + ".set_format_sd_card", "-40602", "sd card is " + sdCard.status(), false);
      }
      detections.clear();
      if (sdCard.totalBytes().isPresent()) {
        sdCard = ImmutableSdCardState.copyOf(sdCard).withFreeBytes(sdCard.totalBytes().getAsLong());
      }
      return null;
    }
    if (command instanceof GetCloudInfo) {
      return cloud;
    }
    if (command instanceof GetTimeStatus) {
      return ImmutableTimeStatus.builder()
          .time(cameraTime())
          .timeZone((TimeZoneSetting) settings.get(Setting.TIME_ZONE))
          .build();
    }
    if (command instanceof ListDetections list) {
      List<DetectionEvent> found = new ArrayList<>();
      for (DetectionEvent event : detections) {
        Instant start = event.start().orElse(null);
        if (start != null && !start.isBefore(list.start()) && start.isBefore(list.end())) {
          found.add(event);
        }
      }
      return List.copyOf(found);
    }
    if (command instanceof GetThumbnailLink) {
      return thumbnailLink;
    }
    if (command instanceof GetStreamUri) {
      return streamUri;
    }
    if (command instanceof GetSnapshot get) {
      if (snapshot.size() > get.maxBytes()) {
        throw new ProtocolException("camera " + name + " snapshot is " + snapshot.size()
            + " bytes, more than the " + get.maxBytes() + " allowed");
      }
      return snapshot;
    }
    if (command instanceof GetVodState vod) {
      return new VodState(vod.playerId(), occupiedPlayers.contains(vod.playerId()));
    }
    if (command instanceof dev.homeport.domain.camera.Reboot) {
      reboots++;
      moving = false;
      return null;
    }
    if (command instanceof dev.homeport.domain.camera.Rename rename) {
      info = dev.homeport.domain.camera.ImmutableCameraInfo.copyOf(info).withAlias(rename.alias());
      return null;
    }
    if (command instanceof dev.homeport.domain.camera.GetLatestActivity) {
      dev.homeport.domain.camera.ImmutableLatestActivity.Builder latest =
          dev.homeport.domain.camera.ImmutableLatestActivity.builder();
      detections.stream().map(DetectionEvent::start).flatMap(java.util.Optional::stream)
          .max(Instant::compareTo).ifPresent(latest::time);
      return latest.build();
    }
    if (command instanceof RawCommand raw) {
      return applyRaw(raw);
    }
    throw new UnsupportedCommandException("camera " + name + " does not know " + describe.apply(command));
  }

  /** The preset number of a token ({@code "2"} is 2), or null when it is not a decimal number. */
  private static Integer presetIndex(String token) {
    try {
      return Integer.valueOf(token);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private FieldMap applyRaw(RawCommand raw) {
    Function<FieldMap, FieldMap> handler = rawHandlers.get(raw.operation());
    if (handler == null) {
      throw new UnsupportedCommandException(
          "camera " + name + " does not support raw command " + raw.operation());
    }
    try {
      FieldMap result = handler.apply(raw.params());
      return result == null ? FieldMap.empty() : result;
    } catch (HomeportException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new CameraCommandException(raw, raw.operation(), "-40409", e.getMessage(), false);
    } catch (RuntimeException e) {
      LOG.debug("raw handler for {} failed", raw.operation(), e);
      throw new CameraCommandException(raw, raw.operation(), "-40602", "internal error", true);
    }
  }


  /** The value of {@code setting} now (the clock: the camera clock). */
  public Object currentValue(Setting<?> setting) {
    if (setting == Setting.CLOCK) {
      return cameraTime();
    }
    return settings.get(setting);
  }

  private void store(Setting<?> setting, Object value) {
    if (setting == Setting.CLOCK) {
      clockOffset = offsetTo((Instant) value);
    } else {
      settings.put(setting, value);
    }
  }

  private Duration offsetTo(Instant cameraTime) {
    return Duration.between(clock.instant(), cameraTime.truncatedTo(ChronoUnit.SECONDS));
  }

  private Instant cameraTime() {
    return clock.instant().plus(clockOffset).truncatedTo(ChronoUnit.SECONDS);
  }

  private static Position moved(Position from, Move move) {
    int step = move.speed() * STEP_PER_SPEED;
    int x = from.x();
    int y = from.y();
    switch (move.direction()) {
      case LEFT:
        x -= step;
        break;
      case RIGHT:
        x += step;
        break;
      case UP:
        y += step;
        break;
      case DOWN:
        y -= step;
        break;
      case UP_LEFT:
        x -= step;
        y += step;
        break;
      case UP_RIGHT:
        x += step;
        y += step;
        break;
      case DOWN_LEFT:
        x -= step;
        y -= step;
        break;
      case DOWN_RIGHT:
        x += step;
        y -= step;
        break;
      default:
        throw new IllegalStateException("unknown direction " + move.direction());
    }
    return new Position(clamp(x), clamp(y));
  }

  private static int clamp(int value) {
    return Math.max(0, Math.min(Position.MAX, value));
  }


  // ---------------------------------------------------------------- direct access

  /** How many times {@code Reboot} was executed. */
  public int reboots() {
    return reboots;
  }

  /** The pan/tilt position. */
  public Position position() {
    return position;
  }

  /** Whether the last pan/tilt action was a move not yet stopped. */
  public boolean moving() {
    return moving;
  }

  /** The recorded detections, oldest first (a copy). */
  public List<DetectionEvent> detections() {
    return List.copyOf(detections);
  }

  /** Records a detection, keeping the list sorted by start. */
  public void addDetection(DetectionEvent event) {
    detections.add(event);
    detections.sort((a, b) -> a.start().orElse(Instant.MIN).compareTo(b.start().orElse(Instant.MIN)));
  }

  /** Answers raw {@code operation} with {@code handler} from now on. */
  public void onRaw(String operation, Function<FieldMap, FieldMap> handler) {
    rawHandlers.put(operation, handler);
  }

  /** Replaces what {@code GetSnapshot} answers. */
  public void snapshot(Snapshot image) {
    this.snapshot = image;
  }

  /** Replaces the SD card state. */
  public void sdCard(SdCardState state) {
    this.sdCard = state;
  }

  /** Replaces the cloud link state. */
  public void cloud(CloudInfo state) {
    this.cloud = state;
  }

  /** Marks a VOD player occupied or free. */
  public void vodOccupied(String playerId, boolean occupied) {
    if (occupied) {
      occupiedPlayers.add(playerId);
    } else {
      occupiedPlayers.remove(playerId);
    }
  }
}
