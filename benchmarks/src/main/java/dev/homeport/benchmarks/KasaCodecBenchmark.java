package dev.homeport.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.homeport.adapter.camera.http.internal.KasaCommands;
import dev.homeport.adapter.camera.http.internal.LinkieCodec;
import dev.homeport.adapter.camera.http.internal.WireCall;
import dev.homeport.adapter.camera.http.internal.WireJson;
import dev.homeport.domain.camera.CameraInfo;
import dev.homeport.domain.camera.GetCameraInfo;
import dev.homeport.domain.camera.NightVisionMode;
import dev.homeport.domain.camera.SetSetting;
import dev.homeport.domain.camera.Setting;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Kasa LINKIE codec on one core: XOR autokey + base64 over a ~1 KB camera answer (MB/s =
 * plaintext bytes / time per op), and whole commands from domain command to form-encoded request
 * body and from response body to domain result, exactly as {@code KasaCamera} does it (the steps of
 * its private {@code send}/{@code split} are repeated here from the adapter's internal classes).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Thread)
public class KasaCodecBenchmark {

  private byte[] plain;
  private byte[] base64Cipher;
  private String answerJson;
  private String answerBody;
  private String setAnswerBody;
  private final GetCameraInfo getInfo = new GetCameraInfo();
  private final SetSetting<NightVisionMode> setNightVision = SetSetting.of(Setting.NIGHT_VISION, NightVisionMode.AUTO);

  @Setup
  public void setUp() {
    answerJson = Fixtures.SYSINFO_ANSWER_JSON;
    plain = answerJson.getBytes(StandardCharsets.UTF_8);
    base64Cipher = Base64.getEncoder().encode(LinkieCodec.encrypt(plain));
    answerBody = LinkieCodec.encryptToBase64(answerJson);
    setAnswerBody = LinkieCodec.encryptToBase64(
        "{\"smartlife.cam.ipcamera.dayNight\":{\"set_mode\":{\"err_code\":0}}}");
    // Fail fast if the fixtures and the codec disagree.
    if (!(roundTripGetInfo() instanceof CameraInfo) || setSettingRoundTrip() != null) {
      throw new IllegalStateException("fixture not decodable");
    }
  }

  // ------------------------------------------------------------------ cipher + base64

  /** XOR autokey then base64, bytes to bytes (the cipher and base64 alone). */
  @Benchmark
  public byte[] cipherBase64Encode1KB() {
    return Base64.getEncoder().encode(LinkieCodec.encrypt(plain));
  }

  /** base64 decoding then XOR autokey, bytes to bytes. */
  @Benchmark
  public byte[] cipherBase64Decode1KB() {
    return LinkieCodec.decrypt(Base64.getDecoder().decode(base64Cipher));
  }

  /** The adapter's string API: UTF-8 encoding, cipher, base64 (what a request body starts from). */
  @Benchmark
  public String encryptToBase64String1KB() {
    return LinkieCodec.encryptToBase64(answerJson);
  }

  /** What every answer body goes through before JSON parsing: base64, cipher, UTF-8 check. */
  @Benchmark
  public byte[] decodeResponseJson1KB() {
    return LinkieCodec.decodeResponseJson(answerBody);
  }

  // ------------------------------------------------------------------ whole commands

  /** Domain command to the form-encoded request body (JSON, cipher, base64, percent-encoding). */
  @Benchmark
  public String encodeSetSettingRequest() {
    return requestBody(KasaCommands.map(setNightVision));
  }

  /** A ~1 KB sysinfo answer body to a {@link CameraInfo} (base64, cipher, UTF-8, JSON, mapping). */
  @Benchmark
  public Object decodeSysinfoAnswer() {
    return answer(KasaCommands.map(getInfo), answerBody);
  }

  /** A full typical command: encode {@code GetCameraInfo}, decode its ~1 KB answer. */
  @Benchmark
  public Object roundTripGetInfo() {
    WireCall<CameraInfo> call = KasaCommands.map(getInfo);
    String body = requestBody(call);
    if (body.length() < 10) {
      throw new IllegalStateException();
    }
    return answer(call, answerBody);
  }

  /** A full small command: encode a night-vision change, decode its short answer. */
  @Benchmark
  public Object setSettingRoundTrip() {
    WireCall<Void> call = KasaCommands.map(setNightVision);
    String body = requestBody(call);
    if (body.length() < 10) {
      throw new IllegalStateException();
    }
    return answer(call, setAnswerBody);
  }

  /** What {@code KasaCamera.send} does before the transport posts. */
  static String requestBody(WireCall<?> call) {
    ObjectNode request = WireJson.object();
    request.putObject(call.module()).set(call.method(), call.params());
    return LinkieCodec.encodeRequestBody(WireJson.write(request));
  }

  /** What {@code LinkieTransport.onResponse} and {@code KasaCamera.split} do with an answer body of one call. */
  static <R> R answer(WireCall<R> call, String body) {
    ObjectNode answer = WireJson.parseObject(LinkieCodec.decodeResponseJson(body), "answer");
    JsonNode method = answer.get(call.module()).get(call.method());
    if (method.get("err_code").intValue() != 0) {
      throw new IllegalStateException("err_code");
    }
    return call.read(method);
  }
}
