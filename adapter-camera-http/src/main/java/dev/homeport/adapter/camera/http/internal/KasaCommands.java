package dev.homeport.adapter.camera.http.internal;

import static dev.homeport.adapter.camera.http.internal.WireJson.arrayField;
import static dev.homeport.adapter.camera.http.internal.WireJson.badValue;
import static dev.homeport.adapter.camera.http.internal.WireJson.flag;
import static dev.homeport.adapter.camera.http.internal.WireJson.integer;
import static dev.homeport.adapter.camera.http.internal.WireJson.mistyped;
import static dev.homeport.adapter.camera.http.internal.WireJson.objectField;
import static dev.homeport.adapter.camera.http.internal.WireJson.optionalFlag;
import static dev.homeport.adapter.camera.http.internal.WireJson.optionalInteger;
import static dev.homeport.adapter.camera.http.internal.WireJson.optionalText;
import static dev.homeport.adapter.camera.http.internal.WireJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.homeport.domain.camera.CameraCommand;
import dev.homeport.domain.camera.CameraInfo;
import dev.homeport.domain.camera.Direction;
import dev.homeport.domain.camera.GetLatestActivity;
import dev.homeport.domain.camera.ImmutableLatestActivity;
import dev.homeport.domain.camera.LatestActivity;
import dev.homeport.domain.camera.Reboot;
import dev.homeport.domain.camera.Rename;
import dev.homeport.ports.CameraCommandException;
import dev.homeport.ports.HomeportException;
import dev.homeport.ports.UnsupportedCommandException;
import dev.homeport.domain.camera.CloudInfo;
import dev.homeport.domain.camera.DetectionEvent;
import dev.homeport.domain.camera.FormatSdCard;
import dev.homeport.domain.camera.GetCameraInfo;
import dev.homeport.domain.camera.GetCloudInfo;
import dev.homeport.domain.camera.GetPosition;
import dev.homeport.domain.camera.GetSdCardState;
import dev.homeport.domain.camera.GetSetting;
import dev.homeport.domain.camera.GetThumbnailLink;
import dev.homeport.domain.camera.GetTimeStatus;
import dev.homeport.domain.camera.GetVodState;
import dev.homeport.domain.camera.GoToPreset;
import dev.homeport.domain.camera.ImmutableCameraInfo;
import dev.homeport.domain.camera.ImmutableCloudInfo;
import dev.homeport.domain.camera.ImmutableDetectionEvent;
import dev.homeport.domain.camera.ImmutableSdCardState;
import dev.homeport.domain.camera.ImmutableTimeStatus;
import dev.homeport.domain.camera.ListDetections;
import dev.homeport.domain.camera.ListPresets;
import dev.homeport.domain.camera.Move;
import dev.homeport.domain.camera.NightVisionMode;
import dev.homeport.domain.camera.Position;
import dev.homeport.domain.camera.Preset;
import dev.homeport.domain.camera.RawCommand;
import dev.homeport.domain.camera.Resolution;
import dev.homeport.domain.camera.Rotation;
import dev.homeport.domain.camera.SdCardState;
import dev.homeport.domain.camera.Sensitivity;
import dev.homeport.domain.camera.SetPosition;
import dev.homeport.domain.camera.SetSetting;
import dev.homeport.domain.camera.Setting;
import dev.homeport.domain.camera.Stop;
import dev.homeport.domain.camera.TimeStatus;
import dev.homeport.domain.camera.TimeZoneSetting;
import dev.homeport.domain.camera.TriggerTime;
import dev.homeport.domain.camera.VodState;
import dev.homeport.ports.ProtocolException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The mapping of every domain command to its LINKIE module and method, from the protocol notes,
 * with the readers that turn each answer into the command's typed result.
 *
 * <p>Answer fields come from kasa-firmware.md where it has them: SD card {@code state},
 * {@code detect_state}, sizes {@code total}/{@code free}/{@code used}/{@code sd_capacity} as strings
 * (EC60); cloud {@code cld_connection}, {@code default_svr}, {@code sef_domain} (KC100); resolution
 * as a list of {@code {channel, resolution}} (KC100, EC60) or the seed's string; signed positions
 * (KC410S); presets {@code preset_attr} of {@code {index, name}}; sysinfo
 * {@code last_activity_timestamp} and {@code a_type}. Not published, so kept whole rather than
 * guessed: the fields of {@code get_sd_enc_config}, of the detection list's elements (the seed's
 * {@code start_time}/{@code end_time}/{@code type} are taken where present) and of
 * {@code get_detect_event_state}. Still the seed's guesses, unconfirmed on any device: time status
 * {@code epoch_sec}, {@code timezone}, {@code area}; thumbnail {@code url}; VOD {@code occupied}.
 *
 * <p>Stateless and thread-safe.
 */
