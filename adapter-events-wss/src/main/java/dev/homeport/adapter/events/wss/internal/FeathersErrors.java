package dev.homeport.adapter.events.wss.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.homeport.ports.AuthenticationException;
import dev.homeport.ports.HomeportException;
import dev.homeport.ports.ServiceCallException;

/** Maps a Feathers error (the first element of an error ACK) to the port's exceptions. */
public final class FeathersErrors {

  private FeathersErrors() {}

  /**
   * {@code NotAuthenticated} (or code 401) becomes {@link AuthenticationException}; every other
   * error a {@link ServiceCallException} carrying the name, code and message.
   */
  public static HomeportException toException(JsonNode error, String description) {
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
    if ("NotAuthenticated".equals(name) || code == 401) {
      return new AuthenticationException(
          description + " was refused: " + name + (message.isEmpty() ? "" : ": " + message));
    }
    return new ServiceCallException(name, code, message);
  }

  private static String text(JsonNode node, String fallback) {
    return node != null && node.isValueNode() && !node.isNull() ? node.asText() : fallback;
  }
}
