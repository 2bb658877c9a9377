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
import java.time.Instant;
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
 * <p>Answer fields the notes do not spell out are read as follows (the simulator answers the same):
 * SD card {@code state}, optional {@code encrypted}, {@code total_bytes}, {@code free_bytes};
 * cloud {@code cld_connection} (0/1), optional {@code binded} (0/1) and {@code server}; time
 * status {@code epoch_sec}, {@code timezone}, {@code area}; detections {@code list} of
 * {@code {start_time, end_time?, type}}; presets {@code preset_attr} of {@code {index, name}};
 * thumbnail {@code url}; VOD {@code occupied}.
 *
 * <p>Stateless and thread-safe.
 */
public final class KasaCommands {

  /** Prefix of every camera module except {@code system}. */
  public static final String PREFIX = "smartlife.cam.ipcamera.";

  static final Set<String> ERR_FIELDS = Set.of("err_code", "err_msg");

  private static final Map<Setting<?>, SettingWire<?>> SETTINGS = new HashMap<>();

  static {
    onOff(Setting.POWER, "switch", "get_is_enable", "set_is_enable", "value");
    onOff(Setting.RECORD_VIDEO, "delivery", "get_local_clip_is_enable", "set_local_clip_is_enable", "value");
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
        (answer, ctx) -> {
          String value = text(answer, "value", ctx);
          for (Resolution r : Resolution.values()) {
            if (r.text().equals(value)) {
              return r;
            }
          }
          throw badValue(ctx, "value", "2560x1440, 1920x1080, 1280x720", answer.get("value"));
        },
        value -> valueParam(value.text())));
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
        (answer, ctx) -> Instant.ofEpochSecond(integer(answer, "epoch_sec", ctx)),
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
    put(new SettingWire<>(setting, PREFIX + module, get, set,
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
   * The wire call for {@code command}.
   *
   * @throws IllegalArgumentException never for a valid domain command (every type is mapped)
   */
  @SuppressWarnings("unchecked")
  public static <R> WireCall<R> map(CameraCommand<R> command) {
    return (WireCall<R>) mapAny(command);
  }

  private static WireCall<?> mapAny(CameraCommand<?> command) {
    if (command instanceof GetSetting<?> get) {
      return getSetting(get);
    }
    if (command instanceof SetSetting<?> set) {
      return setSetting(set);
    }
    if (command instanceof GetCameraInfo c) {
      return new WireCall<>(c, "system", "get_sysinfo", WireJson.object(), KasaCommands::cameraInfo);
    }
    if (command instanceof GoToPreset c) {
      ObjectNode p = WireJson.object();
      p.put("index", c.preset());
      return new WireCall<>(c, PREFIX + "ptz", "set_run_to_preset", p, KasaCommands::nothing);
    }
    if (command instanceof Move c) {
      ObjectNode p = WireJson.object();
      p.put("direction", c.direction().name().toLowerCase(Locale.ROOT));
      p.put("speed", c.speed());
      return new WireCall<>(c, PREFIX + "ptz", "set_move", p, KasaCommands::nothing);
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
      return new WireCall<>(c, PREFIX + "sdCard", "get_sd_card_state", WireJson.object(), KasaCommands::sdCard);
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

  private static <T> WireCall<T> getSetting(GetSetting<T> get) {
    @SuppressWarnings("unchecked")
    SettingWire<T> wire = (SettingWire<T>) SETTINGS.get(get.setting());
    return new WireCall<>(get, wire.module, wire.getMethod, WireJson.object(), wire.reader);
  }

  private static <T> WireCall<Void> setSetting(SetSetting<T> set) {
    @SuppressWarnings("unchecked")
    SettingWire<T> wire = (SettingWire<T>) SETTINGS.get(set.setting());
    return new WireCall<>(set, wire.module, wire.setMethod, wire.writer.apply(set.value()),
        KasaCommands::nothing);
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
    long x = integer(answer, "x", ctx);
    long y = integer(answer, "y", ctx);
    try {
      return new Position(Math.toIntExact(x), Math.toIntExact(y));
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new ProtocolException("camera answer of " + ctx + " has an invalid position: " + e.getMessage());
    }
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

  private static SdCardState sdCard(JsonNode answer, String ctx) {
    ImmutableSdCardState.Builder b = ImmutableSdCardState.builder()
        .status(text(answer, "state", ctx))
        .encrypted(optionalFlag(answer, "encrypted", ctx))
        .otherFields(WireJson.toFieldMap(answer,
            Set.of("err_code", "err_msg", "state", "encrypted", "total_bytes", "free_bytes")));
    optionalInteger(answer, "total_bytes", ctx).ifPresent(b::totalBytes);
    optionalInteger(answer, "free_bytes", ctx).ifPresent(b::freeBytes);
    return b.build();
  }

  private static CloudInfo cloud(JsonNode answer, String ctx) {
    return ImmutableCloudInfo.builder()
        .connected(flag(answer, "cld_connection", ctx))
        .bound(optionalFlag(answer, "binded", ctx))
        .server(optionalText(answer, "server", ctx))
        .otherFields(WireJson.toFieldMap(answer,
            Set.of("err_code", "err_msg", "cld_connection", "binded", "server")))
        .build();
  }

  private static TimeStatus timeStatus(JsonNode answer, String ctx) {
    return ImmutableTimeStatus.builder()
        .time(Instant.ofEpochSecond(integer(answer, "epoch_sec", ctx)))
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
      ImmutableDetectionEvent.Builder b = ImmutableDetectionEvent.builder()
          .start(Instant.ofEpochSecond(integer(item, "start_time", c)))
          .kind(text(item, "type", c))
          .otherFields(WireJson.toFieldMap(item, Set.of("start_time", "end_time", "type")));
      optionalInteger(item, "end_time", c).ifPresent(end -> b.end(Instant.ofEpochSecond(end)));
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
