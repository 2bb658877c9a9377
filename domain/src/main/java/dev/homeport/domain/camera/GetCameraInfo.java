package dev.homeport.domain.camera;

/** Reads the camera's identity: alias, model, firmware, MAC and so on. */
public record GetCameraInfo() implements CameraCommand<CameraInfo> {}
