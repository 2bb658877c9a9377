package dev.homeport.adapter.events.wss.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.adapter.events.wss.EventsTlsProvider;
import dev.homeport.adapter.events.wss.SmartThingsTrust;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.Test;

/** The engines TlsContexts builds: which provider, and the JDK's protocol and suite policy on Conscrypt. */
class TlsContextsTest {

  private static SSLEngine clientEngine(SSLContext context) {
    SSLEngine engine = context.createSSLEngine("127.0.0.1", 443);
    engine.setUseClientMode(true);
    return engine;
  }

  private static SSLEngine jdkEngine() {
    return clientEngine(TlsContexts.create(SmartThingsTrust.systemDefault(), EventsTlsProvider.JDK));
  }

  @Test
  void jdkProvider_isTheJdksTls() {
    assertThat(TlsContexts.create(SmartThingsTrust.systemDefault(), EventsTlsProvider.JDK).getProvider().getName())
        .isEqualTo("SunJSSE");
  }

  @Test
  void conscryptAndAuto_withConscryptOnTheClassPath_areConscrypt() {
    assertThat(TlsContexts.create(SmartThingsTrust.systemDefault(), EventsTlsProvider.CONSCRYPT).getProvider().getName())
        .isEqualTo("Conscrypt");
    assertThat(TlsContexts.create(SmartThingsTrust.insecure(), EventsTlsProvider.AUTO).getProvider().getName())
        .isEqualTo("Conscrypt");
  }

  @Test
  void conscryptEngine_enablesTheJdksProtocolVersionsOnly() {
    // Conscrypt 2.5.2 on its own enables TLSv1 and TLSv1.1 as well
    SSLEngine engine = clientEngine(TlsContexts.create(SmartThingsTrust.systemDefault(), EventsTlsProvider.CONSCRYPT));

    assertThat(engine.getEnabledProtocols()).containsExactlyInAnyOrder(jdkEngine().getEnabledProtocols());
    assertThat(engine.getSSLParameters().getProtocols()).doesNotContain("TLSv1", "TLSv1.1");
  }

  @Test
  void conscryptEngine_enablesOnlySuitesTheJdkEnables() {
    SSLEngine engine = clientEngine(TlsContexts.create(SmartThingsTrust.systemDefault(), EventsTlsProvider.CONSCRYPT));

    assertThat(engine.getEnabledCipherSuites()).isSubsetOf(List.of(jdkEngine().getEnabledCipherSuites()));
  }
}
