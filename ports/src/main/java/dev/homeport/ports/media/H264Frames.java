package dev.homeport.ports.media;

import dev.homeport.domain.media.MediaCodec;
import dev.homeport.domain.media.MediaFrame;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * H.264 Annex-B helpers and a key-frame assembler: {@link #nalUnits(byte[])} splits an Annex-B byte
 * run into its NAL units; an instance turns the Annex-B payloads a camera sends (one per part) into
 * {@link MediaFrame}s, keeping the latest SPS and PPS and putting them in front of every IDR picture
 * that arrives without them, and holding back pictures until the first IDR (after construction and
 * after {@link #resync()}), so every frame it returns can be decoded.
 *
 * <p>The static methods are thread-safe; an instance is not (one per connection, fed by one thread).
 */
public final class H264Frames {

  /** NAL unit type of a non-IDR slice. */
  public static final int SLICE = 1;
  /** NAL unit type of an IDR slice (a picture a decoder can start from). */
  public static final int IDR = 5;
  /** NAL unit type of supplemental enhancement information. */
  public static final int SEI = 6;
  /** NAL unit type of a sequence parameter set. */
  public static final int SPS = 7;
  /** NAL unit type of a picture parameter set. */
  public static final int PPS = 8;
  /** NAL unit type of an access unit delimiter. */
  public static final int AUD = 9;

  private static final byte[] START = {0, 0, 0, 1};

  /**
   * One NAL unit inside a byte array: {@code length} bytes from {@code offset}, start code excluded.
   *
   * @param offset index of the NAL header byte
   * @param length bytes of the NAL unit, header included, trailing zero bytes excluded
   * @param type the NAL unit type (0..31) from the header byte
   */
  public record NalUnit(int offset, int length, int type) {}

  private byte[] sps;
  private byte[] pps;
  private boolean waitingForIdr = true;
  private long dropped;
  private long malformed;

  /**
   * The NAL units of an Annex-B byte run ({@code 00 00 01} or {@code 00 00 00 01} before each unit).
   * Bytes before the first start code are not a NAL unit and are ignored; an empty list means the
   * run holds no start code at all.
   */
  public static List<NalUnit> nalUnits(byte[] annexB) {
    return nalUnits(annexB, 0, annexB.length);
  }

  /** The NAL units of {@code length} Annex-B bytes of {@code data} from {@code offset}; see {@link #nalUnits(byte[])}. */
  public static List<NalUnit> nalUnits(byte[] data, int offset, int length) {
    List<NalUnit> units = new ArrayList<>(4);
    int end = offset + length;
    int start = nextStart(data, offset, end);
    while (start >= 0) {
      int next = nextStart(data, start, end);
      int unitEnd = next < 0 ? end : next - 3;
      while (unitEnd > start && data[unitEnd - 1] == 0) {
        unitEnd--; // trailing_zero_8bits and the leading zero of a 4-byte start code
      }
      if (unitEnd > start) {
        units.add(new NalUnit(start, unitEnd - start, data[start] & 0x1f));
      }
      start = next;
    }
    return units;
  }

  /** Index just after the next {@code 00 00 01} at or after {@code from}, or -1. */
  private static int nextStart(byte[] d, int from, int end) {
    for (int i = from; i + 2 < end; i++) {
      if (d[i + 2] > 1) {
        i += 2; // neither of the next two positions can begin a start code ending here
        continue;
      }
      if (d[i] == 0 && d[i + 1] == 0 && d[i + 2] == 1) {
        return i + 3;
      }
    }
    return -1;
  }

  /**
   * The frame for one Annex-B payload the camera sent at {@code timestamp}, or empty when it is held
   * back: parameter sets alone (kept for the next IDR), a picture before the first IDR (counted in
   * {@link #droppedFrames()}), or a payload without a NAL unit (counted in {@link #malformedPayloads()}).
   */
  public Optional<MediaFrame> accept(Duration timestamp, byte[] annexB) {
    List<NalUnit> units = nalUnits(annexB);
    if (units.isEmpty()) {
      malformed++;
      return Optional.empty();
    }
    boolean idr = false;
    boolean picture = false;
    boolean hasSps = false;
    boolean hasPps = false;
    for (NalUnit u : units) {
      switch (u.type()) {
        case SPS:
          sps = java.util.Arrays.copyOfRange(annexB, u.offset(), u.offset() + u.length());
          hasSps = true;
          break;
        case PPS:
          pps = java.util.Arrays.copyOfRange(annexB, u.offset(), u.offset() + u.length());
          hasPps = true;
          break;
        case IDR:
          idr = true;
          picture = true;
          break;
        case SLICE:
          picture = true;
          break;
        default:
          break;
      }
    }
    if (!picture) {
      return Optional.empty();
    }
    if (!idr && waitingForIdr) {
      dropped++;
      return Optional.empty();
    }
    if (idr && (sps == null || pps == null)) {
      dropped++; // an IDR without parameter sets cannot be decoded; wait for the camera to send them
      return Optional.empty();
    }
    waitingForIdr = false;
    if (!idr || (hasSps && hasPps)) {
      return Optional.of(MediaFrame.of(MediaCodec.H264, timestamp, idr, annexB));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(annexB.length + 64);
    if (!hasSps) {
      out.writeBytes(START);
      out.writeBytes(sps);
    }
    if (!hasPps) {
      out.writeBytes(START);
      out.writeBytes(pps);
    }
    out.writeBytes(annexB);
    return Optional.of(MediaFrame.of(MediaCodec.H264, timestamp, true, out.toByteArray()));
  }

  /** Holds pictures back again until the next IDR (after a reconnect); keeps the parameter sets. */
  public void resync() {
    waitingForIdr = true;
  }

  /** Whether pictures are held back until the next IDR. */
  public boolean waitingForKeyFrame() {
    return waitingForIdr;
  }

  /** Pictures held back so far because no IDR had been seen since the start or the last resync. */
  public long droppedFrames() {
    return dropped;
  }

  /** Payloads so far that held no NAL unit. */
  public long malformedPayloads() {
    return malformed;
  }
}
