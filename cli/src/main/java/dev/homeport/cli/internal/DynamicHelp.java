package dev.homeport.cli.internal;

import dev.homeport.adapter.events.wss.SmartThingsConfig;
import dev.homeport.domain.camera.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;

/**
 * Help text taken from the code it describes rather than kept by hand beside it: the setting names
 * and the values each takes come from {@link Setting} itself, the default events URL from
 * {@link SmartThingsConfig#DEFAULT_URL}. Annotations can hold constants only, hence this step.
 */
public final class DynamicHelp {

  /** The system property the {@code events --url} description interpolates. */
  static final String DEFAULT_URL_PROPERTY = "homeport.events.default-url";

  /** The longest help line written here: fits picocli's default usage width of 80. */
  private static final int LINE = 78;

  private DynamicHelp() {}

  /** Fills in the descriptions of {@code camera get}, {@code camera set} and {@code events --url}. */
  public static void install(CommandLine root) {
    System.setProperty(DEFAULT_URL_PROPERTY, SmartThingsConfig.DEFAULT_URL.toString());
    CommandLine camera = root.getSubcommands().get("camera");
    if (camera == null) {
      return;
    }
    CommandLine get = camera.getSubcommands().get("get");
    if (get != null) {
      get.getCommandSpec().usageMessage().description(
          "Read a setting.",
          "SETTING is one of: " + escape(Setting.all().stream().map(Setting::id).collect(Collectors.joining(", "))) + ".",
          "'set' lists the values each one takes.");
    }
    CommandLine set = camera.getSubcommands().get("set");
    if (set != null) {
      List<String> lines = new ArrayList<>();
      lines.add("Change a setting to VALUE; it is read first, and 'changed' says whether it differed.");
      lines.add("Settings and the values they take:");
      int width = Setting.all().stream().mapToInt(s -> s.id().length()).max().orElse(0);
      for (Setting<?> setting : Setting.all()) {
        // Wrapped here, indented under the values: picocli would wrap a long line to column 0.
        String indent = " ".repeat(width + 4);
        StringBuilder line = new StringBuilder("  " + String.format("%-" + width + "s  ", setting.id()));
        for (String word : setting.allowedValues().split(" ")) {
          if (line.length() + word.length() > LINE && line.length() > indent.length()) {
            lines.add(escape(line.toString().stripTrailing()));
            line = new StringBuilder(indent);
          }
          line.append(word).append(' ');
        }
        lines.add(escape(line.toString().stripTrailing()));
      }
      set.getCommandSpec().usageMessage().description(lines.toArray(String[]::new));
    }
  }

  /** Picocli formats descriptions ({@code %n}, {@code ${...}}): a value is shown as it is. */
  private static String escape(String text) {
    return text.replace("%", "%%").replace("${", "$${");
  }
}
