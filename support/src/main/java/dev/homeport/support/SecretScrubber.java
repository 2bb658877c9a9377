package dev.homeport.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.homeport.domain.Secret;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Removes one connection's secrets from text a peer sent back before that text reaches an
 * exception message, a log line or {@code toString()}: a camera error quoting the
 * {@code Authorization} header, a server error quoting the cookie, a fault quoting the password.
 *
 * <p>Built per camera or session from its secrets. Each {@linkplain Builder#secret secret} is
 * matched in every form it travels in: as is, URL-encoded (either hex case), JSON-escaped (with or
 * without {@code \/}), base64 (standard and URL-safe, padded or not) and MD5 hex (either case), the
 * forms Kasa cameras and Basic headers use; {@linkplain Builder#literal literals} add exact forms a
 * protocol derives (a whole Basic header value); a {@linkplain Builder#cookie cookie} header value
 * is matched whole and, when it carries several {@code name=value} pairs, pair by pair and value by
 * value (a server quoting one cookie). Each occurrence becomes {@value #REDACTED}. Secrets shorter
 * than {@value #MIN_LENGTH} characters are not matched as is (they would blank ordinary words),
 * only in their longer derived forms.
 *
 * <p>Immutable and thread-safe; {@link #toString()} shows only how many forms it knows.
 */
public final class SecretScrubber {

  /** What replaces a secret. */
  public static final String REDACTED = "[redacted]";

  /** The shortest secret matched as is. */
  public static final int MIN_LENGTH = 4;

  private static final SecretScrubber NONE = new SecretScrubber(List.of());

  private static final java.util.regex.Pattern PERCENT_ESCAPE = java.util.regex.Pattern.compile("%[0-9A-F]{2}");

  private final List<String> forms;

  private SecretScrubber(List<String> forms) {
    this.forms = forms;
  }

  /** A scrubber that knows no secret (anonymous access). */
  public static SecretScrubber none() {
    return NONE;
  }

  /** A scrubber for these secrets (each in all its forms). */
  public static SecretScrubber of(Secret... secrets) {
    Builder builder = builder();
    for (Secret secret : secrets) {
      builder.secret(secret);
    }
    return builder.build();
  }

  /** A builder with no secrets. */
  public static Builder builder() {
    return new Builder();
  }

  /** {@code text} with every known secret form replaced by {@value #REDACTED}; null stays null. */
  public String scrub(String text) {
    if (text == null || forms.isEmpty()) {
      return text;
    }
    String result = text;
    for (String form : forms) {
      if (result.contains(form)) {
        result = result.replace(form, REDACTED);
      }
    }
    return result;
  }

  /** Whether {@code text} contains any known secret form. */
  public boolean mentionsAny(String text) {
    if (text == null) {
      return false;
    }
    for (String form : forms) {
      if (text.contains(form)) {
        return true;
      }
    }
    return false;
  }

  /** Whether any message in {@code failure}'s cause chain contains a known secret form. */
  public boolean mentionsAny(Throwable failure) {
    int depth = 0;
    for (Throwable cause = failure; cause != null && depth < 32; cause = cause.getCause(), depth++) {
      if (mentionsAny(cause.getMessage()) || mentionsAny(cause.toString())) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code node} with every text value and field name scrubbed; {@code node} itself when nothing
   * needed it (the usual case), else a scrubbed copy. The node is not changed.
   */
  public JsonNode scrub(JsonNode node) {
    if (node == null || forms.isEmpty() || !contains(node)) {
      return node;
    }
    return copy(node);
  }

  private boolean contains(JsonNode node) {
    if (node.isTextual()) {
      return mentionsAny(node.textValue());
    }
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (mentionsAny(field.getKey()) || contains(field.getValue())) {
          return true;
        }
      }
      return false;
    }
    if (node.isArray()) {
      for (JsonNode element : node) {
        if (contains(element)) {
          return true;
        }
      }
    }
    return false;
  }

  private JsonNode copy(JsonNode node) {
    if (node.isTextual()) {
      return TextNode.valueOf(scrub(node.textValue()));
    }
    if (node.isObject()) {
      ObjectNode copy = ((ObjectNode) node).objectNode();
      node.fields().forEachRemaining(field -> copy.set(scrub(field.getKey()), copy(field.getValue())));
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = ((ArrayNode) node).arrayNode();
      node.forEach(element -> copy.add(copy(element)));
      return copy;
    }
    return node;
  }

  @Override
  public String toString() {
    return "SecretScrubber[" + forms.size() + " forms]";
  }

  /** Collects secrets; not thread-safe. */
  public static final class Builder {
    private final Set<String> forms = new LinkedHashSet<>();

    private Builder() {}

    /** Adds {@code secret} in all its forms (see the class comment); an absent secret adds nothing. */
    public Builder secret(Secret secret) {
      return secret == null ? this : secret(secret.reveal());
    }

    /** Adds {@code secret} in all its forms; null or empty adds nothing. */
    public Builder secret(String secret) {
      if (secret == null || secret.isEmpty()) {
        return this;
      }
      if (secret.length() >= MIN_LENGTH) {
        forms.add(secret);
        String url = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        forms.add(url);
        forms.add(url.replace("+", "%20"));
        // Percent escapes in lower-case hex, as a server that decodes and re-encodes may write them.
        forms.add(PERCENT_ESCAPE.matcher(url).replaceAll(m -> m.group().toLowerCase(Locale.ROOT)));
        // JSON-escaped: encoders differ on '/' (Jackson leaves it, others write \/), so both.
        String json = secret.replace("\\", "\\\\").replace("\"", "\\\"");
        forms.add(json);
        forms.add(json.replace("/", "\\/"));
      }
      byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
      String base64 = Base64.getEncoder().encodeToString(bytes);
      forms.add(base64);
      forms.add(Base64.getUrlEncoder().encodeToString(bytes));
      forms.add(Base64.getEncoder().withoutPadding().encodeToString(bytes));
      forms.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
      String md5 = md5(bytes);
      forms.add(md5);
      forms.add(md5.toUpperCase(Locale.ROOT));
      return this;
    }

    /**
     * Adds a {@code Cookie} header value: the whole value, each {@code name=value} pair and each
     * value, all as {@linkplain #secret(String) secrets}; values shorter than {@value #MIN_LENGTH}
     * characters (flags such as {@code lang=en}) add nothing of their own. Null adds nothing.
     */
    public Builder cookie(String header) {
      if (header == null) {
        return this;
      }
      secret(header.strip());
      for (String pair : header.split(";")) {
        String trimmed = pair.strip();
        int equals = trimmed.indexOf('=');
        String value = equals < 0 ? trimmed : trimmed.substring(equals + 1).strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
          value = value.substring(1, value.length() - 1);
        }
        if (value.length() >= MIN_LENGTH) {
          secret(trimmed);
          secret(value);
        }
      }
      return this;
    }

    /** Adds {@code form} exactly as given (e.g. a whole header value a protocol derives). */
    public Builder literal(String form) {
      if (form != null && form.length() >= MIN_LENGTH) {
        forms.add(form);
      }
      return this;
    }

    /** The scrubber; longer forms are replaced first, so no fragment of a longer one is left. */
    public SecretScrubber build() {
      List<String> sorted = new ArrayList<>(forms);
      sorted.removeIf(f -> f.length() < MIN_LENGTH);
      sorted.sort(Comparator.comparingInt(String::length).reversed());
      return new SecretScrubber(List.copyOf(sorted));
    }
  }

  private static String md5(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is missing from this JDK", e);
    }
  }
}
