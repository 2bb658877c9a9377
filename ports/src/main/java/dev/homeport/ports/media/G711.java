package dev.homeport.ports.media;

/**
 * G.711 mu-law (ITU-T G.711, the North American companding): one byte per sample to and from 16-bit
 * linear PCM. Stateless and thread-safe.
 */
public final class G711 {

  private static final int BIAS = 0x84;
  private static final int CLIP = 32635;
  private static final short[] DECODE = new short[256];

  static {
    for (int i = 0; i < 256; i++) {
      int u = ~i & 0xff;
      int exponent = (u >> 4) & 0x07;
      int mantissa = u & 0x0f;
      int magnitude = (((mantissa << 3) + BIAS) << exponent) - BIAS;
      DECODE[i] = (short) ((u & 0x80) != 0 ? -magnitude : magnitude);
    }
  }

  private G711() {}

  /** The mu-law byte for a 16-bit linear sample. */
  public static byte encode(int sample) {
    int s = Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, sample));
    int sign = 0;
    if (s < 0) {
      s = -s;
      sign = 0x80;
    }
    if (s > CLIP) {
      s = CLIP;
    }
    s += BIAS;
    int exponent = 7;
    for (int mask = 0x4000; (s & mask) == 0 && exponent > 0; mask >>= 1) {
      exponent--;
    }
    int mantissa = (s >> (exponent + 3)) & 0x0f;
    return (byte) ~(sign | (exponent << 4) | mantissa);
  }

  /** The 16-bit linear sample of a mu-law byte. */
  public static short decode(byte ulaw) {
    return DECODE[ulaw & 0xff];
  }
}
