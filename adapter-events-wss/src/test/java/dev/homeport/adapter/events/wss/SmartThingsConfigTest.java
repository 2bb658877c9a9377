package dev.homeport.adapter.events.wss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.name.Names;
import dev.homeport.domain.Secret;
import dev.homeport.ports.flow.OverflowPolicy;
import dev.homeport.ports.home.SmartHomeGateway;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SmartThingsConfigTest {

  private static ImmutableSmartThingsConfig.Builder minimal() {
    return ImmutableSmartThingsConfig.builder().csrfToken(Secret.of("csrf-secret-value")).cookie(Secret.of("cookie-secret-value"));
  }

  @Test
  void onlyCredentials_giveTheDocumentedDefaults() {
    SmartThingsConfig config = minimal().build();

    assertThat(config.url()).isEqualTo(URI.create("wss://my.smartthings.com/socket.io/"));
    assertThat(config.origin()).isEqualTo("https://my.smartthings.com");
    assertThat(config.trust()).isEqualTo(SmartThingsTrust.systemDefault());
    assertThat(config.callTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.backoffMin()).isEqualTo(Duration.ofMillis(500));
    assertThat(config.backoffMax()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.overflowPolicy()).isEqualTo(OverflowPolicy.BACKPRESSURE);
  }

  @Test
  void toString_neverShowsTheSecrets() {
    String text = minimal().build().toString();

    assertThat(text).doesNotContain("csrf-secret-value").doesNotContain("cookie-secret-value").contains("redacted");
  }

  @Test
  void missingCookie_isRefusedNamingTheField() {
    assertThatThrownBy(() -> ImmutableSmartThingsConfig.builder().csrfToken(Secret.of("x")).build())
        .hasMessageContaining("cookie");
  }

  @Test
  void plainWsUrl_isRefusedNamingTheField() {
    assertThatThrownBy(() -> minimal().url(URI.create("ws://example.com/socket.io/")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("url must be a wss:// URL");
  }

  @Test
  void urlWithTokenInQuery_isRefusedWithoutShowingTheToken() {
    assertThatThrownBy(() -> minimal().url(URI.create("wss://example.com/socket.io/?csrfToken=pasted-token-value")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("wss://example.com/socket.io/")
        .hasMessageNotContaining("pasted-token-value");
    assertThatThrownBy(() -> minimal().url(URI.create("https://example.com/socket.io/?csrfToken=pasted-token-value")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("pasted-token-value");
  }

  @Test
  void urlWithQuery_isRefused() {
    assertThatThrownBy(() -> minimal().url(URI.create("wss://example.com/socket.io/?csrfToken=x")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no query");
  }

  @Test
  void backoffMaxBelowMin_isRefused() {
    assertThatThrownBy(() -> minimal().backoffMin(Duration.ofSeconds(5)).backoffMax(Duration.ofSeconds(1)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("backoffMax");
  }

  @Test
  void zeroCallTimeout_isRefused() {
    assertThatThrownBy(() -> minimal().callTimeout(Duration.ZERO).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("callTimeout must be positive");
  }

  @Test
  void zeroBufferSize_isRefused() {
    assertThatThrownBy(() -> minimal().bufferSize(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bufferSize must be at least 1");
  }

  @Test
  void duplicateWindowOutsideItsRange_isRefusedNamingTheFieldAndTheRange() {
    assertThatThrownBy(() -> minimal().duplicateWindow(-1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("duplicateWindow must be 0..1000000 ids, was -1");
    assertThatThrownBy(() -> minimal().duplicateWindow(1_000_001).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("duplicateWindow must be 0..1000000 ids, was 1000001");
    assertThat(minimal().duplicateWindow(1_000_000).build().duplicateWindow()).isEqualTo(1_000_000);
  }

  @Test
  void tinyMaxMessageSize_isRefusedNamingTheField() {
    assertThatThrownBy(() -> minimal().maxMessageSize(100).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxMessageSize must be 1024..")
        .hasMessageContaining("was 100");
  }

  @Test
  void pinWithColonsAndUpperCase_isNormalised() {
    String hex = "AB".repeat(32);
    String withColons = String.join(":", hex.split("(?<=\\G..)"));

    assertThat(SmartThingsTrust.pinnedSha256(withColons).pinnedFingerprint()).contains("ab".repeat(32));
  }

  @Test
  void shortPin_isRefusedWithTheRule() {
    assertThatThrownBy(() -> SmartThingsTrust.pinnedSha256("abcd"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("64 hex digits");
  }

  @Test
  void trustKinds_describeThemselves() {
    assertThat(SmartThingsTrust.insecure().kind()).isEqualTo(SmartThingsTrust.Kind.INSECURE);
    assertThat(SmartThingsTrust.caCertificates(Path.of("ca.pem")).caFile()).contains(Path.of("ca.pem"));
    assertThat(SmartThingsTrust.caCertificates(Path.of("ca.pem")).toString()).contains("ca.pem");
  }

  @Test
  void module_exposesTheGatewayAsSingleton() {
    Injector injector = Guice.createInjector(new SmartThingsEventsModule(minimal().build()));

    SmartHomeGateway gateway = injector.getInstance(SmartHomeGateway.class);

    assertThat(gateway).isInstanceOf(SmartThingsGateway.class).isSameAs(injector.getInstance(SmartHomeGateway.class));
    assertThat(injector.getExistingBinding(Key.get(SmartThingsConfig.class))).isNull();
  }

  @Test
  void twoModulesUnderAnnotations_bindTwoAccounts() {
    SmartThingsConfig home = minimal().build();
    SmartThingsConfig office = minimal().url(URI.create("wss://office.example/socket.io/")).build();
    Injector injector =
        Guice.createInjector(
            new SmartThingsEventsModule(home, Names.named("home")),
            new SmartThingsEventsModule(office, Names.named("office")));

    SmartThingsGateway first = (SmartThingsGateway) injector.getInstance(Key.get(SmartHomeGateway.class, Names.named("home")));
    SmartThingsGateway second = (SmartThingsGateway) injector.getInstance(Key.get(SmartHomeGateway.class, Names.named("office")));

    assertThat(first.config()).isEqualTo(home);
    assertThat(second.config()).isEqualTo(office);
    assertThat(injector.getExistingBinding(Key.get(SmartHomeGateway.class))).isNull();
  }
}
