package dev.homeport.adapter.camera.onvif.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class WsSecurityTest {

  /**
   * The vector was computed outside the project when this test was written, twice:
   * {@code python3 -c "import hashlib,base64; print(base64.b64encode(hashlib.sha1(bytes(range(16))
   * + b'2026-12-02T04:50:00Z' + 's3cret-Pässword'.encode()).digest()).decode())"} and
   * {@code (printf 000102...0f | xxd -r -p; printf 2026-12-02T04:50:00Z; printf s3cret-Pässword) |
   * openssl dgst -sha1 -binary | base64}; both print {@code eTppj8hsIH6YBO4hiC36c6um0KE=}.
   */
  @Test
  void digest_matchesTheVectorComputedWithPythonAndOpenssl() {
    byte[] nonce = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");
    assertThat(WsSecurity.digest(nonce, "2026-12-02T04:50:00Z", "s3cret-Pässword"))
        .isEqualTo("eTppj8hsIH6YBO4hiC36c6um0KE=");
  }

  @Test
  void header_hasAFreshNonceEachTimeAndNoPlainPassword() {
    Instant t = Instant.parse("2026-12-02T04:50:00.789Z");
    String first = XmlWriter.writeString(WsSecurity.header("admin", "s3cret", t));
    String second = XmlWriter.writeString(WsSecurity.header("admin", "s3cret", t));
    XmlElement a = XmlReader.parse(first.getBytes(StandardCharsets.UTF_8));
    XmlElement b = XmlReader.parse(second.getBytes(StandardCharsets.UTF_8));
    assertThat(a.textAt("UsernameToken", "Nonce")).isNotEqualTo(b.textAt("UsernameToken", "Nonce"));
    assertThat(a.textAt("UsernameToken", "Created")).contains("2026-12-02T04:50:00Z");
    assertThat(a.find("UsernameToken", "Password").orElseThrow().attribute("Type"))
        .contains(Ns.PASSWORD_DIGEST);
    assertThat(first).doesNotContain("s3cret");
  }
}
