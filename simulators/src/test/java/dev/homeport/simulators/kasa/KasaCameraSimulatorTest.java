package dev.homeport.simulators.kasa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeport.adapter.inmemory.InMemoryCamera;
import dev.homeport.domain.camera.ImmutableCameraInfo;
import dev.homeport.simulators.tls.SelfSignedCertificate;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The simulator checked against the protocol notes' own vectors, with a plain JDK client. */
class KasaCameraSimulatorTest {

  private static final String SYSINFO_BODY =
      "content=0PKB%2BIv%2FmvfV75S20bTAn%2ByV5o%2Fhh%2BjK8Iv2i%2FY%3D";

  private static HttpResponse<String> post(KasaCameraSimulator sim, SelfSignedCertificate cert,
      String path, String authorization, String body) throws Exception {
    HttpClient client = HttpClient.newBuilder().sslContext(cert.clientContextTrustingThis()).build();
    HttpRequest.Builder request = HttpRequest.newBuilder(
            URI.create("https://127.0.0.1:" + sim.port() + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String basic(String user, String transformedPassword) {
    return "Basic " + Base64.getEncoder().encodeToString(
        (user + ":" + transformedPassword).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void sysinfoVector_isAnsweredWithTheBackendsInfo_inUtf8() throws Exception {
    SelfSignedCertificate cert = SelfSignedCertificate.create("sim");
    InMemoryCamera backend = InMemoryCamera.builder().name("porch")
        .info(ImmutableCameraInfo.builder().alias("Caméra ☃").model("KC120(US)").type("IOT.IPCAMERA")
            .softwareVersion("2.3").hardwareVersion("1.0").mac("m").deviceId("d").build())
        .build();
    try (KasaCameraSimulator sim = KasaCameraSimulator.builder().backend(backend)
        .credentials("me@example.com", "pw").certificate(cert).start()) {
      assertThat(sim.fingerprint()).isEqualTo(cert.sha256Fingerprint());
      HttpResponse<String> response = post(sim, cert, "/data/LINKIE.json",
          basic("me@example.com", Base64.getEncoder().encodeToString("pw".getBytes(StandardCharsets.UTF_8))),
          SYSINFO_BODY);
      assertThat(response.statusCode()).isEqualTo(200);
      String json = new String(WireFormat.unscramble(Base64.getDecoder().decode(response.body())),
          StandardCharsets.UTF_8);
      assertThat(json).startsWith("{\"system\":{\"get_sysinfo\":{\"err_code\":0,\"system\":{")
          .contains("\"alias\":\"Caméra ☃\"").contains("\"model\":\"KC120(US)\"");
      assertThat(sim.receivedRequests()).singleElement()
          .satisfies(r -> assertThat(r.json()).isEqualTo("{\"system\":{\"get_sysinfo\":{}}}"));
    }
  }

  @Test
  void nonAsciiVector_encodesUtf8Bytes() {
    assertThat(WireFormat.encodeResponse("{\"alias\":\"Caméra ☃\"}"))
        .isEqualTo("0PKT/5b3hKacvv2c8TKb6YioStJRcw4=");
  }

  @Test
  void md5Variant_acceptsLowercaseHexMd5_andRefusesBase64With401() throws Exception {
    SelfSignedCertificate cert = SelfSignedCertificate.create("sim");
    try (KasaCameraSimulator sim = KasaCameraSimulator.builder()
        .backend(InMemoryCamera.builder().build()).credentials("admin", "pw")
        .authVariant(KasaAuthVariant.MD5).certificate(cert).start()) {
      assertThat(post(sim, cert, "/data/LINKIE.json",
          basic("admin", "8fe4c11451281c094a6578e6ddbf5eed"), SYSINFO_BODY).statusCode()).isEqualTo(200);
      HttpResponse<String> refused = post(sim, cert, "/data/LINKIE.json", basic("admin", "cHc="), SYSINFO_BODY);
      assertThat(refused.statusCode()).isEqualTo(401);
      assertThat(refused.headers().firstValue("WWW-Authenticate"))
          .contains("Basic realm=\"smarthome@tp-link.com\"");
      assertThat(post(sim, cert, "/data/LINKIE.json", null, SYSINFO_BODY).statusCode()).isEqualTo(401);
      assertThat(sim.rejectedCredentials()).isEqualTo(2);
    }
  }

  @Test
  void linkie2Only_answers404OnLinkieJson() throws Exception {
    SelfSignedCertificate cert = SelfSignedCertificate.create("sim");
    try (KasaCameraSimulator sim = KasaCameraSimulator.builder()
        .backend(InMemoryCamera.builder().build()).credentials("u", "pw")
        .authVariant(KasaAuthVariant.PLAIN).linkie2Only(true).certificate(cert).start()) {
      assertThat(post(sim, cert, "/data/LINKIE.json", basic("u", "pw"), SYSINFO_BODY).statusCode()).isEqualTo(404);
      assertThat(post(sim, cert, "/data/LINKIE2.json", basic("u", "pw"), SYSINFO_BODY).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void unknownModule_isAnsweredAtModuleLevelWithMinusOne() throws Exception {
    SelfSignedCertificate cert = SelfSignedCertificate.create("sim");
    try (KasaCameraSimulator sim = KasaCameraSimulator.builder()
        .backend(InMemoryCamera.builder().build()).credentials("u", "pw")
        .authVariant(KasaAuthVariant.PLAIN).certificate(cert).start()) {
      String request = Base64.getEncoder().encodeToString(WireFormat.scramble(
          "{\"smartlife.cam.ipcamera.nothing\":{\"get_x\":{}}}".getBytes(StandardCharsets.UTF_8)));
      HttpResponse<String> response = post(sim, cert, "/data/LINKIE.json", basic("u", "pw"),
          "content=" + java.net.URLEncoder.encode(request, StandardCharsets.UTF_8));
      String json = new String(WireFormat.unscramble(Base64.getDecoder().decode(response.body())),
          StandardCharsets.UTF_8);
      assertThat(json).isEqualTo(
          "{\"smartlife.cam.ipcamera.nothing\":{\"err_code\":-1,\"err_msg\":\"module not support\"}}");
    }
  }

  @Test
  void receivedRequests_keepOnlyTheNewest_whileCountingEveryOne() throws Exception {
    SelfSignedCertificate cert = SelfSignedCertificate.create("sim");
    try (KasaCameraSimulator sim = KasaCameraSimulator.builder()
        .backend(InMemoryCamera.builder().build()).credentials("u", "pw")
        .authVariant(KasaAuthVariant.PLAIN).recordedRequestLimit(2).certificate(cert).start()) {
      for (int i = 0; i < 5; i++) {
        assertThat(post(sim, cert, "/data/LINKIE.json", basic("u", "pw"), SYSINFO_BODY).statusCode()).isEqualTo(200);
      }
      assertThat(sim.receivedRequests()).hasSize(2);
      assertThat(sim.acceptedRequestCount()).isEqualTo(5);
      assertThat(sim.server().recordedRequests()).hasSize(2);
      assertThat(sim.server().requestCount()).isEqualTo(5);
      assertThat(sim.server().recordedRequests().get(1).header("Authorization")).isPresent();
    }
  }

  @Test
  void userAgentAndTlsDetails_areVisibleToProfiles() throws Exception {
    SelfSignedCertificate cert = SelfSignedCertificate.create("sim");
    try (KasaCameraSimulator sim = KasaCameraSimulator.builder()
        .backend(InMemoryCamera.builder().build()).credentials("u", "pw")
        .authVariant(KasaAuthVariant.PLAIN).certificate(cert).start()) {
      HttpClient client = HttpClient.newBuilder().sslContext(cert.clientContextTrustingThis()).build();
      client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + sim.port() + "/data/LINKIE.json"))
          .header("User-Agent", "Kasa/1752 CFNetwork/3860.500.112 Darwin/25.4.0")
          .header("Authorization", basic("u", "pw"))
          .POST(HttpRequest.BodyPublishers.ofString(SYSINFO_BODY)).build(), HttpResponse.BodyHandlers.ofString());
      var recorded = sim.server().recordedRequests().get(0);
      assertThat(recorded.header("user-agent")).contains("Kasa/1752 CFNetwork/3860.500.112 Darwin/25.4.0");
      assertThat(recorded.tlsProtocol()).contains("TLSv1.2");
    }
  }

  @Test
  void builderWithoutBackend_isRefused() {
    assertThatThrownBy(() -> KasaCameraSimulator.builder().build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("backend");
  }
}
