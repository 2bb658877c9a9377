package dev.homeport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.homeport.cli.CliRunner.Run;
import dev.homeport.ports.media.H264Frames;
import dev.homeport.simulators.kasa.KasaStreamSimulator;
import dev.homeport.simulators.kasa.StreamFault;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code camera record} and {@code camera talk} through the real Kasa adapter against the stream simulator. */
class CameraMediaCommandsTest {

  KasaStreamSimulator sim;
  CliRunner cli;
  @TempDir Path dir;

  @BeforeEach
  void start() {
    sim = KasaStreamSimulator.builder().speed(5).start();
    cli = new CliRunner().env("HOMEPORT_CAMERA_PASSWORD", "secret");
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  String[] camera(String... rest) {
    List<String> args = new ArrayList<>(List.of("camera", "--host", "127.0.0.1", "--username", "user@example.com",
        "--trust", "sha256:" + sim.fingerprint(), "--stream-port", String.valueOf(sim.streamPort()),
        "--talk-port", String.valueOf(sim.talkPort())));
    args.addAll(List.of(rest));
    return args.toArray(String[]::new);
  }

  /** Our own reader of a raw H.264 file: its NAL unit types in order. */
  static List<Integer> nalTypes(Path file) throws IOException {
    List<Integer> types = new ArrayList<>();
    for (H264Frames.NalUnit n : H264Frames.nalUnits(Files.readAllBytes(file))) {
      types.add(n.type());
    }
    return types;
  }

  /** Our own WAV reader: checks the RIFF header and returns the number of 16-bit samples. */
  static long wavSamples(Path file) throws IOException {
    byte[] b = Files.readAllBytes(file);
    ByteBuffer h = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(new String(b, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
    assertThat(h.getInt(4)).isEqualTo(b.length - 8);
    assertThat(new String(b, 8, 8, StandardCharsets.US_ASCII)).isEqualTo("WAVEfmt ");
    assertThat(h.getShort(20)).as("PCM").isEqualTo((short) 1);
    assertThat(h.getShort(22)).as("mono").isEqualTo((short) 1);
    assertThat(h.getInt(24)).as("rate").isEqualTo(8000);
    assertThat(h.getShort(34)).as("bits").isEqualTo((short) 16);
    assertThat(new String(b, 36, 4, StandardCharsets.US_ASCII)).isEqualTo("data");
    assertThat(h.getInt(40)).isEqualTo(b.length - 44);
    return (b.length - 44) / 2;
  }

  @Test
  void record_writesAPlayableH264AndWav_andSurvivesADroppedStream() throws Exception {
    sim.inject(StreamFault.DROP_MID_PART, 150);
    Run run = cli.run(camera("--json", "record", "--output", dir.resolve("porch.mkv").toString(), "--duration", "3s",
        "--resolution", "vga"));
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode json = run.json();
    Path video = dir.resolve("porch.h264");
    Path audio = dir.resolve("porch.wav");
    assertThat(json.get("video").asText()).isEqualTo(video.toString());
    assertThat(json.get("reconnects").asLong()).isEqualTo(1);
    List<Integer> types = nalTypes(video);
    assertThat(types).startsWith(7, 8);
    long pictures = types.stream().filter(t -> t == 1 || t == 5).count();
    assertThat(pictures).isEqualTo(json.get("videoFrames").asLong()).isGreaterThan(20);
    // the recording resumed at a key frame after the drop: SPS, PPS and an IDR again
    assertThat(types.stream().filter(t -> t == 7).count()).isGreaterThanOrEqualTo(2);
    long samples = wavSamples(audio);
    assertThat(samples).isGreaterThanOrEqualTo(json.get("audioFrames").asLong() * 160);
    assertThat(sim.streamRequests().get(0).pathAndQuery()).endsWith("resolution=vga");
  }

  @Test
  void recordedFiles_areReadByFfprobe_whenItIsInstalled() throws Exception {
    Path ffprobe = Path.of("/usr/bin/ffprobe");
    Assumptions.assumeTrue(Files.isExecutable(ffprobe), "ffprobe is not installed: skipping the ffprobe check");
    Run run = cli.run(camera("--json", "record", "--output", dir.resolve("p").toString(), "--duration", "2s"));
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(probe(ffprobe, dir.resolve("p.h264"))).isEqualTo("h264,160,120");
    assertThat(probe(ffprobe, dir.resolve("p.wav"))).startsWith("pcm_s16le,");
  }

  static String probe(Path ffprobe, Path file) throws Exception {
    Process p = new ProcessBuilder(ffprobe.toString(), "-v", "error", "-show_entries",
        "stream=codec_name,width,height,sample_rate", "-of", "csv=p=0", file.toString())
        .redirectErrorStream(true).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip().replaceAll(",+$", "");
  }

  @Test
  void record_refusesBadInputBeforeConnecting() {
    Run bad = cli.run(camera("record", "--output", dir.resolve("x").toString(), "--resolution", "4k"));
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("--resolution").contains("hd, vga");
    Run noDir = cli.run(camera("record", "--output", dir.resolve("missing/x").toString()));
    assertThat(noDir.code()).isEqualTo(2);
    assertThat(noDir.err()).contains("does not exist");
    Run duration = cli.run(camera("record", "--output", dir.resolve("x").toString(), "--duration", "soon"));
    assertThat(duration.code()).isEqualTo(2);
    assertThat(sim.streamRequests()).isEmpty();
  }

  @Test
  void record_whileSomeoneElseWatches_saysTheCameraAllowsOneViewer() throws Exception {
    try (java.net.Socket hold = holdTheViewer()) {
      Run run = cli.run(camera("record", "--output", dir.resolve("x").toString(), "--duration", "2s"));
      assertThat(run.code()).isEqualTo(5);
      assertThat(run.err()).contains("allows one viewer");
    }
  }

  /** Another viewer: a raw TLS client that opens the stream and keeps it. */
  java.net.Socket holdTheViewer() throws Exception {
    javax.net.ssl.SSLSocket s = (javax.net.ssl.SSLSocket) sim.certificateTrustingContext().getSocketFactory()
        .createSocket("127.0.0.1", sim.streamPort());
    String auth = java.util.Base64.getEncoder().encodeToString(("user@example.com:"
        + java.util.Base64.getEncoder().encodeToString("secret".getBytes(StandardCharsets.UTF_8))).getBytes(StandardCharsets.UTF_8));
    s.getOutputStream().write(("GET /https/stream/mixed?video=h264&audio=g711&resolution=hd HTTP/1.1\r\nHost: x\r\n"
        + "Authorization: Basic " + auth + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    s.getOutputStream().flush();
    s.getInputStream().read(new byte[64]);
    org.awaitility.Awaitility.await().until(sim::viewing);
    return s;
  }

  @Test
  void talk_playsAWavAsMuLawParts() throws Exception {
    Path wav = dir.resolve("hello.wav");
    float rate = 16000f;
    byte[] pcm = new byte[(int) rate * 2]; // 1 s of 16-bit mono
    for (int i = 0; i < rate; i++) {
      short v = (short) (Math.sin(2 * Math.PI * 440 * i / rate) * 8000);
      pcm[2 * i] = (byte) v;
      pcm[2 * i + 1] = (byte) (v >> 8);
    }
    AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm), new AudioFormat(rate, 16, 1, true, false),
        (long) rate), AudioFileFormat.Type.WAVE, wav.toFile());
    Run run = cli.run(camera("--json", "talk", "--input", wav.toString()));
    assertThat(run.code()).as(run.err()).isZero();
    long parts = run.json().get("audioParts").asLong();
    assertThat(parts).isBetween(50L, 51L); // 1 s at 8000 Hz, give or take the resampler's edge
    KasaStreamSimulator.TalkSession session = sim.talkSessions().get(0);
    assertThat(session.parts()).filteredOn(p -> p.contentType().equals("audio/g711u")).hasSize((int) parts)
        .allMatch(p -> p.length() == 160);
    assertThat(session.parts()).filteredOn(p -> p.contentType().equals("audio/heartbeat")).hasSize(1);
  }

  @Test
  void talk_refusesAFileThatIsNotSound() throws IOException {
    Path notes = Files.writeString(dir.resolve("notes.txt"), "hello");
    Run run = cli.run(camera("talk", "--input", notes.toString()));
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("notes.txt");
    Run missing = cli.run(camera("talk", "--input", dir.resolve("none.wav").toString()));
    assertThat(missing.code()).isEqualTo(2);
    assertThat(sim.talkSessions()).isEmpty();
  }
}
