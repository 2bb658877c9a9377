package dev.homeport.cli.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.homeport.domain.media.StreamResolution;
import dev.homeport.ports.UnsupportedCommandException;
import dev.homeport.ports.camera.Camera;
import dev.homeport.ports.media.CameraStream;
import dev.homeport.ports.media.CameraTalk;
import dev.homeport.ports.media.ImmutableStreamOptions;
import dev.homeport.ports.media.MediaRecorder;
import dev.homeport.support.TalkAudio;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code homeport camera ... record} and {@code ... talk}: the camera's live media. */
final class CameraMediaCli {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private CameraMediaCli() {}

  @Command(
      name = "record",
      mixinStandardHelpOptions = true,
      description = {
        "Record the live stream to FILE.h264 (raw H.264, Annex-B) and FILE.wav (16-bit PCM, 8000 Hz, mono)"
            + " until Ctrl-C or --duration; reconnects by itself when the stream drops or stalls.",
        "Progress (time, bytes, frames, fps, reconnects) is shown on a terminal.",
      })
  static final class Record extends CameraCli.Sub {
    @Option(names = "--output", required = true, paramLabel = "FILE",
        description = "Where to record: FILE.h264 and FILE.wav (an extension .h264/.wav/.mkv/.mp4 is dropped).")
    Path output;

    @Option(names = "--duration", paramLabel = "D", description = "Stop after this long, such as 30s, 10m or 2h (default: until Ctrl-C).")
    String duration;

    @Option(names = "--resolution", paramLabel = "R", description = "hd or vga (default: hd).")
    String resolution = "hd";

    @Override
    public Integer call() throws IOException {
      StreamResolution res;
      try {
        res = StreamResolution.parse(resolution);
      } catch (IllegalArgumentException e) {
        throw new UsageException("--resolution must be one of hd, vga, was \"" + resolution + "\"");
      }
      Optional<Duration> limit = duration == null ? Optional.empty() : Optional.of(Values.duration("--duration", duration));
      Path base = base(output);
      Path dir = base.toAbsolutePath().getParent();
      if (dir == null || !Files.isDirectory(dir)) {
        throw new UsageException("--output: directory " + dir + " does not exist");
      }
      if (!Files.isWritable(dir)) {
        throw new UsageException("--output: directory " + dir + " is not writable");
      }
      Output out = parent.context().output(parent.json);
      try (Camera camera = parent.open(out)) {
        CameraStream stream = camera.stream().orElseThrow(() -> new UnsupportedCommandException(
            "camera '" + camera.name() + "' does not serve a live stream"));
        MediaRecorder recorder = new MediaRecorder(base);
        out.progress("Recording " + camera.name() + " to " + recorder.videoFile() + " and " + recorder.audioFile()
            + (limit.isPresent() ? " for " + duration : " until Ctrl-C") + "...");
        long started = System.nanoTime();
        stream.frames(ImmutableStreamOptions.builder().resolution(res).build()).subscribe(recorder);
        CompletableFuture<?> stop = CompletableFuture.anyOf(recorder.done(), parent.context().environment().stopSignal());
        while (!stop.isDone()) {
          long elapsed = System.nanoTime() - started;
          if (limit.isPresent() && elapsed >= limit.get().toNanos()) {
            break;
          }
          long wait = Math.min(1000, limit.map(l -> (l.toNanos() - elapsed) / 1_000_000 + 1).orElse(1000L));
          try {
            stop.get(wait, TimeUnit.MILLISECONDS);
          } catch (TimeoutException e) {
            out.progress(status(recorder, System.nanoTime() - started));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            break;
          } catch (ExecutionException e) {
            break; // the recorder's own failure is read from its summary below
          }
        }
        MediaRecorder.Summary summary = recorder.stop();
        if (summary.failure() != null && summary.videoFrames() == 0) {
          throw Failures.rethrowable(summary.failure());
        }
        if (summary.failure() != null) {
          out.note("homeport: the recording ended early: " + Failures.describe(summary.failure()));
        }
        out.result(result(recorder, summary, System.nanoTime() - started));
        return summary.failure() == null ? 0 : Failures.exitCode(summary.failure());
      }
    }

    static Path base(Path output) {
      String name = output.getFileName().toString();
      String lower = name.toLowerCase(Locale.ROOT);
      for (String ext : new String[] {".h264", ".wav", ".mkv", ".mp4"}) {
        if (lower.endsWith(ext) && name.length() > ext.length()) {
          return output.resolveSibling(name.substring(0, name.length() - ext.length()));
        }
      }
      return output;
    }

