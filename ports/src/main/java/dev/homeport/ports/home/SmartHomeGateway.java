package dev.homeport.ports.home;

import java.util.concurrent.CompletableFuture;

/**
 * Opens sessions to one smart-home account. Thread-safe; one gateway may open many sessions.
 */
public interface SmartHomeGateway {

  /**
   * Connects and authenticates a new session.
   *
   * @return the session, authenticated; or a failure: {@link dev.homeport.ports.AuthenticationException}
   *     when the credentials are rejected or expired, {@link dev.homeport.ports.TransportException}
   *     when the service cannot be reached or its certificate is not trusted
   */
  CompletableFuture<SmartHomeSession> connect();
}
