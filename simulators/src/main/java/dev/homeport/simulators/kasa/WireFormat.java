package dev.homeport.simulators.kasa;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The simulator's own reading of the LINKIE body encoding, written from the protocol notes and
 * deliberately independent of any client codec: form field {@code content}, URL-decoded, base64,
 * then XOR autokey with initial key 0xAB over UTF-8 bytes.
 */
final class WireFormat {

  private WireFormat() {}

  /** Extracts and decrypts the {@code content} form field of a request body. */
  static String decodeRequest(String formBody) {
    String content = null;
    for (String pair : formBody.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      if (name.equals("content")) {
        content = URLDecoder.decode(eq < 0 ? "" : pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    if (content == null) {
      throw new IllegalArgumentException("request body has no content= field");
    }
    byte[] scrambled = Base64.getDecoder().decode(content);
    return new String(unscramble(scrambled), StandardCharsets.UTF_8);
  }

  /** Encrypts a response JSON text to the bare base64 body cameras send. */
  static String encodeResponse(String json) {
    return Base64.getEncoder().encodeToString(scramble(json.getBytes(StandardCharsets.UTF_8)));
  }

  static byte[] scramble(byte[] plain) {
    byte[] out = plain.clone();
    byte key = (byte) 0xAB;
    for (int i = 0; i < out.length; i++) {
      out[i] ^= key;
      key = out[i];
    }
    return out;
  }

  static byte[] unscramble(byte[] cipher) {
    byte[] out = new byte[cipher.length];
    byte key = (byte) 0xAB;
    for (int i = 0; i < cipher.length; i++) {
      out[i] = (byte) (cipher[i] ^ key);
      key = cipher[i];
    }
    return out;
  }
}
