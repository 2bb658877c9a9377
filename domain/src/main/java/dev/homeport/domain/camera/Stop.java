package dev.homeport.domain.camera;

/** Stops any pan/tilt motion. Idempotent: stopping twice is stopping. */
public record Stop() implements CameraCommand<Void> {}
