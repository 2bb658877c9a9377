package dev.homeport.simulators.kasa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.homeport.ports.Futures;
import dev.homeport.simulators.harness.BackendBridge;
import dev.homeport.simulators.harness.Decoded;
import dev.homeport.simulators.harness.Fault;
import dev.homeport.simulators.harness.HttpAnswer;
import dev.homeport.simulators.harness.RecordedRequest;
import dev.homeport.simulators.harness.RequestLog;
import dev.homeport.simulators.harness.SimulatedProtocol;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * LINKIE's decode and encode on the simulator harness, written from the protocol notes: path
 * ({@code LINKIE.json}, {@code LINKIE2.json}), POST only, HTTP Basic credentials in the
 * configured password variant, the {@code content=} form field of base64(XOR autokey(JSON));
 * answers are base64(XOR(JSON)) with one object per module and method. Thread-safe.
 */
final class KasaLinkieProtocol implements SimulatedProtocol<ObjectNode> {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final KasaCameraSimulator.Settings settings;
  private final KasaCommandTable table;
  private final RequestLog<ReceivedRequest> accepted;
  final AtomicInteger notFound = new AtomicInteger();

  final Map<String, MethodFailure> methodFailures = new ConcurrentHashMap<>();
  final Set<String> unsupportedModules = ConcurrentHashMap.newKeySet();
  final Map<String, JsonNode> overrides = new ConcurrentHashMap<>();

  record MethodFailure(int code, String message) {}

  KasaLinkieProtocol(KasaCameraSimulator.Settings settings, BackendBridge bridge, RequestLog<ReceivedRequest> accepted) {
    this.settings = settings;
    this.table = new KasaCommandTable(bridge);
    this.accepted = accepted;
  }

  /** The command table, for the simulator's profile switches. */
  KasaCommandTable table() {
    return table;
  }

  // ------------------------------------------------------------------ decode

  @Override
  public Decoded<ObjectNode> decode(RecordedRequest request) {
    String path = request.path();
    boolean known = KasaCameraSimulator.LINKIE2.equals(path)
        || (KasaCameraSimulator.LINKIE.equals(path) && !settings.linkie2Only);
    if (!known) {
      notFound.incrementAndGet();
      return Decoded.answer(plain(404, "404 Not Found"));
    }
    if (!"POST".equals(request.method())) {
      return Decoded.answer(plain(405, "405 Method Not Allowed"));
    }
    if (settings.requireAppUserAgent
        && !request.header("User-Agent").map(ua -> ua.startsWith("Kasa/")).orElse(false)) {
      return Decoded.fault(Fault.NO_ANSWER); // KC420WS: silently drops what does not look like the app
    }
    if (!credentialsAccepted(request.header("Authorization").orElse(null))) {
      return Decoded.fault(Fault.REJECT_LOGIN);
    }
    ObjectNode call;
    try {
      JsonNode parsed = JSON.readTree(WireFormat.decodeRequest(request.bodyText()));
      if (!(parsed instanceof ObjectNode)) {
        throw new IllegalArgumentException("request JSON is not an object");
      }
      call = (ObjectNode) parsed;
    } catch (IOException | IllegalArgumentException e) {
      return Decoded.answer(plain(400, "400 Bad Request"));
    }
    accepted.add(new ReceivedRequest(path, call.toString(), request.clientPort()));
    return Decoded.call(call);
  }

