package dev.homeport.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Runs the CLI in-process with captured output and an injected environment. */
final class CliRunner {

  static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, String> variables = new HashMap<>();
  private Optional<String> typedPassword = Optional.empty();
  private boolean interactive;
  private CompletableFuture<Void> stop = new CompletableFuture<>();

  CliRunner env(String name, String value) {
    variables.put(name, value);
    return this;
  }

  CliRunner typedPassword(String password) {
    this.typedPassword = Optional.of(password);
    return this;
  }

  CliRunner interactive(boolean on) {
    this.interactive = on;
    return this;
  }

  CliRunner stopSignal(CompletableFuture<Void> signal) {
    this.stop = signal;
    return this;
  }

  Run run(String... args) {
    return run(new ByteArrayOutputStream(), new ByteArrayOutputStream(), args);
  }

  /** Starts a long-running command (simulate) in the background; stop it with the stop signal. */
  Background start(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CompletableFuture<Run> done = CompletableFuture.supplyAsync(() -> run(out, err, args));
    return new Background(out, err, done, stop);
  }

  /** A command running in the background. */
  record Background(
      ByteArrayOutputStream out, ByteArrayOutputStream err, CompletableFuture<Run> done, CompletableFuture<Void> stop) {
    String outSoFar() {
      return out.toString(StandardCharsets.UTF_8);
    }
  }

  private Run run(ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) {
    CliEnvironment environment =
        CliEnvironment.builder()
            .out(out)
            .err(err)
            .variables(variables)
            .interactive(interactive)
            .passwordPrompt(prompt -> typedPassword.map(String::toCharArray))
            .stopSignal(stop)
            .build();
    int code = Main.run(environment, args);
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** One finished run. */
  record Run(int code, String out, String err) {
    JsonNode json() {
      try {
        return JSON.readTree(out);
      } catch (IOException e) {
        throw new UncheckedIOException("stdout is not JSON: " + out + "\nstderr: " + err, e);
      }
    }

    @Override
    public String toString() {
      return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
    }
  }
}
