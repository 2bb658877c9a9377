package dev.homeport.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The known-hosts file across processes, rewrites and permissions. */
class KnownHostsStoreTest {

  private static final String FP_A = "0bbf1443dcfe246cbe218b671d2040789b25a5e2ea114c3f5f6126168b06be7c";
  private static final String FP_B = "1bbf1443dcfe246cbe218b671d2040789b25a5e2ea114c3f5f6126168b06be7c";
  private static final int PROCESSES = 12;

  @TempDir Path dir;

  /**
   * A child process: says it is ready on standard output, waits for "go" on standard input (one
   * barrier for all children, so their records really overlap), records one entry.
   */
  public static final class RecordOne {
    public static void main(String[] args) throws Exception {
      Path file = Path.of(args[0]);
      System.out.println("ready");
      System.out.flush();
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      if (!"go".equals(in.readLine())) {
        System.exit(3);
      }
      new KnownHostsStore(file).recordIfAbsent(args[1], FP_A);
    }
  }

  @Test
  void concurrentProcesses_recordingInOneFile_loseNoEntry() throws Exception {
    Path file = dir.resolve("home/.homeport/known_hosts");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<Process> children = new ArrayList<>();
    for (int i = 0; i < PROCESSES; i++) {
      children.add(new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp",
              System.getProperty("java.class.path"), RecordOne.class.getName(), file.toString(),
              "10.0.0." + i + ":10443")
          .redirectError(dir.resolve("child" + i + ".log").toFile())
          .start());
    }
    for (Process child : children) {
      BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      assertThat(out.readLine()).as("child ready").isEqualTo("ready");
    }
    for (Process child : children) {
      child.getOutputStream().write("go\n".getBytes(StandardCharsets.UTF_8));
      child.getOutputStream().flush();
    }
    for (Process child : children) {
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(child.exitValue()).isZero();
    }
    KnownHostsStore store = new KnownHostsStore(file);
    for (int i = 0; i < PROCESSES; i++) {
      assertThat(store.lookup("10.0.0." + i + ":10443")).as("entry %d", i).contains(FP_A);
    }
  }

  @Test
  void rewrite_keepsCommentsAndUnknownLinesInPlace() throws Exception {
    Path file = dir.resolve("known_hosts");
    Files.write(file, List.of("# my cameras", "@future-marker something", "lonely-word",
        "10.0.0.1:10443 " + FP_A + " extra-field", ""));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    KnownHostsStore store = new KnownHostsStore(file);
    assertThat(store.recordIfAbsent("10.0.0.2:10443", FP_B)).isEmpty();
    assertThat(Files.readAllLines(file)).containsExactly("# my cameras", "@future-marker something",
        "lonely-word", "10.0.0.1:10443 " + FP_A + " extra-field", "", "10.0.0.2:10443 " + FP_B);
    assertThat(store.lookup("10.0.0.1:10443")).contains(FP_A);
    assertThat(store.lineOf("10.0.0.1:10443")).hasValue(4);
  }

  @Test
  void newFile_isOwnerOnlyInAnOwnerOnlyDirectory() throws Exception {
    Path file = dir.resolve("home/.homeport/known_hosts");
    new KnownHostsStore(file).recordIfAbsent("cam:10443", FP_A);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent().getParent())))
        .isEqualTo("rwx------");
  }

  @Test
  void groupOrWorldWritableFile_isRefusedNamingTheFileAndTheFix() throws Exception {
    Path file = dir.resolve("known_hosts");
    Files.write(file, List.of("10.0.0.1:10443 " + FP_A));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
    KnownHostsStore store = new KnownHostsStore(file);
    assertThatThrownBy(() -> store.lookup("10.0.0.1:10443"))
        .isInstanceOf(KnownHostsFileException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("chmod 600 " + file);
    assertThatThrownBy(() -> store.recordIfAbsent("10.0.0.2:10443", FP_B))
        .isInstanceOf(KnownHostsFileException.class);
    assertThat(Files.readAllLines(file)).containsExactly("10.0.0.1:10443 " + FP_A);
  }

  @Test
  void malformedLine_isRefusedNamingFileAndLine() throws Exception {
    Path file = dir.resolve("known_hosts");
    Files.write(file, List.of("# ok", "10.0.0.1:10443 not-a-fingerprint"));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    assertThatThrownBy(() -> new KnownHostsStore(file).lookup("x"))
        .isInstanceOf(KnownHostsFileException.class)
        .hasMessageContaining("line 2 of known-hosts file " + file);
  }

  @Test
  void watch_isToldOnceWhenAFingerprintIsFirstRecorded() {
    Path file = dir.resolve("known_hosts");
    List<String> told = new CopyOnWriteArrayList<>();
    try (KnownHostsStore.Watch ignored =
        KnownHostsStore.whenRecorded(file, (host, fp, where) -> told.add(host + " " + fp + " " + where))) {
      KnownHostsStore store = new KnownHostsStore(file);
      store.recordIfAbsent("cam:10443", FP_A);
      store.recordIfAbsent("cam:10443", FP_A);
      new KnownHostsStore(dir.resolve("other")).recordIfAbsent("cam:10443", FP_A);
    }
    new KnownHostsStore(file).recordIfAbsent("cam2:10443", FP_A);
    assertThat(told).containsExactly("cam:10443 " + FP_A + " " + file);
  }

  @Test
  void defaultFile_followsHomeWhenSet_elseUserHome() {
    assertThat(KnownHostsStore.defaultFile(Map.of("HOME", "/tmp/somewhere")))
        .isEqualTo(Path.of("/tmp/somewhere", ".homeport", "known_hosts"));
    assertThat(KnownHostsStore.defaultFile(Map.of()))
        .isEqualTo(Path.of(System.getProperty("user.home"), ".homeport", "known_hosts"));
  }
}
