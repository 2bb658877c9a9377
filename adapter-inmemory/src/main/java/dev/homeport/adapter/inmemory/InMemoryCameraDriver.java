package dev.homeport.adapter.inmemory;

import dev.homeport.domain.camera.ImmutableCameraInfo;
import dev.homeport.ports.camera.CameraDriver;
import dev.homeport.ports.camera.CameraEndpoint;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code inmemory} camera brand: {@link #connect(CameraEndpoint)} gives a fresh {@link
 * InMemoryCamera} named after the endpoint. Host, port and credentials are accepted and ignored.
 *
 * <p>Options (all optional):
 *
 * <ul>
 *   <li>{@code latency}: delay of every answer, e.g. {@code 200ms}, {@code 2s} or ISO-8601 {@code
 *       PT0.2S} (default 0: synchronous answers);
 *   <li>{@code requestTimeout}: answers slower than this fail with {@code RequestTimeoutException}
 *       (same forms, positive);
 *   <li>{@code model}: the model {@code GetCameraInfo} reports.
 * </ul>
 *
 * <p>Immutable and thread-safe; may be shared by many cameras.
 */
public final class InMemoryCameraDriver implements CameraDriver {

  /** The brand id, {@code inmemory}. */
  public static final String BRAND = "inmemory";

  private static final List<String> OPTIONS = List.of("latency", "requestTimeout", "model");

  private final Clock clock;

  /** A driver whose cameras follow the system UTC clock. */
  public InMemoryCameraDriver() {
    this(Clock.systemUTC());
  }

  /** A driver whose cameras follow {@code clock}. */
  public InMemoryCameraDriver(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** {@value #BRAND}. */
  @Override
  public String brand() {
    return BRAND;
  }

  /**
   * A new in-memory camera named {@code endpoint.name()}, configured from the endpoint's options.
   * No I/O.
   *
   * @throws IllegalArgumentException if the endpoint is of another brand, or an option is unknown or
   *     invalid (the message names the option and what is allowed)
   */
  @Override
  public InMemoryCamera connect(CameraEndpoint endpoint) {
    Objects.requireNonNull(endpoint, "endpoint");
    if (!BRAND.equals(endpoint.brand())) {
      throw new IllegalArgumentException(
          "endpoint " + endpoint.name() + " is of brand " + endpoint.brand() + ", this driver is " + BRAND);
    }
    InMemoryCamera.Builder builder = InMemoryCamera.builder().name(endpoint.name()).clock(clock);
    for (Map.Entry<String, String> option : endpoint.options().entrySet()) {
      String key = option.getKey();
      String value = option.getValue();
      switch (key) {
        case "latency":
          builder.latency(parseDuration(key, value, true));
          break;
        case "requestTimeout":
          builder.requestTimeout(parseDuration(key, value, false));
          break;
        case "model":
          if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("option model must be a non-blank model name, was \"" + value + "\"");
          }
          builder.info(ImmutableCameraInfo.copyOf(InMemoryCamera.defaultInfo(endpoint.name())).withModel(value));
          break;
        default:
          throw new IllegalArgumentException(
              "unknown option " + key + " for brand " + BRAND + "; allowed options: " + String.join(", ", OPTIONS));
      }
    }
    return builder.build();
  }

  /**
   * Parses {@code 250ms}, {@code 2s} or an ISO-8601 duration such as {@code PT0.25S}.
   *
   * @throws IllegalArgumentException naming the option and the accepted forms
   */
  static Duration parseDuration(String option, String text, boolean zeroAllowed) {
    String allowed =
        (zeroAllowed ? "zero or more" : "positive") + ", written like 250ms, 2s or PT0.25S";
    String trimmed = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    Duration parsed;
    try {
      if (trimmed.endsWith("ms")) {
        parsed = Duration.ofMillis(Long.parseLong(trimmed.substring(0, trimmed.length() - 2).trim()));
      } else if (trimmed.endsWith("s") && !trimmed.startsWith("pt")) {
        parsed = Duration.ofSeconds(Long.parseLong(trimmed.substring(0, trimmed.length() - 1).trim()));
      } else {
        parsed = Duration.parse(trimmed.toUpperCase(Locale.ROOT));
      }
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new IllegalArgumentException("option " + option + " must be " + allowed + ", was \"" + text + "\"", e);
    }
    if (parsed.isNegative() || (!zeroAllowed && parsed.isZero())) {
      throw new IllegalArgumentException("option " + option + " must be " + allowed + ", was \"" + text + "\"");
    }
    return parsed;
  }

  /** Drivers are equal when their cameras follow the same clock (so Guice sets hold one). */
  @Override
  public boolean equals(Object other) {
    return other instanceof InMemoryCameraDriver that && clock.equals(that.clock);
  }

  @Override
  public int hashCode() {
    return Objects.hash(BRAND, clock);
  }

  @Override
  public String toString() {
    return "InMemoryCameraDriver[" + BRAND + "]";
  }
}
