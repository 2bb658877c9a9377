package dev.homeport.cli.internal;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top of the command tree: {@code homeport}. */
@Command(
    name = "homeport",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Local control of smart cameras and real-time smart-home events.",
      "",
      "Start with 'homeport demo': it needs no camera and no account.",
    },
    subcommands = {
      DemoCli.class,
      CameraCli.class,
      EventsCli.class,
      SimulateCli.class,
      DiscoverCli.class,
      BridgeCli.class,
      HelpCli.class
    },
    exitCodeListHeading = ExitCodesHelp.HEADING,
    exitCodeList = {
      ExitCodesHelp.OK,
      ExitCodesHelp.FAILURE,
      ExitCodesHelp.USAGE,
      ExitCodesHelp.AUTHENTICATION,
      ExitCodesHelp.UNREACHABLE,
      ExitCodesHelp.REFUSED,
      ExitCodesHelp.CERTIFICATE,
      ExitCodesHelp.OUTPUT_CLOSED,
    },
    footer = {
      "",
      "Secrets are read from environment variables (or a password prompt on a terminal), never"
          + " from flags. Output is UTF-8; --json prints only the result on standard output."
    })
public final class HomeportCommand implements Callable<Integer> {

  private final CliContext context;

  @Spec CommandSpec spec;

  public HomeportCommand(CliContext context) {
    this.context = context;
  }

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "On failure, also print the stack trace (never secrets).")
  void verbose(boolean verbose) {
    context.verbose(verbose);
  }

  @Override
  public Integer call() {
    throw new ParameterException(
        spec.commandLine(), "missing command: demo, camera, events, simulate, bridge or discover");
  }
}
