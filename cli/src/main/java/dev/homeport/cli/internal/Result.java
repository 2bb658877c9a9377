package dev.homeport.cli.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A command's result in both forms: JSON for scripts, text for people.
 *
 * @param json the JSON form
 * @param text the text form (may be empty)
 */
public record Result(JsonNode json, String text) {

  /** Rows as aligned columns (two spaces between), no trailing spaces. */
  static String table(List<List<String>> rows) {
    int columns = rows.stream().mapToInt(List::size).max().orElse(0);
    int[] widths = new int[columns];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).codePointCount(0, row.get(i).length()));
      }
    }
    StringBuilder text = new StringBuilder();
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        String cell = row.get(i);
        line.append(cell);
        if (i < row.size() - 1) {
          line.append(" ".repeat(widths[i] - cell.codePointCount(0, cell.length()) + 2));
        }
      }
      if (text.length() > 0) {
        text.append(System.lineSeparator());
      }
      text.append(line.toString().stripTrailing());
    }
    return text.toString();
  }
}
