package dev.homeport.domain.camera;

import dev.homeport.domain.FieldMap;
import dev.homeport.domain.internal.Checks;
import java.util.regex.Pattern;

/**
 * The escape hatch: any brand-specific module and method with plain parameters, answered with the
 * plain result fields. Use it for what the typed commands do not model yet. Not idempotent (its
 * effect is unknown), so never retried.
 *
 * @param module the brand's module name, e.g. {@code smartlife.cam.ipcamera.led}; letters, digits, {@code . _ -}
 * @param method the method name, e.g. {@code get_status}; letters, digits, {@code . _ -}
 * @param params the parameters ({@link FieldMap#empty()} for none)
 */
public record RawCommand(String module, String method, FieldMap params) implements CameraCommand<FieldMap> {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,128}");

  public RawCommand {
    checkName("module", module);
    checkName("method", method);
    Checks.required("params", params);
  }

  /** A raw command without parameters. */
  public static RawCommand of(String module, String method) {
    return new RawCommand(module, method, FieldMap.empty());
  }

  private static void checkName(String field, String value) {
    if (value == null || !NAME.matcher(value).matches()) {
      throw new IllegalArgumentException(
          field + " must be 1..128 letters, digits, '.', '_' or '-', was " + (value == null ? "null" : "\"" + value + "\""));
    }
  }

  @Override
  public boolean idempotent() {
    return false;
  }
}
