package dev.homeport.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.bridge.BridgeHealth;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Text the CLI did not write itself (a camera name from a config file on the bridge's health line,
 * what a simulator reports about itself in its banner) is printed escaped, like remote text.
 */
class RemoteTextInBannersTest {

  private static final String HOSTILE = "Evil\u001b]0;pwn\u0007\r\nFAKE LINE\u009b31m";

  private static void assertEscaped(String printed) {
    assertThat(printed)
        .contains("\\u001b]0;pwn\\u0007", "\\u000d\\u000aFAKE LINE", "\\u009b31m")
        .doesNotContain("\u001b", "\u0007", "\u009b", "\r", "\nFAKE");
  }

  @Test
  void hostileCameraName_isEscapedOnTheBridgeHealthLine() {
    String line = BridgeCli.healthLine(new BridgeHealth(Duration.ofSeconds(3), true, Map.of(HOSTILE, true),
        Optional.empty(), Map.of()));

    assertEscaped(line);
    assertThat(line).contains("=online");
  }

  @Test
  void hostileTextInASimulatorBanner_isEscaped_andIntactInJson() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    com.fasterxml.jackson.databind.node.ObjectNode json = JsonViews.NODES.objectNode().put("username", HOSTILE);

    SimulateCli.announce(new Output(new PrintWriter(out), new PrintWriter(err), false, false),
        List.of("  username     " + HOSTILE), json);

    assertEscaped(out.toString().strip());
    assertThat(out.toString().strip().lines()).hasSize(1);
  }
}
