package dev.homeport.adapter.events.wss;

import java.util.Locale;

/**
 * Which TLS implementation carries the event connection. The same vocabulary as the camera
 * adapter's {@code TlsProvider} ({@code auto}, {@code jdk}, then a named engine), for a different
 * reason: the event stream is long and busy, and the JDK's AES-GCM runs as plain Java when the JVM
 * runs without C2 (HotSpot's AES and GHASH intrinsics are C2-only; the CLI runs C1 only for
 * start-up), where it took about half of the reader thread's CPU (BENCHMARKS.md §9). {@link
 * #CONSCRYPT} is Google's BoringSSL-based engine, native AES-GCM and ChaCha20 whatever the JIT.
 *
 * <p>Conscrypt is an optional dependency of this adapter: an application that wants it adds
 * {@code org.conscrypt:conscrypt-openjdk-uber} itself. Trust decisions never move to it: whichever
 * engine runs, the certificate checks are the JDK's PKIX trust managers (or the support library's
 * pinning one) and the protocol versions are the JDK's defaults (TLS 1.3 and 1.2), so trust,
 * hostname verification and versions behave the same on both engines.
 */
public enum EventsTlsProvider {
  /**
   * Conscrypt when it is on the class path and its native library loads on this platform, the
   * JDK's TLS otherwise (the reason is logged at debug). Since Conscrypt is never pulled in
   * transitively, choosing it here only ever follows the application's own choice of adding it.
   */
  AUTO,
  /** Always the JDK's TLS. The default of {@link SmartThingsConfig#tlsProvider()}. */
  JDK,
  /**
   * Always Conscrypt; connecting fails with a non-retryable {@link
   * dev.homeport.ports.TransportException} naming this option when it is missing or cannot load.
   */
  CONSCRYPT;

  /** The option text, e.g. {@code conscrypt}. */
  public String text() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The provider written as {@code auto}, {@code jdk} or {@code conscrypt} (any case).
   *
   * @throws IllegalArgumentException naming the allowed values
   */
  public static EventsTlsProvider parse(String text) {
    String t = text == null ? "" : text.strip();
    for (EventsTlsProvider v : values()) {
      if (v.text().equalsIgnoreCase(t)) {
        return v;
      }
    }
    throw new IllegalArgumentException("tls provider must be one of auto, jdk, conscrypt, was \"" + text + "\"");
  }
}