public final class KasaCommands {

  /** Prefix of every camera module except {@code system}. */
  public static final String PREFIX = "smartlife.cam.ipcamera.";

  static final Set<String> ERR_FIELDS = Set.of("err_code", "err_msg");

  private static final Map<Setting<?>, SettingWire<?>> SETTINGS = new HashMap<>();
  /** The KC115's continuous recording switch ({@code vod.*_is_enable}), the alternative to delivery's. */
  private static final Map<Setting<?>, SettingWire<?>> VOD_RECORDING = new HashMap<>();

  static {
    onOff(Setting.POWER, "switch", "get_is_enable", "set_is_enable", "value");
    onOff(Setting.RECORD_VIDEO, "delivery", "get_local_clip_is_enable", "set_local_clip_is_enable", "value");
    onOffWire(VOD_RECORDING, Setting.RECORD_VIDEO, "vod", "get_is_enable", "set_is_enable", "value");
    onOff(Setting.RECORD_AUDIO, "delivery", "get_clip_audio_is_enable", "set_clip_audio_is_enable", "value");
    onOff(Setting.MOTION_DETECTION, "motionDetect", "get_is_enable", "set_is_enable", "value");
    sensitivity(Setting.MOTION_SENSITIVITY, "motionDetect");
    put(new SettingWire<>(Setting.MOTION_TRIGGER_TIME, PREFIX + "motionDetect",
        "get_min_trigger_time", "set_min_trigger_time",
        (answer, ctx) -> {
          long day = integer(answer, "day_mode_value", ctx);
          long night = integer(answer, "night_mode_value", ctx);
          try {
            return TriggerTime.ofMillis(day, night);
          } catch (IllegalArgumentException e) {
            throw new ProtocolException("camera answer of " + ctx + " is out of range: " + e.getMessage());
          }
        },
        value -> {
          ObjectNode p = WireJson.object();
          p.put("day_mode_value", value.day().toMillis());
          p.put("night_mode_value", value.night().toMillis());
          return p;
        }));
    onOff(Setting.BABY_CRY_DETECTION, "intelligence", "get_bcd_enable", "set_bcd_enable", "value");
    onOff(Setting.PERSON_DETECTION, "intelligence", "get_pd_enable", "set_pd_enable", "value");
    onOff(Setting.SOUND_DETECTION, "soundDetect", "get_is_enable", "set_is_enable", "value");
    sensitivity(Setting.SOUND_SENSITIVITY, "soundDetect");
    onOff(Setting.MOTION_TRACKING, "ptz", "get_ptz_tracking_is_enable", "set_ptz_tracking_is_enable", "value");
    onOff(Setting.PATROL, "ptz", "get_patrol_is_enable", "set_patrol_is_enable", "value");
    put(new SettingWire<>(Setting.RESOLUTION, PREFIX + "videoControl", "get_resolution", "set_resolution",
        KasaCommands::resolution,
        value -> resolutionParam(value, null)));
    put(new SettingWire<>(Setting.ROTATION, PREFIX + "videoControl", "get_rotation_degree", "set_rotation_degree",
        (answer, ctx) -> {
          long degrees = integer(answer, "value", ctx);
          if (degrees == 0) {
            return Rotation.NONE;
          }
          if (degrees == 180) {
            return Rotation.UPSIDE_DOWN;
          }
          throw badValue(ctx, "value", "0, 180", answer.get("value"));
        },
        value -> {
          ObjectNode p = WireJson.object();
          p.put("value", value.degrees());
          return p;
        }));
    put(new SettingWire<>(Setting.NIGHT_VISION, PREFIX + "dayNight", "get_mode", "set_mode",
        (answer, ctx) -> enumValue(answer, "value", ctx, NightVisionMode.class),
        value -> valueParam(value.name().toLowerCase(Locale.ROOT))));
    onOff(Setting.STATUS_LED, "led", "get_status", "set_status", "value");
    onOff(Setting.DO_NOT_DISTURB, "dndSchedule", "get_dnd_enable", "set_dnd_enable", "enable");
    put(new SettingWire<>(Setting.CLOCK, PREFIX + "dateTime", "get_time", "set_time",
        (answer, ctx) -> WireJson.epochSecond(answer, "epoch_sec", ctx),
        value -> {
          ObjectNode p = WireJson.object();
          p.put("epoch_sec", value.getEpochSecond());
          return p;
        }));
    put(new SettingWire<>(Setting.TIME_ZONE, PREFIX + "dateTime", "get_time_zone", "set_time_zone",
        KasaCommands::timeZone,
        value -> {
          ObjectNode p = WireJson.object();
          p.put("timezone", value.utcOffset());
          p.put("area", value.area());
          return p;
        }));
    if (SETTINGS.size() != Setting.all().size()) {
      throw new IllegalStateException("a setting has no LINKIE mapping");
    }
  }

