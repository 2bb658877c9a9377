package dev.homeport.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.cli.ExitCode;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The exit codes of the help texts, of {@link ExitCode} and of the README's table are the same. */
class ExitCodeTableTest {

  private static List<Integer> constants(Class<?> type, Class<?> of) throws IllegalAccessException {
    List<Integer> codes = new ArrayList<>();
    for (Field field : type.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == of) {
        field.setAccessible(true);
        Object value = field.get(null);
        if (value instanceof Integer code) {
          codes.add(code);
        } else if (value instanceof String line && line.matches("\\d+:.*")) {
          codes.add(Integer.parseInt(line.substring(0, line.indexOf(':'))));
        }
      }
    }
    return codes;
  }

  @Test
  void helpCodes_exitCodeConstants_andReadmeTable_agree() throws IOException, IllegalAccessException {
    String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
    String table = readme.substring(readme.indexOf("### Exit codes"), readme.indexOf("### Deployment file"));
    List<Integer> documented = new ArrayList<>();
    Matcher row = Pattern.compile("(?m)^\\| (\\d+)(?:, \\d+)* \\|").matcher(table);
    while (row.find()) {
      documented.add(Integer.parseInt(row.group(1)));
    }

    List<Integer> help = constants(ExitCodesHelp.class, String.class);
    assertThat(help).containsExactlyInAnyOrderElementsOf(constants(ExitCode.class, int.class));
    assertThat(documented).containsAll(help);
  }
}
