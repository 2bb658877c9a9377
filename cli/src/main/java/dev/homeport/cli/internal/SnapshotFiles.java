package dev.homeport.cli.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.homeport.domain.camera.Snapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a snapshot to a file: whole or not at all (a temporary file, then a rename). */
final class SnapshotFiles {

  private SnapshotFiles() {}

  static Result write(Snapshot image, Path target) {
    Path temp = null;
    try {
      temp = Files.createTempFile(target.getParent(), ".homeport-snapshot-", ".part");
      Files.write(temp, image.bytes());
      try {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // best effort
        }
      }
      throw new UncheckedIOException("cannot write the snapshot to " + target + ": " + e.getMessage(), e);
    }
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("file", target.toString());
    node.put("bytes", image.size());
    node.put("contentType", image.contentType());
    return new Result(node, "wrote " + image.size() + " bytes (" + image.contentType() + ") to " + target);
  }
}