  private KasaCommands() {}

  /** How one setting is read and written. */
  private static final class SettingWire<T> {
    final Setting<T> setting;
    final String module;
    final String getMethod;
    final String setMethod;
    final WireCall.Reader<T> reader;
    final Function<T, ObjectNode> writer;

    SettingWire(Setting<T> setting, String module, String getMethod, String setMethod,
        WireCall.Reader<T> reader, Function<T, ObjectNode> writer) {
      this.setting = setting;
      this.module = module;
      this.getMethod = getMethod;
      this.setMethod = setMethod;
      this.reader = reader;
      this.writer = writer;
    }
  }

  private static void put(SettingWire<?> wire) {
    SETTINGS.put(wire.setting, wire);
  }

  private static void onOff(Setting<Boolean> setting, String module, String get, String set, String readField) {
    onOffWire(SETTINGS, setting, module, get, set, readField);
  }

  private static void onOffWire(Map<Setting<?>, SettingWire<?>> table, Setting<Boolean> setting,
      String module, String get, String set, String readField) {
    table.put(setting, new SettingWire<>(setting, PREFIX + module, get, set,
        (answer, ctx) -> {
          String value = text(answer, readField, ctx);
          if ("on".equals(value)) {
            return Boolean.TRUE;
          }
          if ("off".equals(value)) {
            return Boolean.FALSE;
          }
          throw badValue(ctx, readField, "on, off", answer.get(readField));
        },
        on -> valueParam(on ? "on" : "off")));
  }

  private static void sensitivity(Setting<Sensitivity> setting, String module) {
    put(new SettingWire<>(setting, PREFIX + module, "get_sensitivity", "set_sensitivity",
        (answer, ctx) -> enumValue(answer, "value", ctx, Sensitivity.class),
        value -> valueParam(value.name().toLowerCase(Locale.ROOT))));
  }

  private static ObjectNode valueParam(String value) {
    ObjectNode p = WireJson.object();
    p.put("value", value);
    return p;
  }

  private static <E extends Enum<E>> E enumValue(JsonNode answer, String field, String ctx, Class<E> type) {
    String value = text(answer, field, ctx);
    for (E constant : type.getEnumConstants()) {
      if (constant.name().toLowerCase(Locale.ROOT).equals(value)) {
        return constant;
      }
    }
    StringBuilder allowed = new StringBuilder();
    for (E constant : type.getEnumConstants()) {
      allowed.append(allowed.length() == 0 ? "" : ", ").append(constant.name().toLowerCase(Locale.ROOT));
    }
    throw badValue(ctx, field, allowed.toString(), answer.get(field));
  }

  private static TimeZoneSetting timeZone(JsonNode answer, String ctx) {
    String offset = text(answer, "timezone", ctx);
    String area = text(answer, "area", ctx);
    try {
      return new TimeZoneSetting(offset, area);
    } catch (IllegalArgumentException e) {
      throw new ProtocolException("camera answer of " + ctx + " has an invalid time zone: " + e.getMessage());
    }
  }

  /**
   * The wire call for {@code command} in the dialect of a camera never heard yet.
   *
   * @throws IllegalArgumentException never for a valid domain command (every type is mapped)
   */
  public static <R> WireCall<R> map(CameraCommand<R> command) {
    return map(command, new KasaDialect());
  }

