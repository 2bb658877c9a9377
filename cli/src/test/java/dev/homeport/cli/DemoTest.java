package dev.homeport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.cli.CliRunner.Run;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code homeport demo} runs its whole tour and exits 0, on both stacks. */
class DemoTest {

  private static final Pattern RECEIVED = Pattern.compile("(\\d+) events received in");

  private static void assertTour(Run run) {
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains("Caméra du porche", "night-vision        auto -> night", "went to preset 2",
            "GetSetting power: ok", "speed must be 1..10, was 11", "UnsupportedCommandException, exit code 5",
            "signed in as alex@example.com", "Salon, Cuisine", "Capteur entrée", "Done in");
    Matcher matcher = RECEIVED.matcher(run.out());
    assertThat(matcher.find()).as(run.out()).isTrue();
    assertThat(Long.parseLong(matcher.group(1))).isPositive();
  }

  @Test
  void inMemoryAdapters_tourCompletes() {
    Run run = new CliRunner().run("demo", "--adapters", "inmemory", "--duration", "1s");
    assertTour(run);
    assertThat(run.out()).contains("in-memory camera and smart home adapters");
  }

  @Test
  void realAdaptersOnSimulators_tourCompletes() {
    Run run = new CliRunner().run("demo", "--duration", "1s");
    assertTour(run);
    assertThat(run.out()).contains("real Kasa and SmartThings adapters", "https://127.0.0.1:", "wss://127.0.0.1:");
    assertThat(run.out()).contains(", 0 missing");
  }

  /** Below 100/s the rate was rounded up to 100 (one event per 10 ms tick at least). */
  @Test
  void rateBelowHundred_isHonoured() {
    Run run = new CliRunner().run("demo", "--adapters", "inmemory", "--duration", "1s", "--rate", "5");
    assertThat(run.code()).as(run.toString()).isZero();
    Matcher published = Pattern.compile("(\\d+) published").matcher(run.out());
    assertThat(published.find()).as(run.out()).isTrue();
    // 5/s for about a second: a handful, where the old floor of 100/s published about a hundred.
    assertThat(Long.parseLong(published.group(1))).as(run.out()).isBetween(1L, 20L);
  }

  @Test
  void unknownAdapters_isAUsageError() {
    Run run = new CliRunner().run("demo", "--adapters", "zigbee");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("--adapters must be one of real, inmemory");
  }
}
