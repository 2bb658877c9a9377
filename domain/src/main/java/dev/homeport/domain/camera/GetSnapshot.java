package dev.homeport.domain.camera;

import dev.homeport.domain.internal.Checks;

/**
 * Takes a still image now: the JPEG bytes the camera serves. The answer is refused, not truncated,
 * when it is larger than {@code maxBytes} or is not a JPEG.
 *
 * @param maxBytes the largest image accepted, 1..{@value #MAX_BYTES}
 */
public record GetSnapshot(int maxBytes) implements CameraCommand<Snapshot> {

  /** The default cap: 8 MiB, more than a 4K JPEG needs. */
  public static final int DEFAULT_MAX_BYTES = 8 * 1024 * 1024;
  /** The highest cap accepted: 64 MiB. */
  public static final int MAX_BYTES = 64 * 1024 * 1024;

  public GetSnapshot {
    Checks.inRange("maxBytes", maxBytes, 1, MAX_BYTES);
  }

  /** A snapshot capped at {@link #DEFAULT_MAX_BYTES}. */
  public GetSnapshot() {
    this(DEFAULT_MAX_BYTES);
  }
}
