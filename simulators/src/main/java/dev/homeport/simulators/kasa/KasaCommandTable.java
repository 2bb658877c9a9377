package dev.homeport.simulators.kasa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.homeport.domain.FieldMap;
import dev.homeport.domain.camera.CameraCommand;
import dev.homeport.domain.camera.CameraInfo;
import dev.homeport.domain.camera.CloudInfo;
import dev.homeport.domain.camera.DetectionEvent;
import dev.homeport.domain.camera.Direction;
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
import dev.homeport.simulators.harness.BackendBridge;
import dev.homeport.simulators.harness.BackendOutcome;
import dev.homeport.simulators.harness.Fault;
import dev.homeport.support.FieldMapJson;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The simulator's side of the command table, written from the protocol notes: decodes a LINKIE
 * module/method/params into a domain command, runs it on the backend camera through the {@link
 * BackendBridge}, and encodes the {@link BackendOutcome} the way a camera answers.
 *
 * <p>Outcomes encode as: a value -> {@code err_code 0} and the result fields; refused -> its code
 * and message ({@code -40409} when the backend gave no code); unsupported -> {@code -10008}; the
 * whole-request faults (reject login, no answer, drop connection) -> {@link EndsRequest}, which
 * the protocol hands to the harness; an invalid parameter -> {@code -40409} ({@code -41203} for
 * PTZ speed); a backend bug -> {@code -40602}.
 */
final class KasaCommandTable {

  /** The whole module is unknown: answer it with a module-level {@code err_code -1}. */
  static final class ModuleUnsupported extends RuntimeException {
    ModuleUnsupported() {
      super("module not supported", null, false, false);
    }
  }

  /** The backend's outcome ends the whole request with this fault. */
  static final class EndsRequest extends RuntimeException {
    final Fault fault;

    EndsRequest(Fault fault) {
      super(fault.name(), null, false, false);
      this.fault = fault;
    }
  }


  static final String P = "smartlife.cam.ipcamera.";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final BackendBridge backend;
  private final Map<String, Handler> handlers = new HashMap<>();

  /** Parses params into a command; throws {@link BadParam} for a wrong or missing parameter. */
  private interface Handler {
    CompletableFuture<ObjectNode> handle(JsonNode params);
  }

  private static final class BadParam extends RuntimeException {
    final int code;

    BadParam(int code, String field) {
      super("The parameter [" + field + "] values error", null, false, false);
      this.code = code;
    }
  }

