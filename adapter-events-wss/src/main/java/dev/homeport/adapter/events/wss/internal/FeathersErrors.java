package dev.homeport.adapter.events.wss.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.homeport.ports.AuthenticationException;
import dev.homeport.ports.HomeportException;
import dev.homeport.ports.ServiceCallException;
import dev.homeport.support.SecretScrubber;

/** Maps a Feathers error (the first element of an error ACK) to the port's exceptions. */
public final class FeathersErrors {

  private FeathersErrors() {}

  /**
   * {@code NotAuthenticated} (or code 401) becomes {@link AuthenticationException}; every other
   * error a {@link ServiceCallException} carrying the name, code and message. The name and message
   * are the server's own text, so {@code scrubber} removes the session's secrets from them first (a
   * server quoting the request's cookie or CSRF token in its error).
   */
  public static HomeportException toException(JsonNode error, String description, SecretScrubber scrubber) {
    String name;
    int code;
    String message;
    if (error.isObject()) {
      name = text(error.get("name"), "GeneralError");
      code = error.path("code").canConvertToInt() ? error.path("code").asInt() : 500;
      message = text(error.get("message"), "");
    } else {
      name = "GeneralError";
      code = 500;
      message = error.isTextual() ? error.asText() : Json.write(error);
    }
    boolean notAuthenticated = "NotAuthenticated".equals(name) || code == 401;
    name = scrubber.scrub(name);
    message = scrubber.scrub(message);
    if (notAuthenticated) {
      return new AuthenticationException(
          description + " was refused: " + name + (message.isEmpty() ? "" : ": " + message));
    }
    return new ServiceCallException(name, code, message);
  }

  private static String text(JsonNode node, String fallback) {
    return node != null && node.isValueNode() && !node.isNull() ? node.asText() : fallback;
  }
}
