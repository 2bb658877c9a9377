package dev.homeport.examples.acme.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.homeport.domain.Secret;
import dev.homeport.domain.camera.CameraCommand;
import dev.homeport.domain.camera.GetCameraInfo;
import dev.homeport.domain.camera.GetPosition;
import dev.homeport.domain.camera.GetSetting;
import dev.homeport.domain.camera.GoToPreset;
import dev.homeport.domain.camera.ImmutableCameraInfo;
import dev.homeport.domain.camera.ListPresets;
import dev.homeport.domain.camera.Position;
import dev.homeport.domain.camera.Preset;
import dev.homeport.domain.camera.RawCommand;
import dev.homeport.domain.camera.SetPosition;
import dev.homeport.domain.camera.SetSetting;
import dev.homeport.domain.camera.Setting;
import dev.homeport.domain.camera.Stop;
import dev.homeport.ports.AuthenticationException;
import dev.homeport.ports.CameraCommandException;
import dev.homeport.ports.CertificateMismatchException;
import dev.homeport.ports.HomeportException;
import dev.homeport.ports.ProtocolException;
import dev.homeport.ports.RequestTimeoutException;
import dev.homeport.ports.TransportException;
import dev.homeport.ports.UnsupportedCommandException;
import dev.homeport.ports.camera.AbstractCamera;
import dev.homeport.ports.camera.CameraCapabilities;
import dev.homeport.support.FieldMapJson;
import dev.homeport.support.PinMismatchException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * An acme camera: what the brand writes on top of {@link AbstractCamera} is the mapping of each
 * command to an operation and back, and of its failures to the port's exceptions. Argument checks,
 * closed/pending tracking, the batch fall-back (acme has no batch), capability refusal and future
 * unwrapping come from the base. Thread-safe (the JDK client is).
 */
public final class AcmeCamera extends AbstractCamera {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final CameraCapabilities CAPABILITIES = CameraCapabilities.of(
      Set.of(GetCameraInfo.class, GetSetting.class, SetSetting.class, GoToPreset.class, ListPresets.class,
          GetPosition.class, SetPosition.class, Stop.class, RawCommand.class),
      Set.copyOf(Setting.all()));
  /** Acme's code for "busy, try again": the only retryable refusal. */
  private static final String BUSY = "E_BUSY";

  private final URI uri;
  private final String authorization;
  private final Duration timeout;
  private final HttpClient client;

  /** A camera at {@code uri}; no I/O. */
  public AcmeCamera(String name, URI uri, String user, Secret password, Duration timeout, HttpClient client) {
    super(name);
    this.uri = uri;
    this.authorization = "Basic " + Base64.getEncoder().encodeToString(
        (user + ":" + password.reveal()).getBytes(StandardCharsets.UTF_8));
    this.timeout = timeout;
    this.client = client;
  }

  @Override
  public CameraCapabilities capabilities() {
    return CAPABILITIES;
  }