  KasaCommandTable(BackendBridge backend) {
    this.backend = backend;
    onOff(Setting.POWER, "switch", "get_is_enable", "set_is_enable", "value");
    onOff(Setting.RECORD_VIDEO, "delivery", "get_local_clip_is_enable", "set_local_clip_is_enable", "value");
    onOff(Setting.RECORD_AUDIO, "delivery", "get_clip_audio_is_enable", "set_clip_audio_is_enable", "value");
    onOff(Setting.MOTION_DETECTION, "motionDetect", "get_is_enable", "set_is_enable", "value");
    word(Setting.MOTION_SENSITIVITY, "motionDetect", "get_sensitivity", "set_sensitivity",
        v -> v.name().toLowerCase(Locale.ROOT), s -> Sensitivity.valueOf(s.toUpperCase(Locale.ROOT)));
    setting(Setting.MOTION_TRIGGER_TIME, "motionDetect", "get_min_trigger_time", "set_min_trigger_time",
        (v, out) -> {
          out.put("day_mode_value", v.day().toMillis());
          out.put("night_mode_value", v.night().toMillis());
        },
        p -> TriggerTime.ofMillis(longParam(p, "day_mode_value"), longParam(p, "night_mode_value")));
    onOff(Setting.BABY_CRY_DETECTION, "intelligence", "get_bcd_enable", "set_bcd_enable", "value");
    onOff(Setting.PERSON_DETECTION, "intelligence", "get_pd_enable", "set_pd_enable", "value");
    onOff(Setting.SOUND_DETECTION, "soundDetect", "get_is_enable", "set_is_enable", "value");
    word(Setting.SOUND_SENSITIVITY, "soundDetect", "get_sensitivity", "set_sensitivity",
        v -> v.name().toLowerCase(Locale.ROOT), s -> Sensitivity.valueOf(s.toUpperCase(Locale.ROOT)));
    onOff(Setting.MOTION_TRACKING, "ptz", "get_ptz_tracking_is_enable", "set_ptz_tracking_is_enable", "value");
    onOff(Setting.PATROL, "ptz", "get_patrol_is_enable", "set_patrol_is_enable", "value");
    word(Setting.RESOLUTION, "videoControl", "get_resolution", "set_resolution",
        Resolution::text, Resolution::parse);
    setting(Setting.ROTATION, "videoControl", "get_rotation_degree", "set_rotation_degree",
        (v, out) -> out.put("value", v.degrees()),
        p -> Rotation.ofDegrees((int) longParam(p, "value")));
    word(Setting.NIGHT_VISION, "dayNight", "get_mode", "set_mode",
        v -> v.name().toLowerCase(Locale.ROOT), s -> NightVisionMode.valueOf(s.toUpperCase(Locale.ROOT)));
    onOff(Setting.STATUS_LED, "led", "get_status", "set_status", "value");
    onOff(Setting.DO_NOT_DISTURB, "dndSchedule", "get_dnd_enable", "set_dnd_enable", "enable");
    setting(Setting.CLOCK, "dateTime", "get_time", "set_time",
        (v, out) -> out.put("epoch_sec", v.getEpochSecond()),
        p -> Instant.ofEpochSecond(longParam(p, "epoch_sec")));
    setting(Setting.TIME_ZONE, "dateTime", "get_time_zone", "set_time_zone",
        (v, out) -> {
          out.put("timezone", v.utcOffset());
          out.put("area", v.area());
        },
        p -> new TimeZoneSetting(textParam(p, "timezone"), textParam(p, "area")));

    handlers.put("system.get_sysinfo", p -> run(new GetCameraInfo(), (CameraInfo info, ObjectNode out) -> {
      ObjectNode sys = out.putObject("system");
      sys.put("alias", info.alias());
      sys.put("model", info.model());
      sys.put("type", info.type());
      sys.put("sw_ver", info.softwareVersion());
      sys.put("hw_ver", info.hardwareVersion());
      sys.put("mac", info.mac());
      sys.put("deviceId", info.deviceId());
      putAll(sys, info.otherFields());
    }));
    handlers.put(P + "ptz.set_run_to_preset", p -> run(new GoToPreset((int) longParam(p, "index")), none()));
    handlers.put(P + "ptz.set_move", p -> {
      Direction direction = parseWord(p, "direction", s -> Direction.valueOf(s.toUpperCase(Locale.ROOT)));
      long speed = longParam(p, "speed");
      if (speed < Move.MIN_SPEED || speed > Move.MAX_SPEED) {
        throw new BadParam(-41203, "speed");
      }
      return run(new Move(direction, (int) speed), none());
    });
    handlers.put(P + "ptz.set_stop", p -> run(new Stop(), none()));
    handlers.put(P + "ptz.get_position", p -> run(new GetPosition(), (Position pos, ObjectNode out) -> {
      out.put("x", pos.x());
      out.put("y", pos.y());
    }));
    handlers.put(P + "ptz.set_target", p -> run(
        guard("x", () -> SetPosition.of((int) longParam(p, "x"), (int) longParam(p, "y"))), none()));
    handlers.put(P + "ptz.get_all_preset", p -> run(new ListPresets(), (List<Preset> presets, ObjectNode out) -> {
      ArrayNode list = out.putArray("preset_attr");
      for (Preset preset : presets) {
        list.addObject().put("index", preset.index()).put("name", preset.name());
      }
    }));
    handlers.put(P + "sdCard.get_sd_card_state", p -> run(new GetSdCardState(), (SdCardState s, ObjectNode out) -> {
      out.put("state", s.status());
      s.encrypted().ifPresent(e -> out.put("encrypted", e));
      s.totalBytes().ifPresent(t -> out.put("total_bytes", t));
      s.freeBytes().ifPresent(f -> out.put("free_bytes", f));
      putAll(out, s.otherFields());
    }));
    handlers.put(P + "sdCard.set_format_sd_card", p -> run(new FormatSdCard(), none()));
    handlers.put(P + "cloud.get_info", p -> run(new GetCloudInfo(), (CloudInfo c, ObjectNode out) -> {
      out.put("cld_connection", c.connected() ? 1 : 0);
      c.bound().ifPresent(b -> out.put("binded", b ? 1 : 0));
      c.server().ifPresent(s -> out.put("server", s));
      putAll(out, c.otherFields());
    }));
    handlers.put(P + "dateTime.get_status", p -> run(new GetTimeStatus(), (TimeStatus t, ObjectNode out) -> {
      out.put("epoch_sec", t.time().getEpochSecond());
      out.put("timezone", t.timeZone().utcOffset());
      out.put("area", t.timeZone().area());
      putAll(out, t.otherFields());
    }));
    handlers.put(P + "vod.get_detect_zone_list", p -> {
      long start = longParam(p, "start_time");
      long end = longParam(p, "end_time");
      if (start >= end) {
        throw new BadParam(-40409, "start_time");
      }
      return run(new ListDetections(Instant.ofEpochSecond(start), Instant.ofEpochSecond(end)),
          (List<DetectionEvent> events, ObjectNode out) -> {
            ArrayNode list = out.putArray("list");
            for (DetectionEvent e : events) {
              ObjectNode item = list.addObject();
              item.put("start_time", e.start().getEpochSecond());
              e.end().ifPresent(t -> item.put("end_time", t.getEpochSecond()));
              item.put("type", e.kind());
              putAll(item, e.otherFields());
            }
          });
    });
    handlers.put(P + "relay.get_preview_snapshot", p -> run(new GetThumbnailLink(),
        (URI uri, ObjectNode out) -> out.put("url", uri.toString())));
    handlers.put(P + "vod.get_vod_occupied_state", p -> run(new GetVodState(textParam(p, "player_id")),
        (VodState v, ObjectNode out) -> out.put("occupied", v.occupied())));
  }

