package dev.homeport.cli.internal;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code homeport simulate camera|events}: a simulator in the foreground. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = "Run a simulator on 127.0.0.1 in the foreground until Ctrl-C.",
    subcommands = {})
public final class SimulateCli implements Callable<Integer> {

  private final CliContext context;

  @Spec CommandSpec spec;

  public SimulateCli(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "missing simulator: camera or events");
  }
}
