package dev.homeport.cli.internal;

import dev.homeport.support.Durations;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsing and checking of the CLI's option values; every failure names the field and what is allowed. */
public final class Values {

  /** Event sources a deployment may name. */
  public static final List<String> SOURCES = List.of("smartthings", "inmemory");

  private static final Pattern PIN = Pattern.compile("sha256:([0-9a-fA-F:]+)");
  private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private Values() {}

  /**
   * A positive duration in the forms of the support library's one parser ({@link Durations}):
   * {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}, a bare number of seconds, or ISO-8601.
   *
   * @throws UsageException naming the field and the accepted forms
   */
  public static Duration duration(String field, String text) {
    try {
      return Durations.positive(field, text);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /** One of {@code allowed}, case-insensitive, returned in lower case. */
  public static String oneOf(String field, String text, List<String> allowed) {
    String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    if (!allowed.contains(value)) {
      throw new UsageException(
          field + " must be one of " + String.join(", ", allowed) + ", was \"" + text + "\"");
    }
    return value;
  }

  /** The event connection's TLS engine: {@code auto}, {@code jdk} or {@code conscrypt}. */
  public static dev.homeport.adapter.events.wss.EventsTlsProvider eventsTlsProvider(String field, String text) {
    try {
      return dev.homeport.adapter.events.wss.EventsTlsProvider.parse(text);
    } catch (IllegalArgumentException e) {
      throw new UsageException(field + " must be auto, jdk or conscrypt, was \"" + text + "\"");
    }
  }

  /** Event-source trust: {@code default}, {@code insecure} or {@code sha256:HEX}. */
  public static String serviceTrust(String field, String text) {
    return trust(field, text, "default");
  }

  private static String trust(String field, String text, String normal) {
    String value = text == null ? "" : text.trim();
    String lower = value.toLowerCase(Locale.ROOT);
    if (lower.equals(normal) || lower.equals("insecure")) {
      return lower;
    }
    Matcher matcher = PIN.matcher(lower);
    if (matcher.matches()) {
      String hex = matcher.group(1).replace(":", "");
      if (hex.length() == 64) {
        return "sha256:" + hex;
      }
    }
    throw new UsageException(
        field + " must be " + normal + ", insecure or sha256:HEX (the certificate's SHA-256, 64 hex"
            + " digits), was \"" + text + "\"");
  }

  /** A TCP port 1..65535. */
  public static int port(String field, int port) {
    if (port < 1 || port > 65535) {
      throw new UsageException(field + " must be 1..65535, was " + port);
    }
    return port;
  }

  /** An environment variable name (letters, digits, underscore; not starting with a digit). */
  public static String variableName(String field, String text) {
    if (text == null || !VARIABLE.matcher(text).matches()) {
      // Not echoed: a value that is not a variable name is often the secret itself, pasted by mistake.
      throw new UsageException(
          field + " must name an environment variable, such as PORCH_PASSWORD: letters, digits and _,"
              + " not starting with a digit (the value given is not shown: it may be the secret itself)");
    }
    return text;
  }

  /** A {@code wss://} URL with a host and no query (the adapter adds its own query). */
  public static URI webSocketUrl(String field, String text) {
    try {
      URI uri = new URI(text == null ? "" : text.trim());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (scheme.equals("wss") && uri.getHost() != null) {
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
          throw new UsageException(
              field + " must not have a query or fragment (homeport adds EIO, transport and the token), was \""
                  + withoutQuery(text) + "\"");
        }
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new UsageException(
        field + " must be a wss:// URL such as wss://my.smartthings.com/socket.io/, was \""
            + (text == null ? null : withoutQuery(text)) + "\"");
  }

  /** {@code url} for messages: without its query and fragment, where a pasted URL may carry the CSRF token. */
  private static String withoutQuery(String url) {
    int query = url.indexOf('?');
    int fragment = url.indexOf('#');
    int cut = query < 0 ? fragment : fragment < 0 ? query : Math.min(query, fragment);
    return cut < 0 ? url : url.substring(0, cut) + "?<query not shown>";
  }

  /** A non-blank host name or address. */
  public static String host(String field, String text) {
    if (text == null || text.isBlank() || text.chars().anyMatch(Character::isWhitespace)) {
      throw new UsageException(field + " must be a host name or IP address, was \"" + text + "\"");
    }
    return text.trim();
  }
}