  /**
   * The wire call for {@code command} in {@code dialect}, with the other dialect's form as its
   * alternative while the camera's choice is not known yet.
   *
   * @throws IllegalArgumentException never for a valid domain command (every type is mapped)
   */
  @SuppressWarnings("unchecked")
  public static <R> WireCall<R> map(CameraCommand<R> command, KasaDialect dialect) {
    return (WireCall<R>) mapAny(command, dialect);
  }

  private static WireCall<?> mapAny(CameraCommand<?> command, KasaDialect dialect) {
    if (command instanceof GetSetting<?> get) {
      if (get.setting() == Setting.RECORD_VIDEO) {
        return recording(get, dialect);
      }
      return getSetting(get, dialect);
    }
    if (command instanceof SetSetting<?> set) {
      if (set.setting() == Setting.RECORD_VIDEO) {
        return recording(set, dialect);
      }
      return setSetting(set, dialect);
    }
    if (command instanceof GetCameraInfo c) {
      return new WireCall<>(c, "system", "get_sysinfo", WireJson.object(), KasaCommands::cameraInfo);
    }
    if (command instanceof GoToPreset c) {
      ObjectNode p = WireJson.object();
      p.put("index", kasaPreset(c.preset()));
      return new WireCall<>(c, PREFIX + "ptz", "set_run_to_preset", p, KasaCommands::nothing);
    }
    if (command instanceof Move c) {
      return move(c, dialect);
    }
    if (command instanceof Stop c) {
      return new WireCall<>(c, PREFIX + "ptz", "set_stop", WireJson.object(), KasaCommands::nothing);
    }
    if (command instanceof GetPosition c) {
      return new WireCall<>(c, PREFIX + "ptz", "get_position", WireJson.object(), KasaCommands::position);
    }
    if (command instanceof SetPosition c) {
      ObjectNode p = WireJson.object();
      p.put("x", c.target().x());
      p.put("y", c.target().y());
      return new WireCall<>(c, PREFIX + "ptz", "set_target", p, KasaCommands::nothing);
    }
    if (command instanceof ListPresets c) {
      return new WireCall<>(c, PREFIX + "ptz", "get_all_preset", WireJson.object(), KasaCommands::presets);
    }
    if (command instanceof GetSdCardState c) {
      return WireCall.withCompanions(c, PREFIX + "sdCard", "get_sd_card_state", WireJson.object(),
          List.of(new WireCall.Companion(PREFIX + "sdCard", "get_sd_enc_config", WireJson.object())),
          KasaCommands::sdCard);
    }
    if (command instanceof Reboot c) {
      // kasa-firmware.md §3 (KC115, EC60): the camera module, not "system"
      ObjectNode p = WireJson.object();
      p.put("delay", 1);
      return new WireCall<>(c, PREFIX + "system", "set_reboot", p, KasaCommands::nothing);
    }
    if (command instanceof Rename c) {
      return new WireCall<>(c, PREFIX + "system", "set_alias", valueParam(c.alias()), KasaCommands::nothing);
    }
    if (command instanceof GetLatestActivity c) {
      return WireCall.withCompanions(c, "system", "get_sysinfo", WireJson.object(),
          List.of(new WireCall.Companion(PREFIX + "motionDetect", "get_detect_event_state", WireJson.object()),
              new WireCall.Companion(PREFIX + "intelligence", "get_detect_event_state", WireJson.object())),
          KasaCommands::latestActivity);
    }
    if (command instanceof FormatSdCard c) {
      return new WireCall<>(c, PREFIX + "sdCard", "set_format_sd_card", WireJson.object(), KasaCommands::nothing);
    }
    if (command instanceof GetCloudInfo c) {
      return new WireCall<>(c, PREFIX + "cloud", "get_info", WireJson.object(), KasaCommands::cloud);
    }
    if (command instanceof GetTimeStatus c) {
      return new WireCall<>(c, PREFIX + "dateTime", "get_status", WireJson.object(), KasaCommands::timeStatus);
    }
    if (command instanceof ListDetections c) {
      ObjectNode p = WireJson.object();
      p.put("start_time", c.start().getEpochSecond());
      p.put("end_time", c.end().getEpochSecond());
      return new WireCall<>(c, PREFIX + "vod", "get_detect_zone_list", p, KasaCommands::detections);
    }
    if (command instanceof GetThumbnailLink c) {
      return new WireCall<>(c, PREFIX + "relay", "get_preview_snapshot", WireJson.object(), KasaCommands::thumbnail);
    }
    if (command instanceof GetVodState c) {
      ObjectNode p = WireJson.object();
      p.put("player_id", c.playerId());
      return new WireCall<>(c, PREFIX + "vod", "get_vod_occupied_state", p,
          (answer, ctx) -> new VodState(c.playerId(), flag(answer, "occupied", ctx)));
    }
    if (command instanceof RawCommand c) {
      int dot = rawSplit(c.operation());
      return new WireCall<>(c, c.operation().substring(0, dot), c.operation().substring(dot + 1),
          WireJson.toJson(c.params()), (answer, ctx) -> WireJson.toFieldMap(answer, ERR_FIELDS));
    }
    throw new IllegalArgumentException("no LINKIE mapping for " + command.getClass().getName());
  }

