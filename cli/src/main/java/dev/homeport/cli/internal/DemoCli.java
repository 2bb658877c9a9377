package dev.homeport.cli.internal;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code homeport demo}. */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "A tour of the whole stack, no hardware needed.")
public final class DemoCli implements Callable<Integer> {

  private final CliContext context;

  public DemoCli(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    return 0;
  }
}