  // ------------------------------------------------------------------ table helpers

  private interface Writer<T> {
    void write(T value, ObjectNode out);
  }

  private <T> void setting(Setting<T> setting, String module, String get, String set,
      Writer<T> writer, Function<JsonNode, T> reader) {
    handlers.put(P + module + "." + get, p -> run(new GetSetting<>(setting), writer));
    handlers.put(P + module + "." + set, p -> {
      T value;
      try {
        value = reader.apply(p);
      } catch (IllegalArgumentException e) {
        throw new BadParam(-40409, "value");
      }
      return run(new SetSetting<>(setting, value), none());
    });
  }

  private <T> void word(Setting<T> setting, String module, String get, String set,
      Function<T, String> format, Function<String, T> parse) {
    setting(setting, module, get, set, (v, out) -> out.put("value", format.apply(v)),
        p -> parseWord(p, "value", parse));
  }

  private void onOff(Setting<Boolean> setting, String module, String get, String set, String readField) {
    setting(setting, module, get, set, (v, out) -> out.put(readField, v ? "on" : "off"),
        p -> {
          String s = textParam(p, "value");
          if (!s.equals("on") && !s.equals("off")) {
            throw new BadParam(-40409, "value");
          }
          return s.equals("on");
        });
  }

  private static <T> T parseWord(JsonNode p, String field, Function<String, T> parse) {
    String text = textParam(p, field);
    try {
      return parse.apply(text);
    } catch (IllegalArgumentException e) {
      throw new BadParam(-40409, field);
    }
  }

