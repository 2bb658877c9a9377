package dev.homeport.domain.camera;

import dev.homeport.domain.internal.Checks;
import java.time.Instant;
import java.util.Optional;

/**
 * A detection state change a camera reported: motion, a person, or tampering started or ended.
 *
 * @param camera the camera's configured name, e.g. {@code porch}
 * @param kind what was detected
 * @param topic the camera's own name for the event, e.g. ONVIF's
 *     {@code tns1:RuleEngine/CellMotionDetector/Motion} or Kasa's {@code motion}
 * @param source the camera's token of the source (e.g. a video source or rule), when it names one
 * @param active true when the detection started (motion is present), false when it ended
 * @param time when the camera says it happened
 */
public record CameraEvent(
    String camera, Kind kind, String topic, Optional<String> source, boolean active, Instant time) {

  /** What a camera detected. */
  public enum Kind {
    /** Movement in the picture. */
    MOTION,
    /** A person (people detection). */
    PERSON,
    /** Tampering: the view blocked, moved or defocused. */
    TAMPER
  }

  public CameraEvent {
    Checks.notBlank("camera", camera);
    Checks.required("kind", kind);
    Checks.notBlank("topic", topic);
    Checks.required("source", source);
    Checks.required("time", time);
  }
}
