package dev.homeport.simulators.kasa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.CompletableFuture;

/** Turns one LINKIE module/method call into work on the backend camera and its wire answer. */
interface KasaMethodDispatcher {

  /**
   * Answers one method: the returned node holds {@code err_code} and the result fields. Fails with
   * {@link DropConnection} or {@link RejectCredentials} when the whole request must be answered so.
   */
  CompletableFuture<ObjectNode> call(String module, String method, JsonNode params);

  /** The whole module is unknown: answer it with a module-level {@code err_code -1}. */
  final class ModuleUnsupported extends RuntimeException {
    ModuleUnsupported() {
      super("module not supported", null, false, false);
    }
  }

  /** The backend timed out: leave the request unanswered until the client gives up. */
  final class NoAnswer extends RuntimeException {
    NoAnswer() {
      super("backend timed out", null, false, false);
    }
  }

  /** The backend is unreachable: drop the connection without an answer. */
  final class DropConnection extends RuntimeException {
    DropConnection() {
      super("backend unreachable", null, false, false);
    }
  }

  /** The backend rejects the credentials: answer the whole request as a failed login. */
  final class RejectCredentials extends RuntimeException {
    RejectCredentials() {
      super("credentials rejected", null, false, false);
    }
  }
}
