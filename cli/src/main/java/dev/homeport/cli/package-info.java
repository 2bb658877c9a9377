/**
 * The homeport command line: {@link dev.homeport.cli.Main} runs it, in a process or in-process
 * against a {@link dev.homeport.cli.CliEnvironment}; {@link dev.homeport.cli.ExitCode} lists what it
 * returns.
 */
package dev.homeport.cli;
