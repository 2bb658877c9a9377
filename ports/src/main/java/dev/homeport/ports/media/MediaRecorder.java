package dev.homeport.ports.media;

import dev.homeport.domain.media.MediaFrame;
import dev.homeport.domain.media.MediaKind;
import dev.homeport.domain.media.StreamGap;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records a live stream to two files every player and {@code ffprobe} read: the video as a raw H.264
 * Annex-B elementary stream ({@code NAME.h264}) and the audio as a WAV of 16-bit PCM, 8000 Hz, mono
 * ({@code NAME.wav}, decoded from mu-law so every player plays it). Mux them into one file with, for
 * example, {@code ffmpeg -framerate FPS -i NAME.h264 -i NAME.wav -c:v copy NAME.mkv}.
 *
 * <p>Because raw H.264 carries no timestamps, the recording starts at a key frame and gaps (a
 * reconnect, dropped groups of pictures) simply join the next key frame on; in the WAV the audio
 * missed during a gap is filled with silence (at most {@link #MAX_SILENCE}) so sound stays in step
 * with the camera's clock. A WAV file holds at most 4 GiB (about 74 hours at 16 KiB/s); the recorder
 * stops writing audio there and says so in {@link #summary()}.
 *
 * <p>Subscribe it to a {@link CameraStream} publisher; {@link #stop()} ends the recording (cancels the
 * subscription, completes the files). Thread-safe; its counters may be read from any thread.
 */
public final class MediaRecorder implements Flow.Subscriber<MediaFrame>, AutoCloseable {

  /** The longest silence put in the WAV for audio missed during a gap. */
  public static final Duration MAX_SILENCE = Duration.ofSeconds(60);

  private static final long WAV_LIMIT = 0xFFFF_FFFFL - 36;
  private static final int BATCH = 64;

  private final Path videoFile;
  private final Path audioFile;
  private final OutputStream video;
  private final RandomAccessFile audioRaf;
  private final OutputStream audio;
  private final CompletableFuture<Summary> done = new CompletableFuture<>();
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong videoFrames = new AtomicLong();
  private final AtomicLong audioFrames = new AtomicLong();
  private final AtomicLong reconnects = new AtomicLong();
  private final AtomicLong gaps = new AtomicLong();
  private volatile Duration firstVideo;
  private volatile Duration lastVideo;
  private Flow.Subscription subscription;
  private long audioDataBytes;
  private Duration nextAudio;
  private int outstanding;
  private boolean finished;
  private boolean audioFull;

  /**
   * A recorder writing {@code base + ".h264"} and {@code base + ".wav"} (replacing them).
   *
   * @param base the file name without extension, e.g. {@code porch-2026-12-02}
   * @throws IOException if the files cannot be created
   */
  public MediaRecorder(Path base) throws IOException {
    Objects.requireNonNull(base, "base");
    String name = base.getFileName().toString();
    this.videoFile = base.resolveSibling(name + ".h264");
    this.audioFile = base.resolveSibling(name + ".wav");
    this.video = new BufferedOutputStream(Files.newOutputStream(videoFile), 1 << 16);
    this.audioRaf = new RandomAccessFile(audioFile.toFile(), "rw");
    audioRaf.setLength(0);
    this.audio = new BufferedOutputStream(new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        audioRaf.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        audioRaf.write(b, off, len);
      }
    }, 1 << 14);
    audio.write(wavHeader(0));
  }

  /** The video file. */
  public Path videoFile() {
    return videoFile;
  }

  /** The audio file. */
  public Path audioFile() {
    return audioFile;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    synchronized (this) {
      if (finished) {
        s.cancel();
        return;
      }
      subscription = s;
      outstanding = BATCH;
    }
    s.request(BATCH);
  }

  @Override
  public void onNext(MediaFrame frame) {
    Flow.Subscription s;
    synchronized (this) {
      if (finished) {
        return;
      }
      try {
        write(frame);
      } catch (IOException e) {
        finish(e);
        subscription.cancel();
        return;
      }
      s = --outstanding <= BATCH / 2 ? subscription : null;
      if (s != null) {
        outstanding += BATCH;
      }
    }
    if (s != null) {
      s.request(BATCH);
    }
  }

  private void write(MediaFrame frame) throws IOException {
    frame.gap().ifPresent(g -> {
      gaps.incrementAndGet();
      if (g.reason() == StreamGap.Reason.RECONNECTED) {
        reconnects.incrementAndGet();
      }
    });
    bytes.addAndGet(frame.size());
    if (frame.kind() == MediaKind.VIDEO) {
      video.write(frame.bytes());
      videoFrames.incrementAndGet();
      if (firstVideo == null) {
        firstVideo = frame.timestamp();
      }
      lastVideo = frame.timestamp();
      return;
    }
    audioFrames.incrementAndGet();
    if (audioFull) {
      return;
    }
    if (nextAudio != null && frame.timestamp().compareTo(nextAudio) > 0) {
      Duration missing = frame.timestamp().minus(nextAudio);
      if (missing.compareTo(Duration.ofMillis(40)) > 0) {
        long samples = Math.min(missing.toMillis(), MAX_SILENCE.toMillis()) * 8;
        byte[] silence = new byte[(int) samples * 2];
        writeAudio(silence);
      }
    }
    byte[] ulaw = frame.bytes();
    byte[] pcm = new byte[ulaw.length * 2];
    for (int i = 0; i < ulaw.length; i++) {
      short s = G711.decode(ulaw[i]);
      pcm[2 * i] = (byte) s;
      pcm[2 * i + 1] = (byte) (s >> 8);
    }
    writeAudio(pcm);
    nextAudio = frame.timestamp().plusNanos(ulaw.length * 125_000L);
  }

  private void writeAudio(byte[] pcm) throws IOException {
    if (audioDataBytes + pcm.length > WAV_LIMIT) {
      audioFull = true;
      return;
    }
    audio.write(pcm);
    audioDataBytes += pcm.length;
  }

  @Override
  public void onError(Throwable error) {
    synchronized (this) {
      finish(error);
    }
  }

  @Override
  public void onComplete() {
    synchronized (this) {
      finish(null);
    }
  }

  /** Ends the recording: cancels the subscription and completes both files. Idempotent. */
  public Summary stop() {
    Flow.Subscription s;
    synchronized (this) {
      s = subscription;
      finish(null);
    }
    if (s != null) {
      s.cancel();
    }
    return done.join();
  }

  @Override
  public void close() {
    stop();
  }

  /** Completes with the summary when the recording ends (by {@link #stop()}, the stream's end or its error). */
  public CompletableFuture<Summary> done() {
    return done;
  }

  private void finish(Throwable error) {
    if (finished) {
      return;
    }
    finished = true;
    Throwable failure = error;
    try {
      video.close();
      audio.flush();
      audioRaf.seek(0);
      audioRaf.write(wavHeader(audioDataBytes));
      audioRaf.close();
    } catch (IOException e) {
      failure = failure == null ? new UncheckedIOException(e) : failure;
    }
    done.complete(new Summary(summary().bytes, summary().videoFrames, summary().audioFrames,
        reconnects.get(), gaps.get(), audioFull, failure));
  }

  /** The counts so far. */
  public Summary summary() {
    return new Summary(bytes.get(), videoFrames.get(), audioFrames.get(), reconnects.get(), gaps.get(),
        audioFull, null);
  }

  /** Video frames per second of camera time so far, or 0 before two video frames. */
  public double framesPerSecond() {
    Duration first = firstVideo;
    Duration last = lastVideo;
    long frames = videoFrames.get();
    if (first == null || last == null || frames < 2 || last.compareTo(first) <= 0) {
      return 0;
    }
    return (frames - 1) * 1e9 / last.minus(first).toNanos();
  }

  /**
   * What was recorded.
   *
   * @param bytes media bytes received (before the WAV decoding)
   * @param videoFrames video frames written
   * @param audioFrames audio frames received
   * @param reconnects reconnects of the stream during the recording
   * @param gaps gap notices (reconnects and dropped groups of pictures)
   * @param audioLimitReached whether the WAV reached its 4 GiB limit and later audio was not written
   * @param failure why the recording ended early, or null
   */
  public record Summary(long bytes, long videoFrames, long audioFrames, long reconnects, long gaps,
      boolean audioLimitReached, Throwable failure) {}

  /** A 44-byte RIFF/WAVE header for 16-bit PCM, 8000 Hz, mono, with {@code dataBytes} of samples. */
  static byte[] wavHeader(long dataBytes) {
    byte[] h = new byte[44];
    put(h, 0, "RIFF");
    le32(h, 4, 36 + dataBytes);
    put(h, 8, "WAVE");
    put(h, 12, "fmt ");
    le32(h, 16, 16);
    le16(h, 20, 1); // PCM
    le16(h, 22, 1); // mono
    le32(h, 24, 8000);
    le32(h, 28, 16000);
    le16(h, 32, 2);
    le16(h, 34, 16);
    put(h, 36, "data");
    le32(h, 40, dataBytes);
    return h;
  }

  private static void put(byte[] b, int at, String ascii) {
    for (int i = 0; i < 4; i++) {
      b[at + i] = (byte) ascii.charAt(i);
    }
  }

  private static void le16(byte[] b, int at, int v) {
    b[at] = (byte) v;
    b[at + 1] = (byte) (v >> 8);
  }

  private static void le32(byte[] b, int at, long v) {
    for (int i = 0; i < 4; i++) {
      b[at + i] = (byte) (v >> (8 * i));
    }
  }
}
