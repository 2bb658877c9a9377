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
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
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
