package dev.homeport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@code ```java} block of the README compiles as shown, against the test class path (every
 * module is on it), so the examples cannot rot. A block is its {@code import} lines followed by
 * statements (local classes allowed); it is compiled as the body of one method that may throw
 * anything. Nothing is run: the examples talk to real cameras and accounts.
 */
class ReadmeJavaBlocksCompileTest {

  private static final Pattern BLOCK = Pattern.compile("(?ms)^```java\\n(.*?)^```");

  @TestFactory
  Stream<DynamicTest> everyJavaBlockOfTheReadme_compiles() throws IOException {
    String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
    List<DynamicTest> tests = new ArrayList<>();
    Matcher block = BLOCK.matcher(readme);
    while (block.find()) {
      int line = (int) readme.substring(0, block.start()).chars().filter(c -> c == '\n').count() + 1;
      String code = block.group(1);
      tests.add(DynamicTest.dynamicTest("README.md line " + line, () -> assertCompiles(line, code)));
    }
    assertThat(tests).as("java blocks in README.md").hasSizeGreaterThanOrEqualTo(10);
    return tests.stream();
  }

  private static void assertCompiles(int line, String code) throws IOException {
    StringBuilder imports = new StringBuilder();
    StringBuilder body = new StringBuilder();
    for (String text : code.split("\n", -1)) {
      (text.startsWith("import ") ? imports : body).append(text).append('\n');
    }
    String className = "ReadmeBlockAtLine" + line;
    String source = imports + "\nclass " + className + " {\n  void example() throws Exception {\n" + body + "\n  }\n}\n";
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    Path out = Files.createTempDirectory("readme-block");
    try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
      JavaFileObject unit = new SimpleJavaFileObject(URI.create("string:///" + className + ".java"), JavaFileObject.Kind.SOURCE) {
        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
          return source;
        }
      };
      List<String> options = List.of("-classpath", classPath(), "-d", out.toString(), "-proc:none", "-Xlint:none");
      StringWriter output = new StringWriter();
      boolean ok = compiler.getTask(output, files, diagnostics, options, null, List.of(unit)).call();
      String errors = diagnostics.getDiagnostics().stream()
          .filter(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR)
          .map(d -> "block line " + (d.getLineNumber() - imports.toString().split("\n", -1).length - 2) + ": " + d.getMessage(null))
          .collect(Collectors.joining("\n"));
      assertThat(ok).as("the java block at README.md line %d compiles:%n%s%n%s", line, errors, output).isTrue();
    } finally {
      try (Stream<Path> walk = Files.walk(out)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** The test class path, with surefire's manifest-only booter jar expanded to what it lists. */
  private static String classPath() throws IOException {
    Set<String> entries = new LinkedHashSet<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      entries.add(entry);
      if (entry.endsWith(".jar") && new File(entry).getName().startsWith("surefirebooter")) {
        try (JarFile jar = new JarFile(entry)) {
          Manifest manifest = jar.getManifest();
          String listed = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
          if (listed != null) {
            for (String url : listed.trim().split("\\s+")) {
              entries.add(Path.of(URI.create(url)).toString());
            }
          }
        }
      }
    }
    return String.join(File.pathSeparator, entries);
  }
}
