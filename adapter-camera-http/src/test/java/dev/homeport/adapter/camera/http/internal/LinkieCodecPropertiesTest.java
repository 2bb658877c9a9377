package dev.homeport.adapter.camera.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

class LinkieCodecPropertiesTest {

  @Property
  void anyBytes_decryptOfEncryptIsIdentity(@ForAll @Size(max = 4096) byte[] bytes) {
    assertThat(LinkieCodec.decrypt(LinkieCodec.encrypt(bytes))).isEqualTo(bytes);
  }

  @Property
  void anyText_responseDecodingOfEncryptionIsIdentity(@ForAll String text) {
    // Lone surrogates cannot be UTF-8 encoded; they are replaced by '?' on encoding, so compare
    // against the text's own UTF-8 round trip.
    String expected =
        new String(text.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            java.nio.charset.StandardCharsets.UTF_8);
    assertThat(LinkieCodec.decodeResponseBody(LinkieCodec.encryptToBase64(text)))
        .isEqualTo(expected);
  }
}
