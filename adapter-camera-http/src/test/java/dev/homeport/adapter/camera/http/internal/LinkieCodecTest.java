package dev.homeport.adapter.camera.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class LinkieCodecTest {

  @Test
  void sysinfoRequest_encryptsToKnownVector() {
    assertThat(LinkieCodec.encryptToBase64("{\"system\":{\"get_sysinfo\":{}}}"))
        .isEqualTo("0PKB+Iv/mvfV75S20bTAn+yV5o/hh+jK8Iv2i/Y=");
  }

  @Test
  void sysinfoRequest_isFormEncodedLikeEncodeUriComponent() {
    assertThat(LinkieCodec.encodeRequestBody("{\"system\":{\"get_sysinfo\":{}}}"))
        .isEqualTo("content=0PKB%2BIv%2FmvfV75S20bTAn%2ByV5o%2Fhh%2BjK8Iv2i%2FY%3D");
  }

  @Test
  void nonAsciiAlias_encryptsUtf8BytesToKnownVector() {
    assertThat(LinkieCodec.encryptToBase64("{\"alias\":\"Caméra ☃\"}"))
        .isEqualTo("0PKT/5b3hKacvv2c8TKb6YioStJRcw4=");
  }

  @Test
  void nonAsciiAlias_roundTripsThroughResponseDecoding() {
    String json = "{\"alias\":\"Caméra ☃ 𝄞\"}";
    assertThat(LinkieCodec.decodeResponseBody(LinkieCodec.encryptToBase64(json))).isEqualTo(json);
  }

  @Test
  void responseWithSurroundingWhitespace_isDecoded() {
    assertThat(LinkieCodec.decodeResponseBody("  0PKB+Iv/mvfV75S20bTAn+yV5o/hh+jK8Iv2i/Y=\r\n"))
        .isEqualTo("{\"system\":{\"get_sysinfo\":{}}}");
  }

  @Test
  void encodeUriComponent_leavesOnlyTheJavascriptUnreservedSetAlone() {
    assertThat(LinkieCodec.encodeUriComponent("Az09-_.!~*'() +/=&é"))
        .isEqualTo("Az09-_.!~*'()%20%2B%2F%3D%26%C3%A9");
  }

  @Test
  void notBase64_failsNamingTheProblem() {
    assertThatThrownBy(() -> LinkieCodec.decodeResponseBody("<html>not base64</html>"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not base64");
  }

  @Test
  void invalidUtf8AfterDecryption_failsNamingTheProblem() {
    byte[] cipher = LinkieCodec.encrypt(new byte[] {(byte) 0xC3, (byte) 0x28});
    assertThatThrownBy(
            () -> LinkieCodec.decodeResponseBody(Base64.getEncoder().encodeToString(cipher)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not UTF-8");
  }

  @Test
  void decrypt_isTheInverseOfEncryptForAKnownText() {
    byte[] plain = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
    assertThat(LinkieCodec.decrypt(LinkieCodec.encrypt(plain))).isEqualTo(plain);
    assertThat(LinkieCodec.encrypt(plain)).isNotEqualTo(plain);
  }
}
