package dev.homeport.simulators.tls;

import dev.homeport.support.Fingerprints;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A self-signed certificate for {@code 127.0.0.1} and {@code localhost}, made in-process, for the
 * simulators' TLS servers: EC P-256 by default ({@link #create}), or RSA ({@link #createRsa}) for a
 * server that must offer static-RSA cipher suites only, as old camera firmware does.
 *
 * <p>Each call to {@link #create(String)} makes a new key pair, so a simulator can swap its
 * certificate to provoke a pin mismatch. Instances are immutable and thread-safe.
 */
public final class SelfSignedCertificate {

  private static final char[] KEYSTORE_PASSWORD = "simulator".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final KeyPair keyPair;
  private final X509Certificate certificate;

  private SelfSignedCertificate(KeyPair keyPair, X509Certificate certificate) {
    this.keyPair = keyPair;
    this.certificate = certificate;
  }

  /**
   * Makes a new key pair and a certificate for it, valid from an hour ago for thirty days, with
   * subject alternative names {@code 127.0.0.1}, {@code ::1} and {@code localhost}.
   *
   * @param commonName the subject's CN, e.g. {@code "kasa-simulator"}
   * @throws IllegalStateException if the JDK lacks EC or SHA256withECDSA (never on a standard JDK)
   */
  public static SelfSignedCertificate create(String commonName) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
      return signed(commonName, generator.generateKeyPair(), "SHA256withECDSA");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("could not make a self-signed certificate", e);
    }
  }

  /**
   * Like {@link #create(String)} with an RSA key of {@code bits} bits signed with SHA256withRSA:
   * the certificate a server needs for {@code TLS_RSA_*} (static-RSA) suites, which an EC key cannot
   * serve. Real KC100 firmware presents a 1024-bit RSA key (kasa-firmware.md, TLS).
   *
   * @throws IllegalArgumentException if {@code bits} is below 1024 (the JDK refuses smaller keys)
   */
  public static SelfSignedCertificate createRsa(String commonName, int bits) {
    if (bits < 1024) {
      throw new IllegalArgumentException("bits must be at least 1024, was " + bits);
    }
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(bits, RANDOM);
      return signed(commonName, generator.generateKeyPair(), "SHA256withRSA");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("could not make a self-signed RSA certificate", e);
    }
  }

  private static SelfSignedCertificate signed(String commonName, KeyPair keyPair, String signature) {
    try {
      Instant now = Instant.now();
      X500Name subject = new X500Name("CN=" + commonName);
      JcaX509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              subject,
              new BigInteger(64, RANDOM),
              Date.from(now.minus(Duration.ofHours(1))),
              Date.from(now.plus(Duration.ofDays(30))),
              subject,
              keyPair.getPublic());
      builder.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(
              new GeneralName[] {
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                new GeneralName(GeneralName.iPAddress, "::1"),
                new GeneralName(GeneralName.dNSName, "localhost")
              }));
      X509Certificate certificate =
          new JcaX509CertificateConverter()
              .getCertificate(
                  builder.build(new JcaContentSignerBuilder(signature).build(keyPair.getPrivate())));
      return new SelfSignedCertificate(keyPair, certificate);
    } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
      throw new IllegalStateException("could not make a self-signed certificate", e);
    }
  }

  /** The certificate. */
  public X509Certificate certificate() {
    return certificate;
  }

  /** Lower-case hex SHA-256 of the DER-encoded certificate: the value clients pin. */
  public String sha256Fingerprint() {
    return Fingerprints.sha256(certificate);
  }

  /** The certificate in PEM form, for clients that trust a CA file. */
  public String pem() {
    try {
      StringWriter out = new StringWriter();
      out.write("-----BEGIN CERTIFICATE-----\n");
      out.write(Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
          .encodeToString(certificate.getEncoded()));
      out.write("\n-----END CERTIFICATE-----\n");
      return out.toString();
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A server-side {@link SSLContext} (TLS) presenting this certificate. */
  public SSLContext serverContext() {
    try {
      KeyStore keyStore = KeyStore.getInstance("PKCS12");
      keyStore.load(null, null);
      keyStore.setKeyEntry("server", keyPair.getPrivate(), KEYSTORE_PASSWORD,
          new X509Certificate[] {certificate});
      KeyManagerFactory keyManagers =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyManagers.init(keyStore, KEYSTORE_PASSWORD);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers.getKeyManagers(), null, RANDOM);
      return context;
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("could not build a server TLS context", e);
    }
  }

  /** A client-side {@link SSLContext} that trusts only this certificate (tests and demos). */
  public SSLContext clientContextTrustingThis() {
    try {
      KeyStore trustStore = KeyStore.getInstance("PKCS12");
      trustStore.load(null, null);
      trustStore.setCertificateEntry("simulator", certificate);
      javax.net.ssl.TrustManagerFactory trustManagers =
          javax.net.ssl.TrustManagerFactory.getInstance(
              javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
      trustManagers.init(trustStore);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trustManagers.getTrustManagers(), RANDOM);
      return context;
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("could not build a client TLS context", e);
    }
  }
}
