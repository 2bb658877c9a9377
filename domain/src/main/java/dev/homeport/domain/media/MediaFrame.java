package dev.homeport.domain.media;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One frame of live media as the camera sent it: its codec (and so its kind), the camera's own
 * timestamp, whether a decoder can start from it, and its bytes.
 *
 * <p>For {@link MediaCodec#H264} the bytes are one camera part in Annex-B form (start codes
 * included), so writing the bytes of successive video frames to a file makes a playable raw
 * {@code .h264} stream. A {@linkplain #keyFrame() key frame} holds an IDR picture preceded by the
 * sequence and picture parameter sets (SPS, PPS) it needs, even when the camera sent those
 * separately or earlier: a subscriber that starts at any key frame can decode. For
 * {@link MediaCodec#G711U} the bytes are mu-law samples, and every audio frame counts as a key frame.
 *
 * <p>Immutable and thread-safe: the bytes are copied in and {@link #bytes()} returns a copy;
 * {@link #asByteBuffer()} reads them without copying.
 */
public final class MediaFrame {

  private final MediaCodec codec;
  private final Duration timestamp;
  private final boolean keyFrame;
  private final byte[] bytes;
  private final StreamGap gap;

  private MediaFrame(MediaCodec codec, Duration timestamp, boolean keyFrame, byte[] bytes, StreamGap gap) {
    this.codec = codec;
    this.timestamp = timestamp;
    this.keyFrame = keyFrame;
    this.bytes = bytes;
    this.gap = gap;
  }

  /**
   * A frame.
   *
   * @param codec how {@code bytes} are encoded
   * @param timestamp the camera's timestamp (time since the camera's own epoch, usually Unix time)
   * @param keyFrame whether a decoder can start from this frame (always true for audio)
   * @param bytes the encoded bytes, copied
   * @throws IllegalArgumentException if {@code timestamp} is negative, or an audio frame is not a key frame
   */
  public static MediaFrame of(MediaCodec codec, Duration timestamp, boolean keyFrame, byte[] bytes) {
    Objects.requireNonNull(codec, "codec");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(bytes, "bytes");
    if (timestamp.isNegative()) {
      throw new IllegalArgumentException("timestamp must be 0 or more, was " + timestamp);
    }
    if (codec.kind() == MediaKind.AUDIO && !keyFrame) {
      throw new IllegalArgumentException("audio frames are always key frames");
    }
    return new MediaFrame(codec, timestamp, keyFrame, bytes.clone(), null);
  }

  /** This frame carrying {@code gap}: frames were missed just before it. */
  public MediaFrame withGap(StreamGap gap) {
    return new MediaFrame(codec, timestamp, keyFrame, bytes, Objects.requireNonNull(gap, "gap"));
  }

  /** Video or audio. */
  public MediaKind kind() {
    return codec.kind();
  }

  /** How the bytes are encoded. */
  public MediaCodec codec() {
    return codec;
  }

  /** The camera's timestamp of this frame. */
  public Duration timestamp() {
    return timestamp;
  }

  /** Whether a decoder can start from this frame: an IDR picture with its SPS/PPS, or any audio frame. */
  public boolean keyFrame() {
    return keyFrame;
  }

  /** A copy of the encoded bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The encoded bytes as a read-only buffer (no copy). */
  public ByteBuffer asByteBuffer() {
    return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
  }

  /** The number of encoded bytes. */
  public int size() {
    return bytes.length;
  }

  /** The notice that frames were missed just before this one, if they were. */
  public Optional<StreamGap> gap() {
    return Optional.ofNullable(gap);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MediaFrame f
        && codec == f.codec
        && keyFrame == f.keyFrame
        && timestamp.equals(f.timestamp)
        && Arrays.equals(bytes, f.bytes)
        && Objects.equals(gap, f.gap);
  }

  @Override
  public int hashCode() {
    return Objects.hash(codec, timestamp, keyFrame, Arrays.hashCode(bytes), gap);
  }

  @Override
  public String toString() {
    return "MediaFrame[" + codec.text() + " " + timestamp.toMillis() + " ms" + (keyFrame && codec == MediaCodec.H264 ? " key" : "")
        + " " + bytes.length + " B" + (gap == null ? "" : " after gap " + gap.reason()) + "]";
  }
}