    private static String status(MediaRecorder recorder, long elapsedNanos) {
      MediaRecorder.Summary s = recorder.summary();
      return String.format(Locale.ROOT, "  %s  %s, %d frames, %.1f fps, %d reconnect%s",
          clock(elapsedNanos), megabytes(s.bytes()), s.videoFrames(), recorder.framesPerSecond(), s.reconnects(),
          s.reconnects() == 1 ? "" : "s");
    }

    private static String clock(long nanos) {
      long s = nanos / 1_000_000_000L;
      return String.format(Locale.ROOT, "%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    private static String megabytes(long bytes) {
      return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    private static Result result(MediaRecorder recorder, MediaRecorder.Summary s, long elapsedNanos) {
      double fps = recorder.framesPerSecond();
      ObjectNode json = JSON.objectNode()
          .put("video", recorder.videoFile().toString())
          .put("audio", recorder.audioFile().toString())
          .put("seconds", Math.round(elapsedNanos / 1e7) / 100.0)
          .put("bytes", s.bytes())
          .put("videoFrames", s.videoFrames())
          .put("audioFrames", s.audioFrames())
          .put("framesPerSecond", Math.round(fps * 100) / 100.0)
          .put("reconnects", s.reconnects())
          .put("gaps", s.gaps());
      String fpsText = fps > 0 ? String.format(Locale.ROOT, "%.2f", fps) : "FPS";
      String text = "Recorded " + clock(elapsedNanos) + ": " + megabytes(s.bytes()) + ", " + s.videoFrames()
          + " video frames (" + String.format(Locale.ROOT, "%.1f", fps) + " fps), " + s.audioFrames()
          + " audio frames, " + s.reconnects() + " reconnects\n"
          + "  video  " + recorder.videoFile() + "\n"
          + "  audio  " + recorder.audioFile() + "\n"
          + "One file with both: ffmpeg -framerate " + fpsText + " -i " + recorder.videoFile() + " -i "
          + recorder.audioFile() + " -c:v copy -c:a aac " + recorder.videoFile().resolveSibling(
              recorder.videoFile().getFileName().toString().replaceFirst("\\.h264$", ".mkv"));
      return new Result(json, text);
    }
  }

  @Command(
      name = "talk",
      mixinStandardHelpOptions = true,
      description = "Play a sound file (WAV, any rate or channels; converted to G.711 mu-law 8000 Hz mono) on the camera's speaker.")
  static final class Talk extends CameraCli.Sub {
    @Option(names = "--input", required = true, paramLabel = "FILE.wav", description = "The sound to play.")
    Path input;

    @Override
    public Integer call() throws IOException {
      if (!Files.isRegularFile(input) || !Files.isReadable(input)) {
        throw new UsageException("--input: " + input + " is not a readable file");
      }
      byte[] ulaw;
      try {
        ulaw = TalkAudio.fromWav(input);
      } catch (IllegalArgumentException e) {
        throw new UsageException("--input: " + e.getMessage());
      }
      if (ulaw.length == 0) {
        throw new UsageException("--input: " + input + " holds no sound");
      }
      Output out = parent.context().output(parent.json);
      Duration length = Duration.ofMillis(ulaw.length / 8);
      try (Camera camera = parent.open(out)) {
        CameraTalk talk = camera.talk().orElseThrow(() -> new UnsupportedCommandException(
            "camera '" + camera.name() + "' does not take sound for its speaker"));
        out.progress("Talking to " + camera.name() + " for " + length.toMillis() / 1000.0 + " s...");
        CameraTalk.TalkResult r = Futures.await(talk.talk(new ByteArrayInputStream(ulaw)),
            Optional.of(length.plusSeconds(30)));
        ObjectNode json = JSON.objectNode()
            .put("seconds", length.toMillis() / 1000.0)
            .put("audioBytes", r.audioBytes())
            .put("audioParts", r.audioParts())
            .put("heartbeats", r.heartbeats());
        out.result(new Result(json, "Played " + length.toMillis() / 1000.0 + " s on " + TerminalText.escape(camera.name()) + " ("
            + r.audioParts() + " audio parts, " + r.heartbeats() + " heartbeats)"));
        return 0;
      }
    }
  }
}
