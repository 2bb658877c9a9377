package dev.homeport.simulators.kasa;

import dev.homeport.adapter.inmemory.InMemoryCamera;
import dev.homeport.domain.FieldMap;
import dev.homeport.domain.camera.FormatSdCard;
import dev.homeport.domain.camera.GetLatestActivity;
import dev.homeport.domain.camera.GetPosition;
import dev.homeport.domain.camera.GetSdCardState;
import dev.homeport.domain.camera.GetThumbnailLink;
import dev.homeport.domain.camera.GetVodState;
import dev.homeport.domain.camera.GoToPreset;
import dev.homeport.domain.camera.ImmutableCameraInfo;
import dev.homeport.domain.camera.ListDetections;
import dev.homeport.domain.camera.ListPresets;
import dev.homeport.domain.camera.Move;
import dev.homeport.domain.camera.Reboot;
import dev.homeport.domain.camera.Rename;
import dev.homeport.domain.camera.Resolution;
import dev.homeport.domain.camera.SetPosition;
import dev.homeport.domain.camera.Setting;
import dev.homeport.domain.camera.Stop;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Real camera models as the simulator plays them, each built from what independent clients saw on
 * that model (shared/protocols/kasa-firmware.md). Where the notes are silent the profile keeps the
 * seed's behaviour and says so here:
 *
 * <ul>
 *   <li>{@link #SEED}: the seed simulator (base64 password, 401, LINKIE.json and LINKIE2.json,
 *       {@code "1920x1080"} resolutions, an EC P-256 certificate). It also takes the app's move
 *       words, which the seed simulator did not know.
 *   <li>{@link #KC100}: md5 password, 401 on a bad login, list-form 1080P/720P/360P resolution,
 *       "module not support" for audio, delivery, intelligence, ptz, relay, sdCard, siren, the camera
 *       system module, vod and wireless, a 1024-bit RSA certificate.
 *   <li>{@link #KC115}: plain password, HTTP 200 with -10007 per method and in {@code context} on a
 *       bad login, continuous recording under {@code vod.*_is_enable} ({@code delivery}'s local-clip
 *       methods answered -10008: the notes do not say what a KC115 answers there).
 *   <li>{@link #KC410S}: LINKIE2.json only, plain or {@code admin:md5(password)} credentials, only the
 *       app's move words ({@code top}, {@code bottom left}...), signed positions, -41203 on speed &gt; 10.
 *       Its answer to a bad login is not published: 401 here.
 *   <li>{@link #KC420WS}: LINKIE2.json only, md5 password, requests without a {@code Kasa/}
 *       User-Agent dropped without an answer. Its answer to a bad login from the app is not
 *       published: 401 here.
 *   <li>{@link #EC60}: LINKIE2.json only, {@code stream_version} 2, {@code admin:md5("admin")} (not bound
 *       to a cloud account), the real sysinfo field set, list-form resolution, SD card sizes as
 *       strings, -10008 per method for other device kinds' modules.
 *   <li>{@link #STATIC_RSA}: the seed's behaviour over TLS 1.2 offering only the static-RSA suites
 *       ({@code TLS_RSA_WITH_*}) with a 1024-bit RSA certificate, the TLS the JDK 24+ disables.
 * </ul>
 */
public enum KasaFirmware {
  SEED("KC120(US)", "1.0", "1.3.7 Build 200305 Rel.51045 (seed simulator)"),
  KC100("KC100(US)", "1.0", "unknown (not in the notes)"),
  KC115("KC115(US)", "1.0", "unknown (not in the notes)"),
  KC410S("KC410S(US)", "1.0", "unknown (not in the notes)"),
  KC420WS("KC420WS(US)", "1.0", "2.3.26 (build not in the notes)"),
  EC60("EC60(US)", "4.0", "2.3.22 Build 20230731 rel.69808"),
  STATIC_RSA("KC120(US)", "1.0", "1.3.7 Build 200305 Rel.51045 (seed simulator, static-RSA TLS)");

  private final String model;
  private final String hardwareVersion;
  private final String softwareVersion;

  KasaFirmware(String model, String hardwareVersion, String softwareVersion) {
    this.model = model;
    this.hardwareVersion = hardwareVersion;
    this.softwareVersion = softwareVersion;
  }

  /** The profile's name as the command line writes it, e.g. {@code kc410s}, {@code static-rsa}. */
  public String text() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The model string its sysinfo answers, e.g. {@code EC60(US)}. */
  public String model() {
    return model;
  }

  /**
   * The profile written as {@code kc100}, {@code KC410S}, {@code static-rsa}... (any case).
   *
   * @throws IllegalArgumentException naming the allowed names
   */
  public static KasaFirmware parse(String text) {
    String t = text == null ? "" : text.strip();
    for (KasaFirmware f : values()) {
      if (f.text().equalsIgnoreCase(t) || f.name().equalsIgnoreCase(t)) {
        return f;
      }
    }
    throw new IllegalArgumentException("firmware must be one of "
        + String.join(", ", java.util.Arrays.stream(values()).map(KasaFirmware::text).toList())
        + ", was " + (text == null ? "null" : "\"" + text + "\""));
  }

  /**
   * A backend with this model's identity (sysinfo) and without the commands and settings the model
   * refuses, so a contract run can skip them visibly. Add state with the returned builder.
   */
  public InMemoryCamera.Builder backend(String alias) {
    Map<String, Object> other = new LinkedHashMap<>();
    if (this == EC60) {
      // kasa-firmware.md §3, the EC60(US) 4.0 sysinfo field set; values the notes do not give are
      // placeholders of the right JSON type
      other.put("a_type", 2);
      other.put("bind_status", false);
      other.put("c_opt", List.of(0, 1));
      other.put("camera_switch", "on");
      other.put("dev_name", "Kasa Spot, 24/7 Recording");
      other.put("f_list", List.of(1, 2));
      other.put("hwId", "00000000000000000000000000000000");
      other.put("oemId", "00000000000000000000000000000000");
      other.put("is_cal", 1);
      other.put("latitude", 0);
      other.put("longitude", 0);
      other.put("led_status", "on");
      other.put("mic_mac", "74FECE000000");
      other.put("new_feature", List.of(2, 3));
      other.put("resolution", "720P");
      other.put("rssi", -52);
      other.put("status", "new");
      other.put("stream_version", 2);
      other.put("system_time", 1_700_000_100);
      other.put("updating", false);
    } else {
      other.put("camera_switch", "on");
      other.put("resolution", resolutionAsList() ? "1080P" : "1920x1080");
    }
    InMemoryCamera.Builder b = InMemoryCamera.builder()
        .name(alias)
        .info(ImmutableCameraInfo.builder()
            .alias(alias)
            .model(model)
            .type("IOT.IPCAMERA")
            .softwareVersion(softwareVersion)
            .hardwareVersion(hardwareVersion)
            .mac(this == EC60 ? "74:FE:CE:00:00:00" : "50:C7:BF:00:00:0" + ordinal())
            .deviceId(String.format("%040X", ordinal() + 1))
            .otherFields(FieldMap.of(other))
            .build());
    if (resolutionAsList()) {
      b.setting(Setting.RESOLUTION, Resolution.HD1080);
    }
    if (this == KC100) {
      // modules KC100 answers "module not support" (kasa-firmware.md §3)
      b.withoutCommands(Move.class, Stop.class, GoToPreset.class, dev.homeport.domain.camera.SavePreset.class,
          GetPosition.class, SetPosition.class,
          ListPresets.class, GetSdCardState.class, FormatSdCard.class, ListDetections.class,
          GetThumbnailLink.class, GetVodState.class, Reboot.class, Rename.class);
      b.withoutSettings(Setting.RECORD_VIDEO, Setting.RECORD_AUDIO, Setting.BABY_CRY_DETECTION,
          Setting.PERSON_DETECTION, Setting.MOTION_TRACKING, Setting.PATROL);
    }
    return b;
  }

  /** Whether this model answers resolutions in the list form. */
  boolean resolutionAsList() {
    return this == KC100 || this == EC60;
  }

  /** Sets the simulator builder up as this model. */
  void configure(KasaCameraSimulator.Builder b) {
    b.resolutionAsList(resolutionAsList());
    switch (this) {
      case KC100:
        b.authVariant(KasaAuthVariant.MD5).wrongCredentialsAnswer(WrongCredentialsAnswer.HTTP_401)
            .rsaCertificate(1024);
        for (String module : List.of("audio", "delivery", "intelligence", "ptz", "relay", "sdCard", "siren",
            "system", "vod", "wireless")) {
          b.refuseModule(KasaCommandTable.P + module);
        }
        break;
      case KC115:
        b.authVariant(KasaAuthVariant.PLAIN).wrongCredentialsAnswer(WrongCredentialsAnswer.PER_METHOD_10007)
            .refuseMethod(KasaCommandTable.P + "delivery", "get_local_clip_is_enable")
            .refuseMethod(KasaCommandTable.P + "delivery", "set_local_clip_is_enable");
        break;
      case KC410S:
        b.authVariant(KasaAuthVariant.PLAIN).alsoAccept(KasaAuthVariant.ADMIN_MD5).linkie2Only(true)
            .moveWords(KasaCommandTable.APP_MOVE_WORDS);
        break;
      case KC420WS:
        b.authVariant(KasaAuthVariant.MD5).linkie2Only(true).requireAppUserAgent(true);
        break;
      case EC60:
        b.authVariant(KasaAuthVariant.ADMIN_DEFAULT).linkie2Only(true).unknownModulesUnsupportedApi(true);
        break;
      case STATIC_RSA:
        b.staticRsaOnly(true).rsaCertificate(1024);
        break;
      case SEED:
      default:
        break;
    }
  }
}
