package dev.homeport.examples.acme.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.homeport.adapter.inmemory.InMemoryCamera;
import dev.homeport.domain.FieldMap;
import dev.homeport.domain.camera.CameraCommand;
import dev.homeport.domain.camera.CameraInfo;
import dev.homeport.domain.camera.GetCameraInfo;
import dev.homeport.domain.camera.GetPosition;
import dev.homeport.domain.camera.GetSetting;
import dev.homeport.domain.camera.GoToPreset;
import dev.homeport.domain.camera.ListPresets;
import dev.homeport.domain.camera.Position;
import dev.homeport.domain.camera.Preset;
import dev.homeport.domain.camera.RawCommand;
import dev.homeport.domain.camera.SetPosition;
import dev.homeport.domain.camera.SetSetting;
import dev.homeport.domain.camera.Setting;
import dev.homeport.domain.camera.Stop;
import dev.homeport.simulators.harness.BackendBridge;
import dev.homeport.simulators.harness.BackendOutcome;
import dev.homeport.simulators.harness.Decoded;
import dev.homeport.simulators.harness.Fault;
import dev.homeport.simulators.harness.FaultPlan;
import dev.homeport.simulators.harness.HttpAnswer;
import dev.homeport.simulators.harness.ProtocolDispatcher;
import dev.homeport.simulators.harness.RecordedRequest;
import dev.homeport.simulators.harness.SimulatedProtocol;
import dev.homeport.simulators.harness.SimulatorServer;
import dev.homeport.support.FieldMapJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * An acme camera on 127.0.0.1, on the harness: this class writes only acme's decode and encode
 * ({@link SimulatedProtocol}); sockets, TLS, the request log, faults and the backend's exceptions are
 * the harness's. State lives in the {@link InMemoryCamera} backend, so its switches
 * ({@code setUnreachable}, {@code rejectCredentials}, {@code setLatency}, {@code failNext},
 * {@code onRaw}) reach the wire. Written from the protocol described in the
 * {@code dev.homeport.examples.acme} package, not from the client's codec.
 *
 * <pre>{@code
 * try (AcmeSimulator sim = AcmeSimulator.start(InMemoryCamera.builder().name("porch").build())) {
 *   // brand: acme, host: sim.host(), port: sim.port(), username: sim.username()
 * }
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class AcmeSimulator implements AutoCloseable {

  /** The user name the simulator accepts. */
  public static final String USERNAME = "acme-admin";
  /** The password it accepts (a simulator credential, not a secret). */
  public static final String PASSWORD = "acme-sim-password";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SimulatorServer server;
  private final FaultPlan faults;

  private AcmeSimulator(SimulatorServer server, FaultPlan faults) {
    this.server = server;
    this.faults = faults;
  }

  /** A plain-HTTP simulator on a free loopback port, backed by {@code backend}. */
  public static AcmeSimulator start(InMemoryCamera backend) {
    return start(backend, false);
  }

  /** A simulator on a free loopback port; {@code https} with a self-signed certificate made at start. */
  public static AcmeSimulator start(InMemoryCamera backend, boolean https) {
    FaultPlan faults = new FaultPlan();
    SimulatorServer.Builder builder = SimulatorServer.builder()
        .name("acme-sim")
        .faults(faults)
        .dispatcher(new ProtocolDispatcher<>(new AcmeProtocol(), new BackendBridge(backend), faults));
    if (!https) {
      builder.plainHttp();
    }
    return new AcmeSimulator(builder.start(), faults);
  }

  public String host() {
    return server.host();
  }

  public int port() {
    return server.port();
  }

  public String username() {
    return USERNAME;
  }

  public String password() {
    return PASSWORD;
  }

  /** The certificate's SHA-256 (HTTPS only). */
  public String fingerprint() {
    return server.fingerprint();
  }

  /** The harness's fault plan, to arm one-shot faults (dropped connections, garbage). */
  public FaultPlan faults() {
    return faults;
  }

  /** Requests received so far (bounded log). */
  public List<RecordedRequest> recordedRequests() {
    return server.recordedRequests();
  }

  @Override
  public void close() {
    server.close();
  }

  /** One decoded request: the command to run and how to write its result. */
  record Call(CameraCommand<?> command, Function<Object, JsonNode> encode) {}

  /** Acme's decode and encode. */
  static final class AcmeProtocol implements SimulatedProtocol<Call> {

    private static final byte[] EXPECTED = ("Basic " + Base64.getEncoder().encodeToString(
        (USERNAME + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8))).getBytes(StandardCharsets.UTF_8);

    @Override
    public Decoded<Call> decode(RecordedRequest request) {
      if (!request.path().equals("/api/v1/command")) {
        return Decoded.answer(HttpAnswer.text(404, "text/plain", "no such path"));
      }
      if (!request.method().equals("POST")) {
        return Decoded.answer(HttpAnswer.text(405, "text/plain", "POST only"));
      }
      byte[] given = request.header("Authorization").orElse("").getBytes(StandardCharsets.UTF_8);
      if (!MessageDigest.isEqual(given, EXPECTED)) {
        return Decoded.fault(Fault.REJECT_LOGIN);
      }
      JsonNode body;
      try {
        body = JSON.readTree(request.bodyText());
      } catch (java.io.IOException e) {
        return Decoded.answer(error(400, "E_BAD_REQUEST", "body is not JSON"));
      }
      if (body == null || !body.path("op").isTextual()) {
        return Decoded.answer(error(400, "E_BAD_REQUEST", "body needs a text 'op'"));
      }
      JsonNode args = body.path("args").isObject() ? body.get("args") : JSON.createObjectNode();
      try {
        return Decoded.call(call(body.get("op").textValue(), args));
      } catch (IllegalArgumentException e) {
        return Decoded.answer(error(200, "E_RANGE", e.getMessage()));
      }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Call call(String op, JsonNode args) {
      switch (op) {
        case "info.get":
          return new Call(new GetCameraInfo(), v -> info((CameraInfo) v));
        case "setting.get": {
          Setting setting = setting(args);
          return new Call(GetSetting.of(setting), v -> JSON.createObjectNode().put("value", setting.format(v)));
        }
        case "setting.set": {
          Setting setting = setting(args);
          Object value = setting.parse(args.path("value").asText(""));
          return new Call(new SetSetting(setting, value), v -> JSON.createObjectNode());
        }
        case "preset.goto":
          return new Call(new GoToPreset(args.path("index").asInt(0)), v -> JSON.createObjectNode());
        case "preset.list":
          return new Call(new ListPresets(), v -> presets((List<Preset>) v));
        case "position.get":
          return new Call(new GetPosition(), v -> JSON.createObjectNode()
              .put("x", ((Position) v).x()).put("y", ((Position) v).y()));
        case "position.set":
          return new Call(SetPosition.of(args.path("x").asInt(-1), args.path("y").asInt(-1)), v -> JSON.createObjectNode());
        case "motion.stop":
          return new Call(new Stop(), v -> JSON.createObjectNode());
        default:
          return new Call(new RawCommand(op, FieldMapJson.toFieldMap(args)),
              v -> FieldMapJson.toJson((FieldMap) v));
      }
    }

    private static Setting<?> setting(JsonNode args) {
      String name = args.path("name").asText("");
      return Setting.find(name).orElseThrow(() -> new IllegalArgumentException("no setting named '" + name + "'"));
    }

    private static JsonNode info(CameraInfo info) {
      return JSON.createObjectNode()
          .put("alias", info.alias()).put("model", info.model()).put("type", info.type())
          .put("firmware", info.softwareVersion()).put("hardware", info.hardwareVersion())
          .put("mac", info.mac()).put("deviceId", info.deviceId());
    }

    private static JsonNode presets(List<Preset> presets) {
      ObjectNode out = JSON.createObjectNode();
      var array = out.putArray("presets");
      presets.forEach(p -> array.addObject().put("index", p.index()).put("name", p.name()));
      return out;
    }

    @Override
    public CompletionStage<HttpAnswer> answer(Call call, BackendBridge backend) {
      CompletableFuture<? extends BackendOutcome<?>> run = backend.run(call.command());
      return run.thenApply(outcome -> {
        if (outcome.fault().isPresent()) {
          return HttpAnswer.fault(outcome.fault().get());
        }
        if (outcome instanceof BackendOutcome.Value<?> value) {
          ObjectNode out = JSON.createObjectNode().put("ok", true);
          out.set("result", call.encode().apply(value.value()));
          return json(200, out);
        }
        if (outcome instanceof BackendOutcome.Refused<?> refused) {
          return error(200, refused.hasCode() ? refused.code() : "E_RANGE", refused.message());
        }
        return error(200, "E_UNSUPPORTED", "unknown operation");
      });
    }

    @Override
    public HttpAnswer rejectedLogin(RecordedRequest request) {
      return HttpAnswer.text(401, "text/plain", "bad credentials").withHeader("WWW-Authenticate", "Basic realm=\"acme\"");
    }

    private static HttpAnswer error(int status, String code, String message) {
      ObjectNode out = JSON.createObjectNode().put("ok", false);
      out.putObject("error").put("code", code).put("message", message == null ? "" : message);
      return json(status, out);
    }

    private static HttpAnswer json(int status, JsonNode body) {
      return HttpAnswer.text(status, "application/json", body.toString());
    }
  }
}
