package dev.homeport.ports.camera;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One option a {@link CameraDriver} understands in {@link CameraEndpoint#options()}, as the driver
 * documents it: its name, what it does, what values it allows and its default. The CLI lists these
 * ({@code homeport camera --brand B --help-options}) and passes {@code --name value} through as
 * the option {@code name}. Immutable and thread-safe.
 *
 * @param name the option's name, lower-case words joined by {@code -} (e.g. {@code known-hosts})
 * @param description one sentence for people
 * @param choices the only values allowed, or empty when the value is free-form (then the driver
 *     validates it and {@code allowed} says what it takes)
 * @param allowed what values are allowed, for people (for choices: the choices joined by {@code ,})
 * @param defaultValue the value used when the option is absent, if any
 */
public record DriverOption(
    String name, String description, List<String> choices, String allowed, Optional<String> defaultValue) {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

  /**
   * Checks the parts.
   *
   * @throws IllegalArgumentException if the name is not lower-case words joined by {@code -}, the
   *     description or allowed text is blank, or a default is not one of the choices
   */
  public DriverOption {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "option name must be lower-case words joined by '-', e.g. known-hosts, was \"" + name + "\"");
    }
    if (description == null || description.isBlank()) {
      throw new IllegalArgumentException("option " + name + " needs a description");
    }
    choices = List.copyOf(choices);
    if (allowed == null || allowed.isBlank()) {
      if (choices.isEmpty()) {
        throw new IllegalArgumentException("option " + name + " needs choices or a text saying what it allows");
      }
      allowed = String.join(", ", choices);
    }
    Objects.requireNonNull(defaultValue, "defaultValue");
    if (!choices.isEmpty() && defaultValue.isPresent() && !choices.contains(defaultValue.get())) {
      throw new IllegalArgumentException(
          "option " + name + ": default " + defaultValue.get() + " is not one of " + allowed);
    }
  }

  /** An option that takes one of {@code choices}, {@code defaultValue} when absent (may be null). */
  public static DriverOption choice(String name, String description, String defaultValue, String... choices) {
    return new DriverOption(name, description, List.of(choices), null, Optional.ofNullable(defaultValue));
  }

  /**
   * A free-form option the driver parses itself; {@code allowed} says what it takes (e.g. "a
   * positive duration such as 500ms, 5s or PT5S"); {@code defaultValue} may be null.
   */
  public static DriverOption text(String name, String description, String allowed, String defaultValue) {
    return new DriverOption(name, description, List.of(), allowed, Optional.ofNullable(defaultValue));
  }

  /**
   * Checks one value against {@link #choices()}, ignoring case (free-form options accept anything
   * here; the driver parses them).
   *
   * @param where who the value is for, for the message, e.g. {@code kasa camera 'porch'}
   * @throws IllegalArgumentException naming the option and what is allowed
   */
  public void check(String where, String value) {
    if (!choices.isEmpty() && (value == null || choices.stream().noneMatch(value.strip()::equalsIgnoreCase))) {
      throw new IllegalArgumentException(where + ": option '" + name + "' must be one of " + allowed
          + ", was \"" + value + "\"");
    }
  }
}
