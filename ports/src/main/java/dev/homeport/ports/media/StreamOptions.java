package dev.homeport.ports.media;

import dev.homeport.domain.media.StreamResolution;
import org.immutables.value.Value;

/**
 * What to watch and how to buffer it, for {@link CameraStream#frames(StreamOptions)}. Build with
 * {@code ImmutableStreamOptions.builder()}, or take {@link #defaults()}: the HD stream with video and
 * audio, a buffer of 512 frames and 16 MiB per subscriber, and {@link FrameDropPolicy#DROP_WHOLE_GOPS}.
 * Invalid values are refused by {@code build()} naming the field.
 */
@Value.Immutable
public interface StreamOptions {

  /** The defaults described above. */
  static StreamOptions defaults() {
    return ImmutableStreamOptions.builder().build();
  }

  /** Which of the camera's streams (default {@code hd}). */
  @Value.Default
  default StreamResolution resolution() {
    return StreamResolution.HD;
  }

  /** Whether to deliver audio frames (default true). */
  @Value.Default
  default boolean audio() {
    return true;
  }

  /** Frames buffered per subscriber before the drop policy applies (default 512, at least 1). */
  @Value.Default
  default int bufferFrames() {
    return 512;
  }

  /** Bytes buffered per subscriber before the drop policy applies (default 16 MiB, at least 64 KiB). */
  @Value.Default
  default int bufferBytes() {
    return 16 << 20;
  }

  /** What happens for a subscriber whose buffer is full (default {@link FrameDropPolicy#DROP_WHOLE_GOPS}). */
  @Value.Default
  default FrameDropPolicy dropPolicy() {
    return FrameDropPolicy.DROP_WHOLE_GOPS;
  }

  @Value.Check
  default void check() {
    if (bufferFrames() < 1) {
      throw new IllegalArgumentException("bufferFrames must be at least 1, was " + bufferFrames());
    }
    if (bufferBytes() < 64 * 1024) {
      throw new IllegalArgumentException("bufferBytes must be at least 65536, was " + bufferBytes());
    }
  }
}
