package dev.homeport.domain.camera;

/**
 * Restarts the camera. The camera answers first and goes away for a while; commands sent meanwhile
 * fail as unreachable. Not idempotent (a second reboot restarts it again), so never retried.
 */
public record Reboot() implements CameraCommand<Void> {

  @Override
  public boolean idempotent() {
    return false;
  }
}