  private boolean credentialsAccepted(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return false;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return false;
    }
    java.util.Set<KasaAuthVariant> accepted = java.util.EnumSet.of(settings.authVariant);
    accepted.addAll(settings.alsoAccepted);
    boolean ok = false;
    for (KasaAuthVariant variant : accepted) {
      String expected = variant.user(settings.username) + ":" + variant.transform(settings.password);
      ok |= MessageDigest.isEqual(decoded.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
    return ok;
  }

  // ------------------------------------------------------------------ encode

  @Override
  public CompletionStage<HttpAnswer> answer(ObjectNode request, BackendBridge backend) {
    ObjectNode response = NODES.objectNode();
    CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
    for (Map.Entry<String, JsonNode> module : request.properties()) {
      String moduleName = module.getKey();
      if ("context".equals(moduleName)) {
        continue;
      }
      if (unsupportedModules.contains(moduleName) || !module.getValue().isObject()) {
        response.set(moduleName, moduleNotSupported());
        continue;
      }
      ObjectNode moduleOut = response.putObject(moduleName);
      List<Map.Entry<String, JsonNode>> methods = new ArrayList<>(module.getValue().properties());
      for (Map.Entry<String, JsonNode> method : methods) {
        String methodName = method.getKey();
        JsonNode params = method.getValue();
        chain = chain.thenCompose(v -> {
          if (response.get(moduleName) != moduleOut) {
            return CompletableFuture.completedFuture(null); // module already failed as a whole
          }
          JsonNode override = overrides.get(moduleName + "." + methodName);
          if (override != null) {
            moduleOut.set(methodName, override.deepCopy());
            return CompletableFuture.completedFuture(null);
          }
          MethodFailure injected = methodFailures.get(moduleName + "." + methodName);
          if (injected != null) {
            ObjectNode out = moduleOut.putObject(methodName);
            out.put("err_code", injected.code());
            out.put("err_msg", injected.message());
            return CompletableFuture.completedFuture(null);
          }
          return table.call(moduleName, methodName, params)
              .handle((out, failure) -> {
                Throwable cause = Futures.unwrap(failure);
                if (cause instanceof KasaCommandTable.ModuleUnsupported && settings.unknownModulesUnsupportedApi) {
                  ObjectNode refused = moduleOut.putObject(methodName);
                  refused.put("err_code", -10008);
                  refused.put("err_msg", "Unsupported API call.");
                } else if (cause instanceof KasaCommandTable.ModuleUnsupported) {
                  response.set(moduleName, moduleNotSupported());
                } else if (cause != null) {
                  throw new CompletionException(cause);
                } else {
                  moduleOut.set(methodName, out);
                }
                return null;
              });
        });
      }
    }
    return chain.handle((v, failure) -> {
      Throwable cause = Futures.unwrap(failure);
      if (cause instanceof KasaCommandTable.EndsRequest) {
        return HttpAnswer.fault(((KasaCommandTable.EndsRequest) cause).fault);
      }
      if (cause != null) {
        throw new CompletionException(cause);
      }
      return body(WireFormat.encodeResponse(response.toString()));
    });
  }

  @Override
  public HttpAnswer rejectedLogin(RecordedRequest request) {
    switch (settings.wrongCredentialsAnswer) {
      case ERR_CODE_10007:
        ObjectNode body = NODES.objectNode();
        body.put("err_code", -10007);
        body.put("err_msg", "unauthorized");
        return body(WireFormat.encodeResponse(body.toString()));
      case PER_METHOD_10007:
        return body(WireFormat.encodeResponse(perMethodUnauthorized(request).toString()));
      case HTTP_403:
        return HttpAnswer.status(403);
      case NO_ANSWER:
        return HttpAnswer.fault(Fault.NO_ANSWER);
      case HTTP_401:
      default:
        return plain(401, "401 Unauthorized")
            .withHeader("WWW-Authenticate", "Basic realm=\"smarthome@tp-link.com\"");
    }
  }

  /**
   * KC115's answer to a wrong password (kasa-firmware.md §1): -10007 "Unauthorized Error" for
   * {@code context} and for every method asked (the request is decoded only to name them).
   */
  private static ObjectNode perMethodUnauthorized(RecordedRequest request) {
    ObjectNode out = NODES.objectNode();
    out.putObject("context").putObject("source").put("err_code", -10007).put("err_msg", "Unauthorized Error");
    try {
      JsonNode call = JSON.readTree(WireFormat.decodeRequest(request.bodyText()));
      if (call != null && call.isObject()) {
        for (Map.Entry<String, JsonNode> module : call.properties()) {
          if ("context".equals(module.getKey()) || !module.getValue().isObject()) {
            continue;
          }
          ObjectNode m = out.putObject(module.getKey());
          for (Map.Entry<String, JsonNode> method : module.getValue().properties()) {
            m.putObject(method.getKey()).put("err_code", -10007).put("err_msg", "Unauthorized Error");
          }
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      // an undecodable request still gets the context entry
    }
    return out;
  }

  /** The proper answer replaced by the configured kind of garbage. */
  @Override
  public HttpAnswer malformed(HttpAnswer proper) {
    GarbageKind kind = settings.garbage;
    String json = new String(WireFormat.unscramble(Base64.getDecoder().decode(proper.body())), StandardCharsets.UTF_8);
    switch (kind == null ? GarbageKind.EMPTY : kind) {
      case NOT_BASE64:
        return body("<html><body>502 Bad Gateway</body></html>");
      case TRUNCATED:
        return body(WireFormat.encodeResponse(json.substring(0, Math.max(1, json.length() / 2))));
      case NOT_JSON:
        return body(WireFormat.encodeResponse("this is not json"));
      case WRONG_SHAPE:
        return body(WireFormat.encodeResponse("[1,2,3]"));
      case EMPTY:
      default:
        return HttpAnswer.status(200).withHeader("Content-Type", "text/plain");
    }
  }

  private static ObjectNode moduleNotSupported() {
    ObjectNode failed = NODES.objectNode();
    failed.put("err_code", -1);
    failed.put("err_msg", "module not support");
    return failed;
  }

  private static HttpAnswer plain(int status, String text) {
    return HttpAnswer.text(status, "text/html", text);
  }

  private static HttpAnswer body(String base64) {
    return HttpAnswer.text(200, "text/plain", base64);
  }
}
