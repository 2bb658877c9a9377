package dev.homeport.adapter.camera.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.support.PinningTrustManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;

class CameraTlsTest {

  @Test
  void cameraParameters_allowTls12AndLegacySuites_withoutHostNameIdentification() {
    SSLContext context = PinningTrustManager.insecure("cam:1").context();
    SSLParameters params = CameraTls.parameters(context);
    assertThat(params.getProtocols()).containsExactly("TLSv1.3", "TLSv1.2");
    assertThat(params.getCipherSuites())
        .contains("TLS_RSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA")
        .doesNotHaveDuplicates();
    assertThat(params.getEndpointIdentificationAlgorithm()).isNull();
  }

  @Test
  void cameraParameters_doNotChangeTheProcessDefaults() throws Exception {
    String[] before = SSLContext.getDefault().getDefaultSSLParameters().getCipherSuites();
    CameraTls.parameters(PinningTrustManager.insecure("cam:1").context());
    assertThat(SSLContext.getDefault().getDefaultSSLParameters().getCipherSuites()).containsExactly(before);
  }
}
