package dev.homeport.domain.camera;

/** Reads the SD card's state and encryption. */
public record GetSdCardState() implements CameraCommand<SdCardState> {}
