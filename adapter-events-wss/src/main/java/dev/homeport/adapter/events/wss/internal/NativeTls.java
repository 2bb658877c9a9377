package dev.homeport.adapter.events.wss.internal;

import java.security.Provider;
import java.util.Optional;
import org.conscrypt.Conscrypt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Conscrypt's provider, created once, never registered process-wide (the rest of the JVM keeps
 * its own providers). The only class that names Conscrypt: it is an optional dependency, so every
 * use goes through {@link #provider()}, which turns its absence into an explanation.
 */
final class NativeTls {

  private static final Logger LOG = LoggerFactory.getLogger(NativeTls.class);

  /** The provider, or why there is none; computed once (the native library loads once). */
  private static final Object PROVIDER_OR_REASON = load();

  private NativeTls() {}

  /** Conscrypt's provider, or empty when it is missing or its native library cannot load here. */
  static Optional<Provider> provider() {
    return PROVIDER_OR_REASON instanceof Provider p ? Optional.of(p) : Optional.empty();
  }

  /** Why {@link #provider()} is empty (meaningless when it is not). */
  static String unavailableReason() {
    return PROVIDER_OR_REASON instanceof String reason ? reason : "";
  }

  private static Object load() {
    try {
      // checkAvailability throws the native library's load failure, the reason worth logging
      Conscrypt.checkAvailability();
      return Conscrypt.newProvider();
    } catch (NoClassDefFoundError e) {
      return reason("org.conscrypt:conscrypt-openjdk-uber is not on the class path");
    } catch (LinkageError | RuntimeException e) {
      return reason("its native library does not load on this platform: " + e);
    }
  }

  private static String reason(String reason) {
    LOG.debug("Conscrypt unavailable: {}", reason);
    return reason;
  }
}
