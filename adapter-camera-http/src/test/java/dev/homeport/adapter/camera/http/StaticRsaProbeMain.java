package dev.homeport.adapter.camera.http;

import dev.homeport.support.TrustMode;
import dev.homeport.domain.Secret;
import dev.homeport.domain.camera.GetCameraInfo;
import dev.homeport.ports.camera.Camera;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Run in a child JVM by {@link StaticRsaOnNewJdkTest}: connects to a camera with the given TLS
 * provider and prints {@code OK <model>} or {@code FAIL <exception>}. Arguments: host, port,
 * username, password, tls provider.
 */
public final class StaticRsaProbeMain {

  private StaticRsaProbeMain() {}

  public static void main(String[] args) {
    KasaCameraConfig config = ImmutableKasaCameraConfig.builder()
        .name("probe")
        .host(args[0])
        .port(Integer.parseInt(args[1]))
        .username(args[2])
        .password(Secret.of(args[3]))
        .tlsProvider(TlsProvider.parse(args[4]))
        .trustMode(TrustMode.INSECURE)
        .connectTimeout(Duration.ofSeconds(10))
        .requestTimeout(Duration.ofSeconds(10))
        .build();
    try (Camera camera = new KasaCameraDriver().connect(config)) {
      String model = camera.execute(new GetCameraInfo()).get(30, TimeUnit.SECONDS).model();
      System.out.println("OK " + model + " jdkPermitsStaticRsa=" + dev.homeport.adapter.camera.http.internal.CameraTls.jdkPermitsStaticRsa());
    } catch (Exception e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      System.out.println("FAIL " + cause + " jdkPermitsStaticRsa="
          + dev.homeport.adapter.camera.http.internal.CameraTls.jdkPermitsStaticRsa());
    }
    System.exit(0);
  }
}
