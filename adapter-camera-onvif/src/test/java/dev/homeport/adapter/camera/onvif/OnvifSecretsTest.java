package dev.homeport.adapter.camera.onvif;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.homeport.domain.Secret;
import dev.homeport.domain.camera.GetCameraInfo;
import dev.homeport.ports.camera.Camera;
import dev.homeport.ports.camera.ImmutableCameraEndpoint;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A camera whose SOAP faults quote the password back: the text is scrubbed before it reaches a message. */
class OnvifSecretsTest {

  private static final String PASSWORD = "Onv1f-Secr3t-horse";

  @Test
  void faultQuotingThePassword_isScrubbedFromTheExceptionAndItsTrace() throws Exception {
    String b64 = Base64.getEncoder().encodeToString(PASSWORD.getBytes(StandardCharsets.UTF_8));
    String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(PASSWORD.getBytes(StandardCharsets.UTF_8)));
    String reason = "bad Password " + PASSWORD + " (" + b64 + ", " + md5 + ")";
    String fault = "<?xml version=\"1.0\"?><s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\""
        + " xmlns:ter=\"http://www.onvif.org/ver10/error\"><s:Body><s:Fault><s:Code><s:Value>s:Sender</s:Value>"
        + "<s:Subcode><s:Value>ter:InvalidArgVal</s:Value></s:Subcode></s:Code><s:Reason>"
        + "<s:Text xml:lang=\"en\">" + reason + "</s:Text></s:Reason></s:Fault></s:Body></s:Envelope>";
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      byte[] body = fault.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/soap+xml; charset=utf-8");
      exchange.sendResponseHeaders(400, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    try (Camera camera = OnvifTestSupport.DRIVER.connect(ImmutableCameraEndpoint.builder()
        .name("garden").brand("onvif").host("127.0.0.1").port(server.getAddress().getPort())
        .username("admin").password(Secret.of(PASSWORD))
        .putOptions("requestTimeout", "2s").putOptions("connectTimeout", "2s").build())) {
      Throwable failure;
      try {
        camera.execute(new GetCameraInfo()).get(20, TimeUnit.SECONDS);
        throw new AssertionError("a fault must fail the command");
      } catch (ExecutionException e) {
        failure = e.getCause();
      }
      StringWriter trace = new StringWriter();
      failure.printStackTrace(new PrintWriter(trace));
      assertThat(failure).hasMessageContaining("bad Password [redacted] ([redacted], [redacted])");
      assertThat(trace.toString()).doesNotContain(PASSWORD).doesNotContain(b64).doesNotContain(md5);
    } finally {
      server.stop(0);
    }
  }
}
