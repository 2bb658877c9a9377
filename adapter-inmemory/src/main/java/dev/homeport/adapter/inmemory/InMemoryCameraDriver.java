package dev.homeport.adapter.inmemory;

import dev.homeport.domain.camera.ImmutableCameraInfo;
import dev.homeport.ports.camera.CameraDriver;
import dev.homeport.ports.camera.CameraEndpoint;
import dev.homeport.ports.camera.DriverOption;
import dev.homeport.support.Durations;
import java.time.Clock;
import java.util.List;
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
 *   <li>{@code request-timeout}: answers slower than this fail with {@code RequestTimeoutException}
 *       (same forms, positive);
 *   <li>{@code model}: the model {@code GetCameraInfo} reports.
 * </ul>
 *
 * <p>Immutable and thread-safe; may be shared by many cameras.
 */
public final class InMemoryCameraDriver implements CameraDriver {

  /** The brand id, {@code inmemory}. */
  public static final String BRAND = "inmemory";

  private static final List<DriverOption> OPTIONS = List.of(
      DriverOption.text("latency", "Delay of every answer (0: synchronous answers).",
          "zero or more, " + Durations.FORMS, "0ms"),
      DriverOption.text("request-timeout",
          "Answers slower than this fail with a request time-out.", Durations.FORMS, null),
      DriverOption.text("model", "The model GetCameraInfo reports.", "a non-blank model name", null));

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

  /** {@code false}: host and credentials are ignored. */
  @Override
  public boolean remote() {
    return false;
  }

  /** {@code latency}, {@code request-timeout} and {@code model}. */
  @Override
  public List<DriverOption> options() {
    return OPTIONS;
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
    checkEndpoint(endpoint);
    String where = BRAND + " camera '" + endpoint.name() + "': option ";
    InMemoryCamera.Builder builder = InMemoryCamera.builder().name(endpoint.name()).clock(clock);
    Map<String, String> options = endpoint.options();
    if (options.containsKey("latency")) {
      builder.latency(Durations.nonNegative(where + "'latency'", options.get("latency")));
    }
    if (options.containsKey("request-timeout")) {
      builder.requestTimeout(Durations.positive(where + "'request-timeout'", options.get("request-timeout")));
    }
    if (options.containsKey("model")) {
      String value = options.get("model");
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(where + "'model' must be a non-blank model name, was \"" + value + "\"");
      }
      builder.info(ImmutableCameraInfo.copyOf(InMemoryCamera.defaultInfo(endpoint.name())).withModel(value));
    }
    return builder.build();
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
