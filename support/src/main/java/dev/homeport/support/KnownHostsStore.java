package dev.homeport.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A known-hosts file of certificate fingerprints, one {@code host:port sha256-hex} line per
 * peer (camera or server), in the spirit of SSH's known_hosts. Lines starting with {@code #},
 * blank lines and lines this version does not understand (one word, or starting with {@code @})
 * are ignored and kept, in place, when the file is rewritten.
 *
 * <p>Safe across threads and processes: a record is a read-modify-write done under this process'
 * lock for the file and an exclusive {@link FileChannel#lock() file lock} on a sibling
 * {@code FILE.lock}, so concurrent first contacts from several processes each keep their line.
 * The file is rewritten through a temporary file and an atomic move, so a reader never sees half a
 * file. New directories are created owner-only ({@code 700}) and the file owner-only ({@code 600})
 * where the file system has POSIX permissions; a file that group or others may write is refused
 * ({@link KnownHostsFileException}), since whoever can write it can make homeport trust an impostor.
 */
public final class KnownHostsStore {

  private static final Map<Path, Object> LOCKS = new ConcurrentHashMap<>();
  private static final List<Watch> WATCHES = new CopyOnWriteArrayList<>();
  private static final String HEADER =
      "# homeport known certificates: <host>:<port> <SHA-256 of the DER certificate>";
  private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

  private final Path file;
  private final Object lock;

  /** A store backed by {@code file}; the file and its directories are created on first record. */
  public KnownHostsStore(Path file) {
    this.file = file.toAbsolutePath().normalize();
    this.lock = LOCKS.computeIfAbsent(this.file, f -> new Object());
  }

  /**
   * The default file, {@code .homeport/known_hosts} under the home directory of
   * {@code environment}'s {@code HOME} when set (as a shell user expects), else under the
   * {@code user.home} system property (which the JVM may take from the password database instead).
   */
  public static Path defaultFile(Map<String, String> environment) {
    return homeDirectory(environment).resolve(".homeport").resolve("known_hosts");
  }

  /** {@link #defaultFile(Map)} for this process' environment. */
  public static Path defaultFile() {
    return defaultFile(System.getenv());
  }

  /** The home directory: {@code HOME} from {@code environment} when set and not blank, else {@code user.home}. */
  public static Path homeDirectory(Map<String, String> environment) {
    String home = environment.get("HOME");
    if (home == null || home.isBlank()) {
      home = System.getProperty("user.home");
    }
    return Path.of(home);
  }

  /** The file this store reads and writes. */
  public Path file() {
    return file;
  }

  /**
   * The fingerprint recorded for {@code hostKey}, if any.
   *
   * @throws KnownHostsFileException if the file is malformed or writable by group or others
   * @throws UncheckedIOException if the file exists but cannot be read
   */
  public Optional<String> lookup(String hostKey) {
    synchronized (lock) {
      Parsed parsed = read();
      Entry entry = parsed.entries.get(hostKey);
      return entry == null ? Optional.empty() : Optional.of(entry.fingerprint);
    }
  }

  /**
   * The line number (from 1) of {@code hostKey}'s entry, if any, so a message can say which line
   * to remove.
   *
   * @throws KnownHostsFileException if the file is malformed or writable by group or others
   * @throws UncheckedIOException if the file exists but cannot be read
   */
  public OptionalInt lineOf(String hostKey) {
    synchronized (lock) {
      Entry entry = read().entries.get(hostKey);
      return entry == null ? OptionalInt.empty() : OptionalInt.of(entry.line);
    }
  }

  /**
   * Records {@code fingerprint} for {@code hostKey} unless one is recorded already. When this call
   * records it, every {@linkplain #whenRecorded watch} on this file is told, once.
   *
   * @return the fingerprint recorded before this call (which stays), or empty if this call recorded
   *     {@code fingerprint}
   * @throws KnownHostsFileException if the file is malformed or writable by group or others
   * @throws UncheckedIOException if the file cannot be read or written
   */
  public Optional<String> recordIfAbsent(String hostKey, String fingerprint) {
    String normalized = Fingerprints.normalize(fingerprint);
    if (hostKey.isBlank() || hostKey.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
      throw new IllegalArgumentException("known-hosts key must be one word without spaces or control characters");
    }
    synchronized (lock) {
      Entry known = read().entries.get(hostKey);
      if (known != null) {
        return Optional.of(known.fingerprint); // the usual case: no file lock needed to read
      }
      try {
        createPrivateDirectories(file.getParent());
        Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
        try (FileChannel channel = FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                ownerOnly(lockFile, OWNER_FILE));
            FileLock ignored = channel.lock()) {
          Parsed parsed = read();
          Entry existing = parsed.entries.get(hostKey);
          if (existing != null) {
            return Optional.of(existing.fingerprint);
          }
          List<String> lines = new ArrayList<>(parsed.lines);
          if (lines.isEmpty()) {
            lines.add(HEADER);
          }
          lines.add(hostKey + " " + normalized);
          write(lines);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write known-hosts file " + file + ": " + e.getMessage(), e);
      }
    }
    for (Watch watch : WATCHES) {
      if (watch.file == null || watch.file.equals(file)) {
        watch.listener.recorded(hostKey, normalized, file);
      }
    }
    return Optional.empty();
  }

  /**
   * Tells {@code listener} each time a store of this process records a new fingerprint in
   * {@code file} (a command line says so on standard error, as ssh does), until the returned watch
   * is closed. Thread-safe; the listener runs on the recording thread and must not block.
   */
  public static Watch whenRecorded(Path file, Listener listener) {
    Watch watch = new Watch(file.toAbsolutePath().normalize(), Objects.requireNonNull(listener, "listener"));
    WATCHES.add(watch);
    return watch;
  }

  /**
   * Tells {@code listener} each time a store of this process records a new fingerprint in any
   * file, until the returned watch is closed (a command line whose cameras each name their own
   * file). Thread-safe; the listener runs on the recording thread and must not block.
   */
  public static Watch whenRecorded(Listener listener) {
    Watch watch = new Watch(null, Objects.requireNonNull(listener, "listener"));
    WATCHES.add(watch);
    return watch;
  }

  /** Told of each fingerprint recorded for the first time. */
  @FunctionalInterface
  public interface Listener {
    /** {@code fingerprint} (lower-case hex) was recorded for {@code hostKey} in {@code file}. */
    void recorded(String hostKey, String fingerprint, Path file);
  }

  /** A registered {@link Listener}; {@link #close()} unregisters it. */
  public static final class Watch implements AutoCloseable {
    private final Path file;
    private final Listener listener;

    private Watch(Path file, Listener listener) {
      this.file = file;
      this.listener = listener;
    }

    @Override
    public void close() {
      WATCHES.remove(this);
    }
  }

  private record Entry(String fingerprint, int line) {}

  private record Parsed(List<String> lines, Map<String, Entry> entries) {}

  private Parsed read() {
    List<String> lines = new ArrayList<>();
    Map<String, Entry> entries = new LinkedHashMap<>();
    if (!Files.exists(file)) {
      return new Parsed(lines, entries);
    }
    refuseWritableByOthers();
    List<String> raw;
    try {
      raw = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read known-hosts file " + file + ": " + e.getMessage(), e);
    }
    for (int i = 0; i < raw.size(); i++) {
      String line = raw.get(i).strip();
      lines.add(raw.get(i));
      if (line.isEmpty() || line.startsWith("#") || line.startsWith("@")) {
        continue;
      }
      String[] parts = line.split("\\s+");
      if (parts.length < 2) {
        continue;
      }
      String fingerprint;
      try {
        fingerprint = Fingerprints.normalize(parts[1]);
      } catch (IllegalArgumentException e) {
        throw new KnownHostsFileException(file, "line " + (i + 1) + " of known-hosts file " + file
            + " is not '<host>:<port> <SHA-256 fingerprint>': " + e.getMessage()
            + "; fix or delete that line");
      }
      entries.putIfAbsent(parts[0], new Entry(fingerprint, i + 1));
    }
    return new Parsed(lines, entries);
  }

  private void refuseWritableByOthers() {
    Set<PosixFilePermission> permissions;
    try {
      permissions = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
    } catch (UnsupportedOperationException | IOException e) {
      return; // not a POSIX file system: nothing to check
    }
    if (permissions.contains(PosixFilePermission.GROUP_WRITE) || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
      throw new KnownHostsFileException(file, "known-hosts file " + file + " is writable by "
          + (permissions.contains(PosixFilePermission.OTHERS_WRITE) ? "anyone" : "its group")
          + " (" + PosixFilePermissions.toString(permissions) + "), so anyone who can write it could make"
          + " homeport trust an impostor; refusing to use it. Fix: chmod 600 " + file);
    }
  }

  private void write(List<String> lines) throws IOException {
    Path dir = file.getParent();
    Path tmp = null;
    try {
      tmp = Files.createTempFile(dir, ".known_hosts", ".tmp", ownerOnly(dir, OWNER_FILE));
      restrictToOwner(tmp, OWNER_FILE);
      try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        channel.write(java.nio.ByteBuffer.wrap(
            (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)));
        channel.force(true);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      if (tmp != null) {
        Files.deleteIfExists(tmp);
      }
    }
  }

  /** Creates the missing directories of {@code dir} owner-only (700); existing ones are left alone. */
  private static void createPrivateDirectories(Path dir) throws IOException {
    if (dir == null || Files.isDirectory(dir)) {
      return;
    }
    createPrivateDirectories(dir.getParent());
    try {
      Files.createDirectory(dir, ownerOnly(dir, OWNER_DIR));
      restrictToOwner(dir, OWNER_DIR); // the umask may have removed bits; never added any
    } catch (FileAlreadyExistsException e) {
      // another process made it at the same moment
    }
  }

  private static FileAttribute<?>[] ownerOnly(Path where, Set<PosixFilePermission> permissions) {
    Path probe = where;
    while (probe != null && !Files.exists(probe)) {
      probe = probe.getParent();
    }
    boolean posix = probe != null && Files.getFileAttributeView(probe,
        java.nio.file.attribute.PosixFileAttributeView.class) != null;
    return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(EnumSet.copyOf(permissions))}
        : new FileAttribute<?>[0];
  }

  private static void restrictToOwner(Path path, Set<PosixFilePermission> permissions) {
    try {
      Files.setPosixFilePermissions(path, permissions);
    } catch (UnsupportedOperationException | IOException e) {
      // not a POSIX file system: keep the platform default
    }
  }
}