  /**
   * Where Kasa's spelling of a raw operation, {@code module.method}, splits: at the last dot, with a
   * non-empty module and method of letters, digits, {@code _} and {@code -} (the module may hold
   * dots, e.g. {@code smartlife.cam.ipcamera.led.get_status}).
   *
   * @throws IllegalArgumentException naming the operation and the spelling Kasa needs
   */
  static int rawSplit(String operation) {
    int dot = operation.lastIndexOf('.');
    if (dot <= 0 || dot == operation.length() - 1 || !RAW_OPERATION.matcher(operation).matches()) {
      throw new IllegalArgumentException("a kasa raw operation is module.method (letters, digits,"
          + " '.', '_', '-'), e.g. smartlife.cam.ipcamera.led.get_status, was \"" + operation + "\"");
    }
    return dot;
  }

  private static final java.util.regex.Pattern RAW_OPERATION =
      java.util.regex.Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)+");

  private static <T> WireCall<T> getSetting(GetSetting<T> get, KasaDialect dialect) {
    @SuppressWarnings("unchecked")
    SettingWire<T> wire = (SettingWire<T>) SETTINGS.get(get.setting());
    if (get.setting() == Setting.RESOLUTION) {
      @SuppressWarnings("unchecked")
      WireCall<T> call = (WireCall<T>) new WireCall<>((GetSetting<Resolution>) get, wire.module, wire.getMethod,
          WireJson.object(), (answer, ctx) -> {
            JsonNode value = answer.get("value");
            dialect.resolutionSeen(value != null && value.isArray());
            return resolution(answer, ctx);
          });
      return call;
    }
    return new WireCall<>(get, wire.module, wire.getMethod, WireJson.object(), wire.reader);
  }

  private static <T> WireCall<Void> setSetting(SetSetting<T> set, KasaDialect dialect) {
    @SuppressWarnings("unchecked")
    SettingWire<T> wire = (SettingWire<T>) SETTINGS.get(set.setting());
    ObjectNode params = set.setting() == Setting.RESOLUTION
        ? resolutionParam((Resolution) set.value(), dialect.resolutionAsList())
        : wire.writer.apply(set.value());
    return new WireCall<>(set, wire.module, wire.setMethod, params, KasaCommands::nothing);
  }

  /** Whether a refusal says "this model has no such module or method". */
  private static boolean unsupported(HomeportException e) {
    return e instanceof UnsupportedCommandException;
  }

  /** Continuous recording: delivery's switch (the seed's notes) or vod's (KC115), learned per camera. */
  private static <R> WireCall<R> recording(CameraCommand<R> command, KasaDialect dialect) {
    KasaDialect.Recording first = dialect.recording();
    KasaDialect.Recording other = first == KasaDialect.Recording.DELIVERY
        ? KasaDialect.Recording.VOD : KasaDialect.Recording.DELIVERY;
    WireCall<R> primary = recordingIn(command, first, dialect);
    return dialect.recordingKnown() ? primary
        : primary.orElse(recordingIn(command, other, dialect), KasaCommands::unsupported);
  }

  @SuppressWarnings("unchecked")
  private static <R> WireCall<R> recordingIn(CameraCommand<R> command, KasaDialect.Recording where,
      KasaDialect dialect) {
    SettingWire<Boolean> wire = (SettingWire<Boolean>) (where == KasaDialect.Recording.VOD
        ? VOD_RECORDING : SETTINGS).get(Setting.RECORD_VIDEO);
    WireCall<?> call = command instanceof SetSetting<?> set
        ? new WireCall<>(set, wire.module, wire.setMethod, wire.writer.apply((Boolean) set.value()),
            KasaCommands::nothing)
        : new WireCall<>((GetSetting<Boolean>) command, wire.module, wire.getMethod, WireJson.object(),
            wire.reader);
    return ((WireCall<R>) call).onSuccess(() -> dialect.recordingWorks(where));
  }

  /**
   * {@code ptz.set_move}: the Kasa app's words ({@code top}, {@code bottom left}...) unless the
   * camera is known to take the seed's {@code up}/{@code down}; while unknown, a parameter error
   * (-40409) on up or down tries the other words once. Left and right are the same in both.
   */
  private static WireCall<Void> move(Move c, KasaDialect dialect) {
    KasaDialect.MoveWords words = dialect.moveWords();
    WireCall<Void> primary = moveIn(c, words, dialect);
    boolean differs = c.direction() == Direction.UP || c.direction() == Direction.DOWN;
    if (!differs || dialect.moveWordsKnown()) {
      return primary;
    }
    KasaDialect.MoveWords other = words == KasaDialect.MoveWords.APP
        ? KasaDialect.MoveWords.SEED : KasaDialect.MoveWords.APP;
    return primary.orElse(moveIn(c, other, dialect),
        e -> e instanceof CameraCommandException cce && "-40409".equals(cce.errorCode()));
  }

  private static WireCall<Void> moveIn(Move c, KasaDialect.MoveWords words, KasaDialect dialect) {
    ObjectNode p = WireJson.object();
    p.put("direction", moveWord(c.direction(), words));
    p.put("speed", c.speed());
    WireCall<Void> call = new WireCall<>(c, PREFIX + "ptz", "set_move", p, KasaCommands::nothing);
    boolean differs = c.direction() == Direction.UP || c.direction() == Direction.DOWN;
    return differs ? call.onSuccess(() -> dialect.moveWordsWork(words)) : call;
  }

  /** The word for {@code d}; the seed has no diagonals, so they are always the app's. */
  static String moveWord(Direction d, KasaDialect.MoveWords words) {
    if (words == KasaDialect.MoveWords.SEED && !d.diagonal()) {
      return d.word();
    }
    return d.appWord().replace('-', ' ');
  }

  // ------------------------------------------------------------------ readers

  private static Void nothing(JsonNode answer, String ctx) {
    return null;
  }

  private static CameraInfo cameraInfo(JsonNode answer, String ctx) {
    JsonNode sys = objectField(answer, "system", ctx);
    String c = ctx + ".system";
    return ImmutableCameraInfo.builder()
        .alias(text(sys, "alias", c))
        .model(text(sys, "model", c))
        .type(text(sys, "type", c))
        .softwareVersion(text(sys, "sw_ver", c))
        .hardwareVersion(text(sys, "hw_ver", c))
        .mac(text(sys, "mac", c))
        .deviceId(text(sys, "deviceId", c))
        .otherFields(WireJson.toFieldMap(sys,
            Set.of("alias", "model", "type", "sw_ver", "hw_ver", "mac", "deviceId")))
        .build();
  }

  private static Position position(JsonNode answer, String ctx) {
    // signed (KC410S answers x: -49); the range is not published
    long x = integer(answer, "x", ctx);
    long y = integer(answer, "y", ctx);
    try {
      return new Position(Math.toIntExact(x), Math.toIntExact(y));
    } catch (ArithmeticException e) {
      throw new ProtocolException("camera answer of " + ctx + " has a position beyond the int range: ("
          + x + ", " + y + ")");
    }
  }

  /** Kasa numbers its presets 1..4; any other token is refused before I/O. */
  private static int kasaPreset(String token) {
    try {
      int index = Integer.parseInt(token);
      if (index >= 1 && index <= 4) {
        return index;
      }
    } catch (NumberFormatException notANumber) {
      // refused below
    }
    throw new IllegalArgumentException("preset must be 1..4, was " + token);
  }

  /**
   * A resolution answer: {@code {"value":[{"channel":1,"resolution":"1080P"}]}} on real firmware
   * (KC100, EC60; the first channel is taken) or {@code {"value":"1920x1080"}} as the seed wrote.
   */
  static Resolution resolution(JsonNode answer, String ctx) {
    JsonNode value = WireJson.required(answer, "value", ctx);
    String text;
    if (value.isArray()) {
      if (value.isEmpty() || !value.get(0).isObject()) {
        throw mistyped(ctx, "value", "a non-empty list of {channel, resolution}", value);
      }
      text = text(value.get(0), "resolution", ctx + ".value[0]");
    } else if (value.isTextual()) {
      text = value.textValue();
    } else {
      throw mistyped(ctx, "value", "a list of {channel, resolution} or a string", value);
    }
    try {
      return Resolution.parse(text);
    } catch (IllegalArgumentException e) {
      throw badValue(ctx, "value", "a resolution label such as 1080P", value);
    }
  }

  /**
   * Parameters of {@code set_resolution}: the list form real firmware takes, unless the camera
   * answered the seed's plain string form, or, when no answer was seen yet, the value is one of the
   * seed's {@code WIDTHxHEIGHT} strings.
   */
  static ObjectNode resolutionParam(Resolution value, Boolean cameraUsesList) {
    boolean list = cameraUsesList != null ? cameraUsesList : value.width().isEmpty();
    ObjectNode p = WireJson.object();
    if (list) {
      p.putArray("value").addObject().put("channel", 1).put("resolution", value.text());
    } else {
      p.put("value", value.text());
    }
    return p;
  }

  private static List<Preset> presets(JsonNode answer, String ctx) {
    JsonNode list = arrayField(answer, "preset_attr", ctx);
    List<Preset> presets = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode item = list.get(i);
      String c = ctx + ".preset_attr[" + i + "]";
      if (!item.isObject()) {
        throw mistyped(ctx, "preset_attr[" + i + "]", "an object", item);
      }
      long index = integer(item, "index", c);
      String name = text(item, "name", c);
      try {
        presets.add(new Preset(Math.toIntExact(index), name));
      } catch (IllegalArgumentException | ArithmeticException e) {
        throw new ProtocolException("camera answer of " + c + " is invalid: " + e.getMessage());
      }
    }
    return List.copyOf(presets);
  }

  private static final Set<String> SD_FIELDS = Set.of("err_code", "err_msg", "state", "detect_state",
      "total", "free", "used", "sd_capacity");

  /**
   * The EC60's answer: {@code state}, {@code detect_state}, and sizes {@code total}, {@code free},
   * {@code used}, {@code sd_capacity} as decimal strings (numbers accepted too); everything else
   * (e.g. {@code reserve_capacity}) is kept. The encryption configuration is the companion
   * {@code get_sd_enc_config}'s answer kept whole: its field names are not published, so
   * {@link SdCardState#encrypted()} stays empty rather than guessing one.
   */
  private static SdCardState sdCard(JsonNode answer, Map<String, JsonNode> companions, String ctx) {
    ImmutableSdCardState.Builder b = ImmutableSdCardState.builder()
        .status(text(answer, "state", ctx))
        .detectState(optionalText(answer, "detect_state", ctx))
        .otherFields(WireJson.toFieldMap(answer, SD_FIELDS));
    size(answer, "total", ctx).ifPresent(b::totalBytes);
    size(answer, "free", ctx).ifPresent(b::freeBytes);
    size(answer, "used", ctx).ifPresent(b::usedBytes);
    size(answer, "sd_capacity", ctx).ifPresent(b::capacityBytes);
    JsonNode enc = companions.get(PREFIX + "sdCard.get_sd_enc_config");
    if (enc != null) {
      b.encryptionConfig(WireJson.toFieldMap(enc, ERR_FIELDS));
    }
    return b.build();
  }

  /** A size sent as a decimal string (EC60) or a number; blank or absent is empty. */
  static java.util.OptionalLong size(JsonNode answer, String field, String ctx) {
    JsonNode v = answer.get(field);
    if (v == null || v.isNull() || (v.isTextual() && v.textValue().isBlank())) {
      return java.util.OptionalLong.empty();
    }
    if (v.isIntegralNumber() && v.canConvertToLong() && v.longValue() >= 0) {
      return java.util.OptionalLong.of(v.longValue());
    }
    if (v.isTextual()) {
      String t = v.textValue().strip();
      if (t.matches("\\d{1,18}")) {
        return java.util.OptionalLong.of(Long.parseLong(t));
      }
    }
    throw mistyped(ctx, field, "a size as a decimal string or number", v);
  }

  /** KC100's answer: {@code cld_connection}, {@code default_svr}, {@code sef_domain}. */
  private static CloudInfo cloud(JsonNode answer, String ctx) {
    return ImmutableCloudInfo.builder()
        .connected(flag(answer, "cld_connection", ctx))
        .server(optionalText(answer, "default_svr", ctx))
        .entryDomain(optionalText(answer, "sef_domain", ctx))
        .otherFields(WireJson.toFieldMap(answer,
            Set.of("err_code", "err_msg", "cld_connection", "default_svr", "sef_domain")))
        .build();
  }

  /**
   * Sysinfo's {@code last_activity_timestamp} (epoch s) and {@code a_type}, and the detection event
   * states of the companions that answered (kept whole: their fields are not published).
   */
  private static LatestActivity latestActivity(JsonNode answer, Map<String, JsonNode> companions, String ctx) {
    JsonNode sys = objectField(answer, "system", ctx);
    String c = ctx + ".system";
    ImmutableLatestActivity.Builder b = ImmutableLatestActivity.builder();
    // 0 is "no activity yet"; anything beyond year 9999 is a protocol error naming the field
    WireJson.optionalEpochSecond(sys, "last_activity_timestamp", c)
        .filter(t -> t.getEpochSecond() > 0).ifPresent(b::time);
    optionalInteger(sys, "a_type", c).ifPresent(b::kindCode);
    JsonNode motion = companions.get(PREFIX + "motionDetect.get_detect_event_state");
    if (motion != null) {
      b.putEventStates("motion", WireJson.toFieldMap(motion, ERR_FIELDS));
    }
    JsonNode intelligence = companions.get(PREFIX + "intelligence.get_detect_event_state");
    if (intelligence != null) {
      b.putEventStates("intelligence", WireJson.toFieldMap(intelligence, ERR_FIELDS));
    }
    b.otherFields(WireJson.toFieldMap(sys, Set.of()));
    return b.build();
  }

  private static TimeStatus timeStatus(JsonNode answer, String ctx) {
    return ImmutableTimeStatus.builder()
        .time(WireJson.epochSecond(answer, "epoch_sec", ctx))
        .timeZone(timeZone(answer, ctx))
        .otherFields(WireJson.toFieldMap(answer,
            Set.of("err_code", "err_msg", "epoch_sec", "timezone", "area")))
        .build();
  }

  private static List<DetectionEvent> detections(JsonNode answer, String ctx) {
    JsonNode list = arrayField(answer, "list", ctx);
    List<DetectionEvent> events = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode item = list.get(i);
      String c = ctx + ".list[" + i + "]";
      if (!item.isObject()) {
        throw mistyped(ctx, "list[" + i + "]", "an object", item);
      }
      // element fields are not published (KC115): keep the element whole, take the seed's
      // start_time/end_time/type where present
      ImmutableDetectionEvent.Builder b = ImmutableDetectionEvent.builder()
          .otherFields(WireJson.toFieldMap(item, Set.of("start_time", "end_time", "type")));
      WireJson.optionalEpochSecond(item, "start_time", c).ifPresent(b::start);
      WireJson.optionalEpochSecond(item, "end_time", c).ifPresent(b::end);
      optionalText(item, "type", c).ifPresent(b::kind);
      try {
        events.add(b.build());
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw new ProtocolException("camera answer of " + c + " is invalid: " + e.getMessage());
      }
    }
    return List.copyOf(events);
  }

  private static URI thumbnail(JsonNode answer, String ctx) {
    String url = text(answer, "url", ctx);
    try {
      URI uri = new URI(url);
      if (!uri.isAbsolute()) {
        throw new URISyntaxException(url, "not absolute");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new ProtocolException("camera answer has " + WireJson.where(ctx, "url")
          + " that is not an absolute URI");
    }
  }
}
