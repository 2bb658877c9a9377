package dev.homeport.adapter.camera.onvif.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpDigestTest {

  /**
   * Computed with python3 hashlib when this test was written: HA1 = md5("admin:onvif-sim:
   * s3cret-Pässword"), HA2 = md5("POST:/onvif/device_service"), response =
   * md5(HA1:abc123nonce:00000001:0a4f113b:auth:HA2) = 4ca9b2f6ade3bbd0f6416b489829be36.
   */
  @Test
  void qopAuthResponse_matchesTheVectorComputedWithPython() {
    String ha1 = HttpDigest.md5("admin:onvif-sim:s3cret-Pässword");
    String ha2 = HttpDigest.md5("POST:/onvif/device_service");
    assertThat(HttpDigest.response(ha1, "abc123nonce", "00000001", "0a4f113b", ha2))
        .isEqualTo("4ca9b2f6ade3bbd0f6416b489829be36");
  }

  @Test
  void challenge_withQuotedCommasAndOpaque_isParsed() {
    Map<String, String> p = HttpDigest.params("realm=\"a, b\", qop=\"auth,auth-int\", nonce=\"n1\", opaque=xyz");
    assertThat(p).containsEntry("realm", "a, b").containsEntry("qop", "auth,auth-int")
        .containsEntry("nonce", "n1").containsEntry("opaque", "xyz");
    assertThat(HttpDigest.parse("Digest realm=\"a, b\", qop=\"auth,auth-int\", nonce=\"n1\"")).isPresent();
  }

  @Test
  void unsupportedChallenges_areNotAnswered() {
    assertThat(HttpDigest.parse("Basic realm=\"x\"")).isEmpty();
    assertThat(HttpDigest.parse("Digest realm=\"x\", nonce=\"n\", algorithm=SHA-256")).isEmpty();
    assertThat(HttpDigest.parse("Digest realm=\"x\", nonce=\"n\", qop=\"auth-int\"")).isEmpty();
    assertThat(HttpDigest.parse("Digest nonce=\"n\"")).isEmpty();
  }

  @Test
  void authorization_countsUsesAndNeverHoldsThePassword() {
    HttpDigest d = HttpDigest.parse("Digest realm=\"r\", qop=\"auth\", nonce=\"n\"").orElseThrow();
    String first = d.authorization("POST", "/onvif/ptz", "admin", "pw-secret");
    String second = d.authorization("POST", "/onvif/ptz", "admin", "pw-secret");
    assertThat(first).contains("nc=00000001", "uri=\"/onvif/ptz\"", "qop=auth").doesNotContain("pw-secret");
    assertThat(second).contains("nc=00000002");
  }
}
