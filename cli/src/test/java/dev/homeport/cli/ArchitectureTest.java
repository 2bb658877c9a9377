package dev.homeport.cli;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.io.Serializable;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hexagon's rules, checked on the compiled main classes of every module (this module depends
 * on all of them): a pure domain, ports on the domain only, the support library below the
 * adapters, adapters (one slice per module) independent of each other, a CLI that names no camera
 * brand, internal packages private to their module, and library code that logs through SLF4J only.
 * Module roots are derived from the class path, never listed.
 *
 * <p>Some modules may still be empty; every rule allows an empty selection so it keeps guarding
 * the modules as they fill.
 */
@AnalyzeClasses(packages = "dev.homeport", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final String DOMAIN = "dev.homeport.domain..";
  private static final String PORTS = "dev.homeport.ports..";
  private static final String ADAPTERS = "dev.homeport.adapter..";
  private static final String SUPPORT = "dev.homeport.support..";
  private static final String TESTKIT = "dev.homeport.testkit..";
  private static final String SIMULATORS = "dev.homeport.simulators..";
  private static final String CLI = "dev.homeport.cli..";
  private static final String BRIDGE = "dev.homeport.bridge..";
  private static final String BENCHMARKS = "dev.homeport.benchmarks..";

  /**
   * The package root of every module, derived rather than listed: each class-path entry holding
   * homeport main classes (a module's {@code target/classes} or its jar) is one module, and its
   * root is the longest package all its classes share. A new module is guarded the moment this
   * module depends on it. Keyed by the entry, for the messages.
   */
  static final Map<String, String> MODULE_ROOTS = deriveModuleRoots();

  /** Guards the guards: every rule allows an empty selection, so make sure the import found the code. */
  @ArchTest
  void moduleRoots_areDerivedForEveryModule_andLieUnderTheirDirectorysPackage(JavaClasses classes) {
    assertThat(MODULE_ROOTS.values()).contains("dev.homeport.domain", "dev.homeport.ports", "dev.homeport.support",
        "dev.homeport.adapter.camera.http", "dev.homeport.adapter.inmemory", "dev.homeport.cli");
    assertThat(MODULE_ROOTS).hasSizeGreaterThanOrEqualTo(9);
    for (Map.Entry<String, String> module : MODULE_ROOTS.entrySet()) {
      String directory = moduleDirectory(module.getKey());
      if (directory != null) {
        String expected = "dev.homeport." + directory.replace('-', '.');
        assertThat(module.getValue())
            .as("directory = artifactId suffix = package: %s holds %s", module.getKey(), module.getValue())
            .matches(java.util.regex.Pattern.quote(expected) + "(\\..+)?");
      }
    }
  }

  @ArchTest
  void importedClasses_includeTheDomainAndThePorts(JavaClasses classes) {
    assertThat(classes.that(resideInAPackage(DOMAIN))).hasSizeGreaterThan(20);
    assertThat(classes.that(resideInAPackage(PORTS))).hasSizeGreaterThan(10);
    assertThat(classes.that(resideInAPackage("dev.homeport.domain.internal"))).isNotEmpty();
    assertThat(classes.contain("dev.homeport.domain.camera.ImmutableCameraInfo")).isTrue();
  }

  @ArchTest
  static final ArchRule domain_dependsOnlyOnJavaAndImmutables =
      noClasses()
          .that()
          .resideInAPackage(DOMAIN)
          .should()
          .dependOnClassesThat()
          .resideOutsideOfPackages("java..", "org.immutables..", DOMAIN)
          .because("the domain knows no framework, no JSON and no I/O (its Immutable* classes live in its own packages)")
          .allowEmptyShould(true);

  @ArchTest
  static final ArchRule domain_doesNoIo =
      noClasses()
          .that()
          .resideInAPackage(DOMAIN)
          .should()
          .dependOnClassesThat(
              resideInAnyPackage(
                      "java.net.http..", "java.nio.file..", "java.nio.channels..", "java.sql..",
                      "java.util.logging..", "java.lang.reflect..")
                  .or(resideInAPackage("java.io..").and(not(assignableTo(Serializable.class)))))
          .because("the domain is pure values: no files, sockets, HTTP, logging or reflection")
          .allowEmptyShould(true);

  @ArchTest
  static final ArchRule ports_dependOnlyOnDomainJavaAndImmutables =
      noClasses()
          .that()
          .resideInAPackage(PORTS)
          .should()
          .dependOnClassesThat()
          .resideOutsideOfPackages("java..", "org.immutables..", DOMAIN, PORTS)
          .because("ports are the hexagon's edge: domain types and the JDK only")
          .allowEmptyShould(true);

  @ArchTest
  static final ArchRule domainAndPorts_knowNoAdapterTestkitOrCli =
      noClasses()
          .that()
          .resideInAnyPackage(DOMAIN, PORTS)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(ADAPTERS, SUPPORT, TESTKIT, SIMULATORS, CLI, BENCHMARKS)
          .allowEmptyShould(true);

  @ArchTest
  static final ArchRule support_dependsOnlyOnPortsDomainJacksonAndSlf4j =
      noClasses()
          .that()
          .resideInAPackage(SUPPORT)
          .should()
          .dependOnClassesThat()
          .resideOutsideOfPackages(
              "java..", "javax.net..", "javax.security..", "javax.sound..", "org.immutables..", "com.fasterxml.jackson..",
              "org.slf4j..", DOMAIN, PORTS, SUPPORT)
          .because("the support library is shared plumbing below the adapters: no adapter, kit or CLI,"
              + " no framework beyond Jackson and the SLF4J API")
          .allowEmptyShould(true);

  @ArchTest
  static final ArchRule domain_doesNotDependOnPorts =
      noClasses()
          .that()
          .resideInAPackage(DOMAIN)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(PORTS)
          .allowEmptyShould(true);

  @ArchTest
  static final ArchRule adapters_doNotDependOnEachOther =
      slices()
          .assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
              String module = moduleOf(javaClass.getPackageName());
              boolean brandCode = module.startsWith("dev.homeport.adapter.")
                  || (module.startsWith("dev.homeport.examples.") && !javaClass.getPackageName().contains(".simulator"));
              return brandCode ? SliceIdentifier.of("module " + module) : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
              return "adapter and example brand modules, one slice per module";
            }
          })
          .should()
          .notDependOnEachOther()
          .because("a deployment chooses adapters independently: each adapter module (and each example"
              + " brand, but its simulator) is its own slice, so camera.http and camera.onvif are apart")
          .allowEmptyShould(true);

  @ArchTest
  static final ArchRule exampleBrands_useOnlyPortsAndSupport =
      noClasses()
          .that()
          .resideInAPackage("dev.homeport.examples..")
          .and()
          .resideOutsideOfPackage("..simulator..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(ADAPTERS, SIMULATORS, TESTKIT, CLI, BENCHMARKS)
          .because("a brand is written against the port, the camera base and the support library only")
          .allowEmptyShould(true);

  @ArchTest
  static final ArchRule adapters_doNotDependOnTestkitCliOrBenchmarks =
      noClasses()
          .that()
          .resideInAPackage(ADAPTERS)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(TESTKIT, SIMULATORS, CLI, BENCHMARKS)
          .allowEmptyShould(true);

  @ArchTest
  static final ArchRule testkit_doesNotDependOnSimulatorsCliOrBenchmarks =
      noClasses()
          .that()
          .resideInAPackage(TESTKIT)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(SIMULATORS, CLI, BENCHMARKS)
          .because("the contract suites are brand-neutral and users take them at test scope")
          .allowEmptyShould(true);

  @ArchTest
  static final ArchRule simulators_doNotDependOnTestkitCliOrBenchmarks =
      noClasses()
          .that()
          .resideInAPackage(SIMULATORS)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(TESTKIT, CLI, BENCHMARKS, "org.junit..", "org.assertj..", "org.awaitility..")
          .because("the CLI runs the simulators: no test framework or contract class may reach its runtime jar")
          .allowEmptyShould(true);

  @ArchTest
  static final ArchRule internalPackages_areUsedOnlyWithinTheirModule =
      classes()
          .that()
          .resideInAPackage("dev.homeport..")
          .should(useOnlyTheirOwnModulesInternalPackages())
          .because("internal packages are not API: not even sibling modules may use them")
          .allowEmptyShould(true);

  @ArchTest
  static final ArchRule libraryCode_doesNotWriteToStandardStreams =
      noClasses()
          .that()
          .resideInAnyPackage(DOMAIN, PORTS, ADAPTERS, TESTKIT, SIMULATORS)
          .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
          .because("library code logs through the SLF4J API only (no System.out/err, no printStackTrace)")
          .allowEmptyShould(true);

  @ArchTest
  static final ArchRule noCode_usesJavaUtilLogging =
      noClasses()
          .that()
          .resideInAPackage("dev.homeport..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("java.util.logging..")
          .because("logging goes through the SLF4J API; the CLI picks the binding")
          .allowEmptyShould(true);

  /** The module owning {@code packageName}: the longest module root it lies under, else the package. */
  static String moduleOf(String packageName) {
    String best = packageName;
    int bestLength = -1;
    for (String root : MODULE_ROOTS.values()) {
      if ((packageName.equals(root) || packageName.startsWith(root + ".")) && root.length() > bestLength) {
        best = root;
        bestLength = root.length();
      }
    }
    return best;
  }

  private static Map<String, String> deriveModuleRoots() {
    JavaClasses main = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.homeport");
    Map<String, String> roots = new TreeMap<>();
    for (JavaClass javaClass : main) {
      javaClass.getSource().ifPresent(source -> {
        String uri = source.getUri().toString();
        int at = uri.indexOf("/dev/homeport/");
        if (at > 0) {
          roots.merge(uri.substring(0, at), javaClass.getPackageName(), ArchitectureTest::commonPackage);
        }
      });
    }
    return roots;
  }

  private static String commonPackage(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    StringBuilder common = new StringBuilder();
    for (int i = 0; i < Math.min(x.length, y.length) && x[i].equals(y[i]); i++) {
      common.append(i == 0 ? "" : ".").append(x[i]);
    }
    return common.toString();
  }

  /** The module directory of a class-path entry ({@code .../support/target/classes} or {@code homeport-support-V.jar}), or null. */
  static String moduleDirectory(String entry) {
    java.util.regex.Matcher dir = java.util.regex.Pattern.compile(".*/([a-z0-9-]+)/target/classes/?$").matcher(entry);
    if (dir.matches()) {
      return dir.group(1);
    }
    java.util.regex.Matcher jar = java.util.regex.Pattern.compile(".*/homeport-([a-z-]+)-[0-9][^/]*\\.jar!?$").matcher(entry);
    return jar.matches() ? jar.group(1) : null;
  }

  static boolean isInternal(String packageName) {
    return packageName.endsWith(".internal") || packageName.contains(".internal.");
  }

  private static ArchCondition<JavaClass> useOnlyTheirOwnModulesInternalPackages() {
    return new ArchCondition<>("use internal packages of their own module only") {
      @Override
      public void check(JavaClass origin, ConditionEvents events) {
        String originModule = moduleOf(origin.getPackageName());
        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
          String target = dependency.getTargetClass().getPackageName();
          if (target.startsWith("dev.homeport.") && isInternal(target) && !moduleOf(target).equals(originModule)) {
            events.add(
                SimpleConditionEvent.violated(
                    dependency,
                    dependency.getDescription() + " (" + moduleOf(target) + " internals used from " + originModule + ")"));
          }
        }
      }
    };
  }
}
