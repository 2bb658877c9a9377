package dev.homeport.domain.camera;

import dev.homeport.domain.internal.Checks;
import java.time.Instant;
import java.util.List;

/**
 * Lists the detection events (motion, person, sound...) recorded in a time window.
 *
 * @param start inclusive start, to the second
 * @param end exclusive end, after {@code start}
 */
public record ListDetections(Instant start, Instant end) implements CameraCommand<List<DetectionEvent>> {

  public ListDetections {
    Checks.required("start", start);
    Checks.required("end", end);
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException(
          "start must be before end, was start " + start + " and end " + end);
    }
  }
}
