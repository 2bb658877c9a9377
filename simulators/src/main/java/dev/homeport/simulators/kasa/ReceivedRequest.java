package dev.homeport.simulators.kasa;

/**
 * A request the simulator accepted (authenticated and decoded), for tests to inspect.
 *
 * @param path the request path, e.g. {@code /data/LINKIE.json}
 * @param json the decrypted request JSON text
 * @param clientPort the client's port: requests on one kept-alive connection share it
 */
public record ReceivedRequest(String path, String json, int clientPort) {

  /** Whether the request names {@code method} (in any module). */
  public boolean mentions(String method) {
    return json.contains("\"" + method + "\"");
  }
}
