package dev.homeport.benchmarks;

import dev.homeport.domain.FieldMap;
import dev.homeport.domain.camera.CameraInfo;
import dev.homeport.domain.camera.ImmutableCameraInfo;
import dev.homeport.domain.home.AttributeValue;
import dev.homeport.domain.home.DeviceEvent;
import dev.homeport.domain.home.DeviceId;
import dev.homeport.domain.home.EventId;
import dev.homeport.domain.home.ImmutableDeviceEvent;
import dev.homeport.domain.home.LocationId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Recorded-style payloads shared by the benchmarks and the load runs. */
final class Fixtures {

  private Fixtures() {}

  /** The location every simulated event belongs to. */
  static final LocationId LOCATION = LocationId.of("4f1c3a2e-7d5b-4c8e-9a61-0b2d3e4f5a6b");

  /**
   * A {@code system.get_sysinfo} answer in the shape a KC120 sends: the typical
   * "about 1 KB" camera response (1,230 bytes of ASCII JSON, 60 fields in all, 40 of them in the inner system object).
   */
  static final String SYSINFO_ANSWER_JSON = "{\"system\":{\"get_sysinfo\":{\"err_code\":0,\"system\":{"
      + "\"sw_ver\":\"2.3.6 Build 20210118 rel.57938\",\"hw_ver\":\"2.0\",\"model\":\"KC120(EU)\","
      + "\"hwId\":\"8C5B8B2A7E9F4C1D3B6A0E2F9D8C7B6A\",\"fwId\":\"00000000000000000000000000000000\","
      + "\"oemId\":\"F9E2B3C4D5A6B7C8D9E0F1A2B3C4D5E6\",\"deviceId\":\"80057F3C8E1A9B2D4C6E0F1A3B5D7E9F1A2B3C4D\","
      + "\"dev_name\":\"Kasa Cam Outdoor\",\"alias\":\"Porch camera\",\"type\":\"IOT.IPCAMERA\","
      + "\"mac\":\"B0:95:75:A1:B2:C3\",\"mic_mac\":\"B0:95:75:A1:B2:C3\",\"camera_switch\":\"on\","
      + "\"led_status\":\"on\",\"resolution\":\"1920x1080\",\"stream_version\":2,\"status\":\"configured\","
      + "\"updating\":false,\"is_cal\":true,\"latitude_i\":525200,\"longitude_i\":134050,"
      + "\"c_opt\":[0,1],\"f_list\":[1,2,3],\"a_type\":2,\"bind_status\":true,\"ssid\":\"homenet-5g\","
      + "\"rssi\":-52,\"signal_level\":3,\"system_time\":1623212163,\"timezone\":\"UTC+01:00\","
      + "\"area\":\"Europe/Berlin\",\"night_vision_mode\":\"auto\",\"motion_detection\":\"on\","
      + "\"sound_detection\":\"off\",\"sd_card\":{\"state\":\"ok\",\"total\":31104,\"free\":20871},"
      + "\"cloud\":{\"connected\":true,\"server\":\"n-devs.tplinkcloud.com\"},"
      + "\"features\":[\"ptz\",\"person_detection\",\"baby_cry\",\"dnd\",\"local_clip\",\"sound\"],"
      + "\"ptz\":{\"x\":120,\"y\":-35,\"presets\":4,\"tracking\":\"off\",\"patrol\":\"off\"},"
      + "\"video\":{\"codec\":\"h264\",\"bitrate\":2048,\"fps\":15,\"rotation\":0},"
      + "\"audio\":{\"codec\":\"g711u\",\"volume\":70}}}}}";

  /** The same information as a {@link CameraInfo}, so the simulators answer ~1 KB too. */
  static CameraInfo cameraInfo(String alias) {
    Map<String, Object> others = new LinkedHashMap<>();
    others.put("hwId", "8C5B8B2A7E9F4C1D3B6A0E2F9D8C7B6A");
    others.put("oemId", "F9E2B3C4D5A6B7C8D9E0F1A2B3C4D5E6");
    others.put("dev_name", "Kasa Cam Outdoor");
    others.put("camera_switch", "on");
    others.put("led_status", "on");
    others.put("resolution", "1920x1080");
    others.put("stream_version", 2L);
    others.put("status", "configured");
    others.put("updating", false);
    others.put("latitude_i", 525200L);
    others.put("longitude_i", 134050L);
    others.put("ssid", "homenet-5g");
    others.put("rssi", -52L);
    others.put("system_time", 1623212163L);
    others.put("timezone", "UTC+01:00");
    others.put("area", "Europe/Berlin");
    others.put("features", List.of("ptz", "person_detection", "baby_cry", "dnd", "local_clip", "sound"));
    others.put("ptz", FieldMap.of(Map.of("x", 120L, "y", -35L, "presets", 4L)));
    others.put("video", FieldMap.of(Map.of("codec", "h264", "bitrate", 2048L, "fps", 15L)));
    return ImmutableCameraInfo.builder()
        .alias(alias)
        .model("KC120(EU)")
        .type("IOT.IPCAMERA")
        .softwareVersion("2.3.6 Build 20210118 rel.57938")
        .hardwareVersion("2.0")
        .mac("B0:95:75:A1:B2:C3")
        .deviceId("80057F3C8E1A9B2D4C6E0F1A3B5D7E9F1A2B3C4D")
        .otherFields(FieldMap.of(others))
        .build();
  }