  private static <T> T guard(String field, java.util.function.Supplier<T> make) {
    try {
      return make.get();
    } catch (IllegalArgumentException e) {
      throw new BadParam(-40409, field);
    }
  }

  private static long longParam(JsonNode p, String field) {
    JsonNode v = p == null ? null : p.get(field);
    if (v == null || !v.isIntegralNumber()) {
      throw new BadParam(-40409, field);
    }
    return v.longValue();
  }

  private static String textParam(JsonNode p, String field) {
    JsonNode v = p == null ? null : p.get(field);
    if (v == null || !v.isTextual()) {
      throw new BadParam(-40409, field);
    }
    return v.textValue();
  }

  private static <T> Writer<T> none() {
    return (v, out) -> { };
  }

  private <T> CompletableFuture<ObjectNode> run(CameraCommand<T> command, Writer<T> writer) {
    return backend.run(command).handle((outcome, failure) -> {
      ObjectNode out = NODES.objectNode();
      if (failure != null) {
        out.put("err_code", -40602); // a backend bug, not one of the port's answers
        out.put("err_msg", "other error");
        return out;
      }
      if (outcome.fault().isPresent()) {
        throw new EndsRequest(outcome.fault().get());
      }
      if (outcome instanceof BackendOutcome.Value) {
        out.put("err_code", 0);
        writer.write(((BackendOutcome.Value<T>) outcome).value(), out);
      } else if (outcome instanceof BackendOutcome.Refused) {
        BackendOutcome.Refused<T> refused = (BackendOutcome.Refused<T>) outcome;
        if (refused.hasCode()) {
          out.put("err_code", errorCode(refused.code()));
          out.put("err_msg", refused.message());
        } else {
          out.put("err_code", -40409);
          out.put("err_msg", "The parameter values error");
        }
      } else {
        out.put("err_code", -10008);
        out.put("err_msg", "Unsupported API call.");
      }
      return out;
    });
  }

  /** The wire's integer error code; a brand code that is not an integer reads as -40602. */
  private static int errorCode(String code) {
    try {
      return Integer.parseInt(code);
    } catch (NumberFormatException e) {
      return -40602;
    }
  }

  private static void putAll(ObjectNode out, FieldMap fields) {
    out.setAll(FieldMapJson.toJson(fields));
  }

  private boolean knowsModule(String module) {
    String prefix = module + ".";
    return handlers.keySet().stream().anyMatch(k -> k.startsWith(prefix));
  }

  /**
   * Answers one method: the returned node holds {@code err_code} and the result fields. Fails with
   * {@link ModuleUnsupported} or {@link EndsRequest} when the module or the whole request must be
   * answered so.
   */
  CompletableFuture<ObjectNode> call(String module, String method, JsonNode params) {
    Handler handler = handlers.get(module + "." + method);
    try {
      if (handler != null) {
        if (params != null && !params.isObject()) {
          throw new BadParam(-40409, method);
        }
        return handler.handle(params);
      }
      // not in the table: the backend may know it as a raw command
      FieldMap plain = params != null && params.isObject() ? FieldMapJson.toFieldMap(params) : FieldMap.empty();
      RawCommand raw = new RawCommand(module + "." + method, plain);
      return run(raw, (FieldMap result, ObjectNode out) -> putAll(out, result))
          .thenApply(out -> {
            if (out.path("err_code").asInt() == -10008 && !knowsModule(module)) {
              throw new ModuleUnsupported();
            }
            return out;
          });
    } catch (BadParam e) {
      ObjectNode out = NODES.objectNode();
      out.put("err_code", e.code);
      out.put("err_msg", e.getMessage());
      return CompletableFuture.completedFuture(out);
    } catch (IllegalArgumentException e) {
      ObjectNode out = NODES.objectNode();
      out.put("err_code", -40409);
      out.put("err_msg", "The parameter values error");
      return CompletableFuture.completedFuture(out);
    }
  }
}
