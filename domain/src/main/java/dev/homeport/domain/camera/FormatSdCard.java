package dev.homeport.domain.camera;

/** Formats the SD card, erasing every recording. Destructive and not idempotent: never retried. */
public record FormatSdCard() implements CameraCommand<Void> {

  @Override
  public boolean idempotent() {
    return false;
  }
}
