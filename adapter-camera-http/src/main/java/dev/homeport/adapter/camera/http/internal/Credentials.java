package dev.homeport.adapter.camera.http.internal;

import dev.homeport.adapter.camera.http.AuthVariant;
import dev.homeport.domain.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A camera's account credentials and the {@code Authorization} header each password variant makes.
 * The header is built only at the moment a request is sent and is never stored, logged or shown.
 *
 * <p>Immutable and thread-safe; {@link #toString()} reveals nothing.
 */
public final class Credentials {

  private final String username;
  private final Secret password;

  public Credentials(String username, Secret password) {
    this.username = Objects.requireNonNull(username, "username");
    this.password = Objects.requireNonNull(password, "password");
  }

  /**
   * The {@code Authorization} header value for {@code variant}.
   *
   * @throws IllegalArgumentException for {@link AuthVariant#AUTO}, which is not a concrete form
   */
  String authorization(AuthVariant variant) {
    String transformed;
    String user = username;
    switch (variant) {
      case BASE64:
        transformed = Base64.getEncoder()
            .encodeToString(password.reveal().getBytes(StandardCharsets.UTF_8));
        break;
      case MD5:
        try {
          transformed = HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
              .digest(password.reveal().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
          throw new IllegalStateException("MD5 is missing from this JDK", e);
        }
        break;
      case PLAIN:
        transformed = password.reveal();
        break;
      case ADMIN_MD5:
        user = "admin";
        transformed = md5(password.reveal());
        break;
      case ADMIN_DEFAULT:
        user = "admin";
        transformed = md5("admin");
        break;
      default:
        throw new IllegalArgumentException("auth variant must be concrete, was " + variant);
    }
    return "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + transformed).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A scrubber for every form these credentials travel in: the password as is, base64 and MD5
   * (the forms {@link AuthVariant} sends), and each whole {@code Authorization} header value, so
   * a camera that quotes any of them back cannot put them in a message or a log line.
   */
  public dev.homeport.support.SecretScrubber scrubber() {
    dev.homeport.support.SecretScrubber.Builder builder =
        dev.homeport.support.SecretScrubber.builder().secret(password);
    for (AuthVariant variant : AuthVariant.values()) {
      if (variant != AuthVariant.AUTO && variant != AuthVariant.ADMIN_DEFAULT) {
        String header = authorization(variant);
        builder.literal(header).literal(header.substring("Basic ".length()));
      }
    }
    return builder.build();
  }

  /** Whether the configured user name is {@code admin} (then the admin forms repeat the others). */
  boolean userIsAdmin() {
    return "admin".equals(username);
  }

  private static String md5(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is missing from this JDK", e);
    }
  }

  @Override
  public String toString() {
    return "Credentials[redacted]";
  }
}
