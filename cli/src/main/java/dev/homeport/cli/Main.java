package dev.homeport.cli;

import dev.homeport.cli.internal.Backends;
import dev.homeport.cli.internal.CliContext;
import dev.homeport.cli.internal.DynamicHelp;
import dev.homeport.cli.internal.Failures;
import dev.homeport.cli.internal.GuiceBackends;
import dev.homeport.cli.internal.HomeportCommand;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.util.Arrays;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;

/**
 * The {@code homeport} command line: {@code demo}, {@code camera}, {@code events}, {@code simulate}.
 * Run {@code homeport --help} for the commands and {@link ExitCode} for what it returns.
 *
 * <p>{@link #run(CliEnvironment, String...)} runs one command line in-process (tests do this);
 * {@link #main(String[])} runs it in the real process and exits with its code. Each call is
 * independent; calls may run concurrently with different environments.
 */
public final class Main {

  private Main() {}

  /** Runs {@code args} in this process and exits with the command's exit code. */
  public static void main(String[] args) {
    if (Arrays.asList(args).contains("--verbose")) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
    }
    // Libraries that log through java.util.logging (Grizzly, Tyrus) go through the CLI's SLF4J
    // binding too: quiet unless --verbose.
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    CliEnvironment environment = CliEnvironment.system();
    int code = run(environment, args);
    environment.out().flush();
    environment.err().flush();
    environment.finished();
    System.exit(code);
  }

  /**
   * Runs one command line against {@code environment}.
   *
   * @return the exit code (see {@link ExitCode}); failures are reported on the environment's error
   *     stream as one line, never thrown
   */
  public static int run(CliEnvironment environment, String... args) {
    return run(environment, new GuiceBackends(), args);
  }

  /**
   * Gives every sub-command its own {@code --help} and {@code --version}, so that
   * {@code homeport camera get --help} explains itself instead of failing on a missing parameter.
   */
  private static void helpAndVersionEverywhere(CommandLine line, CommandLine.IVersionProvider version) {
    for (CommandLine sub : line.getSubcommands().values()) {
      CommandLine.Model.CommandSpec spec = sub.getCommandSpec();
      if (!spec.mixinStandardHelpOptions() && spec.options().stream().noneMatch(o -> o.usageHelp())) {
        spec.mixinStandardHelpOptions(true);
      }
      if (spec.versionProvider() == null && version != null) {
        spec.versionProvider(version);
      }
      helpAndVersionEverywhere(sub, version);
    }
  }

  /** The command tree as a run uses it, help texts complete (tests read its model). */
  static CommandLine commands(CliContext context) {
    CommandLine commandLine = new CommandLine(HomeportCommand.class, new ContextFactory(context));
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    helpAndVersionEverywhere(commandLine, commandLine.getCommandSpec().versionProvider());
    DynamicHelp.install(commandLine);
    return commandLine;
  }

  static int run(CliEnvironment environment, Backends backends, String... args) {
    CliContext context = new CliContext(environment, backends);
    PrintWriter err = environment.err();
    CommandLine commandLine = commands(context);
    commandLine.setOut(environment.out());
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler(
        (failure, line, parseResult) -> Failures.report(failure, err, context.verbose(), context.peers()));
    commandLine.setParameterExceptionHandler(
        (failure, arguments) -> {
          CommandLine where = failure.getCommandLine();
          String name = where == null ? "homeport" : where.getCommandSpec().qualifiedName();
          String message = dev.homeport.cli.internal.TerminalText.escape(Failures.oneLine(String.valueOf(failure.getMessage())));
          err.println("homeport: " + message + " (see '" + name + " --help')");
          err.flush();
          return ExitCode.USAGE;
        });
    commandLine.setExitCodeExceptionMapper(Failures::exitCode);
    // Like ssh, say once on stderr when trust-on-first-use records a certificate and where, so a
    // first contact with an impostor is at least visible (the store tells only when it records).
    try (dev.homeport.support.KnownHostsStore.Watch ignored = dev.homeport.support.KnownHostsStore.whenRecorded(
        (host, fingerprint, file) -> {
          synchronized (err) {
            err.println("homeport: first contact with " + host + ": recorded its certificate (SHA-256 "
                + fingerprint + ") in " + file + "; it is required from now on");
            err.flush();
          }
        })) {
      return commandLine.execute(args);
    } catch (RuntimeException | Error failure) {
      return Failures.report(failure, err, context.verbose(), context.peers());
    } finally {
      environment.out().flush();
      err.flush();
    }
  }

  /** Creates commands, giving those that want it the run's context. */
  private static final class ContextFactory implements CommandLine.IFactory {
    private final CliContext context;

    ContextFactory(CliContext context) {
      this.context = context;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
      try {
        Constructor<K> constructor = type.getDeclaredConstructor(CliContext.class);
        constructor.setAccessible(true);
        return constructor.newInstance(context);
      } catch (NoSuchMethodException e) {
        return CommandLine.defaultFactory().create(type);
      }
    }
  }
}
