package dev.homeport.domain.camera;

import dev.homeport.domain.FieldMap;
import dev.homeport.domain.internal.Checks;
import java.util.regex.Pattern;

/**
 * The escape hatch: any brand-specific operation with plain parameters, answered with the plain
 * result fields. Use it for what the typed commands do not model yet. Not idempotent (its effect is
 * unknown), so never retried.
 *
 * <p>The operation is the brand's own name for what to do; each brand documents its spelling and
 * refuses operations it cannot spell before any I/O (Kasa writes {@code module.method}, e.g.
 * {@code smartlife.cam.ipcamera.led.get_status}). Here only the characters are checked.
 *
 * @param operation the brand's operation name: 1..256 letters, digits, {@code . _ - / :}
 * @param params the parameters ({@link FieldMap#empty()} for none)
 */
public record RawCommand(String operation, FieldMap params) implements CameraCommand<FieldMap> {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._/:-]{1,256}");

  public RawCommand {
    if (operation == null || !NAME.matcher(operation).matches()) {
      throw new IllegalArgumentException(
          "operation must be 1..256 letters, digits, '.', '_', '-', '/' or ':', was "
              + (operation == null ? "null" : "\"" + operation + "\""));
    }
    Checks.required("params", params);
  }

  /** A raw command without parameters. */
  public static RawCommand of(String operation) {
    return new RawCommand(operation, FieldMap.empty());
  }

  @Override
  public boolean idempotent() {
    return false;
  }
}
