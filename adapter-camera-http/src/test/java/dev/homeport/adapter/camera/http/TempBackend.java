package dev.homeport.adapter.camera.http;

import dev.homeport.domain.camera.*;
import dev.homeport.ports.camera.*;
import dev.homeport.ports.*;
import java.util.*;
import java.util.concurrent.*;

/** TEMPORARY until InMemoryCamera lands. */
final class TempBackend implements Camera {
  final Map<Setting<?>, Object> values = new ConcurrentHashMap<>();
  volatile boolean reject;
  TempBackend() {
    values.put(Setting.POWER, true);
    values.put(Setting.NIGHT_VISION, NightVisionMode.AUTO);
  }
  public String name() { return "temp"; }
  @SuppressWarnings("unchecked")
  public <R> CompletableFuture<R> execute(CameraCommand<R> c) {
    if (reject) return CompletableFuture.failedFuture(new AuthenticationException("no"));
    if (c instanceof GetSetting<?> g) return CompletableFuture.completedFuture((R) values.get(g.setting()));
    if (c instanceof SetSetting<?> s) { values.put(s.setting(), s.value()); return CompletableFuture.completedFuture(null); }
    if (c instanceof GetCameraInfo) return CompletableFuture.completedFuture((R) ImmutableCameraInfo.builder().alias("Caméra ☃").model("KC120(US)").type("IOT.IPCAMERA").softwareVersion("2.3").hardwareVersion("1.0").mac("aa").deviceId("d").build());
    if (c instanceof Move || c instanceof Stop) return CompletableFuture.completedFuture(null);
    return CompletableFuture.failedFuture(new UnsupportedCommandException("x"));
  }
  public CompletableFuture<BatchResult> executeAll(List<? extends CameraCommand<?>> l) { throw new UnsupportedOperationException(); }
  public CameraCapabilities capabilities() { return CameraCapabilities.all(); }
  public void close() {}
}