  /** Recorded-style device-event frames, as the service pushes them (one WebSocket text frame each). */
  static final List<String> DEVICE_EVENT_FRAMES = List.of(
      frame("e1a0c6d2-1b7f-4c9e-8a3d-5f6b7c8d9e01", "d1c1f8e2-3a4b-4c5d-8e6f-7a8b9c0d1e2f", "main",
          "powerMeter", "power", "9.2", "number", "\"W\""),
      frame("e1a0c6d2-1b7f-4c9e-8a3d-5f6b7c8d9e02", "a2b3c4d5-e6f7-4809-9a1b-2c3d4e5f6a7b", "main",
          "switch", "switch", "\"on\"", "string", null),
      frame("e1a0c6d2-1b7f-4c9e-8a3d-5f6b7c8d9e03", "b3c4d5e6-f7a8-4910-8b2c-3d4e5f6a7b8c", "main",
          "temperatureMeasurement", "temperature", "21.5", "number", "\"C\""),
      frame("e1a0c6d2-1b7f-4c9e-8a3d-5f6b7c8d9e04", "c4d5e6f7-a8b9-4a21-9c3d-4e5f6a7b8c9d", "main",
          "contactSensor", "contact", "\"open\"", "string", null),
      frame("e1a0c6d2-1b7f-4c9e-8a3d-5f6b7c8d9e05", "d5e6f7a8-b9c0-4b32-8d4e-5f6a7b8c9d0e", "main",
          "energyMeter", "energy", "1523.87", "number", "\"kWh\""),
      frame("e1a0c6d2-1b7f-4c9e-8a3d-5f6b7c8d9e06", "e6f7a8b9-c0d1-4c43-9e5f-6a7b8c9d0e1f", "main",
          "motionSensor", "motion", "\"active\"", "string", null),
      frame("e1a0c6d2-1b7f-4c9e-8a3d-5f6b7c8d9e07", "f7a8b9c0-d1e2-4d54-8f6a-7b8c9d0e1f2a", "main",
          "battery", "battery", "87", "integer", "\"%\""),
      frame("e1a0c6d2-1b7f-4c9e-8a3d-5f6b7c8d9e08", "a8b9c0d1-e2f3-4e65-9a7b-8c9d0e1f2a3b", "main",
          "colorControl", "color", "{\"hue\":33,\"saturation\":80}", "object", null));

  private static String frame(String eventId, String deviceId, String component, String capability,
      String attribute, String valueJson, String valueType, String unitJson) {
    return "42[\"api/subscription DEVICE_EVENT\",{\"data\":{\"eventType\":\"DEVICE_EVENT\","
        + "\"eventId\":\"" + eventId + "\",\"locationId\":\"" + LOCATION.value() + "\","
        + "\"deviceId\":\"" + deviceId + "\",\"componentId\":\"" + component + "\","
        + "\"capability\":\"" + capability + "\",\"attribute\":\"" + attribute + "\","
        + "\"value\":" + valueJson + ",\"valueType\":\"" + valueType + "\","
        + (unitJson == null ? "" : "\"unit\":" + unitJson + ",")
        + "\"stateChange\":true,\"time\":\"2021-06-09T04:16:03.854Z\"},"
        + "\"subscriptionId\":\"9c8b7a6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d\"}]";
  }

  private static final String[] CAPABILITIES = {"powerMeter", "switch", "temperatureMeasurement", "contactSensor"};
  private static final String[] ATTRIBUTES = {"power", "switch", "temperature", "contact"};
  private static final Instant TIME = Instant.parse("2021-06-09T04:16:03.854Z");

  /** The {@code n}-th device event of a load run; its id is {@code ev-<n>}. */
  static DeviceEvent event(long n) {
    int k = (int) (n & 3);
    AttributeValue value = k == 1 ? new AttributeValue.TextValue((n & 4) == 0 ? "on" : "off")
        : k == 3 ? new AttributeValue.TextValue("open")
        : new AttributeValue.NumberValue(BigDecimal.valueOf(n % 1000, 1));
    return ImmutableDeviceEvent.builder()
        .eventId(EventId.of("ev-" + n))
        .locationId(LOCATION)
        .deviceId(DeviceId.of("device-" + (n % 64)))
        .componentId("main")
        .capability(CAPABILITIES[k])
        .attribute(ATTRIBUTES[k])
        .value(value)
        .unit(k == 0 ? java.util.Optional.of("W") : java.util.Optional.empty())
        .stateChange(true)
        .time(TIME)
        .build();
  }

  /** The number in an id made by {@link #event(long)}, or -1. */
  static long eventNumber(DeviceEvent event) {
    String id = event.eventId().value();
    if (!id.startsWith("ev-")) {
      return -1;
    }
    try {
      return Long.parseLong(id, 3, id.length(), 10);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
