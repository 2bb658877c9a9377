package dev.homeport.adapter.events.wss;

import dev.homeport.support.Fingerprints;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Which server certificates the adapter trusts. Immutable and thread-safe.
 *
 * <ul>
 *   <li>{@link #systemDefault()} (the default): normal PKIX validation against the JDK's trust
 *       store, with host-name verification.
 *   <li>{@link #caCertificates(Path)}: PKIX validation against the CA certificates in a PEM (or DER)
 *       file instead, with host-name verification (for a private CA or a test server).
 *   <li>{@link #pinnedSha256(String)}: accept exactly the server certificate whose SHA-256
 *       fingerprint (of its DER encoding) is given; anything else fails with
 *       {@link dev.homeport.ports.CertificateMismatchException}.
 *   <li>{@link #insecure()}: accept any certificate. Only as an explicit opt-in, for experiments:
 *       anyone on the network path can then read the session cookie.
 * </ul>
 */
public final class SmartThingsTrust {

  /** The kinds of trust. */
  public enum Kind {
    SYSTEM_DEFAULT,
    CA_CERTIFICATES,
    PINNED_SHA256,
    INSECURE
  }

  private static final SmartThingsTrust SYSTEM = new SmartThingsTrust(Kind.SYSTEM_DEFAULT, null, null);
  private static final SmartThingsTrust INSECURE = new SmartThingsTrust(Kind.INSECURE, null, null);

  private final Kind kind;
  private final Path caFile;
  private final String fingerprint;

  private SmartThingsTrust(Kind kind, Path caFile, String fingerprint) {
    this.kind = kind;
    this.caFile = caFile;
    this.fingerprint = fingerprint;
  }

  /** The JDK's default trust store, with host-name verification. */
  public static SmartThingsTrust systemDefault() {
    return SYSTEM;
  }

  /**
   * The CA certificates in {@code pemOrDerFile}. The file is read when a session connects.
   *
   * @throws NullPointerException if the path is null
   */
  public static SmartThingsTrust caCertificates(Path pemOrDerFile) {
    return new SmartThingsTrust(Kind.CA_CERTIFICATES, Objects.requireNonNull(pemOrDerFile, "caFile"), null);
  }

  /**
   * Exactly the certificate with this SHA-256 fingerprint: 64 hex digits, optionally separated by
   * colons, any case.
   *
   * @throws IllegalArgumentException if the fingerprint is not 32 bytes of hex
   */
  public static SmartThingsTrust pinnedSha256(String fingerprint) {
    String hex;
    try {
      hex = Fingerprints.normalize(fingerprint);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("fingerprint: " + e.getMessage(), e);
    }
    return new SmartThingsTrust(Kind.PINNED_SHA256, null, hex);
  }

  /** Any certificate at all. Explicit opt-in only; never the default. */
  public static SmartThingsTrust insecure() {
    return INSECURE;
  }

  /** Which of the trust forms this is. */
  public Kind kind() {
    return kind;
  }

  /** The CA file, for {@link Kind#CA_CERTIFICATES}. */
  public Optional<Path> caFile() {
    return Optional.ofNullable(caFile);
  }

  /** Lower-case hex fingerprint without colons, for {@link Kind#PINNED_SHA256}. */
  public Optional<String> pinnedFingerprint() {
    return Optional.ofNullable(fingerprint);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SmartThingsTrust that
        && kind == that.kind
        && Objects.equals(caFile, that.caFile)
        && Objects.equals(fingerprint, that.fingerprint);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, caFile, fingerprint);
  }

  @Override
  public String toString() {
    switch (kind) {
      case CA_CERTIFICATES:
        return "SmartThingsTrust[CA file " + caFile + "]";
      case PINNED_SHA256:
        return "SmartThingsTrust[pinned SHA-256 " + fingerprint + "]";
      default:
        return "SmartThingsTrust[" + kind + "]";
    }
  }
}
