package dev.homeport.domain.media;

import java.util.Locale;

/** How a frame's bytes are encoded. */
public enum MediaCodec {
  /**
   * H.264 (AVC) in Annex-B byte-stream form: NAL units each preceded by a {@code 00 00 00 01} or
   * {@code 00 00 01} start code; a file of such frames is a raw {@code .h264} elementary stream.
   */
  H264(MediaKind.VIDEO, "h264"),
  /** G.711 mu-law: 8000 samples per second, mono, one byte per sample (so 160 bytes = 20 ms). */
  G711U(MediaKind.AUDIO, "g711u");

  private final MediaKind kind;
  private final String text;

  MediaCodec(MediaKind kind, String text) {
    this.kind = kind;
    this.text = text;
  }

  /** The kind of media this codec carries. */
  public MediaKind kind() {
    return kind;
  }

  /** The codec's short name, {@code h264} or {@code g711u}. */
  public String text() {
    return text;
  }

  /**
   * The codec named {@code h264} or {@code g711u} (any case).
   *
   * @throws IllegalArgumentException naming the allowed values
   */
  public static MediaCodec parse(String text) {
    String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    for (MediaCodec c : values()) {
      if (c.text.equals(t)) {
        return c;
      }
    }
    throw new IllegalArgumentException("codec must be one of h264, g711u, was \"" + text + "\"");
  }
}
