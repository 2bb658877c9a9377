package dev.homeport.simulators.kasa;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The simulator's sample clip (see {@code stream/README.md} beside it): the H.264 access units of
 * {@code clip.h264}, found with the simulator's own start-code scan (independent of any client
 * parser), and the mu-law bytes of {@code clip.ulaw}. Immutable and thread-safe once loaded.
 */
public final class SampleClip {

  /** Frames per second of the clip's video. */
  public static final int FPS = 10;

  private static final class Holder {
    static final SampleClip INSTANCE = load();
  }

  private final byte[] parameterSets;
  private final List<byte[]> accessUnits;
  private final List<Boolean> idr;
  private final byte[] audio;

  private SampleClip(byte[] parameterSets, List<byte[]> accessUnits, List<Boolean> idr, byte[] audio) {
    this.parameterSets = parameterSets;
    this.accessUnits = accessUnits;
    this.idr = idr;
    this.audio = audio;
  }

  /** The clip, loaded once. */
  public static SampleClip get() {
    return Holder.INSTANCE;
  }

  /** The first SPS and PPS with their start codes, as one Annex-B run (the file repeats them). */
  public byte[] parameterSets() {
    return parameterSets.clone();
  }

  /** The pictures, each with its start codes, without SPS/PPS. */
  public List<byte[]> accessUnits() {
    return accessUnits;
  }

  /** Whether picture {@code i} is an IDR picture. */
  public boolean isIdr(int i) {
    return idr.get(i);
  }

  /** Key frames in the clip. */
  public long idrCount() {
    return idr.stream().filter(b -> b).count();
  }

  /** The sound: 8000 mu-law bytes per second, as long as the video. */
  public byte[] audio() {
    return audio.clone();
  }

  private static byte[] resource(String name) {
    try (InputStream in = SampleClip.class.getResourceAsStream("stream/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test data stream/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static SampleClip load() {
    byte[] h264 = resource("clip.h264");
    // positions of every 00 00 01; a preceding 00 belongs to the start code (4-byte form)
    List<int[]> nals = new ArrayList<>(); // {startCodeStart, payloadStart}
    for (int i = 0; i + 3 <= h264.length; i++) {
      if (h264[i] == 0 && h264[i + 1] == 0 && h264[i + 2] == 1) {
        int sc = i > 0 && h264[i - 1] == 0 ? i - 1 : i;
        nals.add(new int[] {sc, i + 3});
        i += 2;
      }
    }
    java.io.ByteArrayOutputStream params = new java.io.ByteArrayOutputStream();
    List<byte[]> units = new ArrayList<>();
    List<Boolean> idr = new ArrayList<>();
    java.io.ByteArrayOutputStream current = new java.io.ByteArrayOutputStream();
    boolean sawSps = false;
    boolean sawPps = false;
    for (int n = 0; n < nals.size(); n++) {
      int from = nals.get(n)[0];
      int to = n + 1 < nals.size() ? nals.get(n + 1)[0] : h264.length;
      int type = h264[nals.get(n)[1]] & 0x1f;
      byte[] nal = Arrays.copyOfRange(h264, from, to);
      if (type == 7 || type == 8) {
        // the file repeats them before every IDR; the simulator sends them once per connection
        if (!(type == 7 ? sawSps : sawPps)) {
          params.writeBytes(nal);
        }
        sawSps |= type == 7;
        sawPps |= type == 8;
        continue;
      }
      current.writeBytes(nal);
      if (type == 1 || type == 5) { // one slice per picture in this clip: the slice ends the unit
        units.add(current.toByteArray());
        idr.add(type == 5);
        current.reset();
      }
    }
    return new SampleClip(params.toByteArray(), List.copyOf(units), List.copyOf(idr), resource("clip.ulaw"));
  }
}
