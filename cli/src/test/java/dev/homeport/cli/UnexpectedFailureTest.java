package dev.homeport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.cli.internal.Backends;
import dev.homeport.cli.internal.CameraSpec;
import dev.homeport.cli.internal.EventSourceSpec;
import dev.homeport.domain.Secret;
import dev.homeport.ports.camera.Camera;
import dev.homeport.ports.home.SmartHomeGateway;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A failure outside the ports' hierarchy exits 1 with one line; --verbose adds the stack trace. */
class UnexpectedFailureTest {

  private static final Backends BROKEN =
      new Backends() {
        @Override
        public Camera camera(CameraSpec spec, Optional<Secret> password) {
          throw new IllegalStateException("wiring exploded");
        }

        @Override
        public SmartHomeGateway gateway(EventSourceSpec spec, Optional<Secret> csrf, Optional<Secret> cookie) {
          throw new IllegalStateException("wiring exploded");
        }
      };

  private static String[] run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CliEnvironment environment =
        CliEnvironment.builder()
            .out(out)
            .err(err)
            .variables(Map.of("HOMEPORT_CAMERA_PASSWORD", "s3cret-value"))
            .build();
    int code = Main.run(environment, BROKEN, args);
    return new String[] {Integer.toString(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
  }

  @Test
  void unexpectedFailure_exits1_withOneLine() {
    String[] result = run("camera", "--host", "h", "--username", "u", "info");
    assertThat(result[0]).isEqualTo("1");
    assertThat(result[1]).isEmpty();
    assertThat(result[2].lines()).hasSize(1);
    assertThat(result[2]).contains("wiring exploded", "--verbose");
  }

  @Test
  void verbose_addsTheStackTrace_butNeverTheSecret() {
    String[] result = run("camera", "--host", "h", "--username", "u", "--verbose", "info");
    assertThat(result[0]).isEqualTo("1");
    assertThat(result[2]).contains("wiring exploded", "\tat ").doesNotContain("s3cret-value");
  }

  @Test
  void unknownSubcommand_isOneLine() {
    String[] result = run("camera", "--host", "h", "teleport");
    assertThat(result[0]).isEqualTo("2");
    assertThat(result[2].lines()).hasSize(1);
    assertThat(result[2]).contains("teleport", "homeport camera --help");
  }
}
