package dev.homeport.domain.camera;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A camera setting and the type of its value; the constants are every setting homeport knows.
 *
 * <p>A setting is read with {@link GetSetting} and changed with {@link SetSetting}. Its {@link #id()}
 * is the stable, user-facing name (used by the command line and configuration files). Instances are
 * immutable singletons and thread-safe; compare them with {@code ==} or {@code equals}.
 *
 * @param <T> the value type
 */
public final class Setting<T> {

  /** Whether the camera is on (streaming and recording) or off (privacy mode). */
  public static final Setting<Boolean> POWER = onOff("power", "camera power");
  /**
   * Continuous (24/7) recording to the local SD card (Kasa: {@code delivery.*_local_clip_is_enable}
   * per the seed, {@code vod.*_is_enable} on a KC115; the adapter picks per camera).
   */
  public static final Setting<Boolean> RECORD_VIDEO = onOff("record-video", "local video recording");
  /** Whether recorded clips include audio. */
  public static final Setting<Boolean> RECORD_AUDIO = onOff("record-audio", "audio in clips");
  /** Motion detection. */
  public static final Setting<Boolean> MOTION_DETECTION = onOff("motion-detection", "motion detection");
  /** Motion detection sensitivity. */
  public static final Setting<Sensitivity> MOTION_SENSITIVITY =
      ofEnum("motion-sensitivity", "motion sensitivity", Sensitivity.class);
  /** Minimum time motion must last before it triggers, day and night. */
  public static final Setting<TriggerTime> MOTION_TRIGGER_TIME =
      new Setting<>(
          "motion-trigger-time",
          "motion trigger time",
          TriggerTime.class,
          Setting::parseTriggerTime,
          value -> value.day().toMillis() + "/" + value.night().toMillis(),
          "DAY_MS/NIGHT_MS, each 0.." + TriggerTime.MAX.toMillis());
  /** Baby-cry detection. */
  public static final Setting<Boolean> BABY_CRY_DETECTION = onOff("baby-cry-detection", "baby-cry detection");
  /** Person detection. */
  public static final Setting<Boolean> PERSON_DETECTION = onOff("person-detection", "person detection");
  /** Sound detection. */
  public static final Setting<Boolean> SOUND_DETECTION = onOff("sound-detection", "sound detection");
  /** Sound detection sensitivity. */
  public static final Setting<Sensitivity> SOUND_SENSITIVITY =
      ofEnum("sound-sensitivity", "sound sensitivity", Sensitivity.class);
  /** Pan/tilt follows detected motion. */
  public static final Setting<Boolean> MOTION_TRACKING = onOff("motion-tracking", "motion tracking");
  /** Pan/tilt patrols between presets. */
  public static final Setting<Boolean> PATROL = onOff("patrol", "patrol");
  /** Video resolution. */
  public static final Setting<Resolution> RESOLUTION =
      new Setting<>(
          "resolution",
          "resolution",
          Resolution.class,
          Resolution::parse,
          Resolution::text,
          Resolution.known().stream().map(Resolution::text).collect(Collectors.joining(", "))
              + " or another camera label");
  /** Image rotation. */
  public static final Setting<Rotation> ROTATION =
      new Setting<>(
          "rotation",
          "rotation",
          Rotation.class,
          text -> Rotation.ofDegrees(parseInt("rotation", text, "0 or 180")),
          value -> Integer.toString(value.degrees()),
          "0, 180");
  /** Infrared night vision mode. */
  public static final Setting<NightVisionMode> NIGHT_VISION =
      ofEnum("night-vision", "night vision", NightVisionMode.class);
  /** The status LED. */
  public static final Setting<Boolean> STATUS_LED = onOff("status-led", "status LED");
  /** Do-not-disturb (notifications paused). */
  public static final Setting<Boolean> DO_NOT_DISTURB = onOff("do-not-disturb", "do not disturb");
  /** The camera clock, to the second. */
  public static final Setting<Instant> CLOCK =
      new Setting<>(
          "time",
          "clock",
          Instant.class,
          Setting::parseInstant,
          value -> Long.toString(value.getEpochSecond()),
          "epoch seconds or an ISO-8601 instant such as 2026-01-01T12:00:00Z");
  /** The camera time zone. */
  public static final Setting<TimeZoneSetting> TIME_ZONE =
      new Setting<>(
          "time-zone",
          "time zone",
          TimeZoneSetting.class,
          TimeZoneSetting::parse,
          TimeZoneSetting::text,
          "UTC-05:00/America/New_York");

  private static final List<Setting<?>> ALL =
      List.of(
          POWER, RECORD_VIDEO, RECORD_AUDIO, MOTION_DETECTION, MOTION_SENSITIVITY,
          MOTION_TRIGGER_TIME, BABY_CRY_DETECTION, PERSON_DETECTION, SOUND_DETECTION,
          SOUND_SENSITIVITY, MOTION_TRACKING, PATROL, RESOLUTION, ROTATION, NIGHT_VISION,
          STATUS_LED, DO_NOT_DISTURB, CLOCK, TIME_ZONE);

  private static final Map<String, Setting<?>> BY_ID =
      ALL.stream().collect(Collectors.toUnmodifiableMap(Setting::id, Function.identity()));

  private final String id;
  private final String label;
  private final Class<T> valueType;
  private final Function<String, T> parser;
  private final Function<T, String> formatter;
  private final String allowed;

  private Setting(
      String id,
      String label,
      Class<T> valueType,
      Function<String, T> parser,
      Function<T, String> formatter,
      String allowed) {
    this.id = id;
    this.label = label;
    this.valueType = valueType;
    this.parser = parser;
    this.formatter = formatter;
    this.allowed = allowed;
  }

  /** Every setting, in a stable order. */
  public static List<Setting<?>> all() {
    return ALL;
  }

  /** The setting with this {@link #id()}, if any. */
  public static Optional<Setting<?>> find(String id) {
    return Optional.ofNullable(BY_ID.get(id));
  }

  /**
   * The setting with this {@link #id()}.
   *
   * @throws IllegalArgumentException naming every known id when there is none
   */
  public static Setting<?> byId(String id) {
    return find(id)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "setting must be one of "
                        + ALL.stream().map(Setting::id).collect(Collectors.joining(", "))
                        + ", was " + id));
  }

  /** The stable user-facing name, e.g. {@code motion-sensitivity}. */
  public String id() {
    return id;
  }

  /** A human label, e.g. {@code motion sensitivity}. */
  public String label() {
    return label;
  }

  /** The value type. */
  public Class<T> valueType() {
    return valueType;
  }

  /** What {@link #parse(String)} accepts, for help texts and error messages. */
  public String allowedValues() {
    return allowed;
  }

  /**
   * Parses the user-facing text form of a value.
   *
   * @throws IllegalArgumentException naming this setting and the allowed values
   */
  public T parse(String text) {
    try {
      return parser.apply(text == null ? "" : text.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          id + " must be " + allowed + ", was \"" + text + "\"" + detail(e), e);
    }
  }

  /** The user-facing text form of a value; {@link #parse(String)} reads it back. */
  public String format(T value) {
    return formatter.apply(validate(value));
  }

  /**
   * Checks that {@code value} is a value of this setting.
   *
   * @return the value, cast
   * @throws IllegalArgumentException if it is null or of another type
   */
  public T validate(Object value) {
    if (value == null) {
      throw new IllegalArgumentException(id + " value is required (" + allowed + ")");
    }
    if (!valueType.isInstance(value)) {
      throw new IllegalArgumentException(
          id + " takes a " + valueType.getSimpleName() + " (" + allowed + "), was a "
              + value.getClass().getSimpleName());
    }
    return valueType.cast(value);
  }

  @Override
  public String toString() {
    return id;
  }

  private static String detail(IllegalArgumentException e) {
    return e.getMessage() == null || e.getMessage().isBlank() ? "" : " (" + e.getMessage() + ")";
  }

  private static Setting<Boolean> onOff(String id, String label) {
    return new Setting<>(id, label, Boolean.class, Setting::parseOnOff, on -> on ? "on" : "off", "on, off");
  }

  private static <E extends Enum<E>> Setting<E> ofEnum(String id, String label, Class<E> type) {
    String allowed =
        Arrays.stream(type.getEnumConstants())
            .map(constant -> constant.name().toLowerCase(Locale.ROOT))
            .collect(Collectors.joining(", "));
    return new Setting<>(
        id,
        label,
        type,
        text -> {
          for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text)) {
              return constant;
            }
          }
          // no message: parse() names the setting and its values (Enum.valueOf would add "No enum constant ...")
          throw new IllegalArgumentException();
        },
        constant -> constant.name().toLowerCase(Locale.ROOT),
        allowed);
  }

  private static Boolean parseOnOff(String text) {
    switch (text.toLowerCase(Locale.ROOT)) {
      case "on":
      case "true":
      case "yes":
      case "1":
        return Boolean.TRUE;
      case "off":
      case "false":
      case "no":
      case "0":
        return Boolean.FALSE;
      default:
        throw new IllegalArgumentException("");
    }
  }

  private static TriggerTime parseTriggerTime(String text) {
    String[] parts = text.split("/", -1);
    if (parts.length != 2) {
      throw new IllegalArgumentException("");
    }
    return TriggerTime.ofMillis(
        parseInt("day", parts[0], "milliseconds"), parseInt("night", parts[1], "milliseconds"));
  }

  private static Instant parseInstant(String text) {
    try {
      return Instant.ofEpochSecond(Long.parseLong(text));
    } catch (NumberFormatException notEpoch) {
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("");
      }
    }
  }

  private static int parseInt(String field, String text, String allowed) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(field + " must be " + allowed + ", was " + text);
    }
  }

  @Override
  public boolean equals(Object other) {
    return this == other;
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(id);
  }
}
