package dev.homeport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.cli.CliRunner.Run;
import dev.homeport.cli.internal.CliContext;
import dev.homeport.cli.internal.GuiceBackends;
import dev.homeport.domain.camera.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/** The help texts: reachable from every command, whole sentences, and taken from the code they describe. */
class HelpTextTest {

  private final CliRunner cli = new CliRunner();

  @Test
  void helpCommand_withNestedCommand_printsThatCommandsUsage() {
    Run run = cli.run("help", "camera", "get");
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).contains("Usage: homeport camera get").contains("SETTING is one of:");
    assertThat(cli.run("help", "events", "watch").out()).contains("Usage: homeport events watch");
    assertThat(cli.run("help").out()).contains("Usage: homeport ");
  }

  @Test
  void helpCommand_withUnknownCommand_isUsageErrorNamingTheChoices() {
    Run run = cli.run("help", "camera", "nope");
    assertThat(run.code()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("no command 'nope'", "info", "get");
  }

  /**
   * The sub-command lists show the first line of each description: it must be a whole sentence
   * (a description spread over lines was cut mid-sentence there). And the JDK line breaker that
   * picocli wraps with breaks after the first dot of "e.g." / "i.e.", so the help never uses them.
   */
  @Test
  void everyCommand_summaryIsWholeSentence_andNoAbbreviationToBreak() {
    List<String> problems = new ArrayList<>();
    walk(Main.commands(new CliContext(CliEnvironment.builder().build(), new GuiceBackends())), problems);
    assertThat(problems).isEmpty();
  }

  private static void walk(CommandLine line, List<String> problems) {
    CommandSpec spec = line.getCommandSpec();
    String[] description = spec.usageMessage().description();
    String name = spec.qualifiedName();
    if (description.length == 0 || !description[0].strip().matches("(?s).*[.:)!]")) {
      problems.add(name + ": summary line is not a whole sentence: " + (description.length == 0 ? "(none)" : description[0]));
    }
    List<String> texts = new ArrayList<>(List.of(description));
    for (ArgSpec arg : spec.args()) {
      texts.addAll(List.of(arg.description()));
    }
    for (String text : texts) {
      if (text.matches("(?s).*\\b(e\\.g|i\\.e)\\..*")) {
        problems.add(name + ": abbreviation the line breaker splits: " + text);
      }
    }
    for (Map.Entry<String, CommandLine> sub : line.getSubcommands().entrySet()) {
      walk(sub.getValue(), problems);
    }
  }

  @Test
  void cameraSetHelp_listsEverySettingAndItsValues_fromSettingItself() {
    String get = cli.run("camera", "get", "--help").out();
    String set = cli.run("camera", "set", "--help").out().replaceAll("\\s+", " ");
    for (Setting<?> setting : Setting.all()) {
      assertThat(get).contains(setting.id());
      assertThat(set).contains(setting.id() + " " + setting.allowedValues().replaceAll("\\s+", " "));
    }
  }

  @Test
  void cameraHelp_commandList_showsWholeSummaries() {
    String list = cli.run("camera", "--help").out();
    assertThat(list).contains("Read a setting.").contains("Change a setting to VALUE");
    assertThat(list).doesNotContainPattern("\\be\\.\\s*\\n\\s*g\\.");
  }
}
