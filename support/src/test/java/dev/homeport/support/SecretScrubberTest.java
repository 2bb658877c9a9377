package dev.homeport.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretScrubberTest {

  private static final String TOKEN = "csrf/tok+en \"q\"-7f3a9c";
  private static final String COOKIE = "JSESSIONID=9d1e2c7b-session; XSRF-TOKEN=\"4a8f0e1d-xsrf\"; lang=en";

  private final SecretScrubber scrubber = SecretScrubber.builder().secret(TOKEN).cookie(COOKIE).build();

  @ParameterizedTest
  @ValueSource(strings = {"plain", "url", "urlLowerHex", "urlPercent20", "json", "jsonEscapedSlash", "base64", "base64Url"})
  void tokenQuotedInAnyForm_isRedacted(String form) {
    String quoted = "error: request had " + tokenForm(form) + " in it";

    assertThat(scrubber.scrub(quoted)).isEqualTo("error: request had [redacted] in it");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "JSESSIONID=9d1e2c7b-session; XSRF-TOKEN=\"4a8f0e1d-xsrf\"; lang=en",
      "JSESSIONID=9d1e2c7b-session",
      "9d1e2c7b-session",
      "XSRF-TOKEN=\"4a8f0e1d-xsrf\"",
      "4a8f0e1d-xsrf"})
  void cookieQuotedWholeOrByPairOrValue_isRedacted(String form) {
    assertThat(scrubber.scrub("bad cookie <" + form + ">")).isEqualTo("bad cookie <[redacted]>");
  }

  @Test
  void shortCookieValues_areLeftAlone() {
    assertThat(scrubber.scrub("lang=en, en")).isEqualTo("lang=en, en");
  }

  @Test
  void mentionsAny_findsAFormInACauseChain_andToStringShowsNoSecret() {
    Exception chain = new RuntimeException("outer", new IllegalStateException("inner 9d1e2c7b-session"));

    assertThat(scrubber.mentionsAny(chain)).isTrue();
    assertThat(scrubber.mentionsAny(new RuntimeException("nothing here"))).isFalse();
    assertThat(scrubber.toString()).doesNotContain("session").doesNotContain("csrf");
  }

  private static String tokenForm(String form) {
    String url = URLEncoder.encode(TOKEN, StandardCharsets.UTF_8);
    switch (form) {
      case "plain":
        return TOKEN;
      case "url":
        return url;
      case "urlLowerHex":
        return url.replace("%2F", "%2f").replace("%2B", "%2b");
      case "urlPercent20":
        return url.replace("+", "%20");
      case "json":
        return TOKEN.replace("\"", "\\\"");
      case "jsonEscapedSlash":
        return TOKEN.replace("\"", "\\\"").replace("/", "\\/");
      case "base64":
        return Base64.getEncoder().encodeToString(TOKEN.getBytes(StandardCharsets.UTF_8));
      case "base64Url":
        return Base64.getUrlEncoder().withoutPadding().encodeToString(TOKEN.getBytes(StandardCharsets.UTF_8));
      default:
        throw new IllegalArgumentException(form);
    }
  }
}