  @Override
  protected <R> CompletableFuture<R> send(CameraCommand<R> command) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode args = body.put("op", operation(command)).putObject("args");
    arguments(command, args);
    HttpRequest request = HttpRequest.newBuilder(uri)
        .timeout(timeout)
        .header("Authorization", authorization)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
        .build();
    return client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .thenApply(response -> read(command, response));
  }

  /** The operation that carries {@code command}, in acme's spelling. */
  static String operation(CameraCommand<?> command) {
    if (command instanceof GetCameraInfo) {
      return "info.get";
    }
    if (command instanceof GetSetting) {
      return "setting.get";
    }
    if (command instanceof SetSetting) {
      return "setting.set";
    }
    if (command instanceof GoToPreset) {
      return "preset.goto";
    }
    if (command instanceof ListPresets) {
      return "preset.list";
    }
    if (command instanceof GetPosition) {
      return "position.get";
    }
    if (command instanceof SetPosition) {
      return "position.set";
    }
    if (command instanceof Stop) {
      return "motion.stop";
    }
    if (command instanceof RawCommand raw) {
      return raw.operation();
    }
    throw new IllegalArgumentException("acme has no operation for " + command.getClass().getSimpleName());
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void arguments(CameraCommand<?> command, ObjectNode args) {
    if (command instanceof GetSetting<?> get) {
      args.put("name", get.setting().id());
    } else if (command instanceof SetSetting<?> set) {
      Setting setting = set.setting();
      args.put("name", setting.id()).put("value", setting.format(set.value()));
    } else if (command instanceof GoToPreset go) {
      args.put("index", go.preset());
    } else if (command instanceof SetPosition position) {
      args.put("x", position.target().x()).put("y", position.target().y());
    } else if (command instanceof RawCommand raw) {
      args.setAll(FieldMapJson.toJson(raw.params()));
    }
  }

  @SuppressWarnings("unchecked")
  private <R> R read(CameraCommand<R> command, HttpResponse<String> response) {
    if (response.statusCode() == 401) {
      throw new AuthenticationException("acme camera '" + name() + "' refused the credentials");
    }
    if (response.statusCode() != 200) {
      throw new ProtocolException("acme camera '" + name() + "' answered HTTP " + response.statusCode());
    }
    JsonNode answer;
    try {
      answer = JSON.readTree(response.body());
    } catch (JsonProcessingException e) {
      throw new ProtocolException("acme camera '" + name() + "' sent an answer that is not JSON", e);
    }
    if (answer == null || !answer.path("ok").isBoolean()) {
      throw new ProtocolException("acme camera '" + name() + "' answer lacks a boolean 'ok'");
    }
    String op = operation(command);
    if (!answer.get("ok").booleanValue()) {
      String code = answer.path("error").path("code").asText("");
      String message = answer.path("error").path("message").asText("");
      if (code.equals("E_UNSUPPORTED")) {
        throw new UnsupportedCommandException("acme camera '" + name() + "' does not support " + op
            + (message.isEmpty() ? "" : " (" + message + ")"));
      }
      throw new CameraCommandException(command, op, code.isEmpty() ? "E_UNKNOWN" : code, message, BUSY.equals(code));
    }
    JsonNode result = answer.path("result");
    try {
      return (R) value(command, result);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new ProtocolException("acme camera '" + name() + "' answered " + op + " with a result it cannot be: "
          + e.getMessage(), e);
    }
  }

  private static Object value(CameraCommand<?> command, JsonNode result) {
    if (command instanceof GetCameraInfo) {
      return ImmutableCameraInfo.builder()
          .alias(text(result, "alias")).model(text(result, "model")).type(text(result, "type"))
          .softwareVersion(text(result, "firmware")).hardwareVersion(text(result, "hardware"))
          .mac(text(result, "mac")).deviceId(text(result, "deviceId"))
          .build();
    }
    if (command instanceof GetSetting<?> get) {
      return get.setting().parse(text(result, "value"));
    }
    if (command instanceof ListPresets) {
      List<Preset> presets = new ArrayList<>();
      for (JsonNode preset : result.path("presets")) {
        presets.add(new Preset(preset.path("index").intValue(), text(preset, "name")));
      }
      return List.copyOf(presets);
    }
    if (command instanceof GetPosition) {
      return new Position(result.path("x").intValue(), result.path("y").intValue());
    }
    if (command instanceof RawCommand) {
      return result.isObject() ? FieldMapJson.toFieldMap(result) : dev.homeport.domain.FieldMap.empty();
    }
    return null;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException("field '" + field + "' must be text");
    }
    return value.textValue();
  }

  @Override
  protected HomeportException translate(Throwable failure) {
    PinMismatchException pin = PinMismatchException.find(failure);
    if (pin != null) {
      return new CertificateMismatchException(pin.host(), pin.expected(), pin.actual());
    }
    if (failure instanceof HttpTimeoutException) {
      return new RequestTimeoutException("acme camera '" + name() + "' did not answer within " + timeout, failure);
    }
    if (failure instanceof IOException) {
      return new TransportException("cannot reach acme camera '" + name() + "' at " + uri.getAuthority()
          + ": " + failure.getClass().getSimpleName(), failure);
    }
    return super.translate(failure);
  }

  @Override
  public String toString() {
    return "AcmeCamera[" + name() + " " + uri.getAuthority() + "]";
  }
}
