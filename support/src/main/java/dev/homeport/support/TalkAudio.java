package dev.homeport.support;

import dev.homeport.ports.media.G711;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Sound for {@link CameraTalk}: converts a WAV (or AIFF/AU) file of any sample rate, size and channel
 * count that {@code javax.sound.sampled} reads into G.711 mu-law, 8000 Hz, mono. Stateless and
 * thread-safe.
 */
public final class TalkAudio {

  /** The format cameras take: 8000 samples per second, mono. */
  public static final float SAMPLE_RATE = 8000f;

  private TalkAudio() {}

  /**
   * The whole of {@code file} as mu-law bytes.
   *
   * @throws IllegalArgumentException if the file is not a sound file Java can read or convert,
   *     naming the file and its format
   * @throws IOException if it cannot be read
   */
  public static byte[] fromWav(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return fromWav(in, file.toString());
    }
  }

  /**
   * The whole of {@code wav} as mu-law bytes; see {@link #fromWav(Path)}.
   *
   * @param name how to call the sound in error messages
   */
  public static byte[] fromWav(InputStream wav, String name) throws IOException {
    AudioInputStream source;
    try {
      source = AudioSystem.getAudioInputStream(new BufferedInputStream(wav));
    } catch (UnsupportedAudioFileException e) {
      throw new IllegalArgumentException(name + " is not a sound file Java can read (WAV, AIFF or AU"
          + " with PCM, mu-law or A-law samples)");
    }
    AudioFormat from = source.getFormat();
    AudioInputStream pcm;
    try {
      AudioFormat linear = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, from.getSampleRate(), 16,
          from.getChannels(), from.getChannels() * 2, from.getSampleRate(), false);
      AudioInputStream linearIn = from.matches(linear) ? source : AudioSystem.getAudioInputStream(linear, source);
      AudioFormat target = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, SAMPLE_RATE, 16, 1, 2, SAMPLE_RATE, false);
      pcm = linear.matches(target) ? linearIn : AudioSystem.getAudioInputStream(target, linearIn);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + ": cannot convert its sound (" + from
          + ") to 8000 Hz mono: " + e.getMessage());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    int carry = -1;
    for (int n; (n = pcm.read(buf)) > 0; ) {
      int i = 0;
      if (carry >= 0) {
        out.write(G711.encode((short) ((buf[0] << 8) | carry)));
        carry = -1;
        i = 1;
      }
      for (; i + 1 < n; i += 2) {
        out.write(G711.encode((short) ((buf[i + 1] << 8) | (buf[i] & 0xff))));
      }
      if (i < n) {
        carry = buf[i] & 0xff;
      }
    }
    return out.toByteArray();
  }
}
