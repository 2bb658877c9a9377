package dev.homeport.cli.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.util.Locale;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Describes a YAML syntax error by place and kind only. The parsers' own messages quote the
 * offending line (SnakeYAML prints it with a caret under it, Jackson dumps events), and in a
 * deployment file that line may hold a secret pasted under the wrong key: nothing of the file's
 * content is repeated here.
 */
final class YamlErrors {

  private YamlErrors() {}

  /** {@code " at line L, column C"}, or empty when the parser did not say. */
  static String where(JsonProcessingException e) {
    MarkedYAMLException marked = marked(e);
    if (marked != null && marked.getProblemMark() != null) {
      return " at line " + (marked.getProblemMark().getLine() + 1) + ", column " + (marked.getProblemMark().getColumn() + 1);
    }
    JsonLocation location = e.getLocation();
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    return " at line " + location.getLineNr() + (location.getColumnNr() > 0 ? ", column " + location.getColumnNr() : "");
  }

  /** A short reason without any quoted content. */
  static String reason(JsonProcessingException e) {
    if (e instanceof StreamConstraintsException) {
      return "it is nested too deeply or too large for a deployment file";
    }
    String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    if (original.startsWith("Duplicate field")) {
      return "a key is given twice in one mapping; give each key once";
    }
    MarkedYAMLException marked = marked(e);
    if (marked == null) {
      return "the structure is not what YAML allows here (check the indentation and the ':' after each key)";
    }
    String problem = marked.getProblem() == null ? "" : marked.getProblem().toLowerCase(Locale.ROOT);
    if (problem.contains("alias") || problem.contains("exceeds") || problem.contains("limit")) {
      return "too many aliases, too deep or too large for a deployment file";
    }
    if (problem.contains("mapping values are not allowed")) {
      return "a key: value where none may start (check the indentation of this line and the one above)";
    }
    if (problem.contains("expected") || problem.contains("could not find")) {
      return "an unfinished mapping, list or quoted value (check the indentation and the quotes)";
    }
    if (problem.contains("tab")) {
      return "a tab character; YAML indents with spaces";
    }
    if (problem.contains("character")) {
      return "a character that YAML does not allow here";
    }
    if (problem.contains("duplicate")) {
      return "a key is given twice in one mapping; give each key once";
    }
    return "the structure is not what YAML allows here (check the indentation and the ':' after each key)";
  }

  private static MarkedYAMLException marked(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof MarkedYAMLException m) {
        return m;
      }
    }
    return null;
  }
}
