package dev.homeport.ports.media;

import java.io.InputStream;
import java.util.concurrent.CompletableFuture;

/**
 * Sends sound to a camera's speaker ("talk back"). Audio is G.711 mu-law, 8000 samples per second,
 * mono ({@code dev.homeport.support.TalkAudio} converts a WAV file); it is sent in real time, so talking a 5 s clip
 * takes about 5 s.
 *
 * <p>Thread-safe; a camera plays one talk at a time, so a second {@link #talk} while one is running
 * waits for it. The future fails with {@link dev.homeport.ports.HomeportException} subtypes:
 * {@link dev.homeport.ports.AuthenticationException}, {@link dev.homeport.ports.TransportException}
 * (unreachable, dropped, certificate mismatch), {@link dev.homeport.ports.ProtocolException} (the
 * audio could not be read), {@link dev.homeport.ports.ClosedException}.
 */
public interface CameraTalk {

  /**
   * Sends all of {@code ulaw} (mu-law bytes, read until its end; closed when done) to the speaker.
   *
   * @return the result once the last audio was sent and the camera acknowledged the end
   */
  CompletableFuture<TalkResult> talk(InputStream ulaw);

  /**
   * What a finished talk sent.
   *
   * @param audioBytes mu-law bytes sent (8000 per second of sound)
   * @param audioParts audio parts sent
   * @param heartbeats keep-alive parts sent
   */
  record TalkResult(long audioBytes, long audioParts, long heartbeats) {}
}
