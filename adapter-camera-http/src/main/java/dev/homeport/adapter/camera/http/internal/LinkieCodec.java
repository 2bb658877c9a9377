package dev.homeport.adapter.camera.http.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The LINKIE wire encoding: XOR autokey (initial key 171) over UTF-8 bytes, then base64; request
 * bodies are {@code content=} plus the {@code encodeURIComponent}-style percent-encoding of that
 * base64 text, response bodies are the bare base64 text.
 *
 * <p>Stateless and thread-safe.
 */
public final class LinkieCodec {

  /** The autokey cipher's initial key. */
  static final int INITIAL_KEY = 171;

  private static final String UNRESERVED =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!~*'()";
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private LinkieCodec() {}

  /** XOR-autokey encrypts {@code plain}: {@code c = p ^ key; key = c}. Returns a new array. */
  public static byte[] encrypt(byte[] plain) {
    byte[] out = new byte[plain.length];
    int key = INITIAL_KEY;
    for (int i = 0; i < plain.length; i++) {
      int c = (plain[i] ^ key) & 0xFF;
      out[i] = (byte) c;
      key = c;
    }
    return out;
  }

  /** XOR-autokey decrypts {@code cipher}: {@code p = c ^ key; key = c}. Returns a new array. */
  public static byte[] decrypt(byte[] cipher) {
    byte[] out = new byte[cipher.length];
    int key = INITIAL_KEY;
    for (int i = 0; i < cipher.length; i++) {
      int c = cipher[i] & 0xFF;
      out[i] = (byte) (c ^ key);
      key = c;
    }
    return out;
  }

  /** base64(encrypt(UTF-8 bytes of {@code json})). */
  public static String encryptToBase64(String json) {
    return Base64.getEncoder().encodeToString(encrypt(json.getBytes(StandardCharsets.UTF_8)));
  }

  /** The full form-encoded request body: {@code content=<percent-encoded base64>}. */
  public static String encodeRequestBody(String json) {
    return "content=" + encodeUriComponent(encryptToBase64(json));
  }

  /**
   * Decodes a response body (bare base64 of the encrypted UTF-8 JSON; surrounding whitespace is
   * ignored) to the JSON text.
   *
   * @throws IllegalArgumentException if the body is not valid base64 or not valid UTF-8 once
   *     decrypted; the message says which, never the body itself
   */
  public static String decodeResponseBody(String body) {
    return new String(decodeResponseJson(body), StandardCharsets.UTF_8);
  }

  /**
   * Decodes a response body to the JSON's UTF-8 bytes, checked to be valid UTF-8 (so a JSON parser
   * can read them without a String in between).
   *
   * @throws IllegalArgumentException as {@link #decodeResponseBody(String)}
   */
  public static byte[] decodeResponseJson(String body) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(body.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("response body is not base64 (" + e.getMessage() + ")");
    }
    // Decrypt in place, noting on the way whether any byte is outside ASCII.
    int key = INITIAL_KEY;
    int high = 0;
    for (int i = 0; i < bytes.length; i++) {
      int c = bytes[i] & 0xFF;
      int p = c ^ key;
      high |= p;
      bytes[i] = (byte) p;
      key = c;
    }
    if ((high & 0x80) != 0) {
      // Not pure ASCII (rare: cameras send ASCII almost always): check the UTF-8 strictly.
      try {
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
            .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
            .decode(java.nio.ByteBuffer.wrap(bytes));
      } catch (java.nio.charset.CharacterCodingException e) {
        throw new IllegalArgumentException("decrypted response body is not UTF-8 text");
      }
    }
    return bytes;
  }

  /**
   * Percent-encodes the UTF-8 bytes of {@code text} exactly as JavaScript's
   * {@code encodeURIComponent}: everything except {@code A-Z a-z 0-9 - _ . ! ~ * ' ( )} becomes
   * {@code %XX} (upper-case hex).
   */
  public static String encodeUriComponent(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(bytes.length + 16);
    for (byte b : bytes) {
      int v = b & 0xFF;
      if (v < 0x80 && UNRESERVED.indexOf(v) >= 0) {
        out.append((char) v);
      } else {
        out.append('%').append(HEX[v >> 4]).append(HEX[v & 0xF]);
      }
    }
    return out.toString();
  }
}
