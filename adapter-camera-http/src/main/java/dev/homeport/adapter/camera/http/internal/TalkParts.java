package dev.homeport.adapter.camera.http.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The parts of a Kasa talk body, in order and with the time each is due (from the notes: 160-byte
 * {@code audio/g711u} parts, one per 20 ms, and an empty {@code audio/heartbeat} part every 3 s).
 * When the first heartbeat goes is not in the notes: here at the start, then every 3 s. The last
 * audio part is padded with mu-law silence to 160 bytes. Not thread-safe (one per talk).
 */
final class TalkParts {

  static final String BOUNDARY = "audio-boundary--";
  static final int AUDIO_BYTES = 160;
  static final long AUDIO_NANOS = 20_000_000L;
  static final long HEARTBEAT_NANOS = 3_000_000_000L;
  private static final byte SILENCE = (byte) 0xff;

  /** One part: when it is due (from the start), its bytes on the wire, and whether it is audio. */
  record Part(long dueNanos, byte[] wire, boolean audio) {}

  private final InputStream ulaw;
  private long audioParts;
  private long heartbeats;
  private long audioBytes;
  private boolean ended;

  TalkParts(InputStream ulaw) {
    this.ulaw = ulaw;
  }

  /** The next part, or null after the last one. */
  Part next() throws IOException {
    long nextAudioDue = audioParts * AUDIO_NANOS;
    long nextHeartbeatDue = heartbeats * HEARTBEAT_NANOS;
    if (!ended && nextHeartbeatDue <= nextAudioDue) {
      heartbeats++;
      return new Part(nextHeartbeatDue, wire("audio/heartbeat", new byte[0]), false);
    }
    if (ended) {
      return null;
    }
    byte[] block = ulaw.readNBytes(AUDIO_BYTES);
    if (block.length == 0) {
      ended = true;
      return null;
    }
    audioBytes += block.length;
    if (block.length < AUDIO_BYTES) {
      int n = block.length;
      block = Arrays.copyOf(block, AUDIO_BYTES);
      Arrays.fill(block, n, AUDIO_BYTES, SILENCE);
      ended = true;
    }
    audioParts++;
    return new Part(nextAudioDue, wire("audio/g711u", block), true);
  }

  long audioParts() {
    return audioParts;
  }

  long heartbeats() {
    return heartbeats;
  }

  long audioBytes() {
    return audioBytes;
  }

  static byte[] wire(String type, byte[] body) {
    byte[] head = ("--" + BOUNDARY + "\r\nContent-Type: " + type + "\r\nContent-Length: " + body.length
        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] out = Arrays.copyOf(head, head.length + body.length + 2);
    System.arraycopy(body, 0, out, head.length, body.length);
    out[out.length - 2] = '\r';
    out[out.length - 1] = '\n';
    return out;
  }
}
