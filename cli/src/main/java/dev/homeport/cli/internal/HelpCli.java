package dev.homeport.cli.internal;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code homeport help [COMMAND [SUB-COMMAND...]]}: the usage of any command of the tree, as its
 * own {@code --help} prints it ({@code homeport help camera get}). Picocli's own help command
 * looks one level down only, so {@code help camera get} printed the usage of {@code camera}.
 */
@Command(
    name = "help",
    helpCommand = true,
    description = "Show the usage of a command, such as: homeport help camera get.")
public final class HelpCli implements CommandLine.IHelpCommandInitializable2, Runnable {

  @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command and its sub-commands, in order.")
  List<String> path;

  private CommandLine self;
  private Help.ColorScheme colors;
  private PrintWriter out;

  @Override
  public void init(CommandLine helpCommandLine, Help.ColorScheme colorScheme, PrintWriter outWriter, PrintWriter errWriter) {
    this.self = helpCommandLine;
    this.colors = colorScheme;
    this.out = outWriter;
  }

  @Override
  public void run() {
    CommandLine current = self.getParent();
    for (String name : path == null ? List.<String>of() : path) {
      CommandLine next = current.getSubcommands().get(name);
      if (next == null) {
        throw new ParameterException(
            self,
            "no command '" + name + "' under '" + current.getCommandSpec().qualifiedName() + "'; its commands: "
                + String.join(", ", current.getSubcommands().keySet()));
      }
      current = next;
    }
    current.usage(out, colors);
    out.flush();
  }
}
