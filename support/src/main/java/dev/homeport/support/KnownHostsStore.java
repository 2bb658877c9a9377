package dev.homeport.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A known-hosts file of certificate fingerprints, one {@code host:port sha256-hex} line per
 * peer (camera or server) (lines starting with {@code #} are comments), in the spirit of SSH's known_hosts.
 *
 * <p>Thread-safe: all stores for the same file share one lock in this process, and the file is
 * rewritten through a temporary file and an atomic move, so a reader never sees half a file.
 * Several processes writing the same file at the same instant are not coordinated.
 */
public final class KnownHostsStore {

  private static final Map<Path, Object> LOCKS = new ConcurrentHashMap<>();

  private final Path file;
  private final Object lock;

  /** A store backed by {@code file}; the file and its directories are created on first record. */
  public KnownHostsStore(Path file) {
    this.file = file.toAbsolutePath().normalize();
    this.lock = LOCKS.computeIfAbsent(this.file, f -> new Object());
  }

  /** The file this store reads and writes. */
  public Path file() {
    return file;
  }

  /**
   * The fingerprint recorded for {@code hostKey}, if any.
   *
   * @throws UncheckedIOException if the file exists but cannot be read
   */
  public Optional<String> lookup(String hostKey) {
    synchronized (lock) {
      return Optional.ofNullable(read().get(hostKey));
    }
  }

  /**
   * Records {@code fingerprint} for {@code hostKey} unless one is recorded already.
   *
   * @return the fingerprint recorded before this call (which stays), or empty if this call recorded
   *     {@code fingerprint}
   *
   * @throws UncheckedIOException if the file cannot be read or written
   */
  public Optional<String> recordIfAbsent(String hostKey, String fingerprint) {
    synchronized (lock) {
      Map<String, String> entries = read();
      String existing = entries.get(hostKey);
      if (existing != null) {
        return Optional.of(existing);
      }
      entries.put(hostKey, fingerprint);
      write(entries);
      return Optional.empty();
    }
  }

  private Map<String, String> read() {
    Map<String, String> entries = new LinkedHashMap<>();
    if (!Files.exists(file)) {
      return entries;
    }
    try {
      for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String line = raw.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split("\\s+");
        if (parts.length >= 2) {
          entries.putIfAbsent(parts[0], Fingerprints.normalize(parts[1]));
        }
      }
      return entries;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read known-hosts file " + file, e);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("known-hosts file " + file + " is malformed: " + e.getMessage());
    }
  }

  private void write(Map<String, String> entries) {
    List<String> lines = new ArrayList<>();
    lines.add("# homeport known certificates: <host>:<port> <SHA-256 of the DER certificate>");
    entries.forEach((host, fp) -> lines.add(host + " " + fp));
    try {
      Path dir = file.getParent();
      if (dir != null) {
        Files.createDirectories(dir);
      }
      Path tmp = Files.createTempFile(dir, ".known-hosts", ".tmp");
      try {
        restrictToOwner(tmp);
        Files.write(tmp, lines, StandardCharsets.UTF_8);
        try {
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write known-hosts file " + file, e);
    }
  }

  private static void restrictToOwner(Path path) {
    try {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException | IOException e) {
      // not a POSIX file system: keep the platform default
    }
  }
}
