package dev.homeport.adapter.camera.onvif.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * HTTP Digest authentication (RFC 7616) as cameras use it: MD5 with {@code qop=auth}, or the
 * RFC 2069 form without {@code qop}. One instance holds one challenge and counts its uses
 * ({@code nc}). Thread-safe.
 */
public final class HttpDigest {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final String realm;
  private final String nonce;
  private final String opaque;
  private final boolean qopAuth;
  private final AtomicInteger count = new AtomicInteger();

  private HttpDigest(String realm, String nonce, String opaque, boolean qopAuth) {
    this.realm = realm;
    this.nonce = nonce;
    this.opaque = opaque;
    this.qopAuth = qopAuth;
  }

  /**
   * The Digest challenge in a {@code WWW-Authenticate} value, if it is one homeport can answer (MD5,
   * qop absent or including {@code auth}).
   */
  public static Optional<HttpDigest> parse(String header) {
    if (header == null) {
      return Optional.empty();
    }
    String trimmed = header.trim();
    if (trimmed.length() < 7 || !trimmed.substring(0, 7).equalsIgnoreCase("Digest ")) {
      return Optional.empty();
    }
    Map<String, String> params = params(trimmed.substring(7));
    String realm = params.get("realm");
    String nonce = params.get("nonce");
    String algorithm = params.getOrDefault("algorithm", "MD5");
    if (realm == null || nonce == null || !algorithm.equalsIgnoreCase("MD5")) {
      return Optional.empty();
    }
    String qop = params.get("qop");
    boolean auth = false;
    if (qop != null) {
      for (String option : qop.split(",")) {
        auth |= option.trim().equalsIgnoreCase("auth");
      }
      if (!auth) {
        return Optional.empty();
      }
    }
    return Optional.of(new HttpDigest(realm, nonce, params.get("opaque"), auth));
  }

  /** The parameters of a challenge or credentials: {@code name=token} or {@code name="quoted"}, comma-separated. */
  static Map<String, String> params(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      while (i < n && (text.charAt(i) == ',' || Character.isWhitespace(text.charAt(i)))) {
        i++;
      }
      int nameStart = i;
      while (i < n && text.charAt(i) != '=' && text.charAt(i) != ',') {
        i++;
      }
      String name = text.substring(nameStart, i).trim().toLowerCase(Locale.ROOT);
      if (i >= n || text.charAt(i) != '=') {
        continue;
      }
      i++;
      StringBuilder value = new StringBuilder();
      if (i < n && text.charAt(i) == '"') {
        i++;
        while (i < n && text.charAt(i) != '"') {
          if (text.charAt(i) == '\\' && i + 1 < n) {
            i++;
          }
          value.append(text.charAt(i++));
        }
        i++;
      } else {
        while (i < n && text.charAt(i) != ',') {
          value.append(text.charAt(i++));
        }
      }
      if (!name.isEmpty()) {
        out.put(name, value.toString().trim());
      }
    }
    return out;
  }

  /** The {@code Authorization} value for one request. */
  public String authorization(String method, String uri, String username, String password) {
    String ha1 = md5(username + ":" + realm + ":" + password);
    String ha2 = md5(method + ":" + uri);
    StringBuilder h = new StringBuilder("Digest username=\"").append(quote(username))
        .append("\", realm=\"").append(quote(realm))
        .append("\", nonce=\"").append(quote(nonce))
        .append("\", uri=\"").append(quote(uri)).append('"');
    if (qopAuth) {
      String nc = String.format("%08x", count.incrementAndGet());
      byte[] c = new byte[8];
      RANDOM.nextBytes(c);
      String cnonce = HexFormat.of().formatHex(c);
      h.append(", qop=auth, nc=").append(nc).append(", cnonce=\"").append(cnonce)
          .append("\", response=\"").append(response(ha1, nonce, nc, cnonce, ha2)).append('"');
    } else {
      h.append(", response=\"").append(md5(ha1 + ":" + nonce + ":" + ha2)).append('"');
    }
    h.append(", algorithm=MD5");
    if (opaque != null) {
      h.append(", opaque=\"").append(quote(opaque)).append('"');
    }
    return h.toString();
  }

  /** The qop=auth response: {@code MD5(HA1:nonce:nc:cnonce:auth:HA2)}. */
  static String response(String ha1, String nonce, String nc, String cnonce, String ha2) {
    return md5(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2);
  }

  static String md5(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is missing from this JVM", e);
    }
  }

  private static String quote(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  @Override
  public String toString() {
    return "HttpDigest[realm=" + realm + "]";
  }
}
